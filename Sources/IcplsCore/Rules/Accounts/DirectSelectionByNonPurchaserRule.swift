import IcplsDocument
/// ICP302: a draft selects an instance directly that its filing's account did not purchase.
struct DirectSelectionByNonPurchaserRule: Rule {
    let description = RuleDescription(
        id: "ICP302", severity: .error,
        failing: """
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "instances": [ { "id": "i-web", "product": "simple-application-server", "account": "acct-buy", "region": "cn-hangzhou",
                           "billing": "subscription", "expiresOn": "2027-06-30" } ],
          "filings": [ { "id": "F-1", "account": "acct-ops", "websites": [ { "domain": "shop.example.cn", "instance": ⟦"i-web"⟧ } ] } ]
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "instances": [ { "id": "i-web", "product": "simple-application-server", "account": "acct-buy", "region": "cn-hangzhou",
                           "billing": "subscription", "expiresOn": "2027-06-30" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "shop.example.cn", "instance": "i-web" } ] } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        for entry in index.websites where entry.isDraft && entry.hosting == .alibabaCloud && entry.website.selectsInstanceDirectly {
            guard let instanceID = entry.website.instance, let filingAccount = entry.filing.account,
                  let instance = index.instances[instanceID.value]?.declaration, let purchaser = instance.account,
                  index.accounts[filingAccount.value] != nil, index.accounts[purchaser.value] != nil,
                  !filingAccount.value.isExactly(purchaser.value) else { continue }
            sink.emit(
                document: entry.document, range: instanceID.range,
                .directSelectionByNonPurchaser(instance: instanceID.value, filingAccount: filingAccount.value, purchaser: purchaser.value),
                fixes: context.fixes.replaceInstanceWithNumber(document: entry.document, website: entry.website)
            )
        }
    }
}
