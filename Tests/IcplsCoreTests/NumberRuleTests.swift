import Testing
import IcplsDocument
@testable import IcplsCore

/// ICP201 (a number backs one website, ever) and ICP202 (quota slots).
@Suite struct NumberReuseTests {
    static let inventory = """
      "accounts": [ { "id": "acct-buy" } ],
      "instances": [ \(eligibleECS()) ],
      "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ],
    """

    @Test func aCancelledFilingStillConsumesItsNumber() {
        let workspace = MarkedWorkspace("""
        {
        \(Self.inventory)
          "filings": [
            { "id": "F-new", "account": "acct-buy", "websites": [ { "domain": "new.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] },
            { "id": "F-old", "account": "acct-buy", "status": "cancelled",
              "websites": [ { "domain": "old.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] }
          ]
        }
        """)
        let reuse = workspace.diagnostics("ICP201")
        #expect(reuse.map { Place($0.location) } == [workspace.marker(0)])
        #expect(reuse.first?.related.map { Place($0.location) } == [workspace.marker(1)])
    }

    @Test func aWebsiteWhoseProviderWasRemovedStillConsumesItsNumber() {
        let workspace = MarkedWorkspace("""
        {
        \(Self.inventory)
          "filings": [
            { "id": "F-new", "account": "acct-buy", "websites": [ { "domain": "new.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] },
            { "id": "F-old", "account": "acct-buy", "status": "approved",
              "websites": [ { "domain": "old.example.cn", "serviceNumber": ⟦"SN-1"⟧, "providerRemoved": true } ] }
          ]
        }
        """)
        #expect(workspace.places("ICP201") == [workspace.marker(0)])
        #expect(workspace.diagnostics("ICP201").first?.related.map { Place($0.location) } == [workspace.marker(1)])
    }

    @Test func aDraftThatSortsBeforeAnApprovedFilingLosesTheNumber() {
        let workspace = MarkedWorkspace([
            ("a.icp.json", """
            {
            \(Self.inventory)
              "filings": [ { "id": "F-draft", "account": "acct-buy",
                             "websites": [ { "domain": "new.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] } ]
            }
            """),
            ("b.icp.json", """
            {
              "filings": [ { "id": "F-done", "account": "acct-buy", "status": "approved",
                             "websites": [ { "domain": "old.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] } ]
            }
            """),
        ])
        let reuse = workspace.diagnostics("ICP201")
        #expect(reuse.map { Place($0.location) } == [workspace.marker(0, in: "a.icp.json")])
        #expect(reuse.first?.related.map { Place($0.location) } == [workspace.marker(0, in: "b.icp.json")])
    }

    @Test func amongDraftsTheFirstInWorkspaceOrderKeepsTheNumber() {
        let workspace = MarkedWorkspace([
            ("a.icp.json", """
            {
            \(Self.inventory)
              "filings": [ { "id": "F-1", "account": "acct-buy",
                             "websites": [ { "domain": "one.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] } ]
            }
            """),
            ("b.icp.json", """
            {
              "filings": [ { "id": "F-2", "account": "acct-buy",
                             "websites": [ { "domain": "two.example.cn", "serviceNumber": ⟦"SN-1"⟧ },
                                           { "domain": "three.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] } ]
            }
            """),
        ])
        #expect(workspace.places("ICP201") == workspace.markers(in: "b.icp.json"))
        for diagnostic in workspace.diagnostics("ICP201") {
            #expect(diagnostic.related.map { Place($0.location) } == [workspace.marker(0, in: "a.icp.json")])
        }
    }

    @Test func aNumberMarkedUsedIsConsumedBeforeAnyWebsite() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ \(eligibleECS()) ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy", "used": ⟦true⟧ } ],
          "filings": [
            { "id": "F-old", "account": "acct-buy", "status": "approved",
              "websites": [ { "domain": "old.example.cn", "serviceNumber": ⟦"SN-1"⟧ } ] }
          ]
        }
        """)
        let reuse = workspace.diagnostics("ICP201")
        #expect(reuse.map { Place($0.location) } == [workspace.marker(1)])
        #expect(reuse.first?.related.map { Place($0.location) } == [workspace.marker(0)])
    }

    @Test func aNumberMarkedUnusedIsNotAConsumer() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ \(eligibleECS()) ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy", "used": false } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", "serviceNumber": "SN-1" } ] } ]
        }
        """)
        #expect(workspace.rules.isEmpty)
    }

    @Test func anUndeclaredNumberBackingTwoWebsitesIsReusedToo() {
        let workspace = MarkedWorkspace("""
        {
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "submitted", "websites": [
            { "domain": "a.example.cn", "serviceNumber": "SN-ghost" },
            { "domain": "b.example.cn", "serviceNumber": ⟦"SN-ghost"⟧ } ] } ]
        }
        """)
        #expect(workspace.places("ICP201") == [workspace.marker(0)])
    }

    @Test func onlyAlibabaCloudWebsitesConsumeNumbers() {
        let workspace = MarkedWorkspace("""
        {
        \(Self.inventory)
          "filings": [
            { "id": "F-1", "account": "acct-buy", "status": "approved", "websites": [
              { "domain": "shop.example.cn", "hosting": "trustpass", "serviceNumber": "SN-1" },
              { "domain": "elsewhere.example.cn", "hosting": "other-provider", "serviceNumber": "SN-1" } ] },
            { "id": "F-2", "account": "acct-buy", "websites": [ { "domain": "new.example.cn", "serviceNumber": "SN-1" } ] }
          ]
        }
        """)
        #expect(workspace.diagnostics("ICP201").isEmpty)
    }
}

@Suite struct QuotaTests {
    @Test func elasticWebHostingQuotaIsPooledPerPurchasingAccount() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "instances": [
            { "id": "ewh-1", "product": "elastic-web-hosting", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" },
            { "id": "ewh-2", "product": "elastic-web-hosting", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" },
            { "id": "ewh-3", "product": "elastic-web-hosting", "account": "acct-ops", "region": "cn-beijing", "billing": "pay-as-you-go" }
          ],
          "serviceNumbers": [
            { "number": "SN-1", "instance": "ewh-1", "appliedBy": "acct-buy" },
            { "number": "SN-2", "instance": "ewh-1", "appliedBy": "acct-buy" },
            { "number": "SN-3", "instance": "ewh-1", "appliedBy": "acct-buy" },
            { "number": "SN-4", "instance": "ewh-2", "appliedBy": "acct-buy" },
            { "number": "SN-5", "instance": "ewh-2", "appliedBy": "acct-buy" },
            { "number": ⟦"SN-6"⟧, "instance": "ewh-2", "appliedBy": "acct-buy" },
            { "number": "SN-7", "instance": "ewh-3", "appliedBy": "acct-ops" }
          ]
        }
        """)
        #expect(workspace.places("ICP202") == [workspace.marker(0)])
    }

    @Test func elasticWebHostingPoolsGoByTheAccountStringEvenWhenUndeclared() {
        let numbers = (1...6).map { #"{ "number": "SN-\#($0)", "instance": "ewh-\#($0 % 2)", "appliedBy": "acct-ghost" }"# }
        let workspace = MarkedWorkspace("""
        {
          "instances": [
            { "id": "ewh-0", "product": "elastic-web-hosting", "account": "acct-ghost", "region": "cn-hangzhou", "billing": "pay-as-you-go" },
            { "id": "ewh-1", "product": "elastic-web-hosting", "account": "acct-ghost", "region": "cn-hangzhou", "billing": "pay-as-you-go" }
          ],
          "serviceNumbers": [ \(numbers.joined(separator: ", ")) ]
        }
        """)
        #expect(workspace.diagnostics("ICP202").map { workspace.text(Place($0.location)) } == [#""SN-6""#])
    }

    @Test func anElasticWebHostingInstanceWithoutAValidPurchaserIsAPoolOfItsOwn() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [
            { "id": "ewh-1", "product": "elastic-web-hosting", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" },
            { "id": "ewh-2", "product": "elastic-web-hosting", "account": "", "region": "cn-hangzhou", "billing": "pay-as-you-go" },
            { "id": "ewh-3", "product": "elastic-web-hosting", "region": "cn-hangzhou", "billing": "pay-as-you-go" }
          ],
          "serviceNumbers": [
            { "number": "SN-1", "instance": "ewh-1", "appliedBy": "acct-buy" },
            { "number": "SN-2", "instance": "ewh-1", "appliedBy": "acct-buy" },
            { "number": "SN-3", "instance": "ewh-1", "appliedBy": "acct-buy" },
            { "number": "SN-4", "instance": "ewh-2", "appliedBy": "acct-buy" },
            { "number": "SN-5", "instance": "ewh-2", "appliedBy": "acct-buy" },
            { "number": "SN-6", "instance": "ewh-3", "appliedBy": "acct-buy" },
            { "number": "SN-7", "instance": "ewh-3", "appliedBy": "acct-buy" }
          ]
        }
        """)
        #expect(workspace.diagnostics("ICP202").isEmpty)
    }

    @Test func directSelectionsInCancelledFilingsKeepTheirSlot() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "cn-beijing",
                           "billing": "subscription", "expiresOn": "2030-01-01" } ],
          "filings": [
            { "id": "F-new", "account": "acct-buy", "websites": [ { "domain": "new.example.cn", "instance": ⟦"i-mkt"⟧ } ] },
            { "id": "F-old", "account": "acct-buy", "status": "cancelled", "websites": [ { "domain": "old.example.cn", "instance": "i-mkt" } ] }
          ]
        }
        """)
        #expect(workspace.places("ICP202") == [workspace.marker(0)])
    }

    @Test func slotsGoToDeclaredNumbersThenNonDraftSelectionsThenDrafts() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-nat", "product": "nat-gateway", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", "instance": ⟦"i-nat"⟧ } ] },
            { "id": "F-2", "account": "acct-buy", "status": "submitted", "websites": [ { "domain": "b.example.cn", "instance": "i-nat" } ] }
          ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-nat", "appliedBy": "acct-buy", "used": true } ]
        }
        """)
        #expect(workspace.places("ICP202") == workspace.markers())
    }

    @Test func theQuotaCountsWhateverTheRegionBillingOrStatus() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "ap-southeast-1",
                           "billing": "pay-as-you-go", "status": "released" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-mkt", "appliedBy": "acct-buy" },
                              { "number": ⟦"SN-2"⟧, "instance": "i-mkt", "appliedBy": "acct-buy" } ]
        }
        """)
        #expect(workspace.places("ICP202") == workspace.markers())
    }

    @Test func aWebsiteUsingANumberTakesNoSecondSlot() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-mkt", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "a.example.cn", "serviceNumber": "SN-1", "instance": "i-mkt" } ] } ]
        }
        """)
        #expect(workspace.diagnostics("ICP202").isEmpty)
    }

    @Test func anInvalidServiceNumberWithAnInstanceIsADirectSelection() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-mkt", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "a.example.cn", "serviceNumber": ⟦42⟧, "instance": ⟦"i-mkt"⟧ } ] } ]
        }
        """)
        #expect(workspace.places("ICP003") == [workspace.marker(0)])
        #expect(workspace.places("ICP202") == [workspace.marker(1)])
        #expect(workspace.diagnostics("ICP303").isEmpty)
    }

    @Test func aNumberDeclarationWithoutAValidNumberTakesNoSlot() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "", "instance": "i-mkt", "appliedBy": "acct-buy" },
                              { "instance": "i-mkt", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "a.example.cn", "instance": "i-mkt" } ] } ]
        }
        """)
        #expect(workspace.diagnostics("ICP202").isEmpty)
    }

    @Test func aRepeatedNumberDeclarationTakesNoSecondSlot() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-mkt", "product": "marketplace-site", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-mkt", "appliedBy": "acct-buy" },
                              { "number": ⟦"SN-1"⟧, "instance": "i-mkt", "appliedBy": "acct-buy" } ]
        }
        """)
        #expect(workspace.places("ICP104") == workspace.markers())
        #expect(workspace.diagnostics("ICP202").isEmpty)
    }

    @Test func productsThatCannotHostHaveNoQuota() {
        let numbers = (1...7).map { #"{ "number": "SN-\#($0)", "instance": "i-lb", "appliedBy": "acct-buy" }"# }
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-lb", "product": "slb", "account": "acct-buy", "region": "cn-beijing", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ \(numbers.joined(separator: ", ")) ]
        }
        """)
        #expect(workspace.diagnostics("ICP202").isEmpty)
    }
}
