/// ICP406: the host's remaining subscription is too short.
struct SubscriptionEndsTooSoonRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP406", severity: .error,
        failing: EligibilityExample.document(#""product": "elastic-web-hosting", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2026-12-14""#),
        passing: EligibilityExample.passing()
    )
}
