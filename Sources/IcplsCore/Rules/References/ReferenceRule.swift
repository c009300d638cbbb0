import IcplsDocument

/// A reference in the workspace, with the document it is in.
struct Reference: Sendable {
    var document: Int
    var value: Located<String>
}

extension WorkspaceIndex {
    /// `instances[].account`, `serviceNumbers[].appliedBy` and `filings[].account` that no
    /// document declares, duplicates included; the inventory's were found with the inventory.
    var unknownAccountReferences: [Reference] {
        var references = inventory.unknownAccountReferences
        for (document, analyzed) in documents.enumerated() {
            for filing in analyzed.model.filings {
                if let account = filing.account, accounts[account.value] == nil {
                    references.append(Reference(document: document, value: account))
                }
            }
        }
        return references
    }

    /// `serviceNumbers[].instance` and `websites[].instance` that no document declares.
    var unknownInstanceReferences: [Reference] {
        var references = inventory.unknownInstanceReferences
        for entry in websites {
            if let instance = entry.website.instance, instances[instance.value] == nil {
                references.append(Reference(document: entry.document, value: instance))
            }
        }
        return references
    }
}

extension DiagnosticSink {
    /// Reports references that no document declares, each suggesting the closest declared id
    /// of `kind` in the message (when one is closest) and offering the closest as fixes. The
    /// closest ids are found for all of them at once.
    mutating func emitUnknownReferences(
        _ references: [Reference], of kind: DeclarationKind, _ context: RuleContext,
        _ message: (_ typed: String, _ suggestion: String?) -> Message
    ) {
        let closest = context.index.inventory.closestIDs(kind, to: references.map(\.value.value))
        for (reference, closest) in zip(references, closest) {
            emitUnknownReference(reference.value, document: reference.document, closest: closest, context, message)
        }
    }

    private mutating func emitUnknownReference(
        _ value: Located<String>, document: Int, closest: [String], _ context: RuleContext,
        _ message: (_ typed: String, _ suggestion: String?) -> Message
    ) {
        emit(
            document: document, range: value.range, message(value.value, closest.count == 1 ? closest[0] : nil),
            fixes: context.fixes.replaceWithClosest(document: document, range: value.range, closest: closest)
        )
    }
}
