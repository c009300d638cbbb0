import Foundation
import Testing
import IcplsJSONRPC

@Suite("Language server: pulled diagnostics")
struct ServerPullDiagnosticsTests {
    static let pullCapabilities: JSONValue = [
        "textDocument": ["diagnostic": ["dynamicRegistration": false, "relatedDocumentSupport": false]],
        "workspace": ["diagnostics": ["refreshSupport": true]],
    ]

    /// `previousResultIds` from a workspace report.
    static func previousResultIDs(_ report: JSONValue) -> JSONValue {
        .array((report["items"]?.arrayValue ?? []).compactMap { item in
            guard let uri = item["uri"], let id = item["resultId"] else { return nil }
            return ["uri": uri, "value": id]
        })
    }

    static func item(_ report: JSONValue, _ uri: String) -> JSONValue? {
        report["items"]?.arrayValue?.first { $0["uri"]?.stringValue == uri }
    }

    @Test("textDocument/diagnostic: a full report with a result id, then unchanged; a new id after a change")
    func documentPull() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: Self.pullCapabilities)
        let bURI = workspace.uri("filings/b.icp.json")
        let text = MarkedText(Fixtures.filingB).text
        server.notify("textDocument/didOpen", .didOpen(bURI, version: 1, text: text))
        let full = try server.result("textDocument/diagnostic", .document(bURI))
        #expect(full["kind"] == "full")
        #expect(Fixtures.codes(full["items"]?.arrayValue ?? []) == ["ICP201", "ICP406"])
        let resultID = try #require(full["resultId"]?.stringValue)
        let unchanged = try server.result("textDocument/diagnostic", .document(bURI, [("previousResultId", .string(resultID))]))
        #expect(unchanged == ["kind": "unchanged", "resultId": .string(resultID)])

        server.notify("textDocument/didChange", .didChange(bURI, version: 2, [["text": .string(text.replacingOccurrences(of: "\"n-3\"", with: "\"n-2\""))]]))
        let changed = try server.result("textDocument/diagnostic", .document(bURI, [("previousResultId", .string(resultID))]))
        #expect(changed["kind"] == "full")
        #expect(changed["resultId"] != .string(resultID))
        #expect(Fixtures.codes(changed["items"]?.arrayValue ?? []) == ["ICP201"])
        // An open document of a pulling client is never pushed, except to take back (an empty
        // list) what was pushed before it was opened, when that push came first.
        #expect(server.published(bURI).allSatisfy { $0["version"] == nil || $0["diagnostics"] == [] })
        #expect(try server.shutDown() == 0)
    }

    @Test("documents that are not open are pushed until the first workspace/diagnostic")
    func pushUntilWorkspacePull() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: Self.pullCapabilities)
        let aURI = workspace.uri("filings/a.icp.json"), bURI = workspace.uri("filings/b.icp.json")
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI).diagnostics) == ["ICP201", "ICP406"])
        try server.waitForDiagnostics(aURI)

        // Opened, a document is pulled: what was pushed for it is taken back. Closed, it is pushed again.
        var start = server.messages.count
        server.notify("textDocument/didOpen", .didOpen(bURI, version: 1, text: MarkedText(Fixtures.filingB).text))
        #expect(try server.waitForDiagnostics(bURI, version: 1, from: start).diagnostics.isEmpty)
        start = server.messages.count
        server.notify("textDocument/didClose", .document(bURI))
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI, from: start).diagnostics) == ["ICP201", "ICP406"])

        // The first workspace pull takes back everything pushed, so nothing shows twice.
        start = server.messages.count
        let report = try server.result("workspace/diagnostic", ["previousResultIds": []])
        #expect(report["items"]?.arrayValue?.count == 3)
        for uri in [aURI, bURI, workspace.uri("inventory.icp.json")] {
            #expect(try server.waitForDiagnostics(uri, from: start).diagnostics.isEmpty)
        }
        let b = try #require(Self.item(report, bURI))
        #expect(b["kind"] == "full")
        #expect(b["version"] == .null)
        #expect(b["resultId"]?.stringValue != nil)
        #expect(Fixtures.codes(b["items"]?.arrayValue ?? []) == ["ICP201", "ICP406"])

        // Now the filings change through the inventory, and nothing is pushed for them any more.
        start = server.messages.count
        let inventoryURI = workspace.uri("inventory.icp.json")
        let inventory = MarkedText(Fixtures.inventory)
        server.notify("textDocument/didOpen", .didOpen(inventoryURI, version: 1, text: inventory.text))
        let at = inventory.position("used")
        server.notify("textDocument/didChange", .didChange(inventoryURI, version: 2, [.change(["start": at, "end": at], #", "used": true"#)]))
        try server.waitForMessage("workspace/diagnostic/refresh", from: start)
        let after = try server.result("workspace/diagnostic", ["previousResultIds": Self.previousResultIDs(report)])
        #expect(Fixtures.codes(Self.item(after, aURI)?["items"]?.arrayValue ?? []) == ["ICP201"])
        #expect(server.messages[start...].allSatisfy { $0["method"] != "textDocument/publishDiagnostics" })
        #expect(try server.shutDown() == 0)
    }

    @Test("workspace/diagnostic: unchanged reports by result id, held until something changes, then refresh")
    func workspacePull() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: Self.pullCapabilities)
        let aURI = workspace.uri("filings/a.icp.json"), inventoryURI = workspace.uri("inventory.icp.json")
        let inventory = MarkedText(Fixtures.inventory)
        server.notify("textDocument/didOpen", .didOpen(inventoryURI, version: 4, text: inventory.text))
        let first = try server.result("workspace/diagnostic", ["previousResultIds": []])
        #expect(Self.item(first, inventoryURI)?["version"] == 4)

        // With every result id current, the pull is held: answered when the inventory's edit changes filing a.
        let held = server.request("workspace/diagnostic", ["previousResultIds": Self.previousResultIDs(first)])
        #expect(try server.call("textDocument/diagnostic", .document(aURI))["result"]?["kind"] == "full")
        #expect(server.messages.allSatisfy { $0["id"] != held.jsonValue || $0["method"] != nil })
        let start = server.messages.count
        let at = inventory.position("used")
        server.notify("textDocument/didChange", .didChange(inventoryURI, version: 5, [.change(["start": at, "end": at], #", "used": true"#)]))
        let answer = try server.response(to: held)
        let items = answer["result"]?["items"]
        let a = try #require(Self.item(answer["result"]!, aURI))
        #expect(a["kind"] == "full")
        #expect(Fixtures.codes(a["items"]?.arrayValue ?? []) == ["ICP201"])
        #expect(Self.item(answer["result"]!, inventoryURI)?["version"] == 5)
        #expect(items?.arrayValue?.count == 3)

        // Filing a's results changed, and it is not the document that was edited: refresh.
        let refresh = try server.waitForMessage("workspace/diagnostic/refresh", from: start).message
        #expect(refresh["id"] != nil)
        server.send(["jsonrpc": "2.0", "id": refresh["id"]!, "result": .null])

        // Only the edited document's results change: no refresh. A round trip first, so that
        // whatever the server still had to say about the last change is in before counting.
        _ = try server.result("textDocument/diagnostic", .document(aURI))
        let quiet = server.messages.count
        // (Before `used`, the edit would move the place filing a and b's ICP201 relate to, and change their reports.)
        let last = inventory.position("n-3")
        server.notify("textDocument/didChange", .didChange(inventoryURI, version: 6, [.change(["start": last, "end": last], #", "extra": 1"#)]))
        let own = try server.result("textDocument/diagnostic", .document(inventoryURI))
        #expect(Fixtures.codes(own["items"]?.arrayValue ?? []) == ["ICP004"])
        try ServerErrorTests.expectAnswered(server)
        #expect(server.messages[quiet...].allSatisfy { $0["method"] != "workspace/diagnostic/refresh" })
        #expect(try server.shutDown() == 0)
    }

    @Test("no refresh for a client that does not allow it; a removed document is reported empty")
    func withoutRefreshSupport() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: [
            "textDocument": ["diagnostic": [:]], "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": false]],
        ])
        let first = try server.result("workspace/diagnostic", ["previousResultIds": []])
        try FileManager.default.removeItem(at: workspace.url("filings/a.icp.json"))
        server.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(workspace.uri("filings/a.icp.json")), "type": 3]]])
        let second = try server.result("workspace/diagnostic", ["previousResultIds": Self.previousResultIDs(first)])
        let a = try #require(Self.item(second, workspace.uri("filings/a.icp.json")))
        #expect(a["kind"] == "full")
        #expect(a["items"] == [])
        // Filing b's number is no longer used twice.
        #expect(Fixtures.codes(Self.item(second, workspace.uri("filings/b.icp.json"))?["items"]?.arrayValue ?? []) == ["ICP406"])
        #expect(server.messages.allSatisfy { $0["method"] != "workspace/diagnostic/refresh" })
        #expect(try server.shutDown() == 0)
    }
}
