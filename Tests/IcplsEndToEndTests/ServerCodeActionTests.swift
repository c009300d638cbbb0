import Foundation
import Testing
import IcplsJSONRPC

@Suite("Language server: code actions")
struct ServerCodeActionTests {
    /// Applies LSP text edits (UTF-16 positions) to a text, as an editor would.
    static func apply(_ edits: [JSONValue], to text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).utf16) }
        func offset(_ position: JSONValue?) -> Int {
            let line = min(position?["line"]?.intValue ?? 0, lines.count - 1)
            let before = lines[..<line].reduce(0) { $0 + $1.count + 1 }
            return before + min(position?["character"]?.intValue ?? 0, lines[line].count)
        }
        var units = Array(text.utf16)
        let sorted = edits.sorted { offset($0["range"]?["start"]) > offset($1["range"]?["start"]) }
        for edit in sorted {
            let start = offset(edit["range"]?["start"]), end = offset(edit["range"]?["end"])
            units.replaceSubrange(start..<end, with: Array((edit["newText"]?.stringValue ?? "").utf16))
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func codeActions(_ server: ServerProcess, _ uri: String, _ range: JSONValue, only: [String]? = nil) throws -> [JSONValue] {
        var context: JSONObject = ["diagnostics": []]
        if let only { context["only"] = .array(only.map { .string($0) }) }
        let result = try server.result("textDocument/codeAction", .document(uri, [("range", range), ("context", .object(context))]))
        return result.arrayValue ?? []
    }

    @Test("two diagnostics of one rule on a line share one ignore action that names both")
    func sameFixIsOfferedOnce() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let uri = workspace.uri("filings/broken.icp.json")
        // `9acct-b` is no value, and the string after it lacks the comma before it: two ICP001 on line 1.
        let text = "{\n  \"filings\": [ { \"id\": 9acct-b\" } ] }\n"
        server.notify("textDocument/didOpen", .didOpen(uri, version: 1, text: text))
        let published = try server.waitForDiagnostics(uri, version: 1).diagnostics
        let syntaxErrors = published.filter { $0["code"] == "ICP001" }
        #expect(syntaxErrors.count >= 2)
        let line: JSONValue = ["start": ["line": 1, "character": 0], "end": ["line": 2, "character": 0]]
        let actions = try Self.codeActions(server, uri, line, only: ["quickfix"])
        let ignores = actions.filter { $0["title"] == "Ignore ICP001 on this line" }
        #expect(ignores.count == 1)
        let named: [JSONValue] = ignores.first?["diagnostics"]?.arrayValue ?? []
        #expect(named.count == syntaxErrors.count)
        #expect(try server.shutDown() == 0)
    }

    @Test("ICP201: quick fixes with isPreferred and documentChanges carrying the open version")
    func quickFixWithDocumentChanges() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        let bURI = workspace.uri("filings/b.icp.json")
        let marked = MarkedText(Fixtures.filingB)
        server.notify("textDocument/didOpen", .didOpen(bURI, version: 3, text: marked.text))
        try server.waitForDiagnostics(bURI, version: 3)

        let actions = try Self.codeActions(server, bURI, marked.range("b-number", "b-number"))
        let quickFixes = actions.filter { $0["kind"] == "quickfix" }
        let preferred = quickFixes.filter { $0["isPreferred"] == true }
        #expect(preferred.count == 1)
        let fix = try #require(preferred.first)
        #expect(fix["diagnostics"]?[0]?["code"] == "ICP201")
        #expect(fix["title"]?.stringValue?.contains("n-2") == true)
        let change = try #require(fix["edit"]?["documentChanges"]?[0])
        #expect(change["textDocument"] == ["uri": .string(bURI), "version": 3])
        #expect(change["edits"] == [["range": marked.range("b-number", "b-number-end"), "newText": "\"n-2\""]])
        let fixed = Self.apply(change["edits"]?.arrayValue ?? [], to: marked.text)
        #expect(fixed.contains(#""domain": "b.example.cn", "serviceNumber": "n-2""#))

        // The ignore fix is offered and never preferred; ICP406's line has only that one.
        #expect(quickFixes.contains { $0["title"]?.stringValue?.contains("ICP201") == true && $0["isPreferred"] == false })
        let other = try Self.codeActions(server, bURI, marked.range("c-number", "c-number-end"), only: ["quickfix"])
        #expect(other.count == 1)
        #expect(other.first?["isPreferred"] == false)
        #expect(other.first?["diagnostics"]?[0]?["code"] == "ICP406")
        #expect(try server.shutDown() == 0)
    }

    @Test("without documentChanges support the edit is `changes`; an unopened document can be fixed too")
    func quickFixWithChanges() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let bURI = workspace.uri("filings/b.icp.json")
        try server.waitForDiagnostics(bURI)
        let marked = MarkedText(Fixtures.filingB)
        let actions = try Self.codeActions(server, bURI, marked.range("b-number", "b-number-end"), only: ["quickfix"])
        let fix = try #require(actions.first { $0["isPreferred"] == true })
        #expect(fix["edit"]?["documentChanges"] == nil)
        let edits = try #require(fix["edit"]?["changes"]?[bURI]?.arrayValue)
        #expect(edits == [["range": marked.range("b-number", "b-number-end"), "newText": "\"n-2\""]])
        #expect(try server.shutDown() == 0)
    }

    @Test("source.fixAll.icpls applies the preferred fixes of the document and nothing else")
    func fixAll() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        let uri = workspace.uri("filings/typos.icp.json")
        let marked = MarkedText("""
        // 网站 😀 before the fixes
        { "filings": [ { "id": "F-7", "account": "acct-a", "websites": [
          { "domain": "https://d.example.cn/", "serviceNumber": "n-1" },
          { "domain": "e.example.cn", "instance": "i-mian" }
        ] } ] }
        """)
        server.notify("textDocument/didOpen", .didOpen(uri, version: 2, text: marked.text))
        try server.waitForDiagnostics(uri, version: 2)
        let everything: JSONValue = ["start": ["line": 0, "character": 0], "end": ["line": 5, "character": 0]]
        let actions = try Self.codeActions(server, uri, everything, only: ["source.fixAll.icpls"])
        #expect(actions.count == 1)
        let fixAll = try #require(actions.first)
        #expect(fixAll["kind"] == "source.fixAll.icpls")
        let change = try #require(fixAll["edit"]?["documentChanges"]?[0])
        #expect(change["textDocument"]?["version"] == 2)
        let fixed = Self.apply(change["edits"]?.arrayValue ?? [], to: marked.text)
        #expect(fixed == """
        // 网站 😀 before the fixes
        { "filings": [ { "id": "F-7", "account": "acct-a", "websites": [
          { "domain": "d.example.cn", "serviceNumber": "n-2" },
          { "domain": "e.example.cn", "instance": "i-main" }
        ] } ] }
        """)
        // `source` asks for every source action; `quickfix` for none of them.
        #expect(try Self.codeActions(server, uri, everything, only: ["source"]).count == 1)
        #expect(try Self.codeActions(server, uri, everything, only: ["quickfix"]).allSatisfy { $0["kind"] == "quickfix" })

        // Applied, nothing is left to fix all.
        server.notify("textDocument/didChange", .didChange(uri, version: 3, [["text": .string(fixed)]]))
        try server.waitForDiagnostics(uri, version: 3)
        #expect(try Self.codeActions(server, uri, everything, only: ["source.fixAll.icpls"]).isEmpty)
        #expect(try server.shutDown() == 0)
    }

    @Test("code actions for a range without diagnostics, and for an unknown document")
    func nothingToFix() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"))
        let origin: JSONValue = ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 1]]
        #expect(try Self.codeActions(server, workspace.uri("filings/b.icp.json"), origin, only: ["quickfix"]).isEmpty)
        #expect(try Self.codeActions(server, workspace.uri("filings/a.icp.json"), origin).isEmpty)
        #expect(try Self.codeActions(server, "file:///nowhere/x.icp.json", origin).isEmpty)
        #expect(try server.shutDown() == 0)
    }
}
