import Foundation
import IcplsDocument

/// What the inventory sections of a workspace declare (accounts, instances, service
/// numbers) and every analysis that reads nothing else: the first declaration of each
/// id, each instance's eligibility, the quota taken by declared numbers, the references
/// among inventory entries that name nothing, and the numbers that could back a website.
///
/// Most edits change a filing and leave the inventory as it was; a check then takes the
/// previous check's inventory instead of building it again (`isCurrent(for:asOf:)`).
public final class Inventory: Sendable {
    /// The inventory arrays this was built from, per document in workspace order. Arrays
    /// compare equal at once when they share storage, which they do when nothing changed them.
    private let source: InventorySource
    /// The day eligibility was judged on.
    public let asOf: CalendarDate

    public let accounts: DeclarationTable<AccountDeclaration>
    public let instances: DeclarationTable<InstanceDeclaration>
    public let serviceNumbers: DeclarationTable<ServiceNumberDeclaration>
    /// Account, instance and number declarations after the first of their id.
    public let duplicates: [DuplicateDeclaration]

    /// The host problems of each declared instance, by its position in `instances`.
    let eligibility: [[EligibilityProblem]]
    /// The position in `instances` of each declared number's instance, by the number's position.
    let instanceOfNumber: [Int?]
    /// Positions in `serviceNumbers` of the numbers marked `"used": true`, in workspace order.
    let markedUsed: [Int]
    /// Positions in `serviceNumbers` of the numbers that can back a website unless one names them
    /// already: not `used`, applied for by their instance's purchaser, on an eligible host; in workspace order.
    let readyNumbers: [Int]
    /// The positions in `readyNumbers` of each instance's ready numbers, by the instance's position.
    let readyNumbersByInstance: [[Int]]
    /// The quota slots taken by declared numbers; websites that select an instance directly add theirs per check.
    let declaredQuota: QuotaPools
    /// `instances[].account` and `serviceNumbers[].appliedBy` that no document declares.
    let unknownAccountReferences: [Reference]
    /// `serviceNumbers[].instance` that no document declares.
    let unknownInstanceReferences: [Reference]
    /// Positions in `serviceNumbers` of numbers applied for by an account that did not purchase the instance (ICP301).
    let appliedByNonPurchaser: [Int]

    private let closestNames = ClosestNameIndexes()

    init(documents: [AnalyzedDocument], asOf: CalendarDate) {
        source = InventorySource(documents.map(DocumentInventory.init))
        self.asOf = asOf
        let tables = DeclarationTables(documents: documents)
        let (accounts, instances, serviceNumbers) = (tables.accounts, tables.instances, tables.serviceNumbers)
        self.accounts = accounts
        self.instances = instances
        self.serviceNumbers = serviceNumbers
        duplicates = tables.duplicates

        // Each instance is judged once; the host rules and the unused-number fixes both read it.
        let eligibility = instances.ordered.map { HostEligibility.problems(of: $0.declaration, asOf: asOf) }
        self.eligibility = eligibility
        var instanceOfNumber: [Int?] = []
        instanceOfNumber.reserveCapacity(serviceNumbers.count)
        var markedUsed: [Int] = []
        var ready: [Int] = []
        var readyByInstance = [[Int]](repeating: [], count: instances.count)
        var appliedByNonPurchaser: [Int] = []
        var quota = QuotaPools()
        for (position, declared) in serviceNumbers.ordered.enumerated() {
            let number = declared.declaration
            if number.isMarkedUsed { markedUsed.append(position) }
            let instancePosition = number.instance.flatMap { instances.position(of: $0.value) }
            instanceOfNumber.append(instancePosition)
            guard let value = number.number, let instancePosition else { continue }
            let instance = instances.ordered[instancePosition].declaration
            quota.take(instance, QuotaUsage.Slot(document: declared.document, range: value.range))
            guard let appliedBy = number.appliedBy, let purchaser = instance.account else { continue }
            if appliedBy.value == purchaser.value {
                if !number.isMarkedUsed, eligibility[instancePosition].isEmpty {
                    readyByInstance[instancePosition].append(ready.count)
                    ready.append(position)
                }
            } else if accounts[appliedBy.value] != nil, accounts[purchaser.value] != nil {
                appliedByNonPurchaser.append(position)
            }
        }
        self.instanceOfNumber = instanceOfNumber
        self.markedUsed = markedUsed
        readyNumbers = ready
        readyNumbersByInstance = readyByInstance
        self.appliedByNonPurchaser = appliedByNonPurchaser
        declaredQuota = quota

        // Every declaration's references, duplicates' too.
        var unknownInstances: [Reference] = []
        var unknownAccounts: [Reference] = []
        for (document, analyzed) in documents.enumerated() {
            for instance in analyzed.model.instances {
                if let account = instance.account, accounts[account.value] == nil {
                    unknownAccounts.append(Reference(document: document, value: account))
                }
            }
            for number in analyzed.model.serviceNumbers {
                if let account = number.appliedBy, accounts[account.value] == nil {
                    unknownAccounts.append(Reference(document: document, value: account))
                }
                if let instance = number.instance, instances[instance.value] == nil {
                    unknownInstances.append(Reference(document: document, value: instance))
                }
            }
        }
        unknownAccountReferences = unknownAccounts
        unknownInstanceReferences = unknownInstances
    }

    /// Whether this was built from the inventory `documents` declare now, for the same day.
    public func isCurrent(for documents: [AnalyzedDocument], asOf: CalendarDate) -> Bool {
        asOf == self.asOf && source.matches(documents)
    }

    /// The host problems of a declared instance.
    public func problems(of instance: String) -> [EligibilityProblem]? {
        instances.position(of: instance).map { eligibility[$0] }
    }

    /// The number at a position in `serviceNumbers`, and its instance's id.
    func readyNumber(_ position: Int) -> (number: String, instance: String) {
        let number = serviceNumbers.ordered[position].declaration
        return (number.number!.value, number.instance!.value)
    }

    /// Declared ids in workspace order, for suggestions and completion.
    public var accountIDs: [String] { accounts.ordered.map { $0.declaration.id!.value } }
    public var instanceIDs: [String] { instances.ordered.map { $0.declaration.id!.value } }
    public var numberIDs: [String] { serviceNumbers.ordered.map { $0.declaration.number!.value } }

    /// "Did you mean" indexes over the declared ids, each built the first time a rule asks.
    var accountNames: ClosestNameIndex { closestNames.index(.account) { accountIDs } }
    var instanceNames: ClosestNameIndex { closestNames.index(.instance) { instanceIDs } }
    var numberNames: ClosestNameIndex { closestNames.index(.serviceNumber) { numberIDs } }
}

/// The first declaration of each id, in workspace order, and where to find it by id.
public struct DeclarationTable<Declaration: Sendable>: Sendable {
    /// First declarations in workspace order.
    public private(set) var ordered: [Declared<Declaration>] = []
    private var positions: [String: Int] = [:]

    public subscript(id: String) -> Declared<Declaration>? {
        positions[id].map { ordered[$0] }
    }

    /// The position of the first declaration of `id` in `ordered`.
    public func position(of id: String) -> Int? {
        positions[id]
    }

    public var count: Int { ordered.count }

    mutating func reserveCapacity(_ capacity: Int) {
        ordered.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    /// Adds `declared` as the first of `id`, or returns the first when `id` has one.
    mutating func insert(_ declared: Declared<Declaration>, id: String) -> Declared<Declaration>? {
        // One lookup for a first declaration; a duplicate, which is rare, puts the first one's position back.
        guard let first = positions.updateValue(ordered.count, forKey: id) else {
            ordered.append(declared)
            return nil
        }
        positions[id] = first
        return ordered[first]
    }
}

/// The inventory arrays an inventory was built from.
///
/// When equal arrays come in other storage (the same file read again, or opened in the
/// editor after it was read from disk), they replace the kept ones: the next comparison is
/// by storage again, and the old arrays are let go.
private final class InventorySource: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [DocumentInventory]

    init(_ documents: [DocumentInventory]) {
        self.documents = documents
    }

    func matches(_ analyzed: [AnalyzedDocument]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard analyzed.count == documents.count,
              zip(analyzed, documents).allSatisfy({ document, built in built.matches(document) }) else { return false }
        documents = analyzed.map(DocumentInventory.init)
        return true
    }
}

/// The inventory arrays of one document, kept to tell whether they changed.
private struct DocumentInventory: Sendable {
    var key: DocumentKey
    var accounts: [AccountDeclaration]
    var instances: [InstanceDeclaration]
    var serviceNumbers: [ServiceNumberDeclaration]

    init(_ document: AnalyzedDocument) {
        key = document.key
        accounts = document.model.accounts
        instances = document.model.instances
        serviceNumbers = document.model.serviceNumbers
    }

    func matches(_ document: AnalyzedDocument) -> Bool {
        key == document.key && accounts == document.model.accounts && instances == document.model.instances
            && serviceNumbers == document.model.serviceNumbers
    }
}

/// The first declaration of each id, and the later ones as duplicates of it.
private struct DeclarationTables {
    var accounts = DeclarationTable<AccountDeclaration>()
    var instances = DeclarationTable<InstanceDeclaration>()
    var serviceNumbers = DeclarationTable<ServiceNumberDeclaration>()
    var duplicates: [DuplicateDeclaration] = []

    init(documents: [AnalyzedDocument]) {
        // Sized up front: growing tables of tens of thousands of entries rehashes every key again and again.
        accounts.reserveCapacity(documents.reduce(0) { $0 + $1.model.accounts.count })
        instances.reserveCapacity(documents.reduce(0) { $0 + $1.model.instances.count })
        serviceNumbers.reserveCapacity(documents.reduce(0) { $0 + $1.model.serviceNumbers.count })
        for (documentIndex, document) in documents.enumerated() {
            let model = document.model
            for account in model.accounts {
                Self.declare(Declared(document: documentIndex, declaration: account), as: .account, in: &accounts, &duplicates, documents)
            }
            for instance in model.instances {
                Self.declare(Declared(document: documentIndex, declaration: instance), as: .instance, in: &instances, &duplicates, documents)
            }
            for number in model.serviceNumbers {
                Self.declare(Declared(document: documentIndex, declaration: number), as: .serviceNumber, in: &serviceNumbers, &duplicates, documents)
            }
        }
    }

    /// Keeps the first declaration of each id; a later one becomes a duplicate of it.
    private static func declare<Declaration: IdentifiedDeclaration>(
        _ declared: Declared<Declaration>, as kind: DeclarationKind, in table: inout DeclarationTable<Declaration>,
        _ duplicates: inout [DuplicateDeclaration], _ documents: [AnalyzedDocument]
    ) {
        guard let id = declared.declaration.identifier, let first = table.insert(declared, id: id.value) else { return }
        duplicates.append(DuplicateDeclaration(
            kind: kind, id: id.value, document: declared.document, range: id.range,
            first: Location(document: documents[first.document].key, range: first.declaration.identifier!.range)
        ))
    }
}

/// A declaration with an id of its own.
protocol IdentifiedDeclaration: Sendable {
    var identifier: Located<String>? { get }
}

extension AccountDeclaration: IdentifiedDeclaration {
    var identifier: Located<String>? { id }
}

extension InstanceDeclaration: IdentifiedDeclaration {
    var identifier: Located<String>? { id }
}

extension ServiceNumberDeclaration: IdentifiedDeclaration {
    var identifier: Located<String>? { number }
}

/// The three "did you mean" indexes of an inventory, each made once, on first use, by
/// whichever rule asks first; rules run side by side, so a lock guards them.
private final class ClosestNameIndexes: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [DeclarationKind: ClosestNameIndex] = [:]

    func index(_ kind: DeclarationKind, names: () -> [String]) -> ClosestNameIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index = made[kind] { return index }
        let index = ClosestNameIndex(names())
        made[kind] = index
        return index
    }
}
