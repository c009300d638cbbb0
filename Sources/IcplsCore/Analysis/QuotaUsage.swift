import IcplsDocument

/// Quota slots per pool (an instance, or an account's elastic-web-hosting
/// instances together): declared numbers first, then direct selections of
/// non-draft filings, then of drafts, each in workspace order.
public struct QuotaUsage: Sendable {
    public enum PoolKey: Hashable, Sendable {
        case instance(String)
        case elasticWebHosting(account: String)
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
        guard var pool = declared.pools[key] else { return selected.pools[key] }
        pool.slots += selected.pools[key]?.slots ?? []
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
    private(set) var pools: [QuotaUsage.PoolKey: QuotaUsage.Pool] = [:]
    private(set) var poolOrder: [QuotaUsage.PoolKey] = []
    /// Pools whose slots are over their quota, in the order they went over.
    private(set) var overQuota: [QuotaUsage.PoolKey] = []

    mutating func take(_ instance: InstanceDeclaration, _ slot: QuotaUsage.Slot) {
        guard let key = QuotaUsage.poolKey(of: instance), let product = instance.product?.value, let hosting = product.hosting else { return }
        // One hash of the key for a pool met before, two for a new one.
        let takenSlots: Int
        if let index = pools.index(forKey: key) {
            pools.values[index].slots.append(slot)
            takenSlots = pools.values[index].slots.count
        } else {
            var pool = QuotaUsage.Pool(key: key, product: product, quota: hosting.quota)
            pool.slots.append(slot)
            pools[key] = pool
            poolOrder.append(key)
            takenSlots = 1
        }
        if takenSlots == hosting.quota + 1 { overQuota.append(key) }
    }
}
