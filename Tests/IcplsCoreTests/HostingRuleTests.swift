import Testing
import IcplsDocument
@testable import IcplsCore

/// ICP501–ICP504.
@Suite struct HostingRuleTests {
    @Test func aTrustPassDraftIsWarnedOncePerMemberAtItsKey() {
        let workspace = MarkedWorkspace("""
        {
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [
              { "domain": "a.example.cn", "hosting": "trustpass", ⟦"serviceNumber"⟧: "SN-1", ⟦"instance"⟧: "i-web" },
              { "domain": "b.example.cn", "hosting": "trustpass", "serviceNumber": 5, "instance": "" } ] },
            { "id": "F-2", "account": "acct-buy", "status": "approved", "websites": [
              { "domain": "c.example.cn", "hosting": "trustpass", "serviceNumber": "SN-1" } ] }
          ]
        }
        """)
        #expect(workspace.places("ICP501") == workspace.markers())
    }

    @Test func anOtherProviderDraftIsReportedAtItsHostingValue() {
        let workspace = MarkedWorkspace("""
        {
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", "hosting": ⟦"other-provider"⟧ } ] },
            { "id": "F-2", "account": "acct-buy", "status": "submitted", "websites": [ { "domain": "b.example.cn", "hosting": "other-provider" } ] }
          ]
        }
        """)
        #expect(workspace.places("ICP502") == workspace.markers())
    }

    @Test func aDraftWithoutAValidHostIsReportedAtItsOpeningBrace() {
        let workspace = MarkedWorkspace("""
        {
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [
              ⟦{⟧ "domain": "a.example.cn" },
              ⟦{⟧ "domain": "b.example.cn", "serviceNumber": 12, "instance": null },
              { "domain": "c.example.cn", "hosting": "trustpass" },
              { "domain": "d.example.cn", "instance": "i-web" } ] },
            { "id": "F-2", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "e.example.cn" } ] }
          ]
        }
        """)
        #expect(workspace.places("ICP503") == workspace.markers())
    }

    @Test func aRepeatedDomainIsComparedCaseInsensitivelyWithoutATrailingDot() {
        let workspace = MarkedWorkspace("""
        {
          "filings": [
            { "id": "F-1", "account": "acct-buy", "websites": [
              { "domain": ⟦"SHOP.example.cn."⟧, "hosting": "trustpass" },
              { "domain": ⟦"Shop.Example.CN"⟧, "hosting": "other-provider" },
              { "domain": "店铺.example.cn" } ] },
            { "id": "F-0", "account": "acct-buy", "status": "approved", "websites": [ { "domain": ⟦"shop.example.cn"⟧ } ] },
            { "id": "F-9", "account": "acct-buy", "status": "cancelled", "websites": [ { "domain": "店铺.example.cn" }, { "domain": "SHOP.EXAMPLE.CN" } ] },
            { "id": "F-8", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "https://shop.example.cn" } ] }
          ]
        }
        """)
        let marks = workspace.markers()
        let repeated = workspace.diagnostics("ICP504")
        #expect(repeated.map { Place($0.location) } == [marks[0], marks[1]])
        for diagnostic in repeated {
            #expect(diagnostic.related.map { Place($0.location) } == [marks[2]])
        }
    }

    @Test func theKeeperOfARepeatedDomainMayBeInAnotherDocument() {
        let workspace = MarkedWorkspace([
            ("a.icp.json", #"{ "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": ⟦"shop.example.cn"⟧ } ] } ] }"#),
            ("b.icp.json", #"{ "filings": [ { "id": "F-2", "account": "acct-buy", "status": "submitted", "websites": [ { "domain": ⟦"shop.example.cn"⟧ } ] } ] }"#),
        ])
        let repeated = workspace.diagnostics("ICP504")
        #expect(repeated.map { Place($0.location) } == [workspace.marker(0, in: "a.icp.json")])
        #expect(repeated.first?.related.map { Place($0.location) } == [workspace.marker(0, in: "b.icp.json")])
    }

    /// Keys of ASCII compare by bytes, the others as Swift strings: texts that are canonically
    /// equivalent are one domain, across the two kinds too.
    @Test func aRepeatedDomainIsComparedByCanonicalEquivalence() {
        let workspace = MarkedWorkspace("""
        {
          "filings": [
            { "id": "F-0", "account": "acct-buy", "status": "approved", "websites": [
              { "domain": ⟦"caf\u{E9}.example.cn"⟧ }, { "domain": ⟦"a;b.example.cn"⟧ }, { "domain": ⟦"ÉCOLE.cn"⟧ },
              { "domain": ⟦"\u{212A}ey.cn"⟧ }, { "domain": "cafe.example.cn" } ] },
            { "id": "F-1", "account": "acct-buy", "websites": [
              { "domain": ⟦"CAFE\u{301}.example.cn."⟧ }, { "domain": ⟦"a\u{37E}b.example.cn"⟧ }, { "domain": ⟦"e\u{301}cole.cn"⟧ },
              { "domain": ⟦"key.cn"⟧ }, { "domain": "a:b.example.cn" } ] }
          ]
        }
        """)
        let marks = workspace.markers()
        let repeated = workspace.diagnostics("ICP504")
        #expect(repeated.map { Place($0.location) } == Array(marks[4...]))
        #expect(repeated.map { $0.related.map { Place($0.location) } } == marks[..<4].map { [$0] })
    }

    @Test func onlyKeysOfPlainASCIICompareByBytes() {
        #expect(HostName.comparison(of: "shop.example.cn") == ("shop.example.cn", true))
        #expect(HostName.comparison(of: "Shop.Example.CN.") == ("shop.example.cn", true))
        #expect(HostName.comparison(of: "a;b.cn") == ("a;b.cn", false))
        #expect(HostName.comparison(of: "a`b.cn") == ("a`b.cn", false))
        #expect(HostName.comparison(of: "店铺.cn") == ("店铺.cn", false))
        #expect(HostName.comparison(of: "\u{212A}EY.cn.") == ("key.cn", true), "the Kelvin sign is a K, lower case a k")
    }

    /// Domains are found by hash; two keys of one hash are told apart by their texts.
    @Test func websitesOfOneHashAreToldApartByTheirKeys() {
        var keepers = WebsitesByHash(minimumCapacity: 4)
        #expect(keepers.insert(0, hash: 7, isSame: { _ in Issue.record("nothing to compare yet"); return true }) == nil)
        #expect(keepers.insert(1, hash: 7, isSame: { _ in false }) == nil, "another key of the same hash is kept too")
        #expect(keepers.insert(2, hash: 7, isSame: { $0 == 1 }) == 1)
        #expect(keepers.insert(3, hash: 8, isSame: { _ in true }) == nil, "a key of another hash is not compared")
    }
}
