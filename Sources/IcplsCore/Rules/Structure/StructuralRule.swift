import IcplsDocument

/// The structure rules (ICP002–ICP006) report what the document reader found
/// while it read each document against the schema.
protocol StructuralRule: Rule {}

extension StructuralRule {
    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        for (documentIndex, document) in context.index.documents.enumerated() {
            for finding in document.findings where finding.rule == id {
                sink.emit(document: documentIndex, range: finding.range, finding.message,
                          fixes: fixes(for: finding, document: documentIndex, context))
            }
        }
    }

    private func fixes(for finding: StructuralFinding, document: Int, _ context: RuleContext) -> [Fix] {
        switch finding.repair {
        case .closest(let typed, let candidates):
            return context.fixes.closestName(document: document, range: finding.range, typed: typed, candidates: candidates)
        case .bareHostName(let host):
            return [context.fixes.bareHostName(document: document, range: finding.range, host: host)]
        case nil:
            return []
        }
    }
}
