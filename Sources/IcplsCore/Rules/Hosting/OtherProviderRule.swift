/// ICP502: a draft website hosted at another provider.
struct OtherProviderRule: Rule {
    let description = RuleDescription(
        id: "ICP502", severity: .error,
        failing: """
        {
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "shop.example.cn", "hosting": ⟦"other-provider"⟧ } ] } ]
        }
        """,
        passing: """
        {
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "shop.example.cn", "hosting": "other-provider" } ] } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        for entry in context.index.websites where entry.isDraft && entry.hosting == .otherProvider {
            guard let hosting = entry.website.hosting else { continue }
            sink.emit(document: entry.document, range: hosting.range, .otherProviderFiling(domain: entry.website.domain?.value))
        }
    }
}
