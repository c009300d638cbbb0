import IcplsDocument
/// ICP303: a website gives a number and an instance that the number does not belong to.
struct ServiceNumberOfOtherInstanceRule: Rule {
    let description = RuleDescription(
        id: "ICP303", severity: .error,
        failing: """
        {
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "shop.example.cn", "serviceNumber": "SN-1", "instance": ⟦"i-db"⟧ } ] } ]
        }
        """,
        passing: """
        {
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "shop.example.cn", "serviceNumber": "SN-1", "instance": "i-web" } ] } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        for entry in index.websites where entry.hosting == .alibabaCloud {
            guard let number = entry.website.serviceNumber, let instance = entry.website.instance,
                  let declared = entry.declaredNumber, let numberInstance = index.orderedServiceNumbers[declared].declaration.instance,
                  !numberInstance.value.isExactly(instance.value) else { continue }
            sink.emit(document: entry.document, range: instance.range,
                      .serviceNumberOfOtherInstance(number: number.value, numberInstance: numberInstance.value, instance: instance.value))
        }
    }
}
