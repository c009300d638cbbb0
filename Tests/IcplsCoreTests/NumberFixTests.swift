import Testing
import IcplsDocument
@testable import IcplsCore

/// The unused-number fixes of ICP201, ICP503 and ICP302.
@Suite struct NumberFixTests {
    static let inventory = """
      "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
      "instances": [
        \(eligibleECS()),
        \(eligibleECS("i-app")),
        { "id": "i-hk", "product": "ecs", "account": "acct-buy", "region": "cn-hongkong", "billing": "subscription", "expiresOn": "2027-06-30", "publicBandwidthMbps": 5 }
      ],
      "serviceNumbers": [
        { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" },
        { "number": "SN-A", "instance": "i-app", "appliedBy": "acct-buy" },
        { "number": "SN-USED", "instance": "i-web", "appliedBy": "acct-buy", "used": true },
        { "number": "SN-SHOP", "instance": "i-web", "appliedBy": "acct-buy" },
        { "number": "SN-OPS", "instance": "i-app", "appliedBy": "acct-ops" },
        { "number": "SN-HK", "instance": "i-hk", "appliedBy": "acct-buy" },
        { "number": "SN-B", "instance": "i-web", "appliedBy": "acct-buy" },
        { "number": "SN-C", "instance": "i-app", "appliedBy": "acct-buy" },
        { "number": "SN-D", "instance": "i-app", "appliedBy": "acct-buy" }
      ],
    """

    static func workspace(_ filings: String) -> MarkedWorkspace {
        MarkedWorkspace("""
        {
        \(inventory)
          "filings": [
            { "id": "F-shop", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "shop.example.cn", "hosting": "trustpass", "serviceNumber": "SN-SHOP" } ] },
            \(filings)
          ]
        }
        """)
    }

    /// The rules that fire on a fixed text: the inventory's own ICP301 (SN-OPS) only, when the fix worked.
    static func remaining(_ text: String) -> [String] {
        check(text).allDiagnostics.map(\.rule.rawValue)
    }

    /// Each repair as "title: preferred?".
    static func offered(_ diagnostic: Diagnostic?) -> [String] {
        (diagnostic?.repairs ?? []).map { "\($0.assignsServiceNumber ?? "-")\($0.isPreferred ? " preferred" : "")" }
    }

    @Test func aReusedNumberOnADraftOffersUpToThreeUnusedNumbersItsOwnInstanceFirst() {
        let workspace = Self.workspace("""
        { "id": "F-old", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "old.example.cn", "serviceNumber": "SN-1" } ] },
            { "id": "F-new", "account": "acct-buy", "websites": [ { "domain": "new.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] }
        """)
        let reuse = workspace.diagnostics("ICP201").first
        #expect(reuse.map { Place($0.location) } == workspace.marker(0))
        #expect(Self.offered(reuse) == ["SN-B preferred", "SN-A", "SN-C"])
        let fixed = applying(reuse!.repairs[0], to: workspace.text())
        #expect(fixed.contains(#""domain": "new.example.cn", "serviceNumber": "SN-B" }"#))
        #expect(Self.remaining(fixed) == ["ICP301"])
    }

    @Test func aNonDraftWebsiteGetsNoNumberFix() {
        let workspace = Self.workspace("""
        { "id": "F-old", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "old.example.cn", "serviceNumber": "SN-1" } ] },
            { "id": "F-new", "account": "acct-buy", "status": "submitted", "websites": [ { "domain": "new.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] }
        """)
        let reuse = workspace.diagnostics("ICP201")
        #expect(reuse.map { Place($0.location) } == workspace.markers())
        #expect(reuse.first?.repairs.isEmpty == true)
        #expect(reuse.first?.fixes.count == 1)
    }

    @Test func aDraftWithoutAHostOffersUnusedNumbersInWorkspaceOrder() {
        let workspace = Self.workspace("""
        { "id": "F-new", "account": "acct-buy", "websites": [ ⟦{⟧ "domain": "new.example.cn" } ] }
        """)
        let noHost = workspace.diagnostics("ICP503").first
        #expect(noHost.map { Place($0.location) } == workspace.marker(0))
        #expect(Self.offered(noHost) == ["SN-1 preferred", "SN-A", "SN-B"])
        let fixed = applying(noHost!.repairs[0], to: workspace.text())
        #expect(fixed.contains(#"{ "serviceNumber": "SN-1", "domain": "new.example.cn" }"#))
        #expect(Self.remaining(fixed) == ["ICP301"])
    }

    @Test(arguments: [
        "{ \"domain\": \"new.example.cn\" }",
        "{\n        \"domain\": \"new.example.cn\"\n      }",
        "{\r\n        \"domain\": \"new.example.cn\", // the shop\r\n        \"providerRemoved\": false\r\n      }",
        "{ /* to do */ \"domain\": \"new.example.cn\" }",
        "{\n        // the shop\n        \"domain\": \"new.example.cn\",\n      }",
        "{ \"hosting\": \"alibaba-cloud\" }",
        "{}",
        "{ }",
        "{\n      }",
        "{ \"domain\": \"new.example.cn\", \"serviceNumber\": 12 }",
        "{ \"serviceNumber\": \"\", \"domain\": \"new.example.cn\", \"instance\": null }",
        "{ \"domain\": \"new.example.cn\", \"serviceNumber\": , }",
    ])
    func theInsertedNumberLeavesValidJSONCWithAHost(website: String) {
        let workspace = Self.workspace(#"{ "id": "F-new", "account": "acct-buy", "websites": [ \#(website) ] }"#)
        let noHost = workspace.diagnostics("ICP503")
        #expect(noHost.count == 1)
        let fix = try? #require(noHost.first?.repairs.first)
        guard let fix else { return }
        let fixed = applying(fix, to: workspace.text())
        let rules = check(fixed).allDiagnostics.map(\.rule.rawValue)
        #expect(!rules.contains("ICP001"), "\(fixed)")
        #expect(!rules.contains("ICP503"))
        #expect(!rules.contains("ICP005"))
        #expect(rules.filter { $0 == "ICP003" }.count <= (website.contains("null") ? 1 : 0))
    }

    @Test func aDirectSelectionByANonPurchaserOffersANumberOfThatInstance() {
        let workspace = Self.workspace("""
        { "id": "F-ops", "account": "acct-ops", "websites": [ { "domain": "ops.example.cn", ⟦"instance": "i-app"⟧ } ] }
        """)
        let selection = workspace.diagnostics("ICP302").first
        let fix = try? #require(selection?.repairs.first)
        guard let fix else { return }
        #expect(applying(fix, to: workspace.text()).contains(#"{ "domain": "ops.example.cn", "serviceNumber": "SN-A" }"#))
        #expect(fix.edits.allSatisfy { workspace.marker(0).range.start <= $0.location.range.start && $0.location.range.end <= workspace.marker(0).range.end })
        #expect(selection?.repairs.compactMap(\.assignsServiceNumber) == ["SN-A", "SN-C", "SN-D"])
        let fixed = applying(fix, to: workspace.text())
        #expect(Self.remaining(fixed) == ["ICP301"])
    }

    @Test func replacingTheInstanceKeepsCommentsBetweenKeyAndValue() throws {
        let workspace = Self.workspace("""
        { "id": "F-ops", "account": "acct-ops", "websites": [ { "domain": "ops.example.cn", "instance": /* chosen by ops */ "i-app" } ] }
        """)
        let fix = try #require(workspace.diagnostics("ICP302").first?.repairs.first)
        let fixed = applying(fix, to: workspace.text())
        #expect(fixed.contains(#""serviceNumber": /* chosen by ops */ "SN-A""#))
        #expect(Self.remaining(fixed) == ["ICP301"])
    }

    @Test func fixesAppliedTogetherNeverGiveOneUnusedNumberToTwoWebsites() {
        let workspace = Self.workspace("""
        { "id": "F-new", "account": "acct-buy", "websites": [ { "domain": "one.example.cn" }, { "domain": "two.example.cn" } ] },
            { "id": "F-more", "account": "acct-buy", "websites": [ { "domain": "three.example.cn", "serviceNumber": "SN-USED" } ] }
        """)
        let key = DocumentKey("/ws/a.icp.json")
        let document = AnalyzedDocument(key: key, order: DocumentOrder(rootIndex: 0, relativePath: "a.icp.json"), text: Array(workspace.text().utf8))
        let outcome = FixApplication.applyPreferredFixes(to: [document], settings: Settings(asOf: exampleDate), today: exampleDate)
        let fixed = String(decoding: outcome.changedTexts[key] ?? [], as: UTF8.self)
        #expect(fixed.contains(#"{ "serviceNumber": "SN-1", "domain": "one.example.cn" }"#))
        #expect(fixed.contains(#"{ "serviceNumber": "SN-A", "domain": "two.example.cn" }"#))
        #expect(fixed.contains(#""domain": "three.example.cn", "serviceNumber": "SN-B""#))
        #expect(outcome.result.allDiagnostics.map(\.rule.rawValue) == ["ICP301"])
    }

    @Test func noUnusedNumberMeansNoNumberFix() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ \(eligibleECS()) ],
          "filings": [ { "id": "F-new", "account": "acct-buy", "websites": [ { "domain": "new.example.cn" } ] } ]
        }
        """)
        #expect(workspace.diagnostics("ICP503").first?.repairs.isEmpty == true)
    }
}
