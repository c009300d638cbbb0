import Foundation
import Testing
import IcplsJSONRPC

/// Bursts of edits: only current versions are published, and a burst is validated far fewer times than it has edits.
@Suite("Language server: bursts of edits")
struct ServerCoalescingTests {
    /// A draft that selects `i-main`; odd versions have an `x` typed after it (ICP102), even versions do not.
    static let toggled = MarkedText("""
    { "filings": [ { "id": "F-9", "account": "acct-a", "websites": [
      { "domain": "z.example.cn", "instance": "i-main«x»" }
    ] } ] }
    """)

    /// The framed didChange of one character that makes `version` from the version before it.
    static func toggle(_ uri: String, to version: Int64) -> [UInt8] {
        OutgoingMessage.notification(method: "textDocument/didChange", params: toggleParams(uri, to: version))
    }

    static func toggleParams(_ uri: String, to version: Int64) -> JSONValue {
        let at = toggled.position("x")
        if version % 2 == 1 {
            return .didChange(uri, version: version, [.change(["start": at, "end": at], "x")])
        }
        let end: JSONValue = ["line": at["line"]!, "character": .integer(at["character"]!.int64Value! + 1)]
        return .didChange(uri, version: version, [.change(["start": at, "end": end], "")])
    }

    static func validationCount(_ stderr: String) -> Int {
        stderr.split(separator: "\n").compactMap { line in
            line.range(of: "validation ").flatMap { Int(line[$0.upperBound...]) }
        }.max() ?? 0
    }

    @Test("2,000 single-character edits sent without waiting: the last version is published, few validations ran, none stale")
    func twoThousandEdits() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess(environment: ["ICPLS_LOG": "debug"])
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let uri = workspace.uri("burst.icp.json")
        server.notify("textDocument/didOpen", .didOpen(uri, version: 0, text: Self.toggled.text))
        #expect(try server.waitForDiagnostics(uri, version: 0).diagnostics.isEmpty)
        try server.waitForStderr(containing: "validation ")
        let validationsBefore = Self.validationCount(server.stderr)
        let publishedBefore = server.published(uri).count

        let edits: Int64 = 2_000
        for version in 1...edits {
            server.sendRaw(Self.toggle(uri, to: version))
        }
        let last = try server.waitForDiagnostics(uri, version: edits)
        #expect(last.diagnostics.isEmpty)
        // Nothing further is published for it once the final version is out.
        try ServerErrorTests.expectAnswered(server)

        let published = server.published(uri).dropFirst(publishedBefore)
        let versions = published.compactMap { $0["version"]?.int64Value }
        #expect(versions.count == published.count, "every push of an open document carries its version")
        #expect(versions.last == edits)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count, "versions only go up: \(versions)")
        for push in published {
            let version = push["version"]?.int64Value ?? -1
            let codes = Fixtures.codes(push["diagnostics"]?.arrayValue ?? [])
            #expect(codes == (version % 2 == 1 ? ["ICP102"] : []), "version \(version) was published with \(codes)")
        }
        let validations = Self.validationCount(server.stderr) - validationsBefore
        #expect(validations >= 1)
        #expect(validations < 200, "\(validations) validations for \(edits) edits")
        #expect(versions.count < 200, "\(versions.count) publications for \(edits) edits")
        #expect(try server.shutDown() == 0)
    }

    @Test("edits arriving while validations run: every push carries a version that was current, and the last is the final one")
    func staleResultsNeverPublished() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root])
        let uri = workspace.uri("burst.icp.json")
        server.notify("textDocument/didOpen", .didOpen(uri, version: 0, text: Self.toggled.text))
        try server.waitForDiagnostics(uri, version: 0)
        let publishedBefore = server.published(uri).count
        let edits: Int64 = 300
        for version in 1...edits {
            server.sendRaw(Self.toggle(uri, to: version))
            // Now and then a pause until an odd version is out, so that validations both finish between
            // edits and are overtaken by them.
            if version % 50 == 25 { try server.waitForDiagnostics(uri, version: version) }
            if version % 3 == 0 { usleep(300) }
        }
        try server.waitForDiagnostics(uri, version: edits)
        try ServerErrorTests.expectAnswered(server)
        let published = server.published(uri).dropFirst(publishedBefore)
        let versions = published.compactMap { $0["version"]?.int64Value }
        #expect(versions.count == published.count)
        #expect(versions.last == edits)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count, "versions only go up: \(versions)")
        #expect(versions.contains { $0 % 2 == 1 }, "some odd versions were published too: \(versions)")
        for push in published {
            let version = push["version"]?.int64Value ?? -1
            let codes = Fixtures.codes(push["diagnostics"]?.arrayValue ?? [])
            #expect(codes == (version % 2 == 1 ? ["ICP102"] : []), "version \(version) was published with \(codes)")
        }
        #expect(try server.shutDown() == 0)
    }

    @Test("a request after each change is answered for that change's version (pull)")
    func pullAfterEachChange() throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ServerPullDiagnosticsTests.pullCapabilities)
        let uri = workspace.uri("burst.icp.json")
        server.notify("textDocument/didOpen", .didOpen(uri, version: 0, text: Self.toggled.text))
        var bytes: [UInt8] = []
        var requests: [(Int64, RequestID)] = []
        for version in Int64(1)...100 {
            bytes += Self.toggle(uri, to: version)
            let (id, request) = server.requestBytes("textDocument/diagnostic", .document(uri))
            bytes += request
            requests.append((version, id))
        }
        server.sendRaw(bytes)
        for (version, id) in requests {
            let items = try server.response(to: id)["result"]?["items"]?.arrayValue ?? []
            #expect(Fixtures.codes(items) == (version % 2 == 1 ? ["ICP102"] : []), "version \(version)")
        }
        #expect(try server.shutDown() == 0)
    }

    @Test("several changes in one didChange apply in order")
    func changesInOrder() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize()
        let uri = "file:///nowhere/order.icp.json"
        server.notify("textDocument/didOpen", .didOpen(uri, version: 1, text: ""))
        let origin: JSONValue = ["line": 0, "character": 0]
        server.notify("textDocument/didChange", .didChange(uri, version: 2, [
            ["text": "{ \"accounts\": [] }"],
            .change(["start": ["line": 0, "character": 15], "end": ["line": 0, "character": 15]], "{ \"id\": 1 }"),
            .change(["start": origin, "end": origin], "// first line\n"),
            .change(["start": ["line": 1, "character": 23], "end": ["line": 1, "character": 24]], "true"),
        ]))
        let diagnostics = try server.waitForDiagnostics(uri, version: 2).diagnostics
        #expect(Fixtures.codes(diagnostics) == ["ICP003"])
        #expect(diagnostics.first?["range"] == ["start": ["line": 1, "character": 23], "end": ["line": 1, "character": 27]])
        #expect(try server.shutDown() == 0)
    }
}
