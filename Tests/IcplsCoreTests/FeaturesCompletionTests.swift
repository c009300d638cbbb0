import Testing
import IcplsDocument
@testable import IcplsCore

@Suite struct FeaturesCompletionTests {
    /// Completion at the `‸` of a snippet of a standard-workspace document.
    func complete(_ snippet: String, in name: String, workspace: FeatureWorkspace = .standard()) -> CompletionList? {
        Completion.completions(at: workspace.cursor(snippet, in: name), in: workspace.key(name), result: workspace.result)
    }

    /// Completion at the `‸` of a whole extra document checked with the standard ones.
    func complete(document marked: String) -> (list: CompletionList?, workspace: FeatureWorkspace, marks: SnippetMarks) {
        let marks = SnippetMarks(marked)
        let workspace = FeatureWorkspace.standard(adding: [("draft.icp.json", marks.text)])
        let list = Completion.completions(at: marks.cursor ?? 0, in: workspace.key("draft.icp.json"), result: workspace.result)
        return (list, workspace, marks)
    }

    @Test func numbersThatCanBackAWebsiteComeFirstThenUnusedThenUsed() throws {
        let workspace = FeatureWorkspace.standard()
        let list = try #require(complete(#""serviceNumber": "SN-EWH‸-2""#, in: "team.icp.json", workspace: workspace))
        #expect(list.replaceRange == workspace.range(#""serviceNumber": ⟦"SN-EWH-2"⟧"#, in: "team.icp.json"))
        #expect(list.items.map(\.label) == ["SN-ECS-3", "SN-ECS-4", "SN-EWH-1", "SN-SHORT", "SN-ECS-1", "SN-ECS-2", "SN-EWH-2"])
        #expect(list.items.map(\.detail) == [
            "on i-ecs, applied by acct-buy · unused",
            "on i-ecs, applied by acct-buy · unused",
            "on i-ewh-1, applied by acct-ops · unused",
            "on i-short, applied by acct-buy · unused, cannot back a website now",
            "on i-ecs, applied by acct-buy · used by shop.example.cn (F-SHOP)",
            "on i-ecs, applied by acct-buy · used outside this workspace",
            "on i-ewh-2, applied by acct-ops · used by team.example.cn (F-TEAM)",
        ])
        #expect(list.items[3].documentation?.hasPrefix("ICP406: ") == true)
        #expect(list.items.allSatisfy { $0.kind == .reference && $0.newText == "\"\($0.label)\"" && $0.filterText == $0.newText })
        #expect(list.items.map(\.sortText) == list.items.map(\.sortText).sorted())
    }

    @Test func accountReferencesOfferEachDeclaredAccountOnceWithItsName() throws {
        let list = try #require(complete(#""F-TEAM", "account": "‸acct-ops""#, in: "team.icp.json"))
        #expect(list.items.map(\.label) == ["acct-buy", "acct-ops"])
        #expect(list.items.map(\.detail) == ["杭州示例科技有限公司 🚀", "运维 Ops 😀"])
    }

    @Test func aWebsiteInstanceOffersTheFilingAccountsInstancesFirst() throws {
        let list = try #require(complete(#""instance": "i-ecs‸" } ]"#, in: "team.icp.json"))
        #expect(list.items.map(\.label) == ["i-ecs", "i-short", "i-slb", "i-old", "i-ewh-1", "i-ewh-2"])
        #expect(list.items.first?.detail == "ecs · cn-hangzhou · purchased by acct-buy")
        #expect(list.items.first?.documentation == nil)
        #expect(list.items[2].documentation?.hasPrefix("ICP408: ") == true)
    }

    @Test func enumValuesForProductRegionBillingAndStatuses() throws {
        let products = try #require(complete(#""i-slb", "product": "sl‸b""#, in: "inventory.icp.json"))
        #expect(products.items.map(\.label) == Product.allCases.map(\.rawValue))
        #expect(products.items.first { $0.label == "slb" }?.detail == "cannot host a filing")
        #expect(products.items.first { $0.label == "elastic-web-hosting" }?.detail == "5 numbers per purchasing account, subscription of at least 6 months")
        let regions = try #require(complete(#""i-short", "product": "simple-application-server", "account": "acct-buy", "region": "‸cn-shanghai""#, in: "inventory.icp.json"))
        #expect(regions.items.map(\.label) == Regions.all)
        #expect(regions.items.first { $0.label == "cn-hongkong" }?.detail == "Hong Kong: no ICP filing needed")
        let billing = try #require(complete(#""i-slb", "product": "slb", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as‸-you-go""#, in: "inventory.icp.json"))
        #expect(billing.items.map(\.label) == ["subscription", "pay-as-you-go"])
        let filingStatus = try #require(complete(#""status": "appro‸ved""#, in: "shop.icp.json"))
        #expect(filingStatus.items.map(\.label) == ["draft", "submitted", "approved", "cancelled"])
        let hosting = try #require(complete(#""hosting": "trust‸pass""#, in: "team.icp.json"))
        #expect(hosting.items.map(\.newText) == ["\"alibaba-cloud\"", "\"trustpass\"", "\"other-provider\""])
    }

    @Test func declarationsDomainsAndDatesHaveNoValueCompletion() {
        #expect(complete(#"{ "id": "i-sl‸b""#, in: "inventory.icp.json") == nil)
        #expect(complete(#""domain": "shop.exam‸ple.cn""#, in: "shop.icp.json") == nil)
        #expect(complete(#""expiresOn": "2026-08-2‸0""#, in: "inventory.icp.json") == nil)
        #expect(complete("// 杭州示例的网店‸备案", in: "shop.icp.json") == nil)
    }

    @Test func aMissingValueAtTheEndOfTheTextGetsTheAllowedValues() throws {
        let (list, _, marks) = complete(document: #"{ "instances": [ { "id": "i-new", "product": ‸"#)
        let products = try #require(list)
        #expect(products.replaceRange == .empty(at: try #require(marks.cursor)))
        #expect(products.items.first?.newText == "\"ecs\"")
        #expect(products.items.first?.filterText == "ecs")
        let (trailing, _, _) = complete(document: "{ \"instances\": [ { \"id\": \"i-new\", \"billing\":‸\n\n")
        #expect(trailing?.items.map(\.label) == ["subscription", "pay-as-you-go"])
    }

    @Test func aValueMissingBeforeTheNextMemberOnALaterLine() throws {
        let marked = "{ \"instances\": [ { \"id\": \"i-new\",\n  \"region\": ‸\n  \"billing\": \"subscription\" } ] }"
        let (list, _, marks) = complete(document: marked)
        let regions = try #require(list)
        #expect(regions.replaceRange == .empty(at: try #require(marks.cursor)))
        #expect(regions.items.count == Regions.all.count)
    }

    @Test func anUnterminatedValueIsReplacedToTheEndOfItsLine() throws {
        let marked = """
        { "filings": [ { "id": "F-NEW", "account": "acct-buy",
            // 新网站 🌐
            "websites": [ { "domain": "new.example.cn", "serviceNumber": ⟦"SN-E‸⟧
        ] } ] }
        """
        let (list, _, marks) = complete(document: marked)
        let numbers = try #require(list)
        #expect(numbers.replaceRange == marks.range)
        #expect(numbers.items.first?.label == "SN-ECS-3")
        #expect(numbers.items.first?.filterText == "\"SN-ECS-3\"")
    }

    @Test func anUnterminatedKeyIsAMemberNameBeingTyped() throws {
        let marked = """
        { "filings": [ { "id": "F-NEW", ⟦"acc‸⟧
        } ] }
        """
        let (list, _, marks) = complete(document: marked)
        let members = try #require(list)
        #expect(members.replaceRange == marks.range)
        #expect(members.items.map(\.label) == ["account", "status", "websites"])
        #expect(members.items.map(\.newText) == [#""account": """#, #""status": """#, #""websites": []"#])
        #expect(members.items.map(\.snippet) == [#""account": "$0""#, #""status": "$0""#, #""websites": [$0]"#])
        #expect(members.items.first?.detail == "required · id")
        #expect(members.items.first?.filterText == "\"account\"")
    }

    @Test func editingAKeyThatHasAValueReplacesOnlyTheName() throws {
        let (list, _, marks) = complete(document: #"{ "instances": [ { "id": "i-new", ⟦"pro‸duct"⟧: "ecs" } ] }"#)
        let members = try #require(list)
        #expect(members.replaceRange == marks.range)
        #expect(members.items.map(\.label) == ["product", "account", "region", "billing", "expiresOn", "subscriptionMonths", "publicBandwidthMbps", "status"])
        #expect(members.items.first?.newText == "\"product\"")
        #expect(members.items.first?.snippet == nil)
    }

    @Test func anEmptyPlaceInAWebsiteOffersItsMembersRequiredFirst() throws {
        let (list, _, marks) = complete(document: #"{ "filings": [ { "id": "F-NEW", "websites": [ { "hosting": "trustpass", ‸ } ] } ] }"#)
        let members = try #require(list)
        #expect(members.replaceRange == .empty(at: try #require(marks.cursor)))
        #expect(members.items.map(\.label) == ["domain", "serviceNumber", "instance", "providerRemoved"])
        #expect(members.items.map(\.newText) == [#""domain": """#, #""serviceNumber": """#, #""instance": """#, #""providerRemoved": false"#])
        #expect(members.items.allSatisfy { $0.kind == .member && $0.filterText == $0.label })
    }

    @Test func theTopLevelOffersTheDocumentsArraysNotYetPresent() throws {
        let (list, _, _) = complete(document: "{\n  \"accounts\": [],\n  ‸\n}")
        #expect(try #require(list).items.map(\.label) == ["$schema", "instances", "serviceNumbers", "filings"])
    }

    @Test func aCutOffDocumentStillCompletesMemberNames() throws {
        let (list, _, _) = complete(document: "{ \"accounts\": [ { \"id\": \"acct-new\",\n    ‸")
        #expect(try #require(list).items.map(\.label) == ["name"])
    }

    @Test func nothingIsOfferedOutsideTheFormatsObjects() {
        #expect(complete(document: #"{ "accounts": [ ‸ ] }"#).list == nil)
        #expect(complete(document: #"{ "extra": { ‸ } }"#).list == nil)
        #expect(complete(document: #"‸{ "accounts": [] }"#).list == nil)
        #expect(complete(document: #"{ "accounts": [] }‸"#).list == nil)
        #expect(complete(document: #"{ "accounts": [ { "id": "a", "name": "x" ‸} ] }"#).list == nil)
    }
}
