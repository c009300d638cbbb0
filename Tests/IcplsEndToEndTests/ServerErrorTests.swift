import Foundation
import Testing
import IcplsJSONRPC

/// Each abuse is followed by a valid request, which must still get its answer.
@Suite("Language server: JSON-RPC errors")
struct ServerErrorTests {
    /// A request that always has an answer once initialized.
    static func expectAnswered(_ server: ServerProcess, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let answer = try server.call("textDocument/diagnostic", .document("file:///nowhere/answered.icp.json"))
        #expect(answer["result"]?["kind"] == "full", sourceLocation: sourceLocation)
    }

    /// The next error response from `start` on.
    static func nextError(_ server: ServerProcess, from start: Int) throws -> JSONValue {
        try server.waitFor(from: start, "an error response") { $0["error"] != nil }.message
    }

    @Test("a body that is not JSON is -32700 with id null")
    func notJSON() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let start = server.messages.count
        server.sendRaw(ServerProcess.frame(Array(#"{"jsonrpc":"2.0","id":7,"method":"#.utf8)))
        let error = try Self.nextError(server, from: start)
        #expect(error["error"]?["code"] == -32700)
        #expect(error["id"] == .null)
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0)
    }

    @Test("nesting deeper than 1,000 levels is -32700 with id null; 1,000 levels are fine")
    func tooDeep() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let start = server.messages.count
        // The request object is level 1; the params hold 1,000 more levels.
        let deep = #"{"jsonrpc":"2.0","id":"deep","method":"textDocument/diagnostic","params":"#
            + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000) + "}"
        server.sendRaw(ServerProcess.frame(Array(deep.utf8)))
        let error = try Self.nextError(server, from: start)
        #expect(error["error"]?["code"] == -32700)
        #expect(error["id"] == .null)
        // 1,000 levels in all: JSON, but params that are an array give -32602.
        let fine = #"{"jsonrpc":"2.0","id":"fine","method":"textDocument/diagnostic","params":"#
            + String(repeating: "[", count: 999) + String(repeating: "]", count: 999) + "}"
        server.sendRaw(ServerProcess.frame(Array(fine.utf8)))
        #expect(try server.response(to: .string("fine"))["error"]?["code"] == -32602)
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0)
    }

    @Test("invalid request objects are -32600", arguments: [
        (#"{"jsonrpc":"2.0","id":11,"method":42}"#, JSONValue.integer(11)),
        (#"{"jsonrpc":"2.0","id":12,"method":"shutdown","params":"no"}"#, .integer(12)),
        (#"{"jsonrpc":"1.0","id":13,"method":"shutdown"}"#, .integer(13)),
        (#"{"id":14,"method":"shutdown"}"#, .integer(14)),
        (#"{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}"#, .null),
        (#"{"jsonrpc":"2.0","method":"textDocument/diagnostic","id":null}"#, .null),
        (#"[{"jsonrpc":"2.0","id":15,"method":"shutdown"}]"#, .null),
        (#""just a string""#, .null),
        (#"{"jsonrpc":"2.0"}"#, .null),
    ])
    func invalidRequest(body: String, id: JSONValue) throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let start = server.messages.count
        server.sendRaw(ServerProcess.frame(Array(body.utf8)))
        let error = try Self.nextError(server, from: start)
        #expect(error["error"]?["code"] == -32600)
        #expect(error["id"] == id)
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0, "a batch or bad request must not have shut the server down")
    }

    @Test("a second initialize is -32600")
    func secondInitialize() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let again = try server.call("initialize", ["processId": .null, "capabilities": [:]])
        #expect(again["error"]?["code"] == -32600)
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0)
    }

    @Test("an unknown method is -32601; unknown and $/ notifications are ignored")
    func unknownMethod() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        #expect(try server.call("icpls/noSuchMethod", [:])["error"]?["code"] == -32601)
        #expect(try server.call("$/noSuchRequest")["error"]?["code"] == -32601)
        let start = server.messages.count
        server.notify("$/setTrace", ["value": "verbose"])
        server.notify("$/somethingElse", ["anything": [1, 2]])
        server.notify("icpls/noSuchNotification", [:])
        server.notify("textDocument/didSave", .document("file:///nowhere/x.icp.json"))
        try Self.expectAnswered(server)
        let afterwards = server.messages[start...]
        #expect(afterwards.count == 1, "only the answer to the request: \(Array(afterwards))")
        #expect(try server.shutDown() == 0)
    }

    @Test("bad params are -32602", arguments: [
        ("textDocument/diagnostic", JSONValue.object([:])),
        ("textDocument/diagnostic", ["textDocument": ["uri": 5]]),
        ("textDocument/codeAction", ["textDocument": ["uri": "file:///nowhere/x.icp.json"]]),
        ("textDocument/diagnostic", nil),
        ("icpls/documentText", ["textDocument": ["uri": "file:///nowhere/x.icp.json"]]),
        ("icpls/documentText", ["textDocument": [:]]),
    ] as [(String, JSONValue?)])
    func invalidParams(method: String, params: JSONValue?) throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        #expect(try server.call(method, params)["error"]?["code"] == -32602)
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0)
    }

    @Test("initialize without params is -32602, and initialize can then be sent again")
    func initializeWithoutParams() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        #expect(try server.call("initialize")["error"]?["code"] == -32602)
        try server.initialize()
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0)
    }

    @Test("a request before initialize is -32002; notifications before it are dropped")
    func beforeInitialize() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let early = try server.call("textDocument/diagnostic", .document("file:///nowhere/x.icp.json"))
        #expect(early["error"]?["code"] == -32002)
        #expect(try server.call("shutdown")["error"]?["code"] == -32002)
        server.notify("textDocument/didOpen", .didOpen("file:///nowhere/early.icp.json", text: "{ nope }"))
        try server.initialize()
        try Self.expectAnswered(server)
        let early2 = try server.call("textDocument/diagnostic", .document("file:///nowhere/early.icp.json"))
        #expect(early2["result"]?["items"] == [], "the didOpen before initialize was dropped")
        #expect(try server.shutDown() == 0)
    }

    @Test("string and integer ids are answered with the same id")
    func ids() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        for id: JSONValue in [.string("abc"), .string(""), .string("42"), .integer(0), .integer(-7), .integer(9_007_199_254_740_993)] {
            server.send(["jsonrpc": "2.0", "id": id, "method": "textDocument/diagnostic", "params": .document("file:///nowhere/x.icp.json")])
            let answer = try server.waitFor("answer to \(id)") { $0["id"] == id && $0["result"] != nil }.message
            #expect(answer["result"]?["kind"] == "full")
            // 42 and "42" stay apart.
            if id == "42" { #expect(answer["id"]?.stringValue == "42") }
        }
        #expect(try server.shutDown() == 0)
    }

    @Test("a request and its $/cancelRequest in one write: -32800")
    func cancelInOneBatch() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let (id, request) = server.requestBytes("textDocument/diagnostic", .document("file:///nowhere/x.icp.json"))
        let cancel = OutgoingMessage.notification(method: "$/cancelRequest", params: ["id": id.jsonValue])
        server.sendRaw(request + cancel)
        let answer = try server.response(to: id)
        #expect(answer["error"]?["code"] == -32800)
        // The cancel can come first, with a string id.
        let stringID = JSONValue.string("to-cancel")
        server.sendRaw(OutgoingMessage.notification(method: "$/cancelRequest", params: ["id": stringID])
            + OutgoingMessage.request(id: .string("to-cancel"), method: "textDocument/diagnostic", params: .document("file:///nowhere/x.icp.json")))
        #expect(try server.response(to: .string("to-cancel"))["error"]?["code"] == -32800)
        // Cancelling what was answered, or was never sent, changes nothing.
        server.notify("$/cancelRequest", ["id": id.jsonValue])
        server.notify("$/cancelRequest", ["id": 99_999])
        server.notify("$/cancelRequest", [:])
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0)
    }

    @Test("a held workspace/diagnostic is answered -32800 when cancelled")
    func cancelHeldWorkspacePull() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ["textDocument": ["diagnostic": [:]]])
        let first = try server.result("workspace/diagnostic", ["previousResultIds": []])
        let previous: [JSONValue] = (first["items"]?.arrayValue ?? []).map { ["uri": $0["uri"]!, "value": $0["resultId"]!] }
        #expect(previous.count == 3)
        let held = server.request("workspace/diagnostic", ["previousResultIds": .array(previous)])
        try Self.expectAnswered(server)
        #expect(server.messages.allSatisfy { $0["id"] != held.jsonValue }, "nothing changed: the pull is held")
        server.notify("$/cancelRequest", ["id": held.jsonValue])
        #expect(try server.response(to: held)["error"]?["code"] == -32800)
        try Self.expectAnswered(server)
        #expect(try server.shutDown() == 0)
    }

    @Test("responses from the client to the server's requests are taken, never answered")
    func clientResponses() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: [
            "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true], "configuration": true],
        ])
        let registration = try server.waitForMessage("client/registerCapability").message
        let configuration = try server.waitForMessage("workspace/configuration").message
        let start = server.messages.count
        server.send(["jsonrpc": "2.0", "id": registration["id"]!, "result": .null])
        server.send(["jsonrpc": "2.0", "id": configuration["id"]!, "error": ["code": -32603, "message": "no settings here"]])
        // Responses to requests the server never sent, and a response with a null id, are dropped too.
        server.send(["jsonrpc": "2.0", "id": "never-sent", "result": [1, 2, 3]])
        server.send(["jsonrpc": "2.0", "id": .null, "error": ["code": -32700, "message": "client could not parse"]])
        try Self.expectAnswered(server)
        let afterwards = server.messages[start...].filter { $0["method"] == nil }
        #expect(afterwards.count == 1, "only the answer to the request: \(Array(afterwards))")
        #expect(try server.shutDown() == 0)
    }
}
