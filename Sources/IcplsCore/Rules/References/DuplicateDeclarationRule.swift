/// ICP104: an account, instance, number or filing id declared more than once.
struct DuplicateDeclarationRule: Rule {
    let description = RuleDescription(
        id: "ICP104", severity: .error,
        failing: """
        {
          "accounts": [ { "id": "acct-buy" }, { "id": ⟦"acct-buy"⟧ } ],
          "filings": [ { "id": "F-1", "account": "acct-buy" }, { "id": ⟦"F-1"⟧, "account": "acct-buy" } ]
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy" }, { "id": "F-2", "account": "acct-ops" } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        for duplicate in index.duplicates {
            sink.emit(
                document: duplicate.document, range: duplicate.range,
                .duplicateDeclaration(duplicate.kind, duplicate.id),
                related: [(duplicate.first, .relatedFirstDeclaration)]
            )
        }
    }
}
