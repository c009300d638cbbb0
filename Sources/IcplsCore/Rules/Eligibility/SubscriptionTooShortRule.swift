/// ICP404: the host's subscription term is below the product's minimum.
struct SubscriptionTooShortRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP404", severity: .error,
        failing: EligibilityExample.document(#""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2027-06-30", "subscriptionMonths": 2, "publicBandwidthMbps": 5"#),
        passing: EligibilityExample.passing()
    )
}
