import Foundation
import Testing
import IcplsCore
import IcplsJSONRPC

@Suite("Language server: lifecycle")
struct ServerLifecycleTests {
    @Test("initialize answers capabilities, serverInfo and the position encoding; shutdown is null; exit is 0")
    func initializeAndShutDown() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let result = try server.initialize()
        let capabilities = try #require(result["capabilities"])
        #expect(capabilities["positionEncoding"] == "utf-16")
        #expect(capabilities["textDocumentSync"]?["openClose"] == true)
        #expect(capabilities["textDocumentSync"]?["change"] == 2)
        #expect(capabilities["textDocumentSync"]?["save"] != nil)
        #expect(capabilities["codeActionProvider"]?["codeActionKinds"] == ["quickfix", "source.fixAll.icpls"])
        #expect(capabilities["diagnosticProvider"] == nil, "no pull diagnostics for a client that does not pull")
        #expect(capabilities["workspace"]?["workspaceFolders"]?["changeNotifications"] == true)
        #expect(result["serverInfo"]?["name"] == "icpls")
        #expect(result["serverInfo"]?["version"] == .string(IcplsVersion.current))
        #expect(try server.shutDown() == 0)
    }

    @Test("the position encoding is the client's first of utf-16, utf-8, utf-32", arguments: [
        (["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"), (["utf-7", "utf-16", "utf-8"], "utf-16"), ([], "utf-16"),
    ] as [([String], String)])
    func positionEncoding(offered: [String], expected: String) throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let result = try server.initialize(capabilities: ["general": ["positionEncodings": .array(offered.map { .string($0) })]])
        #expect(result["capabilities"]?["positionEncoding"] == .string(expected))
        #expect(try server.shutDown() == 0)
    }

    @Test("the diagnostic provider is announced to a client that pulls")
    func pullCapability() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let result = try server.initialize(capabilities: ["textDocument": ["diagnostic": [:]]])
        let provider = try #require(result["capabilities"]?["diagnosticProvider"])
        #expect(provider["interFileDependencies"] == true)
        #expect(provider["workspaceDiagnostics"] == true)
        #expect(try server.shutDown() == 0)
    }

    @Test("exit without shutdown ends with code 1")
    func exitWithoutShutdown() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        server.notify("exit")
        #expect(try server.waitForExit() == 1)
    }

    @Test("exit before initialize ends with code 1")
    func exitBeforeInitialize() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        server.notify("exit")
        #expect(try server.waitForExit() == 1)
    }

    @Test("the end of stdin ends the server: code 1, or 0 after shutdown")
    func endOfInput() throws {
        let running = try ServerProcess()
        defer { running.stop() }
        try running.initialize()
        running.closeInput()
        #expect(try running.waitForExit() == 1)

        let shutDown = try ServerProcess()
        defer { shutDown.stop() }
        try shutDown.initialize()
        #expect(try shutDown.call("shutdown")["result"] == .null)
        shutDown.closeInput()
        #expect(try shutDown.waitForExit() == 0)
    }

    @Test("the end of stdin inside a message ends the server too")
    func endOfInputInsideMessage() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        server.sendRaw(Array("Content-Length: 100\r\n\r\n{\"jsonrpc\":".utf8))
        server.closeInput()
        #expect(try server.waitForExit() == 1)
    }

    @Test("after shutdown, requests get -32600 and notifications are ignored; exit is still 0")
    func afterShutdown() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        #expect(try server.call("shutdown")["result"] == .null)
        server.notify("textDocument/didOpen", .didOpen("file:///nowhere/x.icp.json", text: "{"))
        #expect(try server.call("textDocument/diagnostic", .document("file:///nowhere/x.icp.json"))["error"]?["code"] == -32600)
        #expect(try server.call("shutdown")["error"]?["code"] == -32600)
        server.notify("exit")
        #expect(try server.waitForExit() == 0)
        #expect(server.notifications("textDocument/publishDiagnostics").isEmpty)
    }

    @Test("nothing but protocol goes to stdout, logs go to stderr")
    func stdoutIsProtocolOnly() throws {
        let server = try ServerProcess(environment: ["ICPLS_LOG": "debug"])
        defer { server.stop() }
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        try server.initialize(roots: [workspace.root])
        try server.waitForDiagnostics(workspace.uri("filings/b.icp.json"))
        try server.waitForStderr(containing: "validation 1")
        #expect(try server.shutDown() == 0)
        // Every message the client read decoded as JSON-RPC 2.0; the framer would have dropped anything else.
        #expect(server.messages.allSatisfy { $0["jsonrpc"] == "2.0" })
    }
}
