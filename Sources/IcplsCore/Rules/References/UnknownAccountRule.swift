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
        sink.emitUnknownReferences(index.unknownAccountReferences, of: .account, context) {
            .unknownAccount($0, suggestion: $1)
        }
    }
}
