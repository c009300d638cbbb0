/// ICP401: the host is outside the Chinese mainland.
struct OutsideMainlandRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP401", severity: .error,
        failing: EligibilityExample.document(#""product": "ecs", "region": "ap-southeast-1", "billing": "subscription", "expiresOn": "2027-06-30", "publicBandwidthMbps": 5"#),
        passing: EligibilityExample.passing()
    )
}
