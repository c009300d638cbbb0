import Foundation
import Testing
import IcplsJSONRPC

/// A request between two edits of one batch is answered from a check of the text
/// it saw, but nothing is published for the version the next edit replaced.
@Suite("Language server: requests inside a burst")
struct ServerCoalescingTests {
    @Test("a hover between two changes sent at once publishes nothing for the first change's version")
    func hoverBetweenChanges() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let bURI = workspace.uri("filings/b.icp.json")
        let text = MarkedText(Fixtures.filingB).text
        server.notify("textDocument/didOpen", .didOpen(bURI, version: 1, text: text))
        try server.waitForDiagnostics(bURI, version: 1)
        let start = server.messages.count
        let hover = server.requestBytes("textDocument/hover", [
            "textDocument": ["uri": .string(bURI)], "position": ["line": 2, "character": 10],
        ])
        let burst = ServerProcess.frame(JSONValue.object(JSONObject([
            ("jsonrpc", "2.0"), ("method", "textDocument/didChange"),
            ("params", .didChange(bURI, version: 2, [["text": .string(text + " ")]])),
        ]))) + hover.bytes + ServerProcess.frame(JSONValue.object(JSONObject([
            ("jsonrpc", "2.0"), ("method", "textDocument/didChange"),
            ("params", .didChange(bURI, version: 3, [["text": .string(text + "  ")]])),
        ])))
        server.sendRaw(burst)
        _ = try server.response(to: hover.id)
        try server.waitForDiagnostics(bURI, version: 3, from: start)
        let versions = server.messages[start...].compactMap { message -> Int64? in
            guard message["method"] == "textDocument/publishDiagnostics", message["params"]?["uri"]?.stringValue == bURI else { return nil }
            return message["params"]?["version"]?.int64Value
        }
        #expect(versions == [3])
        #expect(try server.shutDown() == 0)
    }
}
