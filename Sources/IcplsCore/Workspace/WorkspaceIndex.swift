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
    /// The position in `WorkspaceIndex.serviceNumbers` of the number the website names, when declared.
    public let declaredNumber: Int?

    public init(document: Int, filing: FilingDeclaration, website: WebsiteDeclaration, declaredNumber: Int?) {
        self.document = document
        self.filing = filing
        self.website = website
        self.declaredNumber = declaredNumber
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
    /// The declarations of the inventory sections and what reads only them.
    public let inventory: Inventory
    /// Filing ids declared after the first of their id.
    private var filingDuplicates: [DuplicateDeclaration] = []
    /// Every website in workspace order.
    public private(set) var websites: [WebsiteEntry] = []
    /// Indexes into `websites`: non-draft filings first, then drafts, each in workspace order (the ICP201 order).
    public private(set) var consumptionOrder: [Int] = []
    /// The domain each website claims, as domains are compared (ICP504), by the website's position
    /// in `websites`; nil when it has none or its filing is cancelled. Made with the websites,
    /// while their domains are at hand.
    public private(set) var claimedDomains: [ClaimedDomain?] = []

    public var accounts: DeclarationTable<AccountDeclaration> { inventory.accounts }
    public var instances: DeclarationTable<InstanceDeclaration> { inventory.instances }
    public var serviceNumbers: DeclarationTable<ServiceNumberDeclaration> { inventory.serviceNumbers }
    /// Declarations after the first of their id.
    public var duplicates: [DuplicateDeclaration] { inventory.duplicates + filingDuplicates }
    /// Every first number declaration, in workspace order.
    public var orderedServiceNumbers: [Declared<ServiceNumberDeclaration>] { inventory.serviceNumbers.ordered }
    /// Declared ids in workspace order, for suggestions and completion.
    public var accountIDs: [String] { inventory.accountIDs }
    public var instanceIDs: [String] { inventory.instanceIDs }
    public var numberIDs: [String] { inventory.numberIDs }

    /// The index of `documents`; `inventory` is used when it was built from the same
    /// inventory arrays for the same day, and made again otherwise.
    public init(documents unordered: [AnalyzedDocument], asOf: CalendarDate, reusing inventory: Inventory? = nil) {
        let documents = unordered.sorted { $0.order < $1.order }
        self.documents = documents
        documentPositions = Dictionary(documents.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        // Sized up front, as the declaration tables are: a check after every edit makes this again.
        var filingIDs = ExactTextPositions(minimumCapacity: documents.reduce(0) { $0 + $1.model.filings.count })
        var firstFilings: [Location] = []
        // Filings are found by place, not copied: a copy of a declaration retains every string in it.
        var filings: [(document: Int, place: Int)] = []
        for (documentIndex, document) in documents.enumerated() {
            let inDocument = document.model.filings
            for place in inDocument.indices {
                filings.append((documentIndex, place))
                guard let id = inDocument[place].id else { continue }
                let (position, isNew) = filingIDs.insert(id.value)
                if isNew {
                    firstFilings.append(Location(document: document.key, range: id.range))
                } else {
                    filingDuplicates.append(DuplicateDeclaration(
                        kind: .filing, id: id.value, document: documentIndex, range: id.range, first: firstFilings[position]
                    ))
                }
            }
        }
        // Each website's number is looked up here, once; every rule reads the position. The
        // filings are taken in pieces side by side: the lookups are most of an edit's check.
        // A new inventory is finished beside them: they need only its number table.
        let pieces = filings.count < 2_000 ? 1 : 4
        let allFilings = filings
        @Sendable func entries(_ piece: Int, numbers: DeclarationTable<ServiceNumberDeclaration>) -> WebsitePiece {
            var entries = WebsitePiece()
            for (document, place) in allFilings[(allFilings.count * piece / pieces)..<(allFilings.count * (piece + 1) / pieces)] {
                let filing = documents[document].model.filings[place]
                let claims = filing.effectiveStatus != .cancelled
                for website in filing.websites.indices {
                    let number = filing.websites[website].serviceNumber.flatMap { numbers.position(of: $0.value) }
                    let domain = claims ? filing.websites[website].domain.map { ClaimedDomain($0.value) } : nil
                    entries.websites.append(WebsiteEntry(document: document, filing: filing, website: filing.websites[website], declaredNumber: number))
                    entries.domains.append(domain)
                }
            }
            return entries
        }
        if let inventory, inventory.isCurrent(for: documents, asOf: asOf) {
            self.inventory = inventory
            let made = Parallel.map(pieces) { entries($0, numbers: inventory.serviceNumbers) }
            websites = made.flatMap(\.websites)
            claimedDomains = made.flatMap(\.domains)
        } else {
            let tables = InventoryTables(documents: documents, asOf: asOf)
            let work = { @Sendable (work: Int) -> IndexWork in
                work == 0 ? .inventory(Inventory(tables)) : .websites(entries(work - 1, numbers: tables.serviceNumbers))
            }
            // A small workspace is not worth a second thread. Work 0 is the inventory, the rest websites.
            let made = pieces == 1 ? [work(0), work(1)] : Parallel.map(1 + pieces, work)
            guard case .inventory(let inventory) = made[0] else { preconditionFailure("work 0 makes the inventory") }
            self.inventory = inventory
            for case .websites(let piece) in made {
                websites += piece.websites
                claimedDomains += piece.domains
            }
        }
        consumptionOrder = websites.indices.filter { !websites[$0].isDraft } + websites.indices.filter { websites[$0].isDraft }
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
    /// `position` is the instance's position in `instances`.
    public func host(of entry: WebsiteEntry) -> (instance: Declared<InstanceDeclaration>, position: Int, takenFrom: ByteRange)? {
        if let number = entry.declaredNumber, let range = entry.website.serviceNumber?.range {
            return inventory.instanceOfNumber[number].map { (instances.ordered[$0], $0, range) }
        }
        if let instanceID = entry.website.instance, let position = instances.position(of: instanceID.value) {
            return (instances.ordered[position], position, instanceID.range)
        }
        return nil
    }
}

/// What one piece of work of `WorkspaceIndex.init` makes.
private enum IndexWork: Sendable {
    case inventory(Inventory)
    case websites(WebsitePiece)
}

/// The websites of some filings, and the domains they claim.
private struct WebsitePiece: Sendable {
    var websites: [WebsiteEntry] = []
    var domains: [ClaimedDomain?] = []
}

/// How a website's domain compares (`HostName.comparison(of:)`): the hash of its key
/// (`ExactTextPositions.hash`), and whether keys like it compare by their bytes. Plain values, so
/// that ICP504 reads no domain again unless another has the same hash.
public struct ClaimedDomain: Sendable {
    public let hash: UInt64
    public let comparesByBytes: Bool

    init(_ domain: String) {
        let (key, comparesByBytes) = HostName.comparison(of: domain)
        hash = ExactTextPositions.hash(key)
        self.comparesByBytes = comparesByBytes
    }
}
