/// ICP006: a region §3 does not list.
struct UnknownRegionRule: StructuralRule {
    let description = RuleDescription(
        id: "ICP006", severity: .warning,
        failing: """
        {
          "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": ⟦"cn-hangzou"⟧, "billing": "pay-as-you-go" } ]
        }
        """,
        passing: """
        {
          "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ]
        }
        """
    )
}
