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

    public static func rule(_ id: RuleID) -> (any Rule)? {
        all.first { $0.id == id }
    }

    public static let ids: Set<RuleID> = Set(all.map(\.id))
}
