/// ICP503: a draft Alibaba Cloud website gives neither a number nor an instance.
struct NoHostRule: Rule {
    let description = RuleDescription(
        id: "ICP503", severity: .error,
        failing: """
        {
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ ⟦{⟧ "domain": "shop.example.cn" } ] } ]
        }
        """,
        passing: """
        {
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "shop.example.cn", "instance": "i-web" } ] } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        for entry in context.index.websites where entry.isDraft && entry.hosting == .alibabaCloud {
            let website = entry.website
            guard website.serviceNumber == nil && website.instance == nil else { continue }
            sink.emit(document: entry.document, range: website.open, .noHostGiven(domain: website.domain?.value),
                      fixes: context.fixes.addUnusedNumber(document: entry.document, website: website))
        }
    }
}
