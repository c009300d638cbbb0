/// ICP504: a domain in two or more websites of filings that are not cancelled.
struct RepeatedDomainRule: Rule {
    let description = RuleDescription(
        id: "ICP504", severity: .warning,
        failing: """
        {
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": ⟦"Shop.Example.cn."⟧, "instance": "i-web" } ] },
            { "id": "F-0", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "shop.example.cn", "instance": "i-web" } ] }
          ]
        }
        """,
        passing: """
        {
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "shop.example.cn", "instance": "i-web" } ] },
            { "id": "F-0", "account": "acct-buy", "status": "cancelled", "websites": [ { "domain": "shop.example.cn", "instance": "i-web" } ] }
          ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        var keepers: [WebsiteEntry] = []
        var keeperPositions: [String: Int] = [:]
        keeperPositions.reserveCapacity(index.websites.count)
        for websiteIndex in index.consumptionOrder {
            let entry = index.websites[websiteIndex]
            guard entry.filing.effectiveStatus != .cancelled, let domain = entry.website.domain else { continue }
            let key = HostName.comparisonKey(domain.value)
            // One lookup for a new domain; a repeat, which is rare, puts its keeper's position back.
            guard let first = keeperPositions.updateValue(keepers.count, forKey: key) else {
                keepers.append(entry)
                continue
            }
            keeperPositions[key] = first
            let keeper = keepers[first]
            sink.emit(document: entry.document, range: domain.range, .domainRepeated(domain.value),
                      related: [(index.location(keeper.document, keeper.website.domain!.range), .relatedKeeper)])
        }
    }
}
