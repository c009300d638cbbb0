import Testing
import IcplsDocument
@testable import IcplsCore

@Suite struct FeaturesHoverTests {
    let workspace = FeatureWorkspace.standard()

    func hover(_ snippet: String, in name: String) throws -> HoverContent {
        let offset = workspace.cursor(snippet, in: name)
        return try #require(Hover.hover(at: offset, in: workspace.key(name), result: workspace.result, describe: workspace.describe))
    }

    @Test func anInstanceShowsItsFactsQuotaAndWebsites() throws {
        let content = try hover(#"{ "id": "i-e‸cs""#, in: "inventory.icp.json")
        #expect(content.range == workspace.range(#"{ "id": ⟦"i-ecs"⟧"#, in: "inventory.icp.json"))
        let declared = workspace.describe(workspace.location(#"{ "id": ⟦"i-ecs"⟧"#, in: "inventory.icp.json"))
        for fact in [
            "**Instance** `i-ecs` · ecs", "Declared in \(declared)", "Purchased by `acct-buy`",
            "Region `cn-hangzhou` (Chinese mainland)", "Billing: subscription, 12 months purchased",
            "Expires on 2027-06-30 (12 months left)", "Public bandwidth: 5 Mbps", "Status: running",
            "Quota: 5 of 5 slots used", "Can host a draft website as of 2026-06-15", "**Websites** (2)",
            "- `shop.example.cn` in filing `F-SHOP` (approved), number `SN-ECS-1`",
            "- `blog.example.cn` in filing `F-BLOG` (submitted), selected directly",
        ] {
            #expect(content.markdown.contains(fact), "\(fact) in \(content.markdown)")
        }
    }

    @Test func aReferenceToAnInstanceDescribesTheDeclaredInstance() throws {
        let content = try hover(#""instance": "i-e‸cs" } ]"#, in: "team.icp.json")
        #expect(content.range == workspace.range(#""instance": ⟦"i-ecs"⟧ } ]"#, in: "team.icp.json"))
        #expect(content.markdown.contains("Quota: 5 of 5 slots used"))
    }

    @Test func monthsLeftAndWhyAnInstanceCannotHost() throws {
        let content = try hover(#"{ "id": "i-sh‸ort""#, in: "inventory.icp.json")
        #expect(content.markdown.contains("Expires on 2026-08-20 (2 months left)"))
        #expect(content.markdown.contains("Quota: 1 of 5 slots used"))
        #expect(content.markdown.contains("Cannot host a draft website as of 2026-06-15:\n  - ICP406:"))
        #expect(content.markdown.contains("No website uses it."))
    }

    @Test func anExpiredHongKongInstance() throws {
        let content = try hover(#"{ "id": "i-o‸ld""#, in: "inventory.icp.json")
        #expect(content.markdown.contains("Expires on 2026-04-10 (expired 2 months ago)"))
        #expect(content.markdown.contains("Region `cn-hongkong` (Hong Kong"))
        #expect(content.markdown.contains("ICP402"))
    }

    @Test func elasticWebHostingSlotsArePooledPerAccount() throws {
        let content = try hover(#""number": "SN-EWH-2", "instance": "i-ewh‸-2""#, in: "inventory.icp.json")
        #expect(content.markdown.contains("Quota: 2 of 5 slots used (pooled for acct-ops)"))
        #expect(content.markdown.contains("- `team.example.cn` in filing `F-TEAM` (draft), number `SN-EWH-2`"))
    }

    @Test func aNumberShowsItsInstanceApplicantAndWhoUsesIt() throws {
        let used = try hover(#""serviceNumber": "SN-ECS‸-1""#, in: "shop.icp.json")
        for fact in [
            "**Service number** `SN-ECS-1`", "On instance `i-ecs` (ecs, cn-hangzhou)", "Applied for by `acct-buy`",
            "Used by `shop.example.cn` in filing `F-SHOP` (approved)",
        ] {
            #expect(used.markdown.contains(fact), "\(fact) in \(used.markdown)")
        }
        #expect(try hover(#""number": "SN-ECS-2‸""#, in: "inventory.icp.json").markdown.contains("Used outside this workspace"))
        #expect(try hover(#""number": "SN-ECS-3‸""#, in: "inventory.icp.json").markdown.contains("- Unused, on a host that can take a filing"))
        #expect(try hover(#""number": "SN-SHORT‸""#, in: "inventory.icp.json").markdown.hasSuffix("- Unused"))
    }

    @Test func aNumberNamedByTwoWebsitesListsTheLaterOne() throws {
        let second = #"{ "filings": [ { "id": "F-AGAIN", "account": "acct-buy", "websites": [ { "domain": "again.example.cn", "serviceNumber": "SN-ECS‸-1" } ] } ] }"#
        let workspace = FeatureWorkspace.standard(adding: [("zz.icp.json", SnippetMarks(second).text)])
        let offset = workspace.cursor(second, in: "zz.icp.json")
        let content = try #require(Hover.hover(at: offset, in: workspace.key("zz.icp.json"), result: workspace.result, describe: workspace.describe))
        #expect(content.markdown.contains("Used by `shop.example.cn` in filing `F-SHOP` (approved)"))
        #expect(content.markdown.contains("Also named by `again.example.cn` in filing `F-AGAIN` (draft)"))
    }

    @Test func anAccountShowsItsNameInstancesNumbersAndFilings() throws {
        let content = try hover(#""F-BLOG", "account": "acct-b‸uy""#, in: "team.icp.json")
        for fact in [
            "**Account** `acct-buy` · 杭州示例科技有限公司 🚀",
            "Purchased 3 instances: `i-ecs` (ecs), `i-short` (simple-application-server), `i-slb` (slb)",
            "Applied for 5 service numbers: `SN-ECS-1`, `SN-ECS-2`, `SN-ECS-3`, `SN-ECS-4`, `SN-SHORT`",
            "Files 2 filings: `F-SHOP` (approved), `F-BLOG` (submitted)",
        ] {
            #expect(content.markdown.contains(fact), "\(fact) in \(content.markdown)")
        }
    }

    @Test func aLaterDeclarationSaysTheFirstOneCounts() throws {
        let content = try hover(#"[ { "id": "acct-o‸ps", "name": "重复"#, in: "team.icp.json")
        let first = workspace.describe(workspace.location(#"{ "id": ⟦"acct-ops"⟧, "name": "运维"#, in: "inventory.icp.json"))
        #expect(content.markdown.contains("Declared in \(first)"))
        #expect(content.markdown.contains("the first one counts"))
        #expect(content.markdown.contains("**Account** `acct-ops` · 运维 Ops 😀"))
    }

    @Test func aFilingShowsItsAccountStatusAndWebsites() throws {
        let content = try hover(#""id": "F-T‸EAM""#, in: "team.icp.json")
        #expect(content.markdown.contains("**Filing** `F-TEAM` · draft"))
        #expect(content.markdown.contains("Filed by `acct-ops` (运维 Ops 😀)"))
        #expect(content.markdown.contains("2 websites: `team.example.cn`, `wiki.example.cn`"))
    }

    @Test func undeclaredReferencesSayNoDocumentDeclaresThem() throws {
        let draft = #"{ "filings": [ { "id": "F-X", "account": "acct-buy", "websites": [ { "domain": "x.example.cn", "serviceNumber": "SN-NOWHERE" } ] } ] }"#
        let workspace = FeatureWorkspace.standard(adding: [("x.icp.json", draft)])
        let offset = workspace.cursor(#""SN-NO‸WHERE""#, in: "x.icp.json")
        let content = try #require(Hover.hover(at: offset, in: workspace.key("x.icp.json"), result: workspace.result, describe: workspace.describe))
        #expect(content.markdown.contains("No document declares this number."))
        #expect(content.markdown.contains("Named by `x.example.cn` in filing `F-X` (draft)"))
    }

    @Test func valuesOfDocumentsCannotBreakTheMarkdown() {
        #expect(Markdown.code("a`b") == "``a`b``")
        #expect(Markdown.code("`x") == "`` `x ``")
        #expect(Markdown.plain("*bold* [link]") == #"\*bold\* \[link\]"#)
    }

    @Test func noHoverAwayFromIdsAndNumbers() {
        let offset = workspace.cursor(#""domain": "shop.exa‸mple.cn""#, in: "shop.icp.json")
        #expect(Hover.hover(at: offset, in: workspace.key("shop.icp.json"), result: workspace.result, describe: workspace.describe) == nil)
    }

    @Test func aRuleHoverHasItsTitleAndRationale() {
        let text = Hover.ruleHover("ICP201")
        #expect(text.hasPrefix("**ICP201** Service number used twice\n\n"))
        #expect(text.contains("backs one website, ever"))
    }
}
