import IcplsCore
import IcplsDocument

/// A position as the CLI shows it: 1-based line, 1-based column in UTF-16 code units.
struct CLIPosition: Comparable {
    var line: Int
    var column: Int

    static func < (lhs: CLIPosition, rhs: CLIPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A range converted to what the CLI formats print.
struct CLIRange {
    var path: String
    var start: CLIPosition
    var end: CLIPosition
}

/// The diagnostics of a check with CLI paths and positions, sorted as SPEC §6 says:
/// by path, line, column, rule, then end and message.
struct Report {
    struct Entry {
        var diagnostic: Diagnostic
        var range: CLIRange
        var related: [(range: CLIRange, message: String)]
        /// Repairs only: "ignore on this line" is an editor action.
        var fixes: [(title: String, edits: [(range: CLIRange, newText: String)])]
    }

    let diagnostics: [Entry]
    let documentCount: Int
    private let documents: [DocumentKey: AnalyzedDocument]

    init(result: CheckResult, currentDirectory: String) {
        var byKey: [DocumentKey: (document: AnalyzedDocument, path: String)] = [:]
        for document in result.index.documents {
            // Each document's path is made relative once, not once per position shown in it.
            byKey[document.key] = (document, CheckCommand.displayPath(document.key.rawValue, currentDirectory))
        }
        documents = byKey.mapValues(\.document)
        documentCount = result.index.documents.count
        var entries: [Entry] = []
        for diagnostic in result.allDiagnostics {
            guard let range = Self.convert(diagnostic.location, byKey) else { continue }
            entries.append(Entry(
                diagnostic: diagnostic,
                range: range,
                related: diagnostic.related.compactMap { related in
                    Self.convert(related.location, byKey).map { ($0, related.message) }
                },
                fixes: diagnostic.fixes.filter { !$0.isSuppression }.map { fix in
                    (fix.title, fix.edits.compactMap { edit in Self.convert(edit.location, byKey).map { ($0, edit.newText) } })
                }
            ))
        }
        diagnostics = entries.sorted { a, b in
            if a.range.path != b.range.path { return a.range.path.utf8.lexicographicallyPrecedes(b.range.path.utf8) }
            if a.range.start != b.range.start { return a.range.start < b.range.start }
            if a.diagnostic.rule != b.diagnostic.rule { return a.diagnostic.rule < b.diagnostic.rule }
            if a.range.end != b.range.end { return a.range.end < b.range.end }
            return a.diagnostic.message < b.diagnostic.message
        }
    }

    func document(_ key: DocumentKey) -> AnalyzedDocument? { documents[key] }

    func count(_ severity: Severity) -> Int {
        diagnostics.filter { $0.diagnostic.severity == severity }.count
    }

    private static func convert(_ location: Location, _ documents: [DocumentKey: (document: AnalyzedDocument, path: String)]) -> CLIRange? {
        guard let (document, path) = documents[location.document] else { return nil }
        func position(_ offset: Int) -> CLIPosition {
            let position = document.lineIndex.position(of: offset, in: document.text, encoding: .utf16)
            return CLIPosition(line: position.line + 1, column: position.character + 1)
        }
        return CLIRange(
            path: path,
            start: position(location.range.start),
            end: position(location.range.end)
        )
    }
}
