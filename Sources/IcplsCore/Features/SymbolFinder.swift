import IcplsDocument

/// What an id or number names.
public enum SymbolKind: String, Sendable, Hashable, CaseIterable {
    case account, instance, serviceNumber, filing
}

/// One place where an id or number is written: a declaration
/// (`accounts[].id`, `instances[].id`, `serviceNumbers[].number`, `filings[].id`)
/// or a reference to one.
public struct SymbolOccurrence: Hashable, Sendable {
    public var kind: SymbolKind
    public var name: String
    /// The string token, quotes included.
    public var location: Location
    public var isDeclaration: Bool

    public init(kind: SymbolKind, name: String, location: Location, isDeclaration: Bool) {
        self.kind = kind
        self.name = name
        self.location = location
        self.isDeclaration = isDeclaration
    }
}

/// Finds ids and numbers in the documents' models. Every feature that
/// navigates, renames or describes a symbol starts here, so they all agree on
/// what is a symbol and where it is.
public enum SymbolFinder {
    /// The id or number under the cursor: `offset` inside its string token or just after it.
    public static func symbol(at offset: Int, in document: DocumentKey, result: CheckResult) -> SymbolOccurrence? {
        guard let analyzed = result.index.document(document) else { return nil }
        let found = occurrences(in: analyzed)
        // Two tokens can meet only in broken text (`"a""b"`); the one the cursor is on wins.
        return found.first { $0.location.range.contains(offset) } ?? found.first { $0.location.range.touches(offset) }
    }

    /// Every declaration and reference of one name, in workspace order;
    /// later (duplicate) declarations included.
    public static func occurrences(of kind: SymbolKind, named name: String, in result: CheckResult) -> [SymbolOccurrence] {
        result.index.documents.flatMap { document in
            occurrences(in: document).filter { $0.kind == kind && $0.name.isExactly(name) }
        }
    }

    /// Every id and number of one document, in text order. Only values the
    /// rules read are symbols: an invalid or empty id is none.
    public static func occurrences(in document: AnalyzedDocument) -> [SymbolOccurrence] {
        var found: [SymbolOccurrence] = []
        func note(_ kind: SymbolKind, _ value: Located<String>?, declaration: Bool) {
            guard let value else { return }
            found.append(SymbolOccurrence(
                kind: kind, name: value.value,
                location: Location(document: document.key, range: value.range),
                isDeclaration: declaration
            ))
        }
        let model = document.model
        for account in model.accounts {
            note(.account, account.id, declaration: true)
        }
        for instance in model.instances {
            note(.instance, instance.id, declaration: true)
            note(.account, instance.account, declaration: false)
        }
        for number in model.serviceNumbers {
            note(.serviceNumber, number.number, declaration: true)
            note(.instance, number.instance, declaration: false)
            note(.account, number.appliedBy, declaration: false)
        }
        for filing in model.filings {
            note(.filing, filing.id, declaration: true)
            note(.account, filing.account, declaration: false)
            for website in filing.websites {
                note(.serviceNumber, website.serviceNumber, declaration: false)
                note(.instance, website.instance, declaration: false)
            }
        }
        return found.sorted { $0.location.range < $1.location.range }
    }

    /// The kind of symbol a member's value names, and whether it declares it;
    /// nil for members that hold no id or number.
    static func role(of member: String, in object: ObjectKind) -> (kind: SymbolKind, isDeclaration: Bool)? {
        switch (object, member) {
        case (.account, "id"): return (.account, true)
        case (.instance, "id"): return (.instance, true)
        case (.serviceNumber, "number"): return (.serviceNumber, true)
        case (.filing, "id"): return (.filing, true)
        case (.instance, "account"), (.serviceNumber, "appliedBy"), (.filing, "account"): return (.account, false)
        case (.serviceNumber, "instance"), (.website, "instance"): return (.instance, false)
        case (.website, "serviceNumber"): return (.serviceNumber, false)
        default: return nil
        }
    }
}

