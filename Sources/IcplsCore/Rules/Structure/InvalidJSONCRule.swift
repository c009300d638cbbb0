/// ICP001: the text is not valid JSONC.
struct InvalidJSONCRule: Rule {
    let description = RuleDescription(
        id: "ICP001", severity: .error,
        failing: """
        {
          "accounts": [ { "id": "acct-buy" ⟦"name"⟧: "杭州示例科技有限公司" } ]
        }
        """,
        passing: """
        {
          // comments and one trailing comma are fine
          "accounts": [ { "id": "acct-buy" }, ],
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        for (documentIndex, document) in context.index.documents.enumerated() {
            for error in document.tree.errors {
                sink.emit(document: documentIndex, range: error.range, .syntax(error.kind))
            }
        }
    }
}
