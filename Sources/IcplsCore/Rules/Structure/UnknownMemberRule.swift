/// ICP004: a member the format does not define.
struct UnknownMemberRule: StructuralRule {
    let description = RuleDescription(
        id: "ICP004", severity: .warning,
        failing: """
        {
          "accounts": [ { "id": "acct-buy", ⟦"nmae"⟧: "杭州示例科技有限公司", ⟦"$schema"⟧: "x" } ]
        }
        """,
        passing: """
        {
          "$schema": "../schema/icp-filing.schema.json",
          "accounts": [ { "id": "acct-buy", "name": "杭州示例科技有限公司" } ]
        }
        """
    )
}
