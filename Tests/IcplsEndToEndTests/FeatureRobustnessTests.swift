import Testing
import IcplsJSONRPC

/// Odd positions and params never stop the editor features from answering (SPEC §7).
@Suite("Editor features: odd input")
struct FeatureRobustnessTests {
    static let draft = FeatureFixtures.draft

    static let methods = [
        "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
        "textDocument/documentHighlight", "textDocument/prepareRename", "textDocument/rename",
    ]

    @Test("positions past the end, negative, inside an emoji or on an unknown document get an answer")
    func oddPositions() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        // Inside the surrogate pair of 🚀 on the first website's line (UTF-16).
        let line = session.position(Self.draft, "reused")["line"] ?? 0
        let lineText = session.document(Self.draft).text.split(separator: "\n", omittingEmptySubsequences: false)[Int(line.int64Value ?? 0)]
        let emoji = try #require(lineText.utf16.firstIndex(of: 0xD83D))
        let column = lineText.utf16.distance(from: lineText.utf16.startIndex, to: emoji) + 1
        let positions: [JSONValue] = [
            ["line": 10_000, "character": 10_000], ["line": -1, "character": -5], ["line": 0, "character": 9_223_372_036_854_775_807],
            ["line": line, "character": .integer(Int64(column))], ["line": "one", "character": 0],
        ]
        for uri in [session.uri(Self.draft), session.uri("nowhere.icp.json")] {
            for position in positions {
                for method in Self.methods {
                    let answer = try session.server.call(method, .document(uri, [("position", position), ("newName", "x"), ("context", [:])]))
                    let refused = [-32602, -32803].contains(answer["error"]?["code"]?.int64Value ?? 0)
                    #expect(answer["result"] != nil || refused, "\(method) \(position): \(answer)")
                }
                let range: JSONValue = ["start": position, "end": ["line": 0, "character": 0]]
                let actions = try session.server.call("textDocument/codeAction", .document(uri, [("range", range), ("context", ["diagnostics": []])]))
                #expect(actions["result"] != nil || actions["error"]?["code"] == -32602)
            }
            for method in ["textDocument/documentSymbol", "textDocument/codeLens"] {
                #expect(try session.server.call(method, .document(uri))["result"] != nil)
            }
        }
        // Wrong types are invalid params, and the server goes on.
        #expect(try session.server.call("textDocument/rename", session.at(Self.draft, "i-main", [("newName", 5)]))["error"]?["code"] == -32602)
        #expect(try session.server.call("textDocument/hover", ["textDocument": 5])["error"]?["code"] == -32602)
        #expect(try session.server.call("workspace/symbol", ["query": 5])["result"] != nil)
        let hover = try session.server.result("textDocument/hover", session.at(Self.draft, "reused"))
        #expect(hover["range"] == session.range(Self.draft, "reused"))
    }

    @Test("a document with bytes that are not UTF-8 before the target still navigates")
    func invalidUTF8() throws {
        var files = FeatureFixtures.files
        files[Self.draft] = nil
        let session = try FeatureSession(files)
        defer { session.close() }
        let prefix = Array(#"{ "filings": [ { "id": "F-8", "account": "acct-buy", "websites": [ { "domain": "x.cn", /* "#.utf8)
        let bytes = prefix + [0xE4, 0xB8, 0xFF] + Array(#" */ "instance": "i-spare" } ] } ] }"#.utf8)
        try session.workspace.write("bad.icp.json", bytes: bytes)
        session.server.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(session.uri("bad.icp.json")), "type": 1]]])
        try session.server.waitForDiagnostics(session.uri("bad.icp.json"))
        // Each bad byte is one UTF-16 unit: the three bytes are three columns.
        let column = prefix.count + 3 + #" */ "instance": ""#.utf8.count
        let answer = try session.server.result("textDocument/definition", .document(session.uri("bad.icp.json"), [
            ("position", ["line": 0, "character": .integer(Int64(column))]),
        ]))
        #expect(answer == ["uri": .string(session.uri(FeatureFixtures.inventory)), "range": session.range(FeatureFixtures.inventory, "i-spare")])
    }
}
