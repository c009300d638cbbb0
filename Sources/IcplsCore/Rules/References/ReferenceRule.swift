import IcplsDocument

/// Every reference of one kind in the workspace, with the document it is in.
struct Reference {
    var document: Int
    var value: Located<String>
}

extension WorkspaceIndex {
    /// `instances[].account`, `serviceNumbers[].appliedBy`, `filings[].account`, duplicates included.
    var accountReferences: [Reference] {
        var references: [Reference] = []
        for (document, analyzed) in documents.enumerated() {
            let model = analyzed.model
            references += model.instances.compactMap { $0.account.map { Reference(document: document, value: $0) } }
            references += model.serviceNumbers.compactMap { $0.appliedBy.map { Reference(document: document, value: $0) } }
            references += model.filings.compactMap { $0.account.map { Reference(document: document, value: $0) } }
        }
        return references.sorted { ($0.document, $0.value.range.start) < ($1.document, $1.value.range.start) }
    }

    /// `serviceNumbers[].instance` and `websites[].instance`.
    var instanceReferences: [Reference] {
        var references: [Reference] = []
        for (document, analyzed) in documents.enumerated() {
            references += analyzed.model.serviceNumbers.compactMap { $0.instance.map { Reference(document: document, value: $0) } }
        }
        references += websites.compactMap { entry in entry.website.instance.map { Reference(document: entry.document, value: $0) } }
        return references.sorted { ($0.document, $0.value.range.start) < ($1.document, $1.value.range.start) }
    }
}


extension DiagnosticSink {
    /// Reports a reference that no document declares, suggesting the closest declared
    /// name in the message (when one is closest) and offering the closest as fixes.
    mutating func emitUnknownReference(
        _ value: Located<String>, document: Int, among names: ClosestNameIndex, _ context: RuleContext,
        _ message: (_ typed: String, _ suggestion: String?) -> Message
    ) {
        let closest = names.closest(value.value)
        emit(
            document: document, range: value.range, message(value.value, closest.count == 1 ? closest[0] : nil),
            fixes: context.fixes.replaceWithClosest(document: document, range: value.range, closest: closest)
        )
    }
}
