import Testing
import IcplsDocument
@testable import IcplsCore

/// ICP101–ICP104, and how duplicated declarations are seen by the other rules.
@Suite struct ReferenceTests {
    @Test func unknownReferencesAreReportedAtTheirValues() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-web", "product": "ecs", "account": ⟦"acct-nobody"⟧, "region": "cn-hangzhou", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": ⟦"i-nowhere"⟧, "appliedBy": ⟦"acct-who"⟧ } ],
          "filings": [ { "id": "F-1", "account": ⟦"acct-else"⟧, "status": "approved", "websites": [
            { "domain": "a.example.cn", "serviceNumber": ⟦"SN-404"⟧, "instance": ⟦"i-ghost"⟧ } ] } ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP101") == [marks[0], marks[2], marks[3]])
        #expect(workspace.places("ICP102") == [marks[1], marks[5]])
        #expect(workspace.places("ICP103") == [marks[4]])
    }

    @Test func referencesResolveAcrossDocuments() {
        let workspace = MarkedWorkspace([
            ("a.icp.json", #"{ "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", "serviceNumber": "SN-1" } ] } ] }"#),
            ("inventory.icp.json", """
            {
              "accounts": [ { "id": "acct-buy" } ],
              "instances": [ \(eligibleECS()) ],
              "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ]
            }
            """),
        ])
        #expect(workspace.rules.isEmpty)
    }

    @Test func idsAreComparedExactly() {
        let workspace = MarkedWorkspace("""
        { "accounts": [ { "id": "acct-buy" } ], "filings": [ { "id": "F-1", "account": ⟦"Acct-Buy"⟧ } ] }
        """)
        #expect(workspace.places("ICP101") == workspace.markers())
    }

    /// "café" written precomposed and with a combining accent: equal as Swift strings,
    /// different ids (SPEC §2: compared exactly).
    @Test func idsThatDifferOnlyInTheirUnicodeFormAreDifferentIds() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "\(composed)" }, { "id": "\(decomposed)" }, { "id": "acct-\(composed)" } ],
          "instances": [ { "id": "i-\(composed)", "product": "ecs", "account": ⟦"acct-\(decomposed)"⟧, "region": "cn-hangzhou", "billing": "pay-as-you-go" } ],
          "serviceNumbers": [ { "number": "SN-\(composed)", "instance": ⟦"i-\(decomposed)"⟧, "appliedBy": "acct-\(composed)" } ],
          "filings": [ { "id": "F-\(composed)", "account": "acct-\(composed)", "websites": [ { "domain": "a.example.cn", "serviceNumber": ⟦"SN-\(decomposed)"⟧ } ] },
                       { "id": "F-\(decomposed)", "account": "acct-\(composed)" } ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP101") == [marks[0]])
        #expect(workspace.places("ICP102") == [marks[1]])
        #expect(workspace.places("ICP103") == [marks[2]])
        #expect(workspace.places("ICP104").isEmpty, "two spellings are two ids, declared once each")
    }

    /// Quota pools, a number's instance and an instance's purchaser go by the exact id too: two
    /// spellings of one name are two accounts, two instances.
    @Test func poolsAndOwnersGoByExactIds() {
        let composed = "acct-caf\u{E9}", decomposed = "acct-cafe\u{301}"
        let numbers = (1...6).map { #"{ "number": "SN-\#($0)", "instance": "ewh-\#($0 % 2)", "appliedBy": "\#($0 % 2 == 0 ? composed : decomposed)" }"# }
        let pools = MarkedWorkspace("""
        {
          "accounts": [ { "id": "\(composed)" }, { "id": "\(decomposed)" } ],
          "instances": [
            { "id": "ewh-0", "product": "elastic-web-hosting", "account": "\(composed)", "region": "cn-hangzhou", "billing": "pay-as-you-go" },
            { "id": "ewh-1", "product": "elastic-web-hosting", "account": "\(decomposed)", "region": "cn-hangzhou", "billing": "pay-as-you-go" }
          ],
          "serviceNumbers": [ \(numbers.joined(separator: ", ")) ]
        }
        """)
        #expect(pools.diagnostics("ICP202").isEmpty, "three numbers in each account's pool, not six in one")

        let ownership = MarkedWorkspace("""
        {
          "accounts": [ { "id": "\(composed)" }, { "id": "\(decomposed)" } ],
          "instances": [ \(eligibleECS("i-\(composed)", account: composed)), \(eligibleECS("i-\(decomposed)", account: decomposed)) ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-\(composed)", "appliedBy": "\(composed)" } ],
          "filings": [
            { "id": "F-1", "account": "\(composed)", "status": "approved", "websites": [ { "domain": "a.example.cn", "serviceNumber": "SN-1", "instance": ⟦"i-\(decomposed)"⟧ } ] },
            { "id": "F-2", "account": "\(composed)", "websites": [ { "domain": "b.example.cn", "instance": ⟦"i-\(decomposed)"⟧ } ] }
          ]
        }
        """)
        #expect(ownership.places("ICP303") == [ownership.marker(0)], "the number's instance is the other spelling")
        #expect(ownership.places("ICP302") == [ownership.marker(1)], "the filing's account is not the instance's purchaser")
    }

    @Test(arguments: [
        ("accounts", #"{ "id": ⟦"X"⟧ }"#),
        ("instances", #"{ "id": ⟦"X"⟧, "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" }"#),
        ("serviceNumbers", #"{ "number": ⟦"X"⟧, "instance": "i-web", "appliedBy": "acct-buy" }"#),
        ("filings", #"{ "id": ⟦"X"⟧, "account": "acct-buy" }"#),
    ])
    func everyDeclarationAfterTheFirstIsADuplicateRelatedToTheFirst(member: String, marked: String) {
        let workspace = MarkedWorkspace([
            ("a.icp.json", #"{ "\#(member)": [ \#(marked) ] }"#),
            ("b.icp.json", #"{ "\#(member)": [ \#(marked), \#(marked) ] }"#),
        ])
        let duplicates = workspace.diagnostics("ICP104")
        #expect(duplicates.map { Place($0.location) } == workspace.markers(in: "b.icp.json"))
        for duplicate in duplicates {
            #expect(duplicate.related.map { Place($0.location) } == [workspace.marker(0, in: "a.icp.json")])
        }
    }

    @Test func aLaterDeclarationGetsItsOwnStructureAndReferenceChecks() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [
            { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" },
            { "id": ⟦"i-web"⟧, "product": "ecs", "account": ⟦"acct-ghost"⟧, "region": ⟦"mars-1"⟧, "billing": "pay-as-you-go", ⟦"colour"⟧: 1 }
          ],
          "serviceNumbers": [
            { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" },
            { "number": ⟦"SN-1"⟧, "instance": ⟦"i-lost"⟧, "appliedBy": "acct-buy" }
          ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP104") == [marks[0], marks[4]])
        #expect(workspace.places("ICP101") == [marks[1]])
        #expect(workspace.places("ICP006") == [marks[2]])
        #expect(workspace.places("ICP004") == [marks[3]])
        #expect(workspace.places("ICP102") == [marks[5]])
    }

    @Test func otherRulesSeeOnlyTheFirstDeclaration() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "instances": [
            \(eligibleECS()),
            { "id": ⟦"i-web"⟧, "product": "slb", "account": "acct-ops", "region": "cn-hongkong", "billing": "pay-as-you-go" }
          ],
          "serviceNumbers": [
            { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" },
            { "number": ⟦"SN-1"⟧, "instance": "i-web", "appliedBy": "acct-ops", "used": true }
          ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", "serviceNumber": "SN-1" } ] } ]
        }
        """)
        #expect(workspace.places("ICP104") == workspace.markers())
        #expect(workspace.rules == ["ICP104"])
    }

    @Test func filingsThatShareAnIdStaySeparateFilings() {
        let workspace = MarkedWorkspace("""
        {
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [ ⟦{⟧ "domain": "a.example.cn" } ] },
            { "id": ⟦"F-1"⟧, "account": "acct-buy", "status": "approved", "websites": [ { "domain": "b.example.cn" } ] }
          ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP503") == [marks[0]])
        #expect(workspace.places("ICP104") == [marks[1]])
    }
}

/// ICP301–ICP303.
@Suite struct AccountRuleTests {
    static let instances = """
      "instances": [ \(eligibleECS()) ],
    """

    @Test func appliedByANonPurchaserIsReportedOnlyWhenBothAccountsAreDeclared() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
          "instances": [ \(eligibleECS()), \(eligibleECS("i-orphan", account: "acct-gone")) ],
          "serviceNumbers": [
            { "number": "SN-1", "instance": "i-web", "appliedBy": ⟦"acct-ops"⟧ },
            { "number": "SN-2", "instance": "i-web", "appliedBy": ⟦"acct-unknown"⟧ },
            { "number": "SN-3", "instance": "i-orphan", "appliedBy": "acct-ops" },
            { "number": "SN-4", "instance": "i-web", "appliedBy": "acct-buy" }
          ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP301") == [marks[0]])
        #expect(workspace.places("ICP101").contains(marks[1]))
    }

    @Test func directSelectionByANonPurchaserIsReportedOnDraftsOnlyWhenBothAccountsAreDeclared() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" }, { "id": "acct-ops" } ],
        \(Self.instances)
          "filings": [
            { "id": "F-1", "account": "acct-ops", "websites": [ { "domain": "a.example.cn", "instance": ⟦"i-web"⟧ } ] },
            { "id": "F-2", "account": "acct-unknown", "websites": [ { "domain": "b.example.cn", "instance": "i-web" } ] },
            { "id": "F-3", "account": "acct-ops", "status": "approved", "websites": [ { "domain": "c.example.cn", "instance": "i-web" } ] },
            { "id": "F-4", "account": "acct-ops", "websites": [ { "domain": "d.example.cn", "hosting": "trustpass", "instance": "i-web" } ] },
            { "id": "F-5", "account": "acct-buy", "websites": [ { "domain": "e.example.cn", "instance": "i-web" } ] }
          ]
        }
        """)
        #expect(workspace.places("ICP302") == workspace.markers())
    }

    @Test func aNumberOfAnotherInstanceIsReportedForAnyFilingStatus() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ \(eligibleECS()), \(eligibleECS("i-db")) ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [
            { "id": "F-1", "account": "acct-buy", "status": "cancelled",
              "websites": [ { "domain": "a.example.cn", "serviceNumber": "SN-1", "instance": ⟦"i-db"⟧ } ] },
            { "id": "F-2", "account": "acct-buy", "status": "approved",
              "websites": [ { "domain": "b.example.cn", "serviceNumber": "SN-1", "instance": ⟦"i-db"⟧ } ] },
            { "id": "F-3", "account": "acct-buy",
              "websites": [ { "domain": "c.example.cn", "serviceNumber": "SN-1", "instance": ⟦"i-db"⟧ },
                            { "domain": "d.example.cn", "hosting": "trustpass", "serviceNumber": "SN-1", "instance": "i-db" },
                            { "domain": "e.example.cn", "serviceNumber": "SN-2", "instance": "i-db" } ] }
          ]
        }
        """)
        #expect(workspace.places("ICP303") == workspace.markers())
    }
}
