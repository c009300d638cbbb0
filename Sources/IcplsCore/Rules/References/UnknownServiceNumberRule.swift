/// ICP103: a website's `serviceNumber` that no document declares.
struct UnknownServiceNumberRule: Rule {
    let description = RuleDescription(
        id: "ICP103", severity: .error,
        failing: """
        {
          "serviceNumbers": [ { "number": "32a43232-a888-88e8-b9ec-00888be80001", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [
            { "domain": "shop.example.cn", "serviceNumber": ⟦"32a43232-a888-88e8-b9ec-00888be8001"⟧ } ] } ]
        }
        """,
        passing: """
        {
          "serviceNumbers": [ { "number": "32a43232-a888-88e8-b9ec-00888be80001", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [
            { "domain": "shop.example.cn", "serviceNumber": "32a43232-a888-88e8-b9ec-00888be80001" } ] } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        let unknown = index.websites.compactMap { entry in
            entry.declaredNumber == nil ? entry.website.serviceNumber.map { Reference(document: entry.document, value: $0) } : nil
        }
        sink.emitUnknownReferences(unknown, of: .serviceNumber, context) {
            .unknownServiceNumber($0, suggestion: $1)
        }
    }
}
