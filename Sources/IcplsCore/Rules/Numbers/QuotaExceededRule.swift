/// ICP202: more numbers and direct selections than the product's quota.
struct QuotaExceededRule: Rule {
    let description = RuleDescription(
        id: "ICP202", severity: .error,
        failing: """
        {
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-mkt", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "cancelled",
                         "websites": [ { "domain": "a.example.cn", "instance": ⟦"i-mkt"⟧ } ] } ]
        }
        """,
        passing: """
        {
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-mkt", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "cancelled",
                         "websites": [ { "domain": "a.example.cn", "serviceNumber": "SN-1" } ] } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        for pool in context.quotaUsage.poolsOverQuota {
            for (offset, slot) in pool.slots.enumerated() where offset >= pool.quota {
                sink.emit(document: slot.document, range: slot.range,
                          .quotaExceeded(pool: pool.key, product: pool.product, quota: pool.quota, slot: offset + 1))
            }
        }
    }
}
