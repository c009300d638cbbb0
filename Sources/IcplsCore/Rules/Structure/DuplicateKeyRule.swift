/// ICP005: the same key twice in one object; the last one counts.
struct DuplicateKeyRule: StructuralRule {
    let description = RuleDescription(
        id: "ICP005", severity: .warning,
        failing: """
        {
          "accounts": [ { "id": "acct-a", ⟦"id"⟧: "acct-b" } ],
          "notes": { "k": 1, ⟦"k"⟧: 2 }
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-a" }, { "id": "acct-b" } ]
        }
        """
    )
}
