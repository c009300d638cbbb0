import IcplsDocument

/// Quota slots per pool (an instance, or an account's elastic-web-hosting
/// instances together): declared numbers first, then direct selections of
/// non-draft filings, then of drafts, each in workspace order.
public struct QuotaUsage: Sendable {
    public enum PoolKey: Hashable, Sendable {
        case instance(String)
        case elasticWebHosting(account: String)

        /// Ids compare byte for byte (SPEC §2), as the declaration tables find them, not as Swift strings.
        public static func == (left: PoolKey, right: PoolKey) -> Bool {
            switch (left, right) {
            case (.instance(let left), .instance(let right)), (.elasticWebHosting(let left), .elasticWebHosting(let right)):
                return left.isExactly(right)
            default:
                return false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .instance(let id): hasher.combine(0); hasher.combine(ExactText(id))
            case .elasticWebHosting(let account): hasher.combine(1); hasher.combine(ExactText(account))
            }
        }
    }

    public struct Slot: Sendable {
        public var document: Int
        /// The number's `number` value or the website's `instance` value.
        public var range: ByteRange
    }

    public struct Pool: Sendable {
        public var key: PoolKey
        public var product: Product
        public var quota: Int
        public var slots: [Slot] = []
    }

    /// The slots of declared numbers, from the inventory.
    private let declared: QuotaPools
    /// The slots of websites that select an instance directly.
    private let selected: QuotaPools

    public init(_ index: WorkspaceIndex) {
        declared = index.inventory.declaredQuota
        var selected = QuotaPools()
        for websiteIndex in index.consumptionOrder {
            let entry = index.websites[websiteIndex]
            guard entry.hosting == .alibabaCloud, entry.website.selectsInstanceDirectly,
                  let instanceID = entry.website.instance,
                  let instance = index.instances[instanceID.value]?.declaration else { continue }
            selected.take(instance, Slot(document: entry.document, range: instanceID.range))
        }
        self.selected = selected
    }

    /// The pool an instance's slots count in; nil for products that cannot host a filing.
    public static func poolKey(of instance: InstanceDeclaration) -> PoolKey? {
        guard let product = instance.product?.value, let hosting = product.hosting, let id = instance.id?.value else { return nil }
        if hosting.isPooledPerAccount, let account = instance.account?.value {
            return .elasticWebHosting(account: account)
        }
        return .instance(id)
    }

    public func pool(of instance: InstanceDeclaration) -> Pool? {
        Self.poolKey(of: instance).flatMap(pool)
    }

    /// A pool with all its slots: declared numbers' first, then direct selections'.
    public func pool(_ key: PoolKey) -> Pool? {
        guard var pool = declared[key] else { return selected[key] }
        pool.slots += selected[key]?.slots ?? []
        return pool
    }

    /// Pools with more slots than their quota: those over it by declared numbers alone, in the
    /// order they went over, then those taken over by direct selections.
    public var poolsOverQuota: [Pool] {
        let listed = Set(declared.overQuota)
        let fromDeclared = declared.overQuota.compactMap(pool)
        let fromSelected = selected.poolOrder.filter { !listed.contains($0) }.compactMap(pool)
        return (fromDeclared + fromSelected).filter { $0.slots.count > $0.quota }
    }
}

/// Pools in the order they were first met, filled one slot at a time.
struct QuotaPools: Sendable {
    /// The pools, in the order their first slot was taken.
    private var all: [QuotaUsage.Pool] = []
    /// The position in `all` of each pool, by its key's id: an instance's or an account's,
    /// numbered as first met (`ExactTextPositions`, which hashes no `Hasher` for each).
    private var instanceIDs = ExactTextPositions()
    private var poolOfInstanceID: [Int] = []
    private var accountIDs = ExactTextPositions()
    private var poolOfAccountID: [Int] = []
    /// Pools whose slots are over their quota, in the order they went over.
    private(set) var overQuota: [QuotaUsage.PoolKey] = []

    /// Room for `count` pools of instances, made at once instead of by growing.
    mutating func reserveCapacity(instancePools count: Int) {
        all.reserveCapacity(count)
        if instanceIDs.count == 0 { instanceIDs = ExactTextPositions(minimumCapacity: count) }
        poolOfInstanceID.reserveCapacity(count)
    }

    subscript(key: QuotaUsage.PoolKey) -> QuotaUsage.Pool? {
        position(of: key).map { all[$0] }
    }

    private func position(of key: QuotaUsage.PoolKey) -> Int? {
        switch key {
        case .instance(let id): instanceIDs.position(of: id).map { poolOfInstanceID[$0] }
        case .elasticWebHosting(let account): accountIDs.position(of: account).map { poolOfAccountID[$0] }
        }
    }

    /// The keys of the pools, in the order their first slot was taken.
    var poolOrder: [QuotaUsage.PoolKey] { all.map(\.key) }

    mutating func take(_ instance: InstanceDeclaration, _ slot: QuotaUsage.Slot) {
        guard let pool = pool(of: instance) else { return }
        take(slot, inPool: pool)
    }

    /// The position of the pool an instance's slots count in, made when it has none yet;
    /// nil for products that cannot host a filing. For callers that take many slots of one
    /// instance: they find its pool once and hash nothing after.
    mutating func pool(of instance: InstanceDeclaration) -> Int? {
        guard let key = QuotaUsage.poolKey(of: instance), let product = instance.product?.value, let hosting = product.hosting else { return nil }
        switch key {
        case .instance(let id):
            let (idPosition, isNew) = instanceIDs.insert(id)
            guard isNew else { return poolOfInstanceID[idPosition] }
            poolOfInstanceID.append(all.count)
        case .elasticWebHosting(let account):
            let (idPosition, isNew) = accountIDs.insert(account)
            guard isNew else { return poolOfAccountID[idPosition] }
            poolOfAccountID.append(all.count)
        }
        all.append(QuotaUsage.Pool(key: key, product: product, quota: hosting.quota))
        return all.count - 1
    }

    mutating func take(_ slot: QuotaUsage.Slot, inPool position: Int) {
        all[position].slots.append(slot)
        if all[position].slots.count == all[position].quota + 1 { overQuota.append(all[position].key) }
    }
}
