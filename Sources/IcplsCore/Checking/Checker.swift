import IcplsDocument

/// The diagnostics of one workspace check, with the analyses that produced
/// them (the editor features read the same index).
public struct CheckResult: Sendable {
    public let context: RuleContext
    /// Every diagnostic shown, grouped by document, each list in text order.
    public let diagnosticsByDocument: [DocumentKey: [Diagnostic]]

    public var index: WorkspaceIndex { context.index }

    public func diagnostics(for document: DocumentKey) -> [Diagnostic] {
        diagnosticsByDocument[document] ?? []
    }

    /// All diagnostics in workspace order.
    public var allDiagnostics: [Diagnostic] {
        index.documents.flatMap { diagnostics(for: $0.key) }
    }
}

public enum Checker {
    /// Runs every rule, then applies settings (off, severities) and suppression
    /// comments, which never change which rules fire, only what is shown.
    public static func check(
        _ documents: [AnalyzedDocument], settings: Settings = Settings(),
        today: @autoclosure () -> CalendarDate = CalendarDate.today(),
        catalog: any MessageCatalog = EnglishCatalog()
    ) -> CheckResult {
        let index = WorkspaceIndex(documents: documents)
        let context = RuleContext(index: index, asOf: settings.asOf ?? today(), catalog: catalog)
        var byDocument: [DocumentKey: [Diagnostic]] = [:]
        for rule in RuleRegistry.all {
            let description = rule.description
            guard let severity = settings.severity(of: description.id, default: description.defaultSeverity) else { continue }
            var sink = DiagnosticSink(index: index, catalog: catalog, rule: description.id, severity: severity)
            rule.check(context, &sink)
            for diagnostic in sink.diagnostics {
                byDocument[diagnostic.document, default: []].append(diagnostic)
            }
        }
        for document in index.documents {
            guard let found = byDocument[document.key] else { continue }
            let suppressions = Suppressions(document: document)
            let ignoreFixes = IgnoreCommentFix(document: document, catalog: catalog)
            byDocument[document.key] = found
                .filter { !suppressions.suppresses($0.rule, onLine: document.lineIndex.line(containing: $0.range.start)) }
                .map { diagnostic in
                    var shown = diagnostic
                    shown.fixes.append(ignoreFixes.fix(for: diagnostic))
                    return shown
                }
                .sorted { ($0.range.start, $0.range.end, $0.rule) < ($1.range.start, $1.range.end, $1.rule) }
        }
        return CheckResult(context: context, diagnosticsByDocument: byDocument)
    }
}

/// "Ignore ICPxxx on this line": appends ` // icp-ignore ICPxxx` to the line
/// where the diagnostic starts, or adds the ID to the `//` comment already there.
struct IgnoreCommentFix {
    let document: AnalyzedDocument
    let catalog: any MessageCatalog
    private let commentByLine: [Int: ByteRange]

    init(document: AnalyzedDocument, catalog: any MessageCatalog) {
        self.document = document
        self.catalog = catalog
        var comments: [Int: ByteRange] = [:]
        for comment in document.tree.lineComments {
            comments[document.lineIndex.line(containing: comment.start)] = comment
        }
        commentByLine = comments
    }

    func fix(for diagnostic: Diagnostic) -> Fix {
        let line = document.lineIndex.line(containing: diagnostic.range.start)
        let edit: TextEdit
        if let comment = commentByLine[line] {
            let text = Array(document.text[comment.start..<comment.end])
            if let ids = Suppressions.ruleIDs(inComment: text), let last = ids.last {
                // Add the ID after the last one already listed.
                let lastRange = text.lastRange(of: Array(last.utf8), before: text.count)
                let offset = comment.start + (lastRange?.upperBound ?? text.count)
                edit = TextEdit(location: Location(document: document.key, range: .empty(at: offset)), newText: ", \(diagnostic.rule)")
            } else if Suppressions.ruleIDs(inComment: text) != nil {
                edit = TextEdit(location: Location(document: document.key, range: .empty(at: comment.end)), newText: " \(diagnostic.rule)")
            } else {
                // Another comment ends the line: make it an icp-ignore comment that keeps its words.
                let spaced = text.count > 2 && (text[2] == 0x20 || text[2] == 0x09)
                edit = TextEdit(location: Location(document: document.key, range: ByteRange(start: comment.start, end: comment.start + 2)),
                                newText: "// icp-ignore \(diagnostic.rule)" + (spaced ? "" : " "))
            }
        } else {
            let end = document.lineIndex.lineContentEnds[line]
            edit = TextEdit(location: Location(document: document.key, range: .empty(at: end)), newText: " // icp-ignore \(diagnostic.rule)")
        }
        return Fix(title: catalog.text(.fixIgnoreOnLine(diagnostic.rule)), edits: [edit], isPreferred: false, isSuppression: true)
    }
}

extension Array where Element == UInt8 {
    /// The last occurrence of `needle` that ends at or before `limit`.
    func lastRange(of needle: [UInt8], before limit: Int) -> Range<Int>? {
        guard needle.count <= limit else { return nil }
        var start = limit - needle.count
        while start >= 0 {
            if Array(self[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
            start -= 1
        }
        return nil
    }
}
