/// ICP002: a required member is missing.
struct MissingMemberRule: StructuralRule {
    let description = RuleDescription(
        id: "ICP002", severity: .error,
        failing: """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ ⟦{⟧ "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "subscription" } ]
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ]
        }
        """
    )
}
