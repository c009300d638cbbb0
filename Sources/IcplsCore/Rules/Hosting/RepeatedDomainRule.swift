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
        // Keys that compare by their bytes are found by them, with the hashes made with the
        // websites (no key's bytes are read again unless it repeats); the rest, which are few, as
        // Swift strings. No key of one kind equals one of the other (`HostName.comparison(of:)`).
        var byteKeys = ExactTextPositions(minimumCapacity: index.websites.count)
        var byteKeyKeepers: [Int] = []
        var otherKeyKeepers: [String: Int] = [:]
        let claimed = index.claimedDomains
        for websiteIndex in index.consumptionOrder {
            guard let domain = claimed[websiteIndex] else { continue }
            let keeper: Int
            if let hash = domain.hash {
                let (position, isNew) = byteKeys.insert(domain.key, hash: hash)
                guard !isNew else {
                    byteKeyKeepers.append(websiteIndex)
                    continue
                }
                keeper = byteKeyKeepers[position]
            } else {
                guard let first = otherKeyKeepers[domain.key] else {
                    otherKeyKeepers[domain.key] = websiteIndex
                    continue
                }
                keeper = first
            }
            let repeated = index.websites[websiteIndex], kept = index.websites[keeper]
            sink.emit(document: repeated.document, range: repeated.website.domain!.range, .domainRepeated(repeated.website.domain!.value),
                      related: [(index.location(kept.document, kept.website.domain!.range), .relatedKeeper)])
        }
    }
}
