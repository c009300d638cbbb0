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
    ///
    /// `inventory`, a previous check's `index.inventory`, is used again when the inventory
    /// sections have not changed since; most edits change a filing only.
    public static func check(
        _ documents: [AnalyzedDocument], settings: Settings = Settings(),
        today: @autoclosure () -> CalendarDate = CalendarDate.today(),
        catalog: any MessageCatalog = EnglishCatalog(), reusing inventory: Inventory? = nil
    ) -> CheckResult {
        let index = WorkspaceIndex(documents: documents, asOf: settings.asOf ?? today(), reusing: inventory)
        let context = RuleContext(index: index, catalog: catalog)
        var byDocument: [DocumentKey: [Diagnostic]] = [:]
        // Rules only read the shared context, so they run side by side, longest first; their
        // findings are gathered in registry order, as if they had run one after another.
        let rules = RuleRegistry.all, startOrder = RuleRegistry.startOrder
        let findingsAsStarted = Parallel.map(rules.count) { started -> [Diagnostic] in
            let rule = rules[startOrder[started]]
            guard let severity = settings.severity(of: rule.id, default: rule.description.defaultSeverity) else { return [] }
            var sink = DiagnosticSink(index: index, catalog: catalog, rule: rule.id, severity: severity)
            rule.check(context, &sink)
            return sink.diagnostics
        }
        var findings = [[Diagnostic]](repeating: [], count: rules.count)
        for (started, found) in findingsAsStarted.enumerated() {
            findings[startOrder[started]] = found
        }
        for diagnostic in findings.joined() {
            byDocument[diagnostic.document, default: []].append(diagnostic)
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
