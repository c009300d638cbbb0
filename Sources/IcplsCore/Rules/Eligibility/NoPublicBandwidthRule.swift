/// ICP407: an ECS host without public bandwidth.
struct NoPublicBandwidthRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP407", severity: .error,
        failing: EligibilityExample.document(#""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2027-06-30", "publicBandwidthMbps": 0"#),
        passing: EligibilityExample.passing()
    )
}
