/// ICP402: the host is in Hong Kong, where no ICP filing is needed.
struct HongKongRule: EligibilityRule {
    let description = RuleDescription(
        id: "ICP402", severity: .warning,
        failing: EligibilityExample.document(#""product": "ecs", "region": "cn-hongkong", "billing": "subscription", "expiresOn": "2027-06-30", "publicBandwidthMbps": 5"#),
        passing: EligibilityExample.passing()
    )

    /// Remove the website from the filing: offered, never preferred.
    func fixes(for judgement: HostJudgement, _ context: RuleContext) -> [Fix] {
        let entry = context.index.websites[judgement.website]
        let removal = context.fixes.remove(
            document: entry.document, range: entry.website.objectRange,
            title: .fixRemoveWebsite(entry.website.domain?.value), isPreferred: false
        )
        return removal.map { [$0] } ?? []
    }
}
