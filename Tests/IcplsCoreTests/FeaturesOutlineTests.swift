import Testing
import IcplsDocument
@testable import IcplsCore

/// Document symbols, workspace symbols and code lenses.
@Suite struct FeaturesOutlineTests {
    let workspace = FeatureWorkspace.standard()

    @Test func theInventoryOutlineHasGroupsAndDeclarations() throws {
        let symbols = DocumentSymbols.documentSymbols(in: workspace.key("inventory.icp.json"), result: workspace.result)
        #expect(symbols.map(\.name) == ["accounts", "instances", "serviceNumbers"])
        #expect(symbols.allSatisfy { $0.kind == .group })
        let instances = symbols[1]
        #expect(instances.selectionRange == workspace.range(#"⟦"instances"⟧: ["#, in: "inventory.icp.json"))
        #expect(workspace.text(Location(document: workspace.key("inventory.icp.json"), range: instances.range)).hasPrefix(#""instances": ["#))
        #expect(instances.children.map(\.name) == ["i-ecs", "i-short", "i-old", "i-ewh-1", "i-ewh-2", "i-slb"])
        let ecs = instances.children[0]
        #expect(ecs.kind == .instance)
        #expect(ecs.detail == "ecs · cn-hangzhou")
        #expect(ecs.selectionRange == workspace.range(#"{ "id": ⟦"i-ecs"⟧"#, in: "inventory.icp.json"))
        let objectText = workspace.text(Location(document: workspace.key("inventory.icp.json"), range: ecs.range))
        #expect(objectText.hasPrefix(#"{ "id": "i-ecs""#) && objectText.hasSuffix(#""publicBandwidthMbps": 5 }"#))
        #expect(symbols[0].children.map(\.detail) == ["杭州示例科技有限公司 🚀", "运维 Ops 😀"])
        #expect(symbols[2].children.first?.detail == "on i-ecs")
    }

    @Test func filingsHaveTheirWebsitesAsChildren() throws {
        let symbols = DocumentSymbols.documentSymbols(in: workspace.key("team.icp.json"), result: workspace.result)
        #expect(symbols.map(\.name) == ["accounts", "filings"])
        let filings = symbols[1].children
        #expect(filings.map(\.name) == ["F-TEAM", "F-BLOG"])
        #expect(filings.map(\.detail) == ["draft · acct-ops", "submitted · acct-buy"])
        #expect(filings[0].children.map(\.name) == ["team.example.cn", "wiki.example.cn"])
        #expect(filings[0].children.map(\.detail) == ["SN-EWH-2", "trustpass"])
        #expect(filings[1].children.first?.detail == "instance i-ecs")
        #expect(filings[0].children[0].selectionRange == workspace.range(#"{ "domain": ⟦"team.example.cn"⟧"#, in: "team.icp.json"))
    }

    @Test func objectsWithoutAnIdAreStillInTheOutline() {
        let workspace = FeatureWorkspace([("a.icp.json", #"{ "accounts": [ { "name": "无名 ❓" }, 3 ] }"#)])
        let symbols = DocumentSymbols.documentSymbols(in: workspace.key("a.icp.json"), result: workspace.result)
        #expect(symbols.first?.children.map(\.name) == ["(no id)"])
        #expect(symbols.first?.children.first?.selectionRange == workspace.range(#"[ ⟦{⟧ "name""#, in: "a.icp.json"))
    }

    @Test func workspaceSymbolsMatchPrefixesThenSubstringsThenSubsequences() {
        let names = WorkspaceSymbols.workspaceSymbols(matching: "EWH", in: workspace.result).map(\.name)
        #expect(names == ["i-ewh-1", "i-ewh-2", "SN-EWH-1", "SN-EWH-2"])
        let sn = WorkspaceSymbols.workspaceSymbols(matching: "sn", in: workspace.result).map(\.name)
        #expect(sn.prefix(7) == ["SN-ECS-1", "SN-ECS-2", "SN-ECS-3", "SN-ECS-4", "SN-SHORT", "SN-EWH-1", "SN-EWH-2"])
        #expect(sn.dropFirst(7).allSatisfy { !$0.lowercased().hasPrefix("sn") })
        let shop = WorkspaceSymbols.workspaceSymbols(matching: "sh.ex", in: workspace.result)
        #expect(shop.map(\.name) == ["shop.example.cn"])
        #expect(shop.first?.containerName == "F-SHOP")
        #expect(shop.first?.kind == .website)
        #expect(shop.first?.location == workspace.location(#"{ "domain": ⟦"shop.example.cn"⟧"#, in: "shop.icp.json"))
    }

    @Test func workspaceSymbolsIncludeLaterDeclarationsAndNameTheirContainer() {
        let found = WorkspaceSymbols.workspaceSymbols(matching: "acct-ops", in: workspace.result)
        #expect(found.map(\.location.document) == [workspace.key("inventory.icp.json"), workspace.key("team.icp.json")])
        let instance = WorkspaceSymbols.workspaceSymbols(matching: "i-short", in: workspace.result)
        #expect(instance.map(\.containerName) == ["acct-buy"])
    }

    @Test func workspaceSymbolsStopAtFiveHundred() {
        let accounts = (0..<600).map { #"{ "id": "acct-\#($0)" }"# }.joined(separator: ", ")
        let workspace = FeatureWorkspace([("many.icp.json", #"{ "accounts": [ \#(accounts) ] }"#)])
        #expect(WorkspaceSymbols.workspaceSymbols(matching: "", in: workspace.result).count == 500)
        #expect(WorkspaceSymbols.workspaceSymbols(matching: "acct-59", in: workspace.result).map(\.name).prefix(2) == ["acct-59", "acct-590"])
    }

    @Test func codeLensesShowSlotsUsedOfTheQuota() {
        let lenses = CodeLenses.codeLenses(in: workspace.key("inventory.icp.json"), result: workspace.result)
        #expect(lenses.map(\.title) == [
            "5 of 5 slots used", "1 of 5 slots used", "0 of 5 slots used",
            "2 of 5 slots used (pooled for acct-ops)", "2 of 5 slots used (pooled for acct-ops)",
            "cannot host a filing",
        ])
        #expect(lenses.first?.range == workspace.range(#"{ "id": ⟦"i-ecs"⟧"#, in: "inventory.icp.json"))
        #expect(lenses.last?.range == workspace.range(#"{ "id": ⟦"i-slb"⟧"#, in: "inventory.icp.json"))
        #expect(CodeLenses.codeLenses(in: workspace.key("shop.icp.json"), result: workspace.result).isEmpty)
    }

    @Test func aLaterDuplicateInstanceGetsNoLens() {
        let later = #"{ "instances": [ { "id": "i-ecs", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ] }"#
        let workspace = FeatureWorkspace.standard(adding: [("zz.icp.json", later)])
        #expect(CodeLenses.codeLenses(in: workspace.key("zz.icp.json"), result: workspace.result).isEmpty)
    }
}
