import Testing
import IcplsDocument
@testable import IcplsCore

@Suite struct FeaturesRenameTests {
    let workspace = FeatureWorkspace.standard()

    @Test func prepareRenameOffersTheNameBetweenTheQuotes() throws {
        let offset = workspace.cursor(#""instance": "i-e‸cs" } ]"#, in: "team.icp.json")
        let preparation = try #require(Rename.prepareRename(at: offset, in: workspace.key("team.icp.json"), result: workspace.result))
        #expect(preparation.placeholder == "i-ecs")
        #expect(preparation.range == workspace.range(#""instance": "⟦i-ecs⟧" } ]"#, in: "team.icp.json"))
    }

    @Test func prepareRenameRefusesWhatIsNoIdOrNumber() {
        let key = workspace.key("shop.icp.json")
        for snippet in [#""domain": "shop.exam‸ple.cn""#, #""sta‸tus": "approved""#, #""status": "appro‸ved""#, "// 杭州‸示例"] {
            #expect(Rename.prepareRename(at: workspace.cursor(snippet, in: "shop.icp.json"), in: key, result: workspace.result) == nil)
        }
    }

    @Test func renamingAnIdToAnotherUnicodeFormOfItIsARealRename() throws {
        // Equal as Swift strings, different ids: this is how an id written the wrong way is put right.
        let draft = "{ \"accounts\": [ { \"id\": \"caf\u{E9}\" } ], \"filings\": [ { \"id\": \"F-X\", \"account\": \"caf\u{E9}\" } ] }"
        let workspace = FeatureWorkspace.standard(adding: [("x.icp.json", draft)])
        let offset = workspace.cursor("{ \"id\": \"c‸af\u{E9}\" }", in: "x.icp.json")
        let edits = try Rename.rename(at: offset, in: workspace.key("x.icp.json"), result: workspace.result, newName: "cafe\u{301}").get()
        #expect(edits.count == 2)
        #expect(edits.allSatisfy { Array($0.newText.utf8) == Array("\"cafe\u{301}\"".utf8) })
    }

    @Test func renamingAnInstanceEditsEveryOccurrenceInEveryDocument() throws {
        let offset = workspace.cursor(#"{ "id": "i-ecs‸""#, in: "inventory.icp.json")
        let edits = try Rename.rename(at: offset, in: workspace.key("inventory.icp.json"), result: workspace.result, newName: "i-web").get()
        #expect(edits.count == 6)
        #expect(edits.allSatisfy { $0.newText == "\"i-web\"" })
        #expect(Set(edits.map(\.location.document)) == [workspace.key("inventory.icp.json"), workspace.key("team.icp.json")])
        let renamed = workspace.texts(after: edits)
        #expect(renamed.values.allSatisfy { !$0.contains("\"i-ecs\"") })
        let after = check(renamed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        #expect(after.allDiagnostics.filter { $0.rule == "ICP102" }.isEmpty)
        #expect(SymbolFinder.occurrences(of: .instance, named: "i-web", in: after).count == 6)
    }

    @Test func renamingAnAccountAlsoRenamesItsLaterDeclaration() throws {
        let offset = workspace.cursor(#""F-TEAM", "account": "‸acct-ops""#, in: "team.icp.json")
        let edits = try Rename.rename(at: offset, in: workspace.key("team.icp.json"), result: workspace.result, newName: "acct-运维").get()
        #expect(edits.count == 8)
        #expect(edits.filter { $0.location.document == workspace.key("team.icp.json") }.map(\.location) == [
            workspace.location(#"[ { "id": ⟦"acct-ops"⟧, "name": "重复"#, in: "team.icp.json"),
            workspace.location(#""F-TEAM", "account": ⟦"acct-ops"⟧"#, in: "team.icp.json"),
        ])
    }

    @Test func theNewNameIsWrittenAsAJSONString() throws {
        let offset = workspace.cursor(#""serviceNumber": "SN-ECS-1‸""#, in: "shop.icp.json")
        let edits = try Rename.rename(at: offset, in: workspace.key("shop.icp.json"), result: workspace.result, newName: "SN \"1\"\\").get()
        #expect(edits.count == 2)
        #expect(edits.allSatisfy { $0.newText == #""SN \"1\"\\""# })
    }

    @Test func renamingToANameAlreadyDeclaredIsRefused() {
        let offset = workspace.cursor(#"{ "id": "i-ecs‸""#, in: "inventory.icp.json")
        let key = workspace.key("inventory.icp.json")
        #expect(Rename.rename(at: offset, in: key, result: workspace.result, newName: "i-short") == .failure(.alreadyExists("i-short")))
        // Another kind may use the name.
        #expect((try? Rename.rename(at: offset, in: key, result: workspace.result, newName: "acct-buy").get())?.count == 6)
    }

    @Test func renamingAFilingToAnotherFilingsIdIsRefused() {
        let offset = workspace.cursor(#""id": "F-TE‸AM""#, in: "team.icp.json")
        #expect(Rename.rename(at: offset, in: workspace.key("team.icp.json"), result: workspace.result, newName: "F-SHOP") == .failure(.alreadyExists("F-SHOP")))
    }

    @Test func anEmptyNameOrNoSymbolIsRefusedAndTheSameNameChangesNothing() {
        let key = workspace.key("inventory.icp.json")
        let offset = workspace.cursor(#"{ "id": "i-ecs‸""#, in: "inventory.icp.json")
        #expect(Rename.rename(at: offset, in: key, result: workspace.result, newName: "") == .failure(.emptyName))
        #expect(Rename.rename(at: offset, in: key, result: workspace.result, newName: "i-ecs") == .success([]))
        let onRegion = workspace.cursor(#""i-ecs", "product": "ecs", "account": "acct-buy", "region": "cn-hang‸zhou""#, in: "inventory.icp.json")
        #expect(Rename.rename(at: onRegion, in: key, result: workspace.result, newName: "x") == .failure(.notRenamable))
    }
}
