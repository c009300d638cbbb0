/// ICP201: a number backs more than one website.
struct ReusedServiceNumberRule: Rule {
    let description = RuleDescription(
        id: "ICP201", severity: .error,
        failing: """
        {
          "filings": [
            { "id": "F-new", "account": "acct-buy", "status": "draft",
              "websites": [ { "domain": "new.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] },
            { "id": "F-old", "account": "acct-buy", "status": "cancelled",
              "websites": [ { "domain": "old.example.cn", "serviceNumber": "SN-1" } ] }
          ]
        }
        """,
        passing: """
        {
          "filings": [
            { "id": "F-new", "account": "acct-buy", "websites": [ { "domain": "new.example.cn", "serviceNumber": "SN-2" } ] },
            { "id": "F-old", "account": "acct-buy", "status": "cancelled", "websites": [ { "domain": "old.example.cn", "serviceNumber": "SN-1" } ] }
          ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        for reuse in context.numberUsage.reuses {
            let entry = index.websites[reuse.website]
            guard let number = entry.website.serviceNumber else { continue }
            let firstLocation: Location
            let firstDescription: ConsumerDescription
            switch reuse.first {
            case .markedUsed(let document, let range):
                firstLocation = index.location(document, range)
                firstDescription = .markedUsed
            case .website(let websiteIndex):
                let first = index.websites[websiteIndex]
                firstLocation = index.location(first.document, first.website.serviceNumber!.range)
                firstDescription = .website(domain: first.website.domain?.value, filingID: first.filing.id?.value, status: first.filing.effectiveStatus)
            }
            let ownInstance = entry.declaredNumber.flatMap { index.orderedServiceNumbers[$0].declaration.instance?.value }
            sink.emit(
                document: entry.document, range: number.range,
                .serviceNumberReused(number.value, firstConsumer: firstDescription),
                related: [(firstLocation, .relatedFirstConsumer)],
                fixes: entry.isDraft ? context.fixes.useUnusedNumber(document: entry.document, replacing: number.range, preferredInstance: ownInstance) : []
            )
        }
    }
}
