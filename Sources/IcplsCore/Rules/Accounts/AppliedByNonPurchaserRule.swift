/// ICP301: a number applied for by an account that did not purchase its instance.
struct AppliedByNonPurchaserRule: Rule {
    let description = RuleDescription(
        id: "ICP301", severity: .error,
        failing: """
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": ⟦"acct-ops"⟧ } ]
        }
        """,
        passing: """
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ]
        }
        """
    )

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        let index = context.index
        // Found with the inventory: each is a number whose applicant and purchaser are declared and differ.
        for position in index.inventory.appliedByNonPurchaser {
            let declared = index.orderedServiceNumbers[position]
            let number = declared.declaration
            guard let appliedBy = number.appliedBy, let numberValue = number.number, let instanceID = number.instance,
                  let purchaser = index.instances[instanceID.value]?.declaration.account else { continue }
            sink.emit(document: declared.document, range: appliedBy.range,
                      .appliedByNonPurchaser(number: numberValue.value, appliedBy: appliedBy.value, purchaser: purchaser.value, instance: instanceID.value))
        }
    }
}
