/// ICP405: the host has expired or been released.
struct ExpiredInstanceRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP405", severity: .error,
        failing: EligibilityExample.document(#""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2026-06-14", "publicBandwidthMbps": 5"#),
        passing: EligibilityExample.passing()
    )
}
