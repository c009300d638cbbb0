import IcplsDocument

/// A declaration and the document it is in.
public struct Declared<Declaration: Sendable>: Sendable {
    public var document: Int
    public var declaration: Declaration
}

/// A declaration after the first of its id: where it is, and the first one's value.
public struct DuplicateDeclaration: Sendable {
    public var kind: DeclarationKind
    public var id: String
    public var document: Int
    public var range: ByteRange
    public var first: Location
}

/// A website with its filing, in workspace order.
///
/// A class: every rule passes entries around, and a filing with all its websites is
/// too large to copy each time.
public final class WebsiteEntry: Sendable {
    public let document: Int
    public let filing: FilingDeclaration
    public let website: WebsiteDeclaration

    public init(document: Int, filing: FilingDeclaration, website: WebsiteDeclaration) {
        self.document = document
        self.filing = filing
        self.website = website
    }

    public var isDraft: Bool { filing.isDraft }
    public var hosting: Hosting { website.effectiveHosting }
}

/// Every declaration and reference of a workspace with the indexes the rules
/// share: the first declaration of each id, websites in the order they
/// consume numbers. Built by hash maps in one pass, never by pairwise scans.
public struct WorkspaceIndex: Sendable {
    public let documents: [AnalyzedDocument]
    /// Each document's position in `documents`.
    private let documentPositions: [DocumentKey: Int]
    public private(set) var accounts: [String: Declared<AccountDeclaration>] = [:]
    public private(set) var instances: [String: Declared<InstanceDeclaration>] = [:]
    public private(set) var serviceNumbers: [String: Declared<ServiceNumberDeclaration>] = [:]
    /// Declarations after the first of their id.
    public private(set) var duplicates: [DuplicateDeclaration] = []
    /// Every website in workspace order.
    public private(set) var websites: [WebsiteEntry] = []
    /// Indexes into `websites`: non-draft filings first, then drafts, each in workspace order (the ICP201 order).
    public private(set) var consumptionOrder: [Int] = []
    /// Every first number declaration, in workspace order.
    public private(set) var orderedServiceNumbers: [Declared<ServiceNumberDeclaration>] = []
    /// Declared ids in workspace order, for suggestions and completion.
    public private(set) var accountIDs: [String] = []
    public private(set) var instanceIDs: [String] = []
    public private(set) var numberIDs: [String] = []

    public init(documents unordered: [AnalyzedDocument]) {
        documents = unordered.sorted { $0.order < $1.order }
        documentPositions = Dictionary(documents.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        var firstFiling: [String: Location] = [:]
        // Sized up front: growing tables of tens of thousands of entries rehashes every key again and again.
        accounts.reserveCapacity(documents.reduce(0) { $0 + $1.model.accounts.count })
        instances.reserveCapacity(documents.reduce(0) { $0 + $1.model.instances.count })
        serviceNumbers.reserveCapacity(documents.reduce(0) { $0 + $1.model.serviceNumbers.count })
        websites.reserveCapacity(documents.reduce(0) { total, document in document.model.filings.reduce(total) { $0 + $1.websites.count } })
        for (documentIndex, document) in documents.enumerated() {
            let model = document.model
            for account in model.accounts where declare(account, \.id, as: .account, in: documentIndex, into: \.accounts) {
                accountIDs.append(account.id!.value)
            }
            for instance in model.instances where declare(instance, \.id, as: .instance, in: documentIndex, into: \.instances) {
                instanceIDs.append(instance.id!.value)
            }
            for number in model.serviceNumbers where declare(number, \.number, as: .serviceNumber, in: documentIndex, into: \.serviceNumbers) {
                orderedServiceNumbers.append(Declared(document: documentIndex, declaration: number))
                numberIDs.append(number.number!.value)
            }
            for filing in model.filings {
                if let id = filing.id {
                    if let first = firstFiling[id.value] {
                        duplicates.append(DuplicateDeclaration(kind: .filing, id: id.value, document: documentIndex, range: id.range, first: first))
                    } else {
                        firstFiling[id.value] = Location(document: document.key, range: id.range)
                    }
                }
                for website in filing.websites {
                    websites.append(WebsiteEntry(document: documentIndex, filing: filing, website: website))
                }
            }
        }
        consumptionOrder = websites.indices.filter { !websites[$0].isDraft } + websites.indices.filter { websites[$0].isDraft }
    }

    /// Keeps the first declaration of each id; a later one becomes a duplicate of it.
    /// True when `declaration` is the first of its id.
    private mutating func declare<Declaration>(
        _ declaration: Declaration, _ idPath: KeyPath<Declaration, Located<String>?>, as kind: DeclarationKind,
        in document: Int, into table: WritableKeyPath<WorkspaceIndex, [String: Declared<Declaration>]>
    ) -> Bool {
        guard let id = declaration[keyPath: idPath] else { return false }
        if let first = self[keyPath: table][id.value] {
            duplicates.append(DuplicateDeclaration(
                kind: kind, id: id.value, document: document, range: id.range,
                first: Location(document: documents[first.document].key, range: first.declaration[keyPath: idPath]!.range)
            ))
            return false
        }
        self[keyPath: table][id.value] = Declared(document: document, declaration: declaration)
        return true
    }

    /// The position of a document in workspace order.
    public func documentIndex(of key: DocumentKey) -> Int? {
        documentPositions[key]
    }

    public func document(_ key: DocumentKey) -> AnalyzedDocument? {
        documentIndex(of: key).map { documents[$0] }
    }

    public func location(_ document: Int, _ range: ByteRange) -> Location {
        Location(document: documents[document].key, range: range)
    }

    /// The declared instance a website is hosted on: the instance of its number when
    /// that number is declared (none when the number has no valid instance), else its `instance`.
    public func host(of website: WebsiteDeclaration) -> (instance: Declared<InstanceDeclaration>, takenFrom: ByteRange)? {
        if let number = website.serviceNumber, let declared = serviceNumbers[number.value] {
            guard let instanceID = declared.declaration.instance, let instance = instances[instanceID.value] else { return nil }
            return (instance, number.range)
        }
        if let instanceID = website.instance, let instance = instances[instanceID.value] {
            return (instance, instanceID.range)
        }
        return nil
    }
}
