/// ICP403: the host is billed pay-as-you-go.
struct PayAsYouGoRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP403", severity: .error,
        failing: EligibilityExample.document(#""product": "ecs", "region": "cn-hangzhou", "billing": "pay-as-you-go", "publicBandwidthMbps": 5"#),
        passing: EligibilityExample.passing()
    )
}
