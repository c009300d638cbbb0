/// ICP102: an instance id that no document declares.
struct UnknownInstanceRule: Rule {
    let description = RuleDescription(
        id: "ICP102", severity: .error,
        failing: """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-bp1a2b3c", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": ⟦"i-bp1a2b3d"⟧, "appliedBy": "acct-buy" } ]
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-bp1a2b3c", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-bp1a2b3c", "appliedBy": "acct-buy" } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        sink.emitUnknownReferences(index.unknownInstanceReferences, of: .instance, context) {
            .unknownInstance($0, suggestion: $1)
        }
    }
}
