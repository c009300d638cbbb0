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

