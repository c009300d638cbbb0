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
    private let source: [DocumentInventory]
    /// The day eligibility was judged on.
    public let asOf: CalendarDate

    public let accounts: [String: Declared<AccountDeclaration>]
    public let instances: [String: Declared<InstanceDeclaration>]
    public let serviceNumbers: [String: Declared<ServiceNumberDeclaration>]
    /// Account, instance and number declarations after the first of their id.
    public let duplicates: [DuplicateDeclaration]
    /// Every first number declaration, in workspace order.
    public let orderedServiceNumbers: [Declared<ServiceNumberDeclaration>]
    /// Declared ids in workspace order, for suggestions and completion.
    public let accountIDs: [String]
    public let instanceIDs: [String]
    public let numberIDs: [String]

    /// The host problems of every declared instance, by id.
    public let eligibility: [String: [EligibilityProblem]]
    /// Numbers that can back a website unless one names them already: declared, not `used`,
    /// applied for by their instance's purchaser, on an eligible host; in workspace order.
    let readyNumbers: [(number: String, instance: String)]
    /// Positions in `readyNumbers` by instance.
    let readyNumbersByInstance: [String: [Int]]
    /// The quota slots taken by declared numbers; websites that select an instance directly add theirs per check.
    let declaredQuota: QuotaPools
    /// `instances[].account` and `serviceNumbers[].appliedBy` that no document declares.
    let unknownAccountReferences: [Reference]
    /// `serviceNumbers[].instance` that no document declares.
    let unknownInstanceReferences: [Reference]
    /// Positions in `orderedServiceNumbers` of numbers applied for by an account that did not purchase the instance (ICP301).
    let appliedByNonPurchaser: [Int]

    private let closestNames = ClosestNameIndexes()

    init(documents: [AnalyzedDocument], asOf: CalendarDate) {
        source = documents.map(DocumentInventory.init)
        self.asOf = asOf
        let tables = DeclarationTables(documents: documents)
        accounts = tables.accounts
        instances = tables.instances
        serviceNumbers = tables.serviceNumbers
        duplicates = tables.duplicates
        orderedServiceNumbers = tables.orderedServiceNumbers
        accountIDs = tables.accountIDs
        instanceIDs = tables.instanceIDs
        numberIDs = tables.numberIDs

        // Each instance is judged once; the host rules and the unused-number fixes both read it.
        let eligibility = instances.mapValues { HostEligibility.problems(of: $0.declaration, asOf: asOf) }
        self.eligibility = eligibility
        var ready: [(number: String, instance: String)] = []
        var readyByInstance: [String: [Int]] = [:]
        var appliedByNonPurchaser: [Int] = []
        var unknownInstances: [Reference] = []
        var unknownAccounts: [Reference] = []
        var quota = QuotaPools()
        for (position, declared) in orderedServiceNumbers.enumerated() {
            let number = declared.declaration
            guard let value = number.number, let instanceID = number.instance,
                  let instance = instances[instanceID.value]?.declaration else { continue }
            quota.take(instance, QuotaUsage.Slot(document: declared.document, range: value.range))
            guard let appliedBy = number.appliedBy, let purchaser = instance.account else { continue }
            if appliedBy.value == purchaser.value {
                if !number.isMarkedUsed, eligibility[instanceID.value]?.isEmpty == true {
                    readyByInstance[instanceID.value, default: []].append(ready.count)
                    ready.append((value.value, instanceID.value))
                }
            } else if accounts[appliedBy.value] != nil, accounts[purchaser.value] != nil {
                appliedByNonPurchaser.append(position)
            }
        }
        readyNumbers = ready
        readyNumbersByInstance = readyByInstance
        self.appliedByNonPurchaser = appliedByNonPurchaser
        declaredQuota = quota

        // Every declaration's references, duplicates' too.
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
        guard asOf == self.asOf, documents.count == source.count else { return false }
        return zip(documents, source).allSatisfy { document, built in built.matches(document) }
    }

    /// "Did you mean" indexes over the declared ids, each built the first time a rule asks.
    var accountNames: ClosestNameIndex { closestNames.index(.account) { accountIDs } }
    var instanceNames: ClosestNameIndex { closestNames.index(.instance) { instanceIDs } }
    var numberNames: ClosestNameIndex { closestNames.index(.serviceNumber) { numberIDs } }
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
    var accounts: [String: Declared<AccountDeclaration>] = [:]
    var instances: [String: Declared<InstanceDeclaration>] = [:]
    var serviceNumbers: [String: Declared<ServiceNumberDeclaration>] = [:]
    var duplicates: [DuplicateDeclaration] = []
    var orderedServiceNumbers: [Declared<ServiceNumberDeclaration>] = []
    var accountIDs: [String] = []
    var instanceIDs: [String] = []
    var numberIDs: [String] = []

    init() {}

    init(documents: [AnalyzedDocument]) {
        // Sized up front: growing tables of tens of thousands of entries rehashes every key again and again.
        accounts.reserveCapacity(documents.reduce(0) { $0 + $1.model.accounts.count })
        instances.reserveCapacity(documents.reduce(0) { $0 + $1.model.instances.count })
        serviceNumbers.reserveCapacity(documents.reduce(0) { $0 + $1.model.serviceNumbers.count })
        for (documentIndex, document) in documents.enumerated() {
            let model = document.model
            for account in model.accounts {
                guard let id = account.id else { continue }
                if declare(Declared(document: documentIndex, declaration: account), id: id, as: .account, \.accounts, documents) {
                    accountIDs.append(id.value)
                }
            }
            for instance in model.instances {
                guard let id = instance.id else { continue }
                if declare(Declared(document: documentIndex, declaration: instance), id: id, as: .instance, \.instances, documents) {
                    instanceIDs.append(id.value)
                }
            }
            for number in model.serviceNumbers {
                guard let id = number.number else { continue }
                let declared = Declared(document: documentIndex, declaration: number)
                if declare(declared, id: id, as: .serviceNumber, \.serviceNumbers, documents) {
                    orderedServiceNumbers.append(declared)
                    numberIDs.append(id.value)
                }
            }
        }
    }

    /// Keeps the first declaration of each id; a later one becomes a duplicate of it.
    /// True when `declared` is the first of its id.
    private mutating func declare<Declaration: IdentifiedDeclaration>(
        _ declared: Declared<Declaration>, id: Located<String>, as kind: DeclarationKind,
        _ table: WritableKeyPath<DeclarationTables, [String: Declared<Declaration>]>, _ documents: [AnalyzedDocument]
    ) -> Bool {
        // One lookup for a first declaration; a duplicate, which is rare, puts the first one back.
        guard let first = self[keyPath: table].updateValue(declared, forKey: id.value) else { return true }
        self[keyPath: table][id.value] = first
        duplicates.append(DuplicateDeclaration(
            kind: kind, id: id.value, document: declared.document, range: id.range,
            first: Location(document: documents[first.document].key, range: first.declaration.identifier!.range)
        ))
        return false
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
