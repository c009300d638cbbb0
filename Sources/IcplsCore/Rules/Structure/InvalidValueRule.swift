/// ICP003: a value of the wrong type, not allowed, not a real date, negative, or a domain that is no bare host name.
struct InvalidValueRule: StructuralRule {
    let description = RuleDescription(
        id: "ICP003", severity: .error,
        failing: """
        {
          "accounts": [ { "id": ⟦""⟧ } ],
          "instances": [ { "id": "i-web", "product": ⟦"ecss"⟧, "account": "acct-buy", "region": "cn-hangzhou",
                           "billing": "subscription", "expiresOn": ⟦"2027-02-30"⟧, "subscriptionMonths": ⟦0⟧ } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": ⟦"https://shop.example.cn/"⟧ } ] } ]
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou",
                           "billing": "subscription", "expiresOn": "2027-02-28", "subscriptionMonths": 12.0 } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "shop.example.cn", "instance": "i-web" } ] } ]
        }
        """
    )
}
