/// ICP101: an account id that no document declares.
struct UnknownAccountRule: Rule {
    let description = RuleDescription(
        id: "ICP101", severity: .error,
        failing: """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": ⟦"acct-bye"⟧ } ]
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy" } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        for reference in index.accountReferences where index.accounts[reference.value.value] == nil {
            let closest = ClosestName.closest(reference.value.value, among: index.accountIDs)
            sink.emit(
                document: reference.document, range: reference.value.range,
                .unknownAccount(reference.value.value, suggestion: closest.count == 1 ? closest[0] : nil),
                fixes: context.fixes.replaceWithClosest(document: reference.document, range: reference.value.range, closest: closest)
            )
        }
    }
}
