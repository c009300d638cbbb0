/// Every rule of icpls, in the order of SPEC §4.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        InvalidJSONCRule(), MissingMemberRule(), InvalidValueRule(), UnknownMemberRule(), DuplicateKeyRule(), UnknownRegionRule(),
        UnknownAccountRule(), UnknownInstanceRule(), UnknownServiceNumberRule(), DuplicateDeclarationRule(),
        ReusedServiceNumberRule(), QuotaExceededRule(),
        AppliedByNonPurchaserRule(), DirectSelectionByNonPurchaserRule(), ServiceNumberOfOtherInstanceRule(),
        OutsideMainlandRule(), HongKongRule(), PayAsYouGoRule(), SubscriptionTooShortRule(), ExpiredInstanceRule(),
        SubscriptionEndsTooSoonRule(), NoPublicBandwidthRule(), NonHostingProductRule(),
        TrustPassMemberRule(), OtherProviderRule(), NoHostRule(), RepeatedDomainRule(),
    ]

    /// Positions in `all` in the order a check starts the rules: those that take longest on a
    /// large workspace first (see `icpls-bench --repeat-check`), then the rest in order. The two
    /// cores then finish together, instead of one starting a long rule as the other runs out.
    static let startOrder: [Int] = {
        let longest: [RuleID] = ["ICP103", "ICP503"]
        let first = longest.compactMap { id in all.firstIndex { $0.id == id } }
        return first + all.indices.filter { !first.contains($0) }
    }()

    public static func rule(_ id: RuleID) -> (any Rule)? {
        all.first { $0.id == id }
    }

    public static let ids: Set<RuleID> = Set(all.map(\.id))
}
