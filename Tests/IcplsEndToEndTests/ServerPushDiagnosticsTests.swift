import Foundation
import Testing
import IcplsJSONRPC

@Suite("Language server: pushed diagnostics")
struct ServerPushDiagnosticsTests {
    @Test("after initialized, every document of the workspace is pushed, open or not, without a version")
    func unopenedDocuments() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let b = try server.waitForDiagnostics(workspace.uri("filings/b.icp.json")).diagnostics
        #expect(Fixtures.codes(b) == ["ICP201", "ICP406"])
        #expect(try server.waitForDiagnostics(workspace.uri("filings/a.icp.json")).diagnostics.isEmpty)
        #expect(try server.waitForDiagnostics(workspace.uri("inventory.icp.json")).diagnostics.isEmpty)
        #expect(server.published(workspace.uri("filings/b.icp.json")).allSatisfy { $0["version"] == nil })

        let icp201 = try #require(b.first { $0["code"] == "ICP201" })
        let marked = MarkedText(Fixtures.filingB)
        #expect(icp201["range"] == marked.range("b-number", "b-number-end"))
        #expect(icp201["source"] == "icpls")
        #expect(icp201["severity"] == 1)
        let related = try #require(icp201["relatedInformation"]?[0])
        #expect(related["location"]?["uri"] == .string(workspace.uri("filings/a.icp.json")))
        #expect(related["location"]?["range"] == MarkedText(Fixtures.filingA).range("a-number", "a-number-end"))
        let fixes = try #require(icp201["data"]?["fixes"]?.arrayValue)
        #expect(fixes.first?["isPreferred"] == true)
        #expect(fixes.first?["edits"]?[0]?["newText"] == "\"n-2\"")
        #expect(try server.shutDown() == 0)
    }

    @Test("editing the inventory in the editor re-publishes the filings it changes; cleared lists are empty")
    func crossFileUpdates() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let inventoryURI = workspace.uri("inventory.icp.json"), aURI = workspace.uri("filings/a.icp.json")
        try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"))
        try server.waitForDiagnostics(aURI)

        let inventory = MarkedText(Fixtures.inventory)
        server.notify("textDocument/didOpen", .didOpen(inventoryURI, version: 1, text: inventory.text))
        #expect(try server.waitForDiagnostics(inventoryURI, version: 1).diagnostics.isEmpty)

        // n-1 used outside the workspace: filing a now gets ICP201 too, related to the `used` value.
        var start = server.messages.count
        let at = inventory.position("used")
        server.notify("textDocument/didChange", .didChange(inventoryURI, version: 2, [.change(["start": at, "end": at], #", "used": true"#)]))
        let a = try server.waitForDiagnostics(aURI, from: start).diagnostics
        #expect(Fixtures.codes(a) == ["ICP201"])
        #expect(a.first?["relatedInformation"]?[0]?["location"]?["uri"] == .string(inventoryURI))
        try server.waitForDiagnostics(inventoryURI, version: 2, from: start)
        // Filing b keeps its ICP201, now related to the `used` value: re-published as its list changed.
        let b = try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"), from: start).diagnostics
        #expect(b.first { $0["code"] == "ICP201" }?["relatedInformation"]?[0]?["location"]?["uri"] == .string(inventoryURI))

        // Undone: filing a clears, with an empty list.
        start = server.messages.count
        let end: JSONValue = ["line": at["line"]!, "character": .integer(at["character"]!.int64Value! + Int64(#", "used": true"#.utf16.count))]
        server.notify("textDocument/didChange", .didChange(inventoryURI, version: 3, [.change(["start": at, "end": end], "")]))
        #expect(try server.waitForDiagnostics(aURI, from: start).diagnostics.isEmpty)
        #expect(try server.waitForDiagnostics(inventoryURI, version: 3, from: start).diagnostics.isEmpty)

        // Closing the inventory goes back to the disk's text, which is the same: nothing changes for the filings.
        start = server.messages.count
        server.notify("textDocument/didClose", .document(inventoryURI))
        #expect(try server.call("textDocument/diagnostic", .document(aURI))["result"] != nil)
        #expect(server.messages[start...].allSatisfy { $0["params"]?["uri"] != .string(aURI) })
        #expect(try server.shutDown() == 0)
    }

    @Test("an open document's text overrides the disk; versions travel with its diagnostics; closing restores the disk")
    func openDocumentVersions() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let bURI = workspace.uri("filings/b.icp.json")
        try server.waitForDiagnostics(bURI) { Fixtures.codes($0) == ["ICP201", "ICP406"] }

        var start = server.messages.count
        let fixed = MarkedText(Fixtures.filingB).text.replacingOccurrences(of: "\"n-1\"", with: "\"n-2\"")
        server.notify("textDocument/didOpen", .didOpen(bURI, version: 7, text: fixed))
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI, version: 7, from: start).diagnostics) == ["ICP406"])
        // The same list again after a change: still published, for the new version.
        start = server.messages.count
        server.notify("textDocument/didChange", .didChange(bURI, version: 8, [["text": .string(fixed + "\n")]]))
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI, version: 8, from: start).diagnostics) == ["ICP406"])
        // The file on disk did not change; closing shows its diagnostics again, without a version.
        start = server.messages.count
        server.notify("textDocument/didClose", .document(bURI))
        let closed = try server.waitForDiagnostics(bURI, from: start)
        #expect(Fixtures.codes(closed.diagnostics) == ["ICP201", "ICP406"])
        #expect(server.messages[closed.index]["params"]?["version"] == nil)
        #expect(try server.shutDown() == 0)
    }

    @Test("a document outside every root is checked while open, and cleared when closed")
    func documentOutsideRoots() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let uri = "untitled:Untitled-1"
        var start = server.messages.count
        server.notify("textDocument/didOpen", .didOpen(uri, version: 1, text: #"{ "filings": [ { "id": "F-9", "account": "acct-nobody" } ] }"#))
        #expect(try Fixtures.codes(server.waitForDiagnostics(uri, version: 1, from: start).diagnostics) == ["ICP101"])
        start = server.messages.count
        server.notify("textDocument/didClose", .document(uri))
        #expect(try server.waitForDiagnostics(uri, from: start).diagnostics.isEmpty)
        #expect(try server.shutDown() == 0)
    }

    @Test("columns on a line with emoji and CJK follow the negotiated encoding", arguments: ["utf-8", "utf-16", "utf-32"])
    func positionEncodings(encoding: String) throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        let result = try server.initialize(roots: [workspace.root], capabilities: ["general": ["positionEncodings": .array([.string(encoding)])]])
        #expect(result["capabilities"]?["positionEncoding"] == .string(encoding))
        let marked = MarkedText("""
        { "filings": [ { "id": "F-9", "account": "acct-a", "websites": [
          { "domain": "网站😀.example.cn", /* 注释 🎉 */ "serviceNumber": «start»"n-😀"«end», "hosting": "alibaba-cloud" }
        ] } ] }
        """)
        let uri = workspace.uri("emoji.icp.json")
        server.notify("textDocument/didOpen", .didOpen(uri, version: 1, text: marked.text))
        let diagnostics = try server.waitForDiagnostics(uri, version: 1).diagnostics
        #expect(Fixtures.codes(diagnostics) == ["ICP103"])
        #expect(diagnostics.first?["range"] == marked.range("start", "end", encoding: encoding))

        // An incremental change at those positions lands where the client meant it.
        let start = server.messages.count
        server.notify("textDocument/didChange", .didChange(uri, version: 2, [.change(marked.range("start", "end", encoding: encoding), #""n-2""#)]))
        #expect(try server.waitForDiagnostics(uri, version: 2, from: start).diagnostics.isEmpty)
        #expect(try server.shutDown() == 0)
    }

    @Test("a change range past the end is clamped; a change to an unopened document is ignored")
    func changesOutOfBounds() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let uri = workspace.uri("clamp.icp.json")
        server.notify("textDocument/didOpen", .didOpen(uri, version: 1, text: #"{ "accounts": [] }"#))
        try server.waitForDiagnostics(uri, version: 1)

        // Past the end of the line and past the last line: both clamp to the end of the text.
        var start = server.messages.count
        let pastLine: JSONValue = ["line": 0, "character": 500]
        let pastText: JSONValue = ["line": 40, "character": 3]
        server.notify("textDocument/didChange", .didChange(uri, version: 2, [.change(["start": pastLine, "end": pastText], " // the end")]))
        #expect(try server.waitForDiagnostics(uri, version: 2, from: start).diagnostics.isEmpty)
        // Inside the text, the end before the start, and negative positions.
        start = server.messages.count
        server.notify("textDocument/didChange", .didChange(uri, version: 3, [
            .change(["start": ["line": 0, "character": 16], "end": ["line": 0, "character": 14]], "[ { \"id\": 5 } ]"),
            .change(["start": ["line": -3, "character": -1], "end": ["line": -1, "character": 0]], "\n"),
        ]))
        let changed = try server.waitForDiagnostics(uri, version: 3, from: start).diagnostics
        #expect(Fixtures.codes(changed) == ["ICP003"])
        #expect(changed.first?["range"]?["start"] == ["line": 1, "character": 24])

        // A change to a document that is not open, and one with a range of the wrong type.
        start = server.messages.count
        server.notify("textDocument/didChange", .didChange(workspace.uri("filings/a.icp.json"), version: 9, [["text": "{ broken"]]))
        server.notify("textDocument/didChange", .didChange(uri, version: 4, [.change(["start": "zero"], "x")]))
        server.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": 5], "contentChanges": "no"])
        let answer = try server.call("textDocument/diagnostic", .document(workspace.uri("filings/a.icp.json")))
        #expect(answer["result"]?["items"] == [])
        #expect(server.messages[start...].allSatisfy { $0["params"]?["version"]?.int64Value ?? 0 < 4 })
        #expect(try server.shutDown() == 0)
    }

    @Test("a didOpen without text and one with the wrong types are ignored; the server goes on")
    func badNotifications() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        server.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///nowhere/x.icp.json"]])
        server.notify("textDocument/didOpen", ["textDocument": 5])
        server.notify("textDocument/didClose", ["textDocument": ["uri": .null]])
        server.notify("workspace/didChangeWatchedFiles", ["changes": 3])
        server.notify("workspace/didChangeWorkspaceFolders", ["event": "nothing"])
        server.notify("workspace/didChangeConfiguration", ["settings": [1, 2]])
        server.notify("textDocument/didSave", ["textDocument": [:]])
        #expect(try server.call("textDocument/diagnostic", .document("file:///nowhere/x.icp.json"))["result"]?["items"] == [])
        #expect(try server.shutDown() == 0)
    }
}
