import IcplsDocument

/// ICP501: a TrustPass draft website gives a number or an instance.
struct TrustPassMemberRule: Rule {
    let description = RuleDescription(
        id: "ICP501", severity: .warning,
        failing: """
        {
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [
            { "domain": "shop.example.cn", "hosting": "trustpass", ⟦"serviceNumber"⟧: "SN-1" } ] } ]
        }
        """,
        passing: """
        {
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "shop.example.cn", "hosting": "trustpass" } ] } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        for entry in context.index.websites where entry.isDraft && entry.hosting == .trustpass {
            let website = entry.website
            let members: [(String, ByteRange?, ByteRange?)] = [
                ("serviceNumber", website.serviceNumberKey, website.serviceNumber?.range),
                ("instance", website.instanceKey, website.instance?.range),
            ]
            for (name, key, value) in members {
                guard let key, let value else { continue }
                let removal = context.fixes.remove(
                    document: entry.document, range: ByteRangeUnion.of(key, value),
                    title: .fixRemoveMember(name), isPreferred: true
                )
                sink.emit(document: entry.document, range: key, .trustPassNeedsNone(member: name), fixes: removal.map { [$0] } ?? [])
            }
        }
    }
}
