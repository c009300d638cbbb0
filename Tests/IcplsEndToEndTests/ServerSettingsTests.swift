import Foundation
import Testing
import IcplsJSONRPC

@Suite("Language server: settings")
struct ServerSettingsTests {
    static func bDiagnostics(_ server: ServerProcess, _ workspace: TestWorkspace, from start: Int = 0,
                             where matches: @escaping ([JSONValue]) -> Bool = { _ in true }) throws -> [JSONValue] {
        try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"), from: start, where: matches).diagnostics
    }

    @Test("initializationOptions asOf decides ICP406", arguments: [("2026-01-01", ["ICP201"]), ("2026-11-23", ["ICP201", "ICP406"])])
    func asOfFromInitializationOptions(asOf: String, codes: [String]) throws {
        let workspace = try Fixtures.workspace(settings: nil)
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], options: ["asOf": .string(asOf)])
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace)) == codes)
        #expect(try server.shutDown() == 0)
    }

    @Test("didChangeConfiguration turns ICP406 off and restyles ICP201; later ones win member by member; null changes nothing")
    func didChangeConfiguration() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace)) == ["ICP201", "ICP406"])

        var start = server.messages.count
        server.notify("workspace/didChangeConfiguration", ["settings": ["icpls": ["rules": ["ICP406": "off"]]]])
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace, from: start)) == ["ICP201"])

        start = server.messages.count
        server.notify("workspace/didChangeConfiguration", ["settings": ["icpls": ["rules": ["ICP201": "warning"]]]])
        // Rules merge per rule ID: ICP406 stays off.
        let restyled = try Self.bDiagnostics(server, workspace, from: start)
        #expect(restyled.map { $0["code"] } == ["ICP201"])
        #expect(restyled.map { $0["severity"] } == [2])

        start = server.messages.count
        server.notify("workspace/didChangeConfiguration", ["settings": .null])
        server.notify("workspace/didChangeConfiguration", ["settings": ["icpls": ["rules": ["ICP406": "information"]]]])
        let back = try Self.bDiagnostics(server, workspace, from: start)
        #expect(back.map { $0["severity"] } == [2, 3])
        #expect(try server.shutDown() == 0)
    }

    @Test("bad settings are shown with window/showMessage and ignored, member by member")
    func badSettings() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], options: [
            "asOf": "2026-02-30", "rules": ["ICP406": "loud", "ICP999": "off", "ICP201": "hint"], "colour": true,
        ])
        // The file's asOf still counts, and so does the one good rule.
        let diagnostics = try Self.bDiagnostics(server, workspace)
        #expect(Fixtures.codes(diagnostics) == ["ICP201", "ICP406"])
        #expect(diagnostics.first { $0["code"] == "ICP201" }?["severity"] == 4)
        let shown = server.notifications("window/showMessage").compactMap { $0["params"]?["message"]?.stringValue }
        #expect(shown.count >= 4, "\(shown)")
        for word in ["asOf", "ICP406", "ICP999", "colour"] {
            #expect(shown.contains { $0.contains(word) }, "nothing said about \(word): \(shown)")
        }

        let start = server.messages.count
        server.notify("workspace/didChangeConfiguration", ["settings": ["icpls": ["rules": "all off", "asOf": "2026-01-01"]]])
        try server.waitForMessage("window/showMessage", from: start)
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace, from: start)) == ["ICP201"])
        #expect(try server.shutDown() == 0)
    }

    @Test("an empty list for initializationOptions, as Lua clients send an empty table, is no settings and no complaint")
    func emptyListIsNoSettings() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let plain = try ServerProcess()
        defer { plain.stop() }
        try plain.initialize(roots: [workspace.root])
        let expected = try Fixtures.codes(Self.bDiagnostics(plain, workspace))
        #expect(try plain.shutDown() == 0)

        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], options: [])
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace)) == expected)
        #expect(server.notifications("window/showMessage").isEmpty)
        #expect(try server.shutDown() == 0)
    }

    @Test(".icpls.json in the root counts, under initializationOptions, and is read again when it changes")
    func settingsFile() throws {
        let workspace = try Fixtures.workspace(settings: #"{ "asOf": "2026-11-23", "rules": { "ICP406": "hint", "ICP201": "hint" } }"#)
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], options: ["rules": ["ICP201": "warning"]])
        let diagnostics = try Self.bDiagnostics(server, workspace)
        #expect(diagnostics.map { $0["code"] } == ["ICP201", "ICP406"])
        #expect(diagnostics.map { $0["severity"] } == [2, 4])

        let start = server.messages.count
        try workspace.write(".icpls.json", "// moved the date\n{ \"asOf\": \"2026-01-01\" }")
        server.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(workspace.uri(".icpls.json")), "type": 2]]])
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace, from: start)) == ["ICP201"])

        // A broken file: shown, and the members that parsed still count.
        let broken = server.messages.count
        try workspace.write(".icpls.json", "{ \"asOf\": \"2026-11-23\", \"rules\": { \"ICP406\": \"off\" ")
        server.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(workspace.uri(".icpls.json")), "type": 2]]])
        try server.waitForMessage("window/showMessage", from: broken)
        #expect(try server.call("textDocument/diagnostic", .document(workspace.uri("filings/b.icp.json")))["result"] != nil)
        #expect(try server.shutDown() == 0)
    }

    @Test("workspace/configuration is asked when the client answers it, and its answer counts")
    func configurationPull() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ["workspace": ["configuration": true]])
        let asked = try server.waitForMessage("workspace/configuration").message
        #expect(asked["params"]?["items"] == [["section": "icpls"]])
        var start = server.messages.count
        server.send(["jsonrpc": "2.0", "id": asked["id"]!, "result": [["rules": ["ICP201": "off"]]]])
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace, from: start) { $0.count == 1 }) == ["ICP406"])

        // A change notification without settings: the server asks again.
        start = server.messages.count
        server.notify("workspace/didChangeConfiguration", ["settings": .null])
        let again = try server.waitForMessage("workspace/configuration", from: start).message
        server.send(["jsonrpc": "2.0", "id": again["id"]!, "result": [["rules": ["ICP201": "error", "ICP406": "off"]]]])
        #expect(try Fixtures.codes(Self.bDiagnostics(server, workspace, from: start)) == ["ICP201"])

        // Answers merge per rule ID with what came before: ICP201 stays an error.
        start = server.messages.count
        server.notify("workspace/didChangeConfiguration", [:])
        let merged = try server.waitForMessage("workspace/configuration", from: start).message
        server.send(["jsonrpc": "2.0", "id": merged["id"]!, "result": [["rules": ["ICP406": "warning"]]]])
        let back = try Self.bDiagnostics(server, workspace, from: start)
        #expect(Fixtures.codes(back) == ["ICP201", "ICP406"])
        #expect(back.map { $0["severity"] } == [1, 2])
        #expect(try server.shutDown() == 0)
    }
}
