import IcplsDocument

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
        // Keys that compare by their bytes are found by them (`ExactTextPositions`, no `Hasher`);
        // the rest, which are few, as Swift strings. No key of one kind equals one of the other.
        var byteKeys = ExactTextPositions(minimumCapacity: index.websites.count)
        var byteKeyKeepers: [WebsiteEntry] = []
        var otherKeyKeepers: [String: WebsiteEntry] = [:]
        for websiteIndex in index.consumptionOrder {
            let entry = index.websites[websiteIndex]
            guard entry.filing.effectiveStatus != .cancelled, let domain = entry.website.domain else { continue }
            let (key, comparesByBytes) = HostName.comparison(of: domain.value)
            let keeper: WebsiteEntry
            if comparesByBytes {
                let (position, isNew) = byteKeys.insert(key)
                guard !isNew else {
                    byteKeyKeepers.append(entry)
                    continue
                }
                keeper = byteKeyKeepers[position]
            } else {
                guard let first = otherKeyKeepers[key] else {
                    otherKeyKeepers[key] = entry
                    continue
                }
                keeper = first
            }
            sink.emit(document: entry.document, range: domain.range, .domainRepeated(domain.value),
                      related: [(index.location(keeper.document, keeper.website.domain!.range), .relatedKeeper)])
        }
    }
}
