/// ICP408: the product cannot host a filing.
struct NonHostingProductRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP408", severity: .error,
        failing: EligibilityExample.document(#""product": "slb", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2027-06-30""#),
        passing: EligibilityExample.passing()
    )
}
