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

    convenience init(documents: [AnalyzedDocument], asOf: CalendarDate) {
        self.init(InventoryTables(documents: documents, asOf: asOf))
    }

    /// The rest of the inventory whose tables are `tables`: what the inventory says of each number.
    init(_ tables: InventoryTables) {
        let (numberTable, beside) = (tables.numberTable, tables.beside)
        source = InventorySource(tables.documents.map(DocumentInventory.init))
        asOf = tables.asOf
        accounts = beside.accounts
        instances = beside.instances
        serviceNumbers = numberTable.table
        duplicates = beside.accountDuplicates + beside.instanceDuplicates + numberTable.duplicates
        eligibility = beside.eligibility
        unknownAccountReferences = beside.unknownAccountReferences
        unknownInstanceReferences = beside.unknownInstanceReferences

        let numbers = DeclaredNumbers(
            serviceNumbers, instances: instances, accounts: accounts, eligibility: eligibility,
            instanceOfEachNumber: beside.instanceOfEachNumber
        )
        instanceOfNumber = numbers.instanceOfNumber
        markedUsed = numbers.markedUsed
        readyNumbers = numbers.ready
        readyNumbersByInstance = numbers.readyByInstance
        appliedByNonPurchaser = numbers.appliedByNonPurchaser
        declaredQuota = numbers.quota
    }

    /// Whether this was built from the inventory `documents` declare now, for the same day.
    public func isCurrent(for documents: [AnalyzedDocument], asOf: CalendarDate) -> Bool {
        asOf == self.asOf && source.matches(documents)
    }

    /// The number at a position in `serviceNumbers`, and its instance's id.
    func readyNumber(_ position: Int) -> (number: String, instance: String) {
        let number = serviceNumbers.ordered[position].declaration
        return (number.number!.value, number.instance!.value)
    }

    /// Declared ids in workspace order, for suggestions and completion.
    public var accountIDs: [String] { accounts.orderedIDs }
    public var instanceIDs: [String] { instances.orderedIDs }
    public var numberIDs: [String] { serviceNumbers.orderedIDs }

    /// Whether the declared ids of `kind` have a "did you mean" index yet (for tests).
    func hasClosestIDIndex(_ kind: DeclarationKind) -> Bool {
        closestNames.isIndexed(kind)
    }

    /// "Did you mean" answers for ids of one kind that no document declares: for each of `typed`,
    /// the closest declared ids, in workspace order (`ClosestName`).
    func closestIDs(_ kind: DeclarationKind, to typed: [String]) -> [[String]] {
        closestNames.closest(kind, to: typed) { () -> [String] in
            switch kind {
            case .account: accountIDs
            case .instance: instanceIDs
            case .serviceNumber: numberIDs
            case .filing: [] // filings are no part of an inventory
            }
        }
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
            // `==` takes Unicode-equivalent ids for equal; ids compare exactly, so an edit to one
            // written with other bytes is an edit (the same storage, as after an edit elsewhere, is settled at once).
            && Self.same(accounts, document.model.accounts) { isSameID($0.id, $1.id) }
            && Self.same(instances, document.model.instances) { isSameID($0.id, $1.id) && isSameID($0.account, $1.account) }
            && Self.same(serviceNumbers, document.model.serviceNumbers) {
                isSameID($0.number, $1.number) && isSameID($0.instance, $1.instance) && isSameID($0.appliedBy, $1.appliedBy)
            }
    }

    /// Whether the declarations agree in `idsMatch`, each with the one at its place; arrays of the
    /// same storage at once.
    private static func same<Declaration>(
        _ kept: [Declaration], _ current: [Declaration], _ idsMatch: (Declaration, Declaration) -> Bool
    ) -> Bool {
        let isSameStorage = kept.withUnsafeBufferPointer { kept in
            current.withUnsafeBufferPointer { kept.baseAddress == $0.baseAddress }
        }
        return isSameStorage || zip(kept, current).allSatisfy(idsMatch)
    }
}

private func isSameID(_ kept: Located<String>?, _ current: Located<String>?) -> Bool {
    (kept?.value ?? "").isExactly(current?.value ?? "")
}

/// The "did you mean" answers of an inventory. The first check that asks about ids of a kind
/// scans the declared ids once for all its questions (`ClosestNameScan`); a later check, which
/// keeps the inventory because an edit left it as it was, builds an index of them
/// (`ClosestNameIndex`), kept for every check after. Rules run side by side: a lock guards the state.
private final class ClosestNameIndexes: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [DeclarationKind: ClosestNameIndex] = [:]
    private var asked: Set<DeclarationKind> = []

    /// Whether the ids of `kind` have an index yet (for tests).
    func isIndexed(_ kind: DeclarationKind) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return made[kind] != nil
    }

    func closest(_ kind: DeclarationKind, to typed: [String], names: () -> [String]) -> [[String]] {
        guard !typed.isEmpty else { return [] }
        lock.lock()
        let index = made[kind]
        let isFirstQuestion = asked.insert(kind).inserted
        lock.unlock()
        if let index { return typed.map(index.closest) }
        if isFirstQuestion { return ClosestNameScan.closest(to: typed, among: names()) }
        let built = ClosestNameIndex(names())
        lock.lock()
        made[kind] = made[kind] ?? built
        lock.unlock()
        return typed.map(built.closest)
    }
}

/// The declaration tables of an inventory and what needs nothing else, made first: the rest of
/// the inventory (`Inventory.init(_:)`) and the websites' numbers (`WorkspaceIndex`) both read them.
struct InventoryTables: Sendable {
    let documents: [AnalyzedDocument]
    let asOf: CalendarDate
    fileprivate let numberTable: (table: DeclarationTable<ServiceNumberDeclaration>, duplicates: [DuplicateDeclaration])
    fileprivate let beside: BesideTheNumberTable

    var serviceNumbers: DeclarationTable<ServiceNumberDeclaration> { numberTable.table }

    init(documents: [AnalyzedDocument], asOf: CalendarDate) {
        self.documents = documents
        self.asOf = asOf
        let keys = documents.map(\.key)
        // The number table, the largest, is made here. Beside it, everything that needs only the
        // account and instance tables: those tables, each instance judged, every number's instance
        // looked up, and the references that name nothing.
        (numberTable, beside) = Parallel.both(
            { DeclarationTable.first(of: documents.map(\.model.serviceNumbers), as: .serviceNumber, keys: keys) },
            { BesideTheNumberTable(documents, asOf: asOf, keys: keys) }
        )
    }
}

/// The account and instance tables and what reads them but not the number table: each instance
/// judged, the instance each number declaration names (duplicates' too), and the references that
/// name nothing. Made beside the number table, the largest.
private struct BesideTheNumberTable: Sendable {
    var accounts = DeclarationTable<AccountDeclaration>()
    var accountDuplicates: [DuplicateDeclaration] = []
    var instances = DeclarationTable<InstanceDeclaration>()
    var instanceDuplicates: [DuplicateDeclaration] = []
    /// The host problems of each declared instance, by its position in `instances`.
    var eligibility: [[EligibilityProblem]] = []
    /// For each document, the position in `instances` of the instance each of its number
    /// declarations names, in the order they are written; nil when it names none declared.
    var instanceOfEachNumber: [[Int?]] = []
    /// `instances[].account` and `serviceNumbers[].appliedBy` that no document declares, duplicates' too.
    var unknownAccountReferences: [Reference] = []
    /// `serviceNumbers[].instance` that no document declares, duplicates' too.
    var unknownInstanceReferences: [Reference] = []

    init(_ documents: [AnalyzedDocument], asOf: CalendarDate, keys: [DocumentKey]) {
        (accounts, accountDuplicates) = DeclarationTable.first(of: documents.map(\.model.accounts), as: .account, keys: keys)
        (instances, instanceDuplicates) = DeclarationTable.first(of: documents.map(\.model.instances), as: .instance, keys: keys)
        // Each instance is judged once; the host rules and the unused-number fixes both read it.
        eligibility = instances.ordered.map { HostEligibility.problems(of: $0.declaration, asOf: asOf) }
        // Declarations are read where they lie, field by field (see `DeclaredNumbers`).
        for (document, analyzed) in documents.enumerated() {
            let declaredInstances = analyzed.model.instances, declaredNumbers = analyzed.model.serviceNumbers
            for position in declaredInstances.indices {
                if let account = declaredInstances[position].account, accounts.position(of: account.value) == nil {
                    unknownAccountReferences.append(Reference(document: document, value: account))
                }
            }
            var instanceOfNumber: [Int?] = []
            instanceOfNumber.reserveCapacity(declaredNumbers.count)
            for position in declaredNumbers.indices {
                if let account = declaredNumbers[position].appliedBy, accounts.position(of: account.value) == nil {
                    unknownAccountReferences.append(Reference(document: document, value: account))
                }
                let instance = declaredNumbers[position].instance
                let instancePosition = instance.flatMap { instances.position(of: $0.value) }
                instanceOfNumber.append(instancePosition)
                if let instance, instancePosition == nil {
                    unknownInstanceReferences.append(Reference(document: document, value: instance))
                }
            }
            instanceOfEachNumber.append(instanceOfNumber)
        }
    }
}

/// What the inventory says about each declared number, judged once per inventory.
private struct DeclaredNumbers {
    /// The position of each number's instance, by the number's position.
    var instanceOfNumber: [Int?] = []
    var markedUsed: [Int] = []
    /// Numbers that can back a website unless one names them (see `Inventory.readyNumbers`).
    var ready: [Int] = []
    var readyByInstance: [[Int]]
    var appliedByNonPurchaser: [Int] = []
    var quota = QuotaPools()
    private static let poolNotFoundYet = -1
    private static let noPool = -2

    /// `instanceOfEachNumber`: the instance of each number declaration, by document (see `BesideTheNumberTable`).
    init(
        _ serviceNumbers: DeclarationTable<ServiceNumberDeclaration>, instances: DeclarationTable<InstanceDeclaration>,
        accounts: DeclarationTable<AccountDeclaration>, eligibility: [[EligibilityProblem]], instanceOfEachNumber: [[Int?]]
    ) {
        readyByInstance = Array(repeating: [], count: instances.count)
        instanceOfNumber.reserveCapacity(serviceNumbers.count)
        quota.reserveCapacity(instancePools: instances.count)
        // Declarations are read where they lie, field by field: copying a whole one out of its
        // table, strings and all, costs more than what is done with it here.
        let numbers = serviceNumbers.ordered, hosts = instances.ordered, places = serviceNumbers.placesInDocuments
        // Each instance's quota pool, found the first time one of its numbers takes a slot.
        var poolOfInstance = [Int](repeating: Self.poolNotFoundYet, count: hosts.count)
        for position in numbers.indices {
            let isMarkedUsed = numbers[position].declaration.isMarkedUsed
            if isMarkedUsed { markedUsed.append(position) }
            let instancePosition = instanceOfEachNumber[numbers[position].document][places[position]]
            instanceOfNumber.append(instancePosition)
            guard let range = numbers[position].declaration.number?.range, let instancePosition else { continue }
            if poolOfInstance[instancePosition] == Self.poolNotFoundYet {
                poolOfInstance[instancePosition] = quota.pool(of: hosts[instancePosition].declaration) ?? Self.noPool
            }
            if poolOfInstance[instancePosition] != Self.noPool {
                quota.take(QuotaUsage.Slot(document: numbers[position].document, range: range), inPool: poolOfInstance[instancePosition])
            }
            guard let appliedBy = numbers[position].declaration.appliedBy?.value,
                  let purchaser = hosts[instancePosition].declaration.account?.value else { continue }
            if appliedBy.isExactly(purchaser) {
                if !isMarkedUsed, eligibility[instancePosition].isEmpty {
                    readyByInstance[instancePosition].append(ready.count)
                    ready.append(position)
                }
            } else if accounts.position(of: appliedBy) != nil, accounts.position(of: purchaser) != nil {
                appliedByNonPurchaser.append(position)
            }
        }
    }
}
