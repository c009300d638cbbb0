import Foundation
import Testing
import IcplsJSONRPC

/// Base-protocol framing and hostile input; each abuse is followed by a valid request.
@Suite("Language server: framing and hostile input")
struct ServerFramingTests {
    static let probe: JSONValue = .document("file:///nowhere/probe.icp.json")

    @Test("a message written one byte at a time")
    func oneByteChunks() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let (id, bytes) = server.requestBytes("textDocument/diagnostic", Self.probe)
        server.sendRaw(bytes, chunkSize: 1)
        #expect(try server.response(to: id)["result"]?["kind"] == "full")
        #expect(try server.shutDown() == 0)
    }

    @Test("the whole session, initialize included, written one byte at a time")
    func wholeSessionInBytes() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let initialize = OutgoingMessage.request(id: .integer(1), method: "initialize", params: ["capabilities": [:]])
        let initialized = OutgoingMessage.notification(method: "initialized", params: [:])
        let probe = OutgoingMessage.request(id: .integer(2), method: "textDocument/diagnostic", params: Self.probe)
        server.sendRaw(initialize + initialized + probe, chunkSize: 1)
        #expect(try server.response(to: .integer(1))["result"]?["capabilities"] != nil)
        #expect(try server.response(to: .integer(2))["result"]?["kind"] == "full")
        server.sendRaw(OutgoingMessage.request(id: .integer(3), method: "shutdown", params: nil)
            + OutgoingMessage.notification(method: "exit", params: nil), chunkSize: 1)
        #expect(try server.response(to: .integer(3))["result"] == .null)
        #expect(try server.waitForExit() == 0)
    }

    @Test("several messages in one write are all answered, in order")
    func severalPerWrite() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        var bytes: [UInt8] = []
        var ids: [RequestID] = []
        for index in 0..<20 {
            let (id, request) = server.requestBytes(index % 2 == 0 ? "textDocument/diagnostic" : "icpls/unknown", Self.probe)
            ids.append(id)
            bytes += request
        }
        server.sendRaw(bytes)
        let last = try server.response(to: ids.last!)
        #expect(last["error"]?["code"] == -32601)
        let answers = server.messages.filter { $0["method"] == nil }.compactMap(\.["id"])
        #expect(Array(answers.suffix(20)) == ids.map(\.jsonValue))
        #expect(try server.shutDown() == 0)
    }

    @Test("other headers are accepted, in any order and case")
    func otherHeaders() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let body = OutgoingMessage.request(id: .string("typed"), method: "textDocument/diagnostic", params: Self.probe)
            .split(separator: UInt8(ascii: "\n"), maxSplits: 2).last.map(Array.init)!
        let header = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: \(body.count)\r\nX-Other: 1\r\n\r\n"
        server.sendRaw(Array(header.utf8) + body)
        #expect(try server.response(to: .string("typed"))["result"]?["kind"] == "full")
        #expect(try server.shutDown() == 0)
    }

    @Test("a header block without Content-Length is dropped and the next message is served", arguments: [
        "Content-Type: application/vscode-jsonrpc\r\n\r\n",
        "Content-Length: twelve\r\n\r\n",
        "Content-Length: -5\r\n\r\n",
        "garbage line\r\n\r\n",
    ])
    func headerWithoutLength(header: String) throws {
        let server = try ServerProcess(environment: ["ICPLS_LOG": "debug"])
        defer { server.stop() }
        try server.initialize()
        let (id, request) = server.requestBytes("textDocument/diagnostic", Self.probe)
        server.sendRaw(Array(header.utf8) + request)
        #expect(try server.response(to: id)["result"]?["kind"] == "full")
        try server.waitForStderr(containing: "dropped a header block")
        #expect(try server.shutDown() == 0)
    }

    @Test("a body of 100 MiB is skipped as it streams, with window/showMessage; memory stays flat")
    func hugeBody() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let (warmID, warm) = server.requestBytes("textDocument/diagnostic", Self.probe)
        server.sendRaw(warm)
        _ = try server.response(to: warmID)
        let before = try #require(server.memory())
        let length = 100 << 20
        let start = server.messages.count
        server.sendRaw(Array("Content-Length: \(length)\r\n\r\n".utf8))
        // Streamed from one reused 1 MiB buffer: the client never holds the body either.
        let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 20)
        for _ in 0..<(length / chunk.count) { server.sendRaw(chunk) }
        let shown = try server.waitForMessage("window/showMessage", from: start).message
        #expect(shown["params"]?["type"] == 1)
        #expect(shown["params"]?["message"]?.stringValue?.contains("\(length)") == true)
        let (id, request) = server.requestBytes("textDocument/diagnostic", Self.probe)
        server.sendRaw(request)
        #expect(try server.response(to: id)["result"]?["kind"] == "full")
        let after = try #require(server.memory())
        #expect(after.peak - before.peak < 16 << 10, "peak resident memory grew by \(after.peak - before.peak) KiB")
        #expect(after.resident - before.resident < 16 << 10, "resident memory grew by \(after.resident - before.resident) KiB")
        #expect(try server.shutDown() == 0)
    }

    @Test("a body of exactly the limit is read; one byte more is skipped")
    func bodyAtTheLimit() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let limit = 64 << 20
        // A valid request padded with spaces to exactly 64 MiB.
        let request = Array(#"{"jsonrpc":"2.0","id":"big","method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///nowhere/big.icp.json"}}}"#.utf8)
        func sendPadded(length: Int) {
            server.sendRaw(Array("Content-Length: \(length)\r\n\r\n".utf8) + request)
            let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 20)
            var left = length - request.count
            while left > 0 {
                server.sendRaw(Array(chunk.prefix(left)))
                left -= min(left, chunk.count)
            }
        }
        sendPadded(length: limit)
        #expect(try server.response(to: .string("big"))["result"]?["kind"] == "full")
        let start = server.messages.count
        sendPadded(length: limit + 1)
        try server.waitForMessage("window/showMessage", from: start)
        #expect(server.messages[start...].allSatisfy { $0["id"] != "big" })
        #expect(try server.call("textDocument/diagnostic", Self.probe)["result"]?["kind"] == "full")
        #expect(try server.shutDown() == 0)
    }

    @Test("bytes that are not UTF-8 in a body: outside strings -32700, inside strings replaced")
    func invalidUTF8InBody() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let start = server.messages.count
        server.sendRaw(ServerProcess.frame(Array(#"{"jsonrpc":"2.0","id":1,"#.utf8) + [0xFF, 0xFE] + Array("}".utf8)))
        let error = try server.waitFor(from: start, "an error") { $0["error"] != nil }.message
        #expect(error["error"]?["code"] == -32700)
        #expect(error["id"] == .null)
        // Inside a method name: an unknown method, answered with the replacement character.
        let body = Array(#"{"jsonrpc":"2.0","id":"bad-name","method":"text"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        server.sendRaw(ServerProcess.frame(body))
        #expect(try server.response(to: .string("bad-name"))["error"]?["code"] == -32601)
        // Inside an opened document's text: the server keeps serving that document.
        let uri = "file:///nowhere/bytes.icp.json"
        let open = Array(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"icp-filing","version":1,"text":"{\"accounts\": [ { \"id\": \"a"#.utf8)
            + [0xE4, 0xB8, 0xFF, 0x80] + Array(#"\" } ] }"}}}"#.utf8)
        server.sendRaw(ServerProcess.frame(open))
        let diagnostics = try server.waitForDiagnostics(uri, version: 1).diagnostics
        #expect(!Fixtures.codes(diagnostics).contains("ICP001"), "the body's string arrives as valid text with U+FFFD")
        #expect(try server.call("textDocument/diagnostic", .document(uri))["result"]?["kind"] == "full")
        #expect(try server.shutDown() == 0)
    }

    @Test("bytes that are not UTF-8 in a document on disk: ICP001, and the rest is still checked")
    func invalidUTF8OnDisk() throws {
        let workspace = try TestWorkspace()
        defer { workspace.remove() }
        try workspace.write("bytes.icp.json", bytes: Array("{ \"accounts\": [ { \"id\": \"a".utf8) + [0xE4, 0xB8] + Array("\" } ], ".utf8)
            + [0xFF] + Array(" \"unknownMember\": 1 }".utf8))
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ["general": ["positionEncodings": ["utf-8"]]])
        let diagnostics = try server.waitForDiagnostics(workspace.uri("bytes.icp.json")).diagnostics
        #expect(Fixtures.codes(diagnostics) == ["ICP001", "ICP001", "ICP004"])
        // utf-8 columns count the bytes as they are: each bad byte is one.
        let ranges = diagnostics.map { [$0["range"]?["start"]?["character"], $0["range"]?["end"]?["character"]] }
        #expect(ranges == [[26, 28], [35, 36], [37, 52]])
        #expect(try server.call("textDocument/diagnostic", Self.probe)["result"]?["kind"] == "full")
        #expect(try server.shutDown() == 0)
    }
}
