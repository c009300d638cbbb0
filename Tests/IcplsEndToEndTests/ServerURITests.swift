import Foundation
import Testing
import IcplsJSONRPC

@Suite("Language server: document URIs")
struct ServerURITests {
    /// A folder whose name needs percent-encoding, holding the shared fixtures.
    static func encodedWorkspace() throws -> (workspace: TestWorkspace, folder: String) {
        let workspace = try TestWorkspace([
            "报备 files/inventory.icp.json": MarkedText(Fixtures.inventory).text,
            "报备 files/b.icp.json": MarkedText(Fixtures.filingB).text,
            "报备 files/.icpls.json": Fixtures.settings,
        ])
        return (workspace, "报备 files")
    }

    @Test("paths with spaces and CJK are published percent-encoded; the client's own spelling of a URI is the same document")
    func percentEncoding() throws {
        let (workspace, folder) = try Self.encodedWorkspace()
        defer { workspace.remove() }
        let rootURI = "file://" + workspace.root.path + "/%E6%8A%A5%E5%A4%87%20files/"
        let server = try ServerProcess()
        defer { server.stop() }
        let answer = try server.call("initialize", ["processId": .null, "capabilities": [:], "workspaceFolders": [["uri": .string(rootURI), "name": "filings"]]])
        #expect(answer["result"] != nil)
        server.notify("initialized", [:])
        let bURI = "file://" + workspace.root.path + "/%E6%8A%A5%E5%A4%87%20files/b.icp.json"
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI).diagnostics) == ["ICP406"])
        #expect(FileManager.default.fileExists(atPath: workspace.url(folder + "/b.icp.json").path))

        // Opened under another spelling (lower-case escapes, a localhost authority): still one document, no ICP104.
        let spelled = "file://localhost" + workspace.root.path + "/%e6%8a%a5%e5%a4%87%20files/b.icp.json"
        let start = server.messages.count
        let text = MarkedText(Fixtures.filingB).text.replacingOccurrences(of: "\"n-3\"", with: "\"n-2\"")
        server.notify("textDocument/didOpen", .didOpen(spelled, version: 1, text: text))
        let opened = try server.waitForDiagnostics(spelled, version: 1, from: start).diagnostics
        #expect(opened.isEmpty, "\(Fixtures.codes(opened))")
        let pulled = try server.result("textDocument/diagnostic", .document(bURI))
        #expect(pulled["items"] == [])
        #expect(try server.shutDown() == 0)
    }
}
