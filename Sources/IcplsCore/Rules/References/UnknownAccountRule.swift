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
            let typed = reference.value.value
            sink.emit(
                document: reference.document, range: reference.value.range,
                .unknownAccount(typed, suggestion: ClosestName.find(typed, among: index.accountIDs)),
                fixes: context.fixes.closestName(document: reference.document, range: reference.value.range, typed: typed, candidates: index.accountIDs)
            )
        }
    }
}
