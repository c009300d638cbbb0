import Testing
import IcplsJSONRPC

/// Document outline, workspace symbols and slot code lenses (SPEC §7).
@Suite("Editor features: symbols and code lenses")
struct FeatureSymbolTests {
    static let inventory = FeatureFixtures.inventory, approved = FeatureFixtures.approved, draft = FeatureFixtures.draft

    static func names(_ symbols: [JSONValue]?) -> [String] {
        (symbols ?? []).compactMap { $0["name"]?.stringValue }
    }

    @Test("a hierarchical outline: accounts, instances, numbers; filings with their websites")
    func hierarchicalOutline() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let inventory = try session.server.result("textDocument/documentSymbol", .document(session.uri(Self.inventory))).arrayValue
        #expect(Self.names(inventory) == ["accounts", "instances", "serviceNumbers"])
        #expect(Self.names(inventory?[0]["children"]?.arrayValue) == ["acct-buy", "acct-ops"])
        #expect(Self.names(inventory?[1]["children"]?.arrayValue) == ["i-main", "i-spare", "i-hk", "i-ewh-1", "i-ewh-2"])
        #expect(Self.names(inventory?[2]["children"]?.arrayValue) == [
            "n-spare-1", "n-main-1", "n-main-2", "n-main-3", "n-spare-2", "n-ewh-1", "n-ewh-2", "n-hk",
        ])
        let main = try #require(inventory?[1]["children"]?[0])
        #expect(main["selectionRange"] == session.range(Self.inventory, "i-main"))
        #expect(main["detail"] == "ecs · cn-hangzhou")

        try session.open(Self.draft)
        let draft = try session.server.result("textDocument/documentSymbol", .document(session.uri(Self.draft))).arrayValue
        #expect(Self.names(draft) == ["filings"])
        let filings = draft?[0]["children"]?.arrayValue
        #expect(Self.names(filings) == ["F-2", "F-3"])
        let websites = Self.names(filings?[0]["children"]?.arrayValue)
        #expect(websites.first == "博客.example.cn")
        #expect(websites.contains("tp.example.cn") && websites.contains("hk.example.cn"))
        #expect(websites.count == 10)
        let tp = try #require(filings?[0]["children"]?.arrayValue?.first { $0["name"] == "tp.example.cn" })
        #expect(tp["selectionRange"] == session.range(Self.draft, "tp-domain"))
    }

    @Test("a flat SymbolInformation list for a client without hierarchical support")
    func flatOutline() throws {
        let capabilities = FeatureSession.capabilities(hierarchicalSymbols: false)
        let session = try FeatureSession(capabilities: capabilities)
        defer { session.close() }
        let symbols = try session.server.result("textDocument/documentSymbol", .document(session.uri(Self.approved))).arrayValue ?? []
        #expect(Self.names(symbols) == ["filings", "F-1", "shop.example.cn", "direct.example.cn", "ewh.example.cn"])
        #expect(symbols.allSatisfy { $0["children"] == nil && $0["location"]?["uri"]?.stringValue == session.uri(Self.approved) })
        #expect(symbols.map { $0["containerName"]?.stringValue } == [nil, "filings", "F-1", "F-1", "F-1"])
    }

    @Test("workspace symbols by query, across documents")
    func workspaceSymbols() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let found = try session.server.result("workspace/symbol", ["query": "ewh"]).arrayValue ?? []
        #expect(Set(Self.names(found)) == ["ewh.example.cn", "i-ewh-1", "i-ewh-2", "n-ewh-1", "n-ewh-2"])
        let instance = try #require(found.first { $0["name"] == "i-ewh-1" })
        #expect(instance["location"] == ["uri": .string(session.uri(Self.inventory)), "range": session.range(Self.inventory, "i-ewh-1")])
        #expect(instance["containerName"] == "acct-buy")
        #expect(found.first { $0["name"] == "ewh.example.cn" }?["location"]?["uri"]?.stringValue == session.uri(Self.approved))
        // Names that start with the query come first.
        let main = try session.server.result("workspace/symbol", ["query": "i-m"]).arrayValue ?? []
        #expect(Self.names(main).first == "i-main")
        #expect(try session.server.result("workspace/symbol", ["query": "nothing-like-this"]).arrayValue == [])
    }

    @Test("code lenses: slots used of the quota on each instance, elastic-web-hosting pooled per account")
    func codeLenses() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let lenses = try session.server.result("textDocument/codeLens", .document(session.uri(Self.inventory))).arrayValue ?? []
        let titles = lenses.map { $0["command"]?["title"]?.stringValue ?? "" }
        #expect(titles == [
            "4 of 5 slots used", "3 of 5 slots used", "1 of 5 slots used",
            "3 of 5 slots used (pooled for acct-buy)", "3 of 5 slots used (pooled for acct-buy)",
        ])
        #expect(lenses.map { $0["range"] } == ["i-main", "i-spare", "i-hk", "i-ewh-1", "i-ewh-2"].map { session.range(Self.inventory, $0) })
        #expect(try session.server.result("textDocument/codeLens", .document(session.uri(Self.draft))).arrayValue == [])

        // Selecting an elastic-web-hosting instance in a draft takes a slot of the whole pool.
        try session.open(Self.draft)
        try session.change(Self.draft, edits: [["range": session.range(Self.draft, "i-ewh-3"), "newText": "\"i-ewh-2\""]])
        let after = try session.server.result("textDocument/codeLens", .document(session.uri(Self.inventory))).arrayValue ?? []
        #expect(after.suffix(2).map { $0["command"]?["title"] } == ["4 of 5 slots used (pooled for acct-buy)", "4 of 5 slots used (pooled for acct-buy)"])
    }
}
