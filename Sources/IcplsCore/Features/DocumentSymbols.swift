import IcplsDocument

/// One entry of a document's outline.
public struct DocumentSymbol: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// A top-level array: "accounts", "instances", "serviceNumbers", "filings".
        case group
        case account, instance, serviceNumber, filing, website
    }

    public var name: String
    public var detail: String?
    public var kind: Kind
    /// The whole member or object.
    public var range: ByteRange
    /// What an editor selects: the group's key, the id, number or domain value
    /// (the opening brace when the object has none).
    public var selectionRange: ByteRange
    public var children: [DocumentSymbol]
}

/// The outline of a document: each top-level group, its declarations, and a filing's websites.
public enum DocumentSymbols {
    static let groups: [(member: String, kind: DocumentSymbol.Kind)] = [
        ("accounts", .account), ("instances", .instance), ("serviceNumbers", .serviceNumber), ("filings", .filing),
    ]

    public static func documentSymbols(in document: DocumentKey, result: CheckResult) -> [DocumentSymbol] {
        guard let analyzed = result.index.document(document), let root = analyzed.tree.root?.object else { return [] }
        let outline = Outline(model: analyzed.model)
        return groups.compactMap { group in
            // The member that counts is the last of its name, as for the rules.
            guard let member = root.member(group.member), let elements = member.value.array else { return nil }
            let children = elements.compactMap { element in
                element.object == nil ? nil : outline.symbol(for: element.range, kind: group.kind)
            }
            return DocumentSymbol(
                name: group.member, detail: nil, kind: .group,
                range: member.range, selectionRange: member.keyRange, children: children
            )
        }
    }
}

/// The declarations of one model by the offset of their opening brace, which
/// is where their object starts in the syntax tree.
private struct Outline {
    var accounts: [Int: AccountDeclaration] = [:]
    var instances: [Int: InstanceDeclaration] = [:]
    var serviceNumbers: [Int: ServiceNumberDeclaration] = [:]
    var filings: [Int: FilingDeclaration] = [:]

    init(model: DocumentModel) {
        for account in model.accounts { accounts[account.open.start] = account }
        for instance in model.instances { instances[instance.open.start] = instance }
        for number in model.serviceNumbers { serviceNumbers[number.open.start] = number }
        for filing in model.filings { filings[filing.open.start] = filing }
    }

    func symbol(for object: ByteRange, kind: DocumentSymbol.Kind) -> DocumentSymbol? {
        let start = object.start
        switch kind {
        case .account:
            guard let account = accounts[start] else { return nil }
            return make(account.id, "(no id)", account.name?.value, .account, object, account.open)
        case .instance:
            guard let instance = instances[start] else { return nil }
            let detail = [instance.product?.value.rawValue, instance.region?.value].compactMap { $0 }.joined(separator: " · ")
            return make(instance.id, "(no id)", detail.isEmpty ? nil : detail, .instance, object, instance.open)
        case .serviceNumber:
            guard let number = serviceNumbers[start] else { return nil }
            return make(number.number, "(no number)", number.instance.map { "on \($0.value)" }, .serviceNumber, object, number.open)
        case .filing:
            guard let filing = filings[start] else { return nil }
            let detail = [filing.effectiveStatus.rawValue, filing.account?.value].compactMap { $0 }.joined(separator: " · ")
            var symbol = make(filing.id, "(no id)", detail, .filing, object, filing.open)
            symbol.children = filing.websites.map(website)
            return symbol
        case .group, .website:
            return nil
        }
    }

    private func website(_ website: WebsiteDeclaration) -> DocumentSymbol {
        let detail: String?
        if website.effectiveHosting != .alibabaCloud {
            detail = website.effectiveHosting.rawValue
        } else if let number = website.serviceNumber {
            detail = number.value
        } else {
            detail = website.instance.map { "instance \($0.value)" }
        }
        return make(website.domain, "(no domain)", detail, .website, website.objectRange, website.open)
    }

    private func make(
        _ name: Located<String>?, _ missing: String, _ detail: String?, _ kind: DocumentSymbol.Kind,
        _ object: ByteRange, _ open: ByteRange
    ) -> DocumentSymbol {
        DocumentSymbol(
            name: name?.value ?? missing, detail: detail, kind: kind,
            range: object, selectionRange: name?.range ?? open, children: []
        )
    }
}
