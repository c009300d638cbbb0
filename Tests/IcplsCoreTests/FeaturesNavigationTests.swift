import Testing
import IcplsDocument
@testable import IcplsCore

@Suite struct FeaturesNavigationTests {
    let workspace = FeatureWorkspace.standard()

    @Test func theSymbolUnderTheCursorIsAReferenceWithItsToken() throws {
        let offset = workspace.cursor(#"{ "id": "F-TEAM", "account": "acct-o‸ps","#, in: "team.icp.json")
        let symbol = try #require(SymbolFinder.symbol(at: offset, in: workspace.key("team.icp.json"), result: workspace.result))
        #expect(symbol.kind == .account)
        #expect(symbol.name == "acct-ops")
        #expect(!symbol.isDeclaration)
        #expect(symbol.location == workspace.location(#""F-TEAM", "account": ⟦"acct-ops"⟧"#, in: "team.icp.json"))
    }

    @Test func aCursorJustAfterTheClosingQuoteStillFindsTheToken() throws {
        let offset = workspace.cursor(#"{ "id": "F-SHOP"‸, "account""#, in: "shop.icp.json")
        let symbol = try #require(SymbolFinder.symbol(at: offset, in: workspace.key("shop.icp.json"), result: workspace.result))
        #expect(symbol.kind == .filing)
        #expect(symbol.isDeclaration)
    }

    @Test func keysDomainsAndOtherValuesAreNoSymbols() {
        let key = workspace.key("team.icp.json")
        for snippet in [#"{ "dom‸ain": "team.example.cn""#, #""domain": "team.exa‸mple.cn""#, #""hosting": "trust‸pass""#] {
            #expect(SymbolFinder.symbol(at: workspace.cursor(snippet, in: "team.icp.json"), in: key, result: workspace.result) == nil)
        }
    }

    @Test func definitionOfAReferenceIsTheDeclarationInAnotherDocument() {
        let offset = workspace.cursor(#""serviceNumber": "SN-EC‸S-1""#, in: "shop.icp.json")
        let definition = Navigation.definition(at: offset, in: workspace.key("shop.icp.json"), result: workspace.result)
        #expect(definition == workspace.location(#"{ "number": ⟦"SN-ECS-1"⟧"#, in: "inventory.icp.json"))
    }

    @Test func definitionOnADeclarationIsItself() {
        let offset = workspace.cursor(#"{ "id": "i-sh‸ort""#, in: "inventory.icp.json")
        let definition = Navigation.definition(at: offset, in: workspace.key("inventory.icp.json"), result: workspace.result)
        #expect(definition == workspace.location(#"{ "id": ⟦"i-short"⟧"#, in: "inventory.icp.json"))
    }

    @Test func definitionOnALaterDuplicateIsTheFirstDeclaration() {
        let offset = workspace.cursor(#"[ { "id": "acct-‸ops", "name": "重复 🔁" } ]"#, in: "team.icp.json")
        let definition = Navigation.definition(at: offset, in: workspace.key("team.icp.json"), result: workspace.result)
        #expect(definition == workspace.location(#"{ "id": ⟦"acct-ops"⟧, "name": "运维 Ops 😀" }"#, in: "inventory.icp.json"))
    }

    @Test func definitionOfAFilingIdIsTheFirstFilingWithIt() {
        let offset = workspace.cursor(#""id": "F-B‸LOG""#, in: "team.icp.json")
        let definition = Navigation.definition(at: offset, in: workspace.key("team.icp.json"), result: workspace.result)
        #expect(definition == workspace.location(#""id": ⟦"F-BLOG"⟧"#, in: "team.icp.json"))
    }

    @Test func referencesAreTheSameIdInItsBytesNotAUnicodeEquivalentOne() {
        // "café" precomposed is declared and named once; the decomposed spelling is another id.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let draft = "{ \"accounts\": [ { \"id\": \"\(composed)\" } ], \"filings\": [ { \"id\": \"F-X\", \"account\": \"\(composed)\" }, "
            + "{ \"id\": \"F-Y\", \"account\": \"\(decomposed)\" } ] }"
        let workspace = FeatureWorkspace.standard(adding: [("x.icp.json", draft)])
        let offset = workspace.cursor("{ \"id\": \"c‸af\u{E9}\" }", in: "x.icp.json")
        let references = Navigation.references(at: offset, in: workspace.key("x.icp.json"), result: workspace.result, includeDeclaration: true)
        #expect(references.count == 2, "the declaration and the one reference written the same way")
        let other = workspace.cursor("\"account\": \"c‸afe\u{301}\"", in: "x.icp.json")
        #expect(Navigation.definition(at: other, in: workspace.key("x.icp.json"), result: workspace.result) == nil)
    }

    @Test func anUndeclaredReferenceHasNoDefinition() {
        let draft = #"{ "filings": [ { "id": "F-X", "account": "acct-nob‸ody" } ] }"#
        let workspace = FeatureWorkspace.standard(adding: [("x.icp.json", SnippetMarks(draft).text)])
        let offset = workspace.cursor(draft, in: "x.icp.json")
        #expect(Navigation.definition(at: offset, in: workspace.key("x.icp.json"), result: workspace.result) == nil)
        #expect(Navigation.references(at: offset, in: workspace.key("x.icp.json"), result: workspace.result, includeDeclaration: true).count == 1)
    }

    @Test func referencesSpanEveryDocumentInWorkspaceOrderWithDuplicateDeclarations() {
        let offset = workspace.cursor(#""appliedBy": "acct-op‸s" },"#, in: "inventory.icp.json")
        let key = workspace.key("inventory.icp.json")
        let all = Navigation.references(at: offset, in: key, result: workspace.result, includeDeclaration: true)
        let inventory = [
            #"{ "id": ⟦"acct-ops"⟧, "name""#,
            #""i-old", "product": "ecs", "account": ⟦"acct-ops"⟧"#,
            #""i-ewh-1", "product": "elastic-web-hosting", "account": ⟦"acct-ops"⟧"#,
            #""i-ewh-2", "product": "elastic-web-hosting", "account": ⟦"acct-ops"⟧"#,
            #""i-ewh-1", "appliedBy": ⟦"acct-ops"⟧"#,
            #""i-ewh-2", "appliedBy": ⟦"acct-ops"⟧"#,
        ].map { workspace.location($0, in: "inventory.icp.json") }
        let team = [
            #"[ { "id": ⟦"acct-ops"⟧, "name": "重复"#,
            #""F-TEAM", "account": ⟦"acct-ops"⟧"#,
        ].map { workspace.location($0, in: "team.icp.json") }
        #expect(all == inventory + team)
        let referencesOnly = Navigation.references(at: offset, in: key, result: workspace.result, includeDeclaration: false)
        #expect(referencesOnly == Array(inventory.dropFirst()) + [team[1]])
    }

    @Test func highlightsStayInTheDocumentAndTellDeclarationsApart() {
        let offset = workspace.cursor(#""number": "SN-ECS-3", "instance": "i-ec‸s""#, in: "inventory.icp.json")
        let highlights = Navigation.highlights(at: offset, in: workspace.key("inventory.icp.json"), result: workspace.result)
        #expect(highlights.map(\.isDeclaration) == [true, false, false, false, false])
        #expect(highlights.allSatisfy { $0.location.document == workspace.key("inventory.icp.json") && $0.name == "i-ecs" })
        #expect(highlights.first?.location == workspace.location(#"{ "id": ⟦"i-ecs"⟧"#, in: "inventory.icp.json"))
    }

    @Test func occurrencesOfANameIncludeEveryDocument() {
        let occurrences = SymbolFinder.occurrences(of: .instance, named: "i-ecs", in: workspace.result)
        #expect(occurrences.map { workspace.text($0.location) } == Array(repeating: "\"i-ecs\"", count: 6))
        #expect(occurrences.last?.location.document == workspace.key("team.icp.json"))
    }
}
