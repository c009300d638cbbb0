import Foundation
import Testing
import IcplsJSONRPC

/// A closed document counts as it is on disk, read when it is closed.
@Suite("Language server: closing documents")
struct ServerCloseTests {
    @Test("a document saved and then closed is judged on what was saved, without a watched-file notice")
    func savedThenClosed() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let bURI = workspace.uri("filings/b.icp.json")
        try server.waitForDiagnostics(bURI)
        let edited = MarkedText(Fixtures.filingB).text.replacingOccurrences(of: "\"b.example.cn\"", with: "\"b.example.cn\", \"colour\": 1")
        server.notify("textDocument/didOpen", .didOpen(bURI, version: 1, text: MarkedText(Fixtures.filingB).text))
        server.notify("textDocument/didChange", .didChange(bURI, version: 2, [["text": .string(edited)]]))
        #expect(try Fixtures.codes(server.waitForDiagnostics(bURI, version: 2).diagnostics).contains("ICP004"))
        // What reaches the disk differs from the last buffer (saved, then changed by another tool).
        try workspace.write("filings/b.icp.json", edited.replacingOccurrences(of: "colour", with: "hue"))
        server.notify("textDocument/didSave", .document(bURI))
        let start = server.messages.count
        server.notify("textDocument/didClose", .document(bURI))
        // The buffer is gone; the file on disk is what counts now.
        let closed = try server.waitForDiagnostics(bURI, from: start)
        #expect(closed.diagnostics.contains { $0["code"] == "ICP004" && ($0["message"]?.stringValue ?? "").contains("hue") })
        #expect(try server.shutDown() == 0)
    }
}
