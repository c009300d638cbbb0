import Testing
import IcplsDocument
@testable import IcplsCore

/// ICP001–ICP006, and how the other rules read invalid values (as absent).
@Suite struct StructureTests {
    @Test(arguments: ["", "   \n\t", "// nothing yet\n/* still nothing */\r\n", "\u{FEFF}"])
    func aDocumentWithNoValueHasNothingToCheck(text: String) {
        #expect(findings(text).isEmpty)
    }

    @Test(arguments: [#"⟦[ { "id": "acct-buy" } ]⟧"#, #"⟦"accounts"⟧"#, "// a comment first\n⟦42⟧ // and after"])
    func aTopLevelValueThatIsNotAnObjectIsAnInvalidValue(text: String) {
        let workspace = MarkedWorkspace(text)
        #expect(workspace.result.allDiagnostics.map { Place($0.location) } == workspace.markers())
        #expect(workspace.rules == ["ICP003"])
    }

    @Test func schemaIsAllowedAtTheTopLevelOnly() {
        let workspace = MarkedWorkspace("""
        {
          "$schema": 42,
          "accounts": [ { "id": "acct-buy", ⟦"$schema"⟧: "x" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "a.example.cn", ⟦"$schema"⟧: "x" } ] } ]
        }
        """)
        #expect(workspace.result.allDiagnostics.map { Place($0.location) } == workspace.markers())
        #expect(workspace.rules == ["ICP004"])
    }

    @Test func duplicateKeysAreReportedAtEveryLaterKeyInAnyObject() {
        let workspace = MarkedWorkspace("""
        {
          "notes": { "owner": "ops", ⟦"owner"⟧: "dev", ⟦"owner"⟧: "qa", "deep": [ { "k": 1, ⟦"k"⟧: 2 } ] },
          "accounts": [ { "id": "acct-buy", ⟦"id"⟧: "acct-buy" } ],
          "extra": { "y": 1, "y": 2 }, ⟦"extra"⟧: { "x": 1 }
        }
        """)
        // The shadowed first "extra" is not looked into: only the last of a key is checked further.
        #expect(workspace.places("ICP005") == workspace.markers())
        #expect(workspace.places("ICP004").map(workspace.text) == [#""notes""#, #""extra""#])
        #expect(workspace.places("ICP004").last == workspace.marker(4))
    }

    @Test func duplicateKeysAreFoundInATopLevelValueThatIsNotAnObject() {
        let workspace = MarkedWorkspace(#"⟦[ { "id": "acct-buy", "id": "acct-ops" } ]⟧"#)
        #expect(workspace.rules == ["ICP003", "ICP005"])
        #expect(workspace.places("ICP005").map(workspace.text) == [#""id""#])
    }

    @Test func duplicateKeysAreFoundInValuesTheFormatDoesNotReadAsItsObjects() {
        // A wrong type, an element that is no object, `$schema`, a wrong `websites`, an unknown
        // member of a website: each is walked for repeated keys, as the objects of the format are.
        let workspace = MarkedWorkspace("""
        {
          "$schema": { "s": 1, ⟦"s"⟧: 2 },
          "accounts": [ [ { "a": 1, ⟦"a"⟧: 2 } ], { "id": { "k": 1, ⟦"k"⟧: 2 }, "name": "n" } ],
          "filings": [ { "id": "F-1", "account": "x", "websites": { "w": 1, ⟦"w"⟧: 2 } },
                       { "id": "F-2", "account": "x", "websites": [ { "domain": "a.example.cn", "note": { "n": 1, ⟦"n"⟧: [ { "d": 1, ⟦"d"⟧: 2 } ] } } ] } ]
        }
        """)
        #expect(workspace.places("ICP005") == workspace.markers())
    }

    @Test func theLastOfARepeatedKeyIsTheOneChecked() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "", ⟦"id"⟧: ⟦""⟧ }, { "id": "acct-buy", ⟦"id"⟧: "acct-ops" } ],
          "filings": [ { "id": "F-1", "account": ⟦"acct-buy"⟧ } ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP005") == [marks[0], marks[2]])
        #expect(workspace.places("ICP003") == [marks[1]])
        #expect(workspace.places("ICP101") == [marks[3]])
    }

    @Test func unknownRegionsAreReportedAlsoOnRepeatedDeclarations() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [
            { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": ⟦"cn-hangzou"⟧, "billing": "pay-as-you-go" },
            { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": ⟦"mars-1"⟧, "billing": "pay-as-you-go" }
          ]
        }
        """)
        #expect(workspace.places("ICP006") == workspace.markers())
    }

    @Test func missingMembersAreReportedOncePerMemberAtTheOpeningBrace() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ ⟦{⟧ "id": "i-web", "billing": "subscription" } ],
          "serviceNumbers": [ ⟦{⟧ } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ ⟦{⟧ "hosting": "trustpass" } ] } ]
        }
        """)
        let marks = workspace.markers()
        let missing = workspace.places("ICP002")
        #expect(missing.filter { $0 == marks[0] }.count == 4) // product, account, region, expiresOn
        #expect(missing.filter { $0 == marks[1] }.count == 3) // number, instance, appliedBy
        #expect(missing.filter { $0 == marks[2] }.count == 1) // domain
        #expect(missing.count == 8)
    }

    @Test func anInvalidMemberIsNotReportedMissingToo() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-web", "product": ⟦5⟧, "account": ⟦null⟧, "region": "cn-hangzhou",
                           "billing": "subscription", "expiresOn": ⟦"2027-02-29"⟧ } ]
        }
        """)
        #expect(workspace.places("ICP003") == workspace.markers())
        #expect(workspace.diagnostics("ICP002").isEmpty)
    }

    @Test func aMemberWhoseValueCannotBeParsedIsPresentAndItsKeyStillChecked() {
        let workspace = MarkedWorkspace("""
        {
          "instances": [ { "id": "i-web", "product": ⟦,⟧ "account": "acct-buy", "region": "cn-hangzhou",
                           "billing": "pay-as-you-go", ⟦"colour"⟧: ⟦}⟧ ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP001") == [marks[0], marks[2]])
        #expect(workspace.places("ICP004") == [marks[1]])
        #expect(workspace.diagnostics("ICP002").isEmpty)
    }

    @Test(arguments: [
        (#""subscriptionMonths": 12"#, true), (#""subscriptionMonths": 12.0"#, true), (#""subscriptionMonths": 1.2e1"#, true),
        (#""subscriptionMonths": 0"#, false), (#""subscriptionMonths": 2.5"#, false), (#""subscriptionMonths": "12""#, false),
        (#""publicBandwidthMbps": 0"#, true), (#""publicBandwidthMbps": 0.5"#, true), (#""publicBandwidthMbps": -1"#, false),
        (#""expiresOn": "2028-02-29""#, true), (#""expiresOn": "2027-02-29""#, false), (#""expiresOn": "2027-6-30""#, false),
        (#""expiresOn": "0000-01-01""#, false), (#""status": null"#, false), (#""status": "Running""#, false),
    ])
    func instanceValuesAreChecked(member: String, isValid: Bool) {
        let text = #"{ "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go", \#(member) } ] }"#
        #expect(findings(text).contains { $0.hasPrefix("ICP003") } == !isValid)
    }

    @Test(arguments: [
        ("shop.example.cn", true), ("店铺.example.cn", true), ("Shop.Example.CN.", true),
        ("", false), ("shop example.cn", false), ("shop\u{3000}example.cn", false), ("shop.example.cn/", false),
        ("shop.example.cn:8080", false), ("shop.example.cn?a", false), ("shop.example.cn#a", false), ("me@shop.example.cn", false),
    ])
    func domainsMustBeBareHostNames(domain: String, isValid: Bool) {
        let text = #"{ "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "\#(domain)" } ] } ] }"#
        #expect(findings(text).contains { $0.hasPrefix("ICP003") } == !isValid)
    }

    @Test func anInvalidFilingStatusIsJudgedAsADraft() {
        let workspace = MarkedWorkspace("""
        { "filings": [ { "id": "F-1", "account": "acct-buy", "status": ⟦"pending"⟧, "websites": [ ⟦{⟧ "domain": "a.example.cn" } ] } ] }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP003") == [marks[0]])
        #expect(workspace.places("ICP503") == [marks[1]])
    }

    @Test func anInvalidHostingIsJudgedAsAlibabaCloud() {
        let workspace = MarkedWorkspace("""
        { "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ ⟦{⟧ "domain": "a.example.cn", "hosting": ⟦"aliyun"⟧ } ] } ] }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP503") == [marks[0]])
        #expect(workspace.places("ICP003") == [marks[1]])
    }

    @Test func wrongShapesOfArraysAndElementsAreInvalidValues() {
        let workspace = MarkedWorkspace("""
        { "accounts": ⟦{ "id": "acct-buy" }⟧, "instances": [ ⟦"i-web"⟧, ⟦null⟧ ], "filings": [ { "id": "F-1", "account": "acct-buy", "websites": ⟦null⟧ } ] }
        """)
        #expect(workspace.places("ICP003") == workspace.markers())
        #expect(workspace.rules == ["ICP003", "ICP101"]) // the accounts were not declared

    }

    @Test func brokenTextIsReportedAndTheRestIsStillChecked() {
        let workspace = MarkedWorkspace("""
        {
          "accounts": [ { "id": "acct-buy" ⟦"name"⟧: "x" } ],
          "filings": [ { "id": "F-1", "account": ⟦"acct-nobody"⟧ } ]
        }
        """)
        let marks = workspace.markers()
        #expect(workspace.places("ICP001") == [marks[0]])
        #expect(workspace.places("ICP101") == [marks[1]])
    }

    @Test func badBytesAreOneSyntaxErrorPerRunAndTheRestIsStillChecked() {
        var bytes = Array(#"{ "accounts": [ { "id": "acct-buy", "name": "a"#.utf8)
        let badStart = bytes.count
        bytes += [0xE4, 0xB8]
        bytes += Array(#"" } ], "filings": [ { "id": "F-1", "account": "acct-nobody" } ] }"#.utf8)
        let documents = [AnalyzedDocument(key: DocumentKey("/ws/a.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "a.icp.json"), text: bytes)]
        let result = Checker.check(documents, settings: Settings(asOf: exampleDate))
        #expect(result.allDiagnostics.map(\.rule.rawValue) == ["ICP001", "ICP101"])
        #expect(result.allDiagnostics.first?.range == ByteRange(start: badStart, end: badStart + 2))
    }
}
