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
        // Domains are found by the hashes of their keys, made with the websites: a key is made
        // again, and compared, only when a hash repeats. Keys that compare as Swift strings (few)
        // are found as such; no key of one kind equals one of the other (`HostName.comparison(of:)`).
        let claimed = index.claimedDomains
        var keepers = WebsitesByHash(minimumCapacity: index.websites.count)
        var otherKeyKeepers: [String: Int] = [:]
        func key(_ website: Int) -> String {
            HostName.comparison(of: index.websites[website].website.domain!.value).key
        }
        for websiteIndex in index.consumptionOrder {
            guard let domain = claimed[websiteIndex] else { continue }
            let keeper: Int
            if domain.comparesByBytes {
                guard let first = keepers.insert(websiteIndex, hash: domain.hash, isSame: { key($0).isExactly(key(websiteIndex)) }) else { continue }
                keeper = first
            } else {
                let text = key(websiteIndex)
                guard let first = otherKeyKeepers[text] else {
                    otherKeyKeepers[text] = websiteIndex
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

/// Websites by the hash of a key of theirs, the first of each key kept: open addressing with
/// linear probing, at most half full.
struct WebsitesByHash {
    /// A website's position plus one in each slot, 0 when empty.
    private var slots: [Int32]
    private var hashes: [UInt64]

    init(minimumCapacity: Int) {
        var count = 16
        while count < minimumCapacity * 2 { count *= 2 }
        slots = [Int32](repeating: 0, count: count)
        hashes = [UInt64](repeating: 0, count: count)
    }

    /// The first website of the same key when there is one (`isSame` tells, for each with the
    /// same hash); else nil, and `website` is kept as the first of its key.
    mutating func insert(_ website: Int, hash: UInt64, isSame: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if hashes[slot] == hash, isSame(Int(slots[slot]) - 1) { return Int(slots[slot]) - 1 }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(website + 1)
        hashes[slot] = hash
        return nil
    }
}
