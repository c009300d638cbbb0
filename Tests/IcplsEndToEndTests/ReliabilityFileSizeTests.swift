#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import IcplsDocument
import IcplsJSONRPC

/// §2: a file over 32 MiB is not parsed: one ICP001, an empty range at its start, says so.
/// The rest of the workspace is checked as if its declarations were not there, and
/// nothing stops answering.
@Suite("Reliability: files over the size limit")
struct ReliabilityFileSizeTests {
    /// Valid JSONC declaring `account`, padded with a long name to `size` bytes: were it
    /// parsed it would have no diagnostic and would declare the account.
    static func declaring(_ account: String, size: Int, escapedForJSON: Bool = false) -> [UInt8] {
        var head = Array(#"{ "accounts": [ { "id": "\#(account)", "name": ""#.utf8), tail = Array("\" } ] }\n".utf8)
        let padding = size - head.count - tail.count
        if escapedForJSON {
            func escaped(_ bytes: [UInt8]) -> [UInt8] {
                bytes.flatMap { $0 == UInt8(ascii: "\"") ? Array(#"\""#.utf8) : $0 == 0x0A ? Array(#"\n"#.utf8) : [$0] }
            }
            (head, tail) = (escaped(head), escaped(tail))
        }
        return head + [UInt8](repeating: UInt8(ascii: "x"), count: padding) + tail
    }

    static let filing = #"{ "filings": [ { "id": "F-1", "account": "acct-big", "websites": [ { "domain": "a.example.cn", "instance": "i-x" } ] } ] }"#

    /// A file of `size` bytes that takes no room on disk: the server or CLI must not read it all.
    static func makeSparse(_ path: String, size: Int) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(size)) == 0)
    }

    @Test("a workspace file one byte over the limit: one ICP001 at its start, its declarations unseen; shrunk, it is read; grown, skipped again")
    func workspaceFileOverTheLimit() throws {
        let workspace = try TestWorkspace([".icpls.json": #"{ "asOf": "2026-11-23" }"#, "filing.icp.json": Self.filing])
        defer { workspace.remove() }
        try workspace.write("big.icp.json", bytes: Self.declaring("acct-big", size: JSONCParser.sizeLimit + 1))
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let bigURI = workspace.uri("big.icp.json"), filingURI = workspace.uri("filing.icp.json")

        let big = try server.waitForDiagnostics(bigURI, timeout: 60).diagnostics
        #expect(big.count == 1)
        #expect(big.first?["code"] == "ICP001")
        #expect(big.first?["severity"] == 1)
        #expect(big.first?["range"] == ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]])
        #expect(big.first?["message"]?.stringValue?.contains("32 MiB") == true)
        let filing = try server.waitForDiagnostics(filingURI).diagnostics
        #expect(Fixtures.codes(filing) == ["ICP101", "ICP102"], "acct-big is declared only in the file that is not read")

        // It keeps answering, about that file and the others.
        let symbols = try server.call("textDocument/documentSymbol", .document(bigURI))
        #expect(symbols["result"] == [])
        let hover = try server.call("textDocument/hover", .document(filingURI, [("position", ["line": 0, "character": 45])]))
        #expect(hover["error"] == nil)
        let pulled = try server.result("textDocument/diagnostic", .document(bigURI))
        #expect(Fixtures.codes(pulled["items"]?.arrayValue ?? []) == ["ICP001"])

        // Cut down to the limit exactly, it is read: no diagnostic, and acct-big is declared.
        var start = server.messages.count
        try workspace.write("big.icp.json", bytes: Self.declaring("acct-big", size: JSONCParser.sizeLimit))
        server.notify("workspace/didChangeWatchedFiles", ServerWorkspaceTests.watched(bigURI, 2))
        #expect(try server.waitForDiagnostics(bigURI, from: start, timeout: 60).diagnostics.isEmpty)
        #expect(try Fixtures.codes(server.waitForDiagnostics(filingURI, from: start).diagnostics) == ["ICP102"])

        // One byte more, and it is skipped again.
        start = server.messages.count
        try workspace.write("big.icp.json", bytes: Self.declaring("acct-big", size: JSONCParser.sizeLimit + 1))
        server.notify("workspace/didChangeWatchedFiles", ServerWorkspaceTests.watched(bigURI, 2))
        #expect(try Fixtures.codes(server.waitForDiagnostics(bigURI, from: start, timeout: 60).diagnostics) == ["ICP001"])
        #expect(try Fixtures.codes(server.waitForDiagnostics(filingURI, from: start).diagnostics) == ["ICP101", "ICP102"])
        #expect(try server.shutDown() == 0)
    }

    @Test("a 4 GiB workspace file is read only up to the limit: ICP001, and memory stays far below its size")
    func hugeWorkspaceFile() throws {
        let workspace = try TestWorkspace(["filing.icp.json": Self.filing])
        defer { workspace.remove() }
        try Self.makeSparse(workspace.url("huge.icp.json").path, size: 4 << 30)
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let before = try #require(server.memory())
        let start = server.messages.count
        server.notify("workspace/didChangeWorkspaceFolders", [
            "event": ["added": [["uri": .string(ServerProcess.uri(workspace.root)), "name": "ws"]], "removed": []],
        ])
        let huge = try server.waitForDiagnostics(workspace.uri("huge.icp.json"), from: start, timeout: 60).diagnostics
        #expect(Fixtures.codes(huge) == ["ICP001"])
        #expect(huge.first?["range"]?["end"] == ["line": 0, "character": 0])
        #expect(try Fixtures.codes(server.waitForDiagnostics(workspace.uri("filing.icp.json"), from: start).diagnostics) == ["ICP101", "ICP102"])
        let answer = try server.call("textDocument/hover", .document(workspace.uri("filing.icp.json"), [("position", ["line": 0, "character": 45])]))
        #expect(answer["error"] == nil)
        // The limit and one byte are read, and kept as the file's text; a few copies of that
        // at most, far from the 4 GiB that reading it all would take.
        let after = try #require(server.memory())
        if !ReliabilityManyDocumentsTests.isSanitized {
            #expect(after.peak - before.resident < 4 * (JSONCParser.sizeLimit >> 10), "peak \(after.peak) KiB, \(before.resident) KiB before")
        }
        #expect(try server.shutDown() == 0)
    }

    @Test("an open document over the limit: ICP001 for its version; cut down, it is checked again")
    func openDocumentOverTheLimit() throws {
        let workspace = try TestWorkspace(["filing.icp.json": Self.filing])
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let uri = workspace.uri("open.icp.json"), filingURI = workspace.uri("filing.icp.json")
        try server.waitForDiagnostics(filingURI)
        // Framed by hand: encoding 32 MiB as a JSON value takes long.
        let escaped = Self.declaring("acct-big", size: JSONCParser.sizeLimit + 1, escapedForJSON: true)
        let body = Array(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"icp-filing","version":1,"text":""#.utf8)
            + escaped + Array(#""}}}"#.utf8)
        var start = server.messages.count
        server.sendRaw(ServerProcess.frame(body))
        #expect(try Fixtures.codes(server.waitForDiagnostics(uri, version: 1, from: start, timeout: 60).diagnostics) == ["ICP001"])
        start = server.messages.count
        server.notify("textDocument/didChange", .didChange(uri, version: 2, [["text": #"{ "accounts": [ { "id": "acct-big" } ] }"#]]))
        #expect(try server.waitForDiagnostics(uri, version: 2, from: start, timeout: 60).diagnostics.isEmpty)
        #expect(try Fixtures.codes(server.waitForDiagnostics(filingURI, from: start).diagnostics) == ["ICP102"])
        #expect(try server.shutDown() == 0)
    }

    @Test("icpls check: files over the limit get one ICP001 at 1:1 and are left alone by --fix; a file at the limit is read")
    func commandLine() throws {
        try TemporaryFolder.with { folder in
            try folder.write("filing.icp.json", Self.filing + "\n")
            try folder.write("more.icp.json", #"{ "filings": [ { "id": "F-2", "account": "acct-exact", "status": "approved" } ] }"# + "\n")
            try folder.write("typo.icp.json", #"{ "accounts": [ { "id": "acct-typo", "nmae": "x" } ] }"# + "\n")
            let bigBytes = Self.declaring("acct-big", size: JSONCParser.sizeLimit + 1)
            try folder.writeBytes("big.icp.json", bigBytes)
            try folder.writeBytes("exact.icp.json", Self.declaring("acct-exact", size: JSONCParser.sizeLimit))
            try Self.makeSparse(folder.url("huge.icp.json").path, size: 4 << 30)

            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(result.status == 1)
            #expect(result.standardError == "")
            let json = try result.json()
            // acct-exact is declared in the file at the limit (more.icp.json is fine); acct-big only in the one over it.
            #expect(json.checkKeys == [
                "big.icp.json:1:1 ICP001", "filing.icp.json:1:42 ICP101", "filing.icp.json:1:108 ICP102", "huge.icp.json:1:1 ICP001",
                "typo.icp.json:1:38 ICP004",
            ])
            let big = try #require(json["diagnostics"]?.arrayValue?.first)
            #expect(big["endLine"] == 1 && big["endColumn"] == 1)
            #expect(big["message"]?.stringValue?.contains("32 MiB") == true)
            #expect(json["summary"]?["files"] == 6)

            // The misspelt member is fixed; the files over the limit are not touched.
            let fixed = try CLI.run(["check", "--fix", "--format", "json"], in: folder.url)
            #expect(fixed.status == 1)
            #expect(try folder.read("typo.icp.json") == #"{ "accounts": [ { "id": "acct-typo", "name": "x" } ] }"# + "\n")
            #expect(try fixed.json().checkKeys == [
                "big.icp.json:1:1 ICP001", "filing.icp.json:1:42 ICP101", "filing.icp.json:1:108 ICP102", "huge.icp.json:1:1 ICP001",
            ])
            #expect(try folder.readBytes("big.icp.json") == bigBytes)
            let huge = try FileManager.default.attributesOfItem(atPath: folder.url("huge.icp.json").path)
            #expect((huge[.size] as? NSNumber)?.intValue == 4 << 30)
        }
    }
}
