import Foundation
import Testing
import IcplsJSONRPC

@Suite("Language server: the workspace")
struct ServerWorkspaceTests {
    static func watched(_ uri: String, _ type: Int64) -> JSONValue {
        ["changes": [["uri": .string(uri), "type": .integer(type)]]]
    }

    @Test("a file created on disk and notified appears; changed, it is read again; deleted, it is cleared")
    func watchedFiles() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"))
        let uri = workspace.uri("filings/new.icp.json")

        var start = server.messages.count
        try workspace.write("filings/new.icp.json", #"{ "filings": [ { "id": "F-3", "account": "acct-nobody" } ] }"#)
        server.notify("workspace/didChangeWatchedFiles", Self.watched(uri, 1))
        #expect(try Fixtures.codes(server.waitForDiagnostics(uri, from: start).diagnostics) == ["ICP101"])

        start = server.messages.count
        try workspace.write("filings/new.icp.json", #"{ "filings": [ { "id": "F-3", "account": "acct-a" } ] }"#)
        server.notify("workspace/didChangeWatchedFiles", Self.watched(uri, 2))
        #expect(try server.waitForDiagnostics(uri, from: start).diagnostics.isEmpty)

        start = server.messages.count
        try workspace.write("filings/new.icp.json", #"{ "filings": [ { "id": "F-3", "account": "acct-nobody" } ] }"#)
        server.notify("workspace/didChangeWatchedFiles", Self.watched(uri, 2))
        try server.waitForDiagnostics(uri, from: start) { !$0.isEmpty }
        start = server.messages.count
        try FileManager.default.removeItem(at: workspace.url("filings/new.icp.json"))
        server.notify("workspace/didChangeWatchedFiles", Self.watched(uri, 3))
        #expect(try server.waitForDiagnostics(uri, from: start).diagnostics.isEmpty)

        // Files that are not documents, or outside the roots, are not taken.
        start = server.messages.count
        try workspace.write("notes.json", "{ broken")
        server.notify("workspace/didChangeWatchedFiles", Self.watched(workspace.uri("notes.json"), 1))
        server.notify("workspace/didChangeWatchedFiles", Self.watched("file:///nowhere/else.icp.json", 1))
        server.notify("workspace/didChangeWatchedFiles", Self.watched("https://example.com/x.icp.json", 1))
        try ServerErrorTests.expectAnswered(server)
        #expect(server.messages[start...].allSatisfy { $0["method"] != "textDocument/publishDiagnostics" })
        #expect(try server.shutDown() == 0)
    }

    @Test("an open document's text wins over a change on disk")
    func openTextWinsOverDisk() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let bURI = workspace.uri("filings/b.icp.json")
        let text = MarkedText(Fixtures.filingB).text
        server.notify("textDocument/didOpen", .didOpen(bURI, version: 1, text: text))
        try server.waitForDiagnostics(bURI, version: 1)
        try workspace.write("filings/b.icp.json", "{ broken")
        let start = server.messages.count
        server.notify("workspace/didChangeWatchedFiles", Self.watched(bURI, 2))
        let answer = try server.result("textDocument/diagnostic", .document(bURI))
        #expect(Fixtures.codes(answer["items"]?.arrayValue ?? []) == ["ICP201", "ICP406"])
        #expect(server.messages[start...].allSatisfy { $0["params"]?["uri"] != .string(bURI) || $0["params"]?["version"] == 1 })
        #expect(try server.shutDown() == 0)
    }

    @Test("watching is registered dynamically for **/*.icp.json and **/.icpls.json when the client supports it")
    func dynamicRegistration() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        let request = try server.waitForMessage("client/registerCapability").message
        let registration = try #require(request["params"]?["registrations"]?[0])
        #expect(registration["method"] == "workspace/didChangeWatchedFiles")
        let globs = registration["registerOptions"]?["watchers"]?.arrayValue?.compactMap { $0["globPattern"]?.stringValue }
        #expect(globs == ["**/*.icp.json", "**/.icpls.json"])
        server.send(["jsonrpc": "2.0", "id": request["id"]!, "result": .null])
        try ServerErrorTests.expectAnswered(server)
        #expect(try server.shutDown() == 0)

        let plain = try ServerProcess()
        defer { plain.stop() }
        try plain.initialize(capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": false]]])
        try ServerErrorTests.expectAnswered(plain)
        #expect(plain.messages.allSatisfy { $0["method"] != "client/registerCapability" })
        #expect(try plain.shutDown() == 0)
    }

    @Test("$/progress begin and end around indexing when the client supports work-done progress")
    func progress() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ["window": ["workDoneProgress": true]])
        let create = try server.waitForMessage("window/workDoneProgress/create")
        let token = try #require(create.message["params"]?["token"])
        server.send(["jsonrpc": "2.0", "id": create.message["id"]!, "result": .null])
        let begin = try server.waitFor(from: create.index, "progress begin") { $0["method"] == "$/progress" && $0["params"]?["value"]?["kind"] == "begin" }
        #expect(begin.message["params"]?["token"] == token)
        #expect(begin.message["params"]?["value"]?["title"]?.stringValue != nil)
        let end = try server.waitFor(from: begin.index, "progress end") { $0["method"] == "$/progress" && $0["params"]?["value"]?["kind"] == "end" }
        #expect(end.message["params"]?["token"] == token)
        try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"))

        // A folder added: read again, with a token used for nothing before.
        let other = try TestWorkspace(["more.icp.json": "{}"])
        defer { other.remove() }
        let start = server.messages.count
        server.notify("workspace/didChangeWorkspaceFolders", ["event": ["added": [["uri": .string(ServerProcess.uri(other.root)), "name": "more"]], "removed": []]])
        let again = try server.waitForMessage("window/workDoneProgress/create", from: start)
        let secondToken = try #require(again.message["params"]?["token"])
        #expect(secondToken != token)
        try server.waitFor(from: again.index, "progress end") { $0["params"]?["token"] == secondToken && $0["params"]?["value"]?["kind"] == "end" }

        // Without the capability: no progress.
        let quiet = try ServerProcess()
        defer { quiet.stop() }
        try quiet.initialize(roots: [workspace.root])
        try quiet.waitForDiagnostics(workspace.uri("filings/b.icp.json"))
        #expect(quiet.messages.allSatisfy { $0["method"] != "$/progress" && $0["method"] != "window/workDoneProgress/create" })
        #expect(try quiet.shutDown() == 0)
        #expect(try server.shutDown() == 0)
    }

    @Test("didChangeWorkspaceFolders adds a folder's documents and clears a removed folder's")
    func workspaceFolders() throws {
        let inventory = try TestWorkspace(["inventory.icp.json": MarkedText(Fixtures.inventory).text, ".icpls.json": Fixtures.settings])
        defer { inventory.remove() }
        let filings = try TestWorkspace(["b.icp.json": MarkedText(Fixtures.filingB).text])
        defer { filings.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [filings.root], capabilities: ["workspace": ["workspaceFolders": true]])
        let bURI = filings.uri("b.icp.json")
        // Alone, the filing refers to undeclared numbers and an undeclared account.
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI).diagnostics) == ["ICP101", "ICP103", "ICP103"])

        var start = server.messages.count
        let folder: JSONValue = ["uri": .string(ServerProcess.uri(inventory.root)), "name": "inventory"]
        server.notify("workspace/didChangeWorkspaceFolders", ["event": ["added": [folder], "removed": []]])
        #expect(try server.waitForDiagnostics(inventory.uri("inventory.icp.json"), from: start).diagnostics.isEmpty)
        // Everything resolves, and the added folder's .icpls.json (asOf) counts: the first folder has none.
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI, from: start).diagnostics) == ["ICP406"])

        start = server.messages.count
        server.notify("workspace/didChangeWorkspaceFolders", ["event": ["added": [], "removed": [folder]]])
        #expect(try server.waitForDiagnostics(inventory.uri("inventory.icp.json"), from: start).diagnostics.isEmpty)
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI, from: start).diagnostics) == ["ICP101", "ICP103", "ICP103"])
        #expect(try server.shutDown() == 0)
    }

    @Test("older clients: rootUri, else rootPath")
    func rootUriAndRootPath() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        for root: (String, JSONValue) in [("rootUri", .string(ServerProcess.uri(workspace.root))), ("rootPath", .string(workspace.root.path))] {
            let server = try ServerProcess()
            defer { server.stop() }
            let answer = try server.call("initialize", .object(JSONObject([("processId", .null), ("capabilities", JSONValue.object([:])), root])))
            #expect(answer["result"] != nil)
            server.notify("initialized", [:])
            #expect(try Fixtures.codes(server.waitForDiagnostics(workspace.uri("filings/b.icp.json")).diagnostics) == ["ICP201", "ICP406"])
            #expect(try server.shutDown() == 0)
        }
    }

    @Test("hidden folders, .build and files that are not documents are not indexed")
    func skippedFiles() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        for path in [".hidden/x.icp.json", ".build/x.icp.json", "x.json", ".x.icp.json"] {
            try workspace.write(path, "{ broken")
        }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"))
        try ServerErrorTests.expectAnswered(server)
        let uris = Set(server.notifications("textDocument/publishDiagnostics").compactMap { $0["params"]?["uri"]?.stringValue })
        #expect(uris == [workspace.uri("inventory.icp.json"), workspace.uri("filings/a.icp.json"), workspace.uri("filings/b.icp.json")])
        #expect(try server.shutDown() == 0)
    }
}
