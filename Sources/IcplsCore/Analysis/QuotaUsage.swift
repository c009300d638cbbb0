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

    public private(set) var pools: [PoolKey: Pool] = [:]
    /// Pool keys in the order they were first met, so reports come out in a stable order.
    public private(set) var poolOrder: [PoolKey] = []

    public init(_ index: WorkspaceIndex) {
        for declared in index.orderedServiceNumbers {
            let number = declared.declaration
            guard let numberValue = number.number, let instanceID = number.instance,
                  let instance = index.instances[instanceID.value]?.declaration else { continue }
            take(instance, Slot(document: declared.document, range: numberValue.range))
        }
        for websiteIndex in index.consumptionOrder {
            let entry = index.websites[websiteIndex]
            guard entry.hosting == .alibabaCloud, entry.website.selectsInstanceDirectly,
                  let instanceID = entry.website.instance,
                  let instance = index.instances[instanceID.value]?.declaration else { continue }
            take(instance, Slot(document: entry.document, range: instanceID.range))
        }
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
        Self.poolKey(of: instance).flatMap { pools[$0] }
    }

    private mutating func take(_ instance: InstanceDeclaration, _ slot: Slot) {
        guard let key = Self.poolKey(of: instance), let product = instance.product?.value, let hosting = product.hosting else { return }
        if pools[key] == nil {
            pools[key] = Pool(key: key, product: product, quota: hosting.quota)
            poolOrder.append(key)
        }
        pools[key]!.slots.append(slot)
    }
}
