import Testing
import IcplsDocument
@testable import IcplsCore

/// ICP401–ICP408: the host of each draft Alibaba Cloud website, judged in order with stops.
@Suite struct EligibilityTests {
    /// One instance with `members` (marked where a cause is expected), its number, and a draft using the number.
    static func hostedOn(_ members: String, website: String = #""serviceNumber": ⟦"SN-1"⟧"#) -> String {
        """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": ⟦"i-web"⟧, "account": "acct-buy", \(members) } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", \(website) } ] } ]
        }
        """
    }

    /// The eligibility rules that fired, each with the covered text of its related location.
    static func eligibility(_ workspace: MarkedWorkspace) -> [String] {
        workspace.result.allDiagnostics.filter { $0.rule.rawValue.hasPrefix("ICP4") }.map { diagnostic in
            "\(diagnostic.rule) " + diagnostic.related.map { workspace.text(Place($0.location)) }.joined(separator: " ")
        }
    }

    @Test func aProductThatCannotHostStopsAtICP408() {
        let workspace = MarkedWorkspace(Self.hostedOn(#""product": "slb", "region": "cn-hongkong", "billing": "pay-as-you-go", "status": "released""#))
        #expect(Self.eligibility(workspace) == [#"ICP408 "slb""#])
        #expect(workspace.places("ICP408") == [workspace.marker(1)])
    }

    @Test func hongKongStopsAtICP402() {
        let workspace = MarkedWorkspace(Self.hostedOn(#""product": "ecs", "region": "cn-hongkong", "billing": "pay-as-you-go", "status": "expired""#))
        #expect(Self.eligibility(workspace) == [#"ICP402 "cn-hongkong""#])
    }

    @Test func aKnownRegionOutsideTheMainlandStopsAtICP401() {
        let workspace = MarkedWorkspace(Self.hostedOn(#""product": "ecs", "region": "us-east-1", "billing": "pay-as-you-go""#))
        #expect(Self.eligibility(workspace) == [#"ICP401 "us-east-1""#])
    }

    @Test(arguments: [#""region": "cn-hangzou","#, "", #""region": 7,"#])
    func anUnknownAbsentOrInvalidRegionSkipsICP401AndICP402ButLaterLinesAreJudged(region: String) {
        let workspace = MarkedWorkspace(Self.hostedOn(#""product": "ecs", \#(region) "billing": "pay-as-you-go", "publicBandwidthMbps": 5"#))
        #expect(Self.eligibility(workspace) == [#"ICP403 "pay-as-you-go""#])
    }

    @Test func expiryByStatusIsRelatedToTheStatusAndSilencesICP406() {
        let workspace = MarkedWorkspace(Self.hostedOn(
            #""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2026-01-01", "status": "released", "publicBandwidthMbps": 5"#
        ))
        #expect(Self.eligibility(workspace) == [#"ICP405 "released""#])
    }

    @Test func expiryByDateIsRelatedToExpiresOnWhateverTheBilling() {
        let workspace = MarkedWorkspace(Self.hostedOn(
            #""product": "ecs", "region": "cn-hangzhou", "billing": "pay-as-you-go", "expiresOn": "2026-06-14", "publicBandwidthMbps": 5"#
        ))
        #expect(Self.eligibility(workspace) == [#"ICP403 "pay-as-you-go""#, #"ICP405 "2026-06-14""#])
    }

    @Test func expiringOnTheAsOfDateIsNotExpiredButEndsTooSoon() {
        let workspace = MarkedWorkspace(Self.hostedOn(
            #""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2026-06-15", "publicBandwidthMbps": 5"#
        ))
        #expect(Self.eligibility(workspace) == [#"ICP406 "2026-06-15""#])
    }

    @Test(arguments: [(2, true), (3, false), (24, false)])
    func aSubscriptionBelowTheProductMinimumIsTooShort(months: Int, fires: Bool) {
        let workspace = MarkedWorkspace(Self.hostedOn(
            #""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2027-06-30", "subscriptionMonths": \#(months), "publicBandwidthMbps": 5"#
        ))
        #expect(Self.eligibility(workspace) == (fires ? ["ICP404 \(months)"] : []))
    }

    @Test func aShortTermOnPayAsYouGoIsNotTooShort() {
        let workspace = MarkedWorkspace(Self.hostedOn(
            #""product": "ecs", "region": "cn-hangzhou", "billing": "pay-as-you-go", "subscriptionMonths": 1, "publicBandwidthMbps": 5"#
        ))
        #expect(Self.eligibility(workspace) == [#"ICP403 "pay-as-you-go""#])
    }

    @Test(arguments: [
        // as-of, product, expiresOn, fires
        ("2026-11-30", "ecs", "2027-02-28", false),
        ("2026-11-30", "ecs", "2027-02-27", true),
        ("2027-11-30", "ecs", "2028-02-29", false),
        ("2027-11-30", "ecs", "2028-02-28", true),
        ("2024-02-29", "marketplace-site", "2025-02-28", false),
        ("2024-02-29", "marketplace-site", "2025-02-27", true),
        ("2026-08-31", "elastic-web-hosting", "2027-02-28", false),
        ("2026-01-31", "nat-gateway", "2026-02-28", false),
        ("2026-01-31", "nat-gateway", "2026-02-27", true),
    ])
    func theTimeLeftIsMeasuredInCalendarMonthsClampedToTheMonthEnd(asOf: String, product: String, expiresOn: String, fires: Bool) {
        let workspace = MarkedWorkspace(
            Self.hostedOn(#""product": "\#(product)", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "\#(expiresOn)""#),
            asOf: CalendarDate(parsing: asOf)!
        )
        let expected = fires ? [#"ICP406 "\#(expiresOn)""#] : []
        #expect(Self.eligibility(workspace).filter { !$0.hasPrefix("ICP407") } == expected)
    }

    @Test func noPublicBandwidthIsRelatedToItsValueOrToTheIdWhenAbsentOrInvalid() {
        let zero = MarkedWorkspace(Self.hostedOn(#""product": "ecs", "region": "cn-hangzhou", "billing": "pay-as-you-go", "publicBandwidthMbps": 0"#))
        #expect(Self.eligibility(zero) == [#"ICP403 "pay-as-you-go""#, "ICP407 0"])
        let absent = MarkedWorkspace(Self.hostedOn(#""product": "ecs", "region": "cn-hangzhou", "billing": "pay-as-you-go""#))
        #expect(Self.eligibility(absent) == [#"ICP403 "pay-as-you-go""#, #"ICP407 "i-web""#])
        let invalid = MarkedWorkspace(Self.hostedOn(#""product": "ecs", "region": "cn-hangzhou", "billing": "pay-as-you-go", "publicBandwidthMbps": -1"#))
        #expect(Self.eligibility(invalid) == [#"ICP403 "pay-as-you-go""#, #"ICP407 "i-web""#])
        #expect(invalid.diagnostics("ICP407").first?.related.map { Place($0.location) } == [invalid.marker(0)])
    }

    @Test func onlyECSNeedsPublicBandwidth() {
        let workspace = MarkedWorkspace(Self.hostedOn(#""product": "ens", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2027-06-30""#))
        #expect(Self.eligibility(workspace).isEmpty)
    }

    @Test(arguments: ["", #""product": "ecss","#])
    func anAbsentOrInvalidProductSkipsTheProductLines(product: String) {
        let workspace = MarkedWorkspace(Self.hostedOn(
            #"\#(product) "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2026-07-01", "subscriptionMonths": 1"#
        ))
        #expect(Self.eligibility(workspace).isEmpty)
        let expired = MarkedWorkspace(Self.hostedOn(#"\#(product) "region": "cn-hangzhou", "billing": "pay-as-you-go", "status": "expired""#))
        #expect(Self.eligibility(expired) == [#"ICP403 "pay-as-you-go""#, #"ICP405 "expired""#])
    }

    @Test func aDiagnosticIsAtTheNumberWhenItIsDeclaredElseAtTheInstance() {
        let hongKong = #""product": "ecs", "region": "cn-hongkong", "billing": "pay-as-you-go""#
        let byNumber = MarkedWorkspace(Self.hostedOn(hongKong, website: #""serviceNumber": ⟦"SN-1"⟧, "instance": "i-web""#))
        #expect(byNumber.places("ICP402") == [byNumber.marker(1)])
        let byInstance = MarkedWorkspace(Self.hostedOn(hongKong, website: #""serviceNumber": "SN-404", "instance": ⟦"i-web"⟧"#))
        #expect(byInstance.places("ICP402") == [byInstance.marker(1)])
        let invalidNumber = MarkedWorkspace(Self.hostedOn(hongKong, website: #""serviceNumber": "", "instance": ⟦"i-web"⟧"#))
        #expect(invalidNumber.places("ICP402") == [invalidNumber.marker(1)])
    }

    @Test func aDeclaredNumberWithoutAHostGivesNoHost() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-web", "product": "slb", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-gone", "appliedBy": "acct-buy" },
                              { "number": "SN-2", "instance": 5, "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [
            { "domain": "a.example.cn", "serviceNumber": "SN-1", "instance": "i-web" },
            { "domain": "b.example.cn", "serviceNumber": "SN-2", "instance": "i-web" } ] } ]
        }
        """)
        #expect(workspace.diagnostics("ICP408").isEmpty)
    }

    @Test func onlyDraftAlibabaCloudWebsitesAreJudged() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-hk", "product": "ecs", "account": "acct-buy", "region": "cn-hongkong", "billing": "pay-as-you-go" } ],
          "filings": [
            { "id": "F-1", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "a.example.cn", "instance": "i-hk" } ] },
            { "id": "F-2", "account": "acct-buy", "websites": [ { "domain": "b.example.cn", "hosting": "trustpass", "instance": "i-hk" },
                                                               { "domain": "c.example.cn", "hosting": "other-provider", "instance": "i-hk" } ] }
          ]
        }
        """)
        #expect(Self.eligibility(workspace).isEmpty)
    }

    @Test func theCauseIsRelatedInTheDocumentThatDeclaresTheInstance() {
        let workspace = MarkedWorkspace([
            ("a.icp.json", #"{ "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", "instance": ⟦"i-web"⟧ } ] } ] }"#),
            ("inventory.icp.json", """
            {
              "accounts": [ { "id": "acct-buy" } ],
              "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": ⟦"pay-as-you-go"⟧, "publicBandwidthMbps": 1 } ]
            }
            """),
        ])
        let payAsYouGo = workspace.diagnostics("ICP403")
        #expect(payAsYouGo.map { Place($0.location) } == [workspace.marker(0, in: "a.icp.json")])
        #expect(payAsYouGo.first?.related.map { Place($0.location) } == [workspace.marker(0, in: "inventory.icp.json")])
    }
}
