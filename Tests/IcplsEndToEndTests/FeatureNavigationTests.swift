import Testing
import IcplsJSONRPC

/// Definition, references, highlights and rename across documents (SPEC §7).
@Suite("Editor features: navigation and rename")
struct FeatureNavigationTests {
    static let inventory = FeatureFixtures.inventory, approved = FeatureFixtures.approved, draft = FeatureFixtures.draft

    static func location(_ session: FeatureSession, _ path: String, _ range: String) -> JSONValue {
        ["uri": .string(session.uri(path)), "range": session.range(path, range)]
    }

    /// Every place `i-main` is written, in workspace order (by path).
    static func mainOccurrences(_ session: FeatureSession, declaration: Bool) -> [JSONValue] {
        [location(session, Self.approved, "i-main"), location(session, Self.draft, "i-main")]
            + (declaration ? [location(session, Self.inventory, "i-main")] : [])
            + ["i-main-ref", "i-main-ref-2", "i-main-ref-3"].map { location(session, Self.inventory, $0) }
    }

    @Test("definition goes from a reference to the declaration in another document")
    func definition() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let number = try session.server.result("textDocument/definition", session.at(Self.draft, "reused"))
        #expect(number == Self.location(session, Self.inventory, "n-main-1"))
        let instance = try session.server.result("textDocument/definition", session.at(Self.draft, "i-main"))
        #expect(instance == Self.location(session, Self.inventory, "i-main"))
        let account = try session.server.result("textDocument/definition", session.at(Self.draft, "ops"))
        #expect(account["uri"]?.stringValue == session.uri(Self.inventory))
        // Undeclared, and not a symbol at all: nothing.
        #expect(try session.server.result("textDocument/definition", session.at(Self.draft, "tp-domain")) == .null)
    }

    @Test("references across documents, with and without the declaration")
    func references() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let with = try session.server.result("textDocument/references", session.at(Self.draft, "i-main", [("context", ["includeDeclaration": true])]))
        #expect(with.arrayValue == Self.mainOccurrences(session, declaration: true))
        let without = try session.server.result(
            "textDocument/references", session.at(Self.inventory, "i-main", [("context", ["includeDeclaration": false])])
        )
        #expect(without.arrayValue == Self.mainOccurrences(session, declaration: false))
        let number = try session.server.result("textDocument/references", session.at(Self.draft, "reused", [("context", ["includeDeclaration": false])]))
        #expect(number.arrayValue == [Self.location(session, Self.approved, "n-main-1"), Self.location(session, Self.draft, "reused")])
    }

    @Test("document highlights: the declaration is a write, references are reads, in each document")
    func highlights() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let inInventory = try session.server.result("textDocument/documentHighlight", session.at(Self.inventory, "i-main"))
        #expect(inInventory.arrayValue == [
            ["range": session.range(Self.inventory, "i-main"), "kind": 3],
            ["range": session.range(Self.inventory, "i-main-ref"), "kind": 2],
            ["range": session.range(Self.inventory, "i-main-ref-2"), "kind": 2],
            ["range": session.range(Self.inventory, "i-main-ref-3"), "kind": 2],
        ])
        let inDraft = try session.server.result("textDocument/documentHighlight", session.at(Self.draft, "i-main"))
        #expect(inDraft.arrayValue == [["range": session.range(Self.draft, "i-main"), "kind": 2]])
        #expect(try session.server.result("textDocument/documentHighlight", session.at(Self.draft, "tp-domain")).arrayValue == [])
    }

    @Test("prepareRename: the id between its quotes; null on a domain or a key")
    func prepareRename() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let prepared = try session.server.result("textDocument/prepareRename", session.at(Self.draft, "i-main"))
        #expect(prepared["placeholder"] == "i-main")
        let token = session.document(Self.draft).byteRange("i-main")
        let inside = LSPText.range(.init(start: token.start + 1, end: token.end - 1), in: session.document(Self.draft).bytes, session.encoding)
        #expect(prepared["range"] == inside)
        #expect(try session.server.result("textDocument/prepareRename", session.at(Self.draft, "tp-domain")) == .null)
        #expect(try session.server.result("textDocument/prepareRename", session.at(Self.draft, "tp-key")) == .null)
    }

    @Test("rename of an instance id edits every document, open or not, and leaves no reference dangling")
    func rename() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let before = try session.open(Self.draft)
        let edit = try session.server.result("textDocument/rename", session.at(Self.draft, "i-main", [("newName", "i-primary")]))
        let changes = try #require(edit["documentChanges"]?.arrayValue)
        let versions = Dictionary(uniqueKeysWithValues: changes.map { ($0["textDocument"]?["uri"]?.stringValue ?? "", $0["textDocument"]?["version"]) })
        #expect(versions == [session.uri(Self.inventory): .null, session.uri(Self.approved): .null, session.uri(Self.draft): 1])
        #expect(session.edits(edit, for: Self.inventory).count == 4)
        for path in [Self.inventory, Self.approved, Self.draft] {
            let renamed = session.applying(edit, to: path)
            #expect(!renamed.contains("\"i-main\""), "\(path) still names i-main")
            #expect(renamed.contains("\"i-primary\""))
        }
        // The open document takes its edit; the others are written as the editor would save them.
        try session.workspace.write(Self.inventory, session.applying(edit, to: Self.inventory))
        try session.workspace.write(Self.approved, session.applying(edit, to: Self.approved))
        session.server.notify("workspace/didChangeWatchedFiles", ["changes": [
            ["uri": .string(session.uri(Self.inventory)), "type": 2], ["uri": .string(session.uri(Self.approved)), "type": 2],
        ]])
        let (_, diagnostics) = try session.change(Self.draft, edits: session.edits(edit, for: Self.draft))
        #expect(diagnostics.map { $0["message"] } == before.map { $0["message"] })
    }

    @Test("a document outside the workspace folders takes part: definition from it, rename into it")
    func untitledDocument() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let untitled = MarkedDocument(#"""
            { "filings": [ { "id": "F-9", "account": "acct-buy", "websites": [
              { "domain": "x.example.cn", "instance": ⟦(ref)"i-‸(ref)spare"⟧ }
            ] } ] }
            """#)
        let uri = "untitled:Untitled-1"
        let start = session.server.messages.count
        session.server.notify("textDocument/didOpen", .didOpen(uri, version: 3, text: untitled.text))
        try session.server.waitForDiagnostics(uri, version: 3, from: start)
        let at: JSONValue = .document(uri, [("position", untitled.position("ref", session.encoding))])
        #expect(try session.server.result("textDocument/definition", at) == Self.location(session, Self.inventory, "i-spare"))
        let edit = try session.server.result("textDocument/rename", .document(uri, [
            ("position", untitled.position("ref", session.encoding)), ("newName", "i-reserve"),
        ]))
        let changes = edit["documentChanges"]?.arrayValue ?? []
        let intoUntitled = try #require(changes.first { $0["textDocument"]?["uri"]?.stringValue == uri })
        #expect(intoUntitled["textDocument"]?["version"] == 3)
        #expect(intoUntitled["edits"] == [["range": untitled.range("ref", session.encoding), "newText": "\"i-reserve\""]])
        #expect(changes.contains { $0["textDocument"]?["uri"]?.stringValue == session.uri(Self.inventory) })
    }

    @Test("rename to an id that is already declared is refused with an error")
    func renameRefused() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let answer = try session.server.call("textDocument/rename", session.at(Self.inventory, "i-main", [("newName", "i-spare")]))
        #expect(answer["result"] == nil)
        #expect(answer["error"]?["code"] == -32803)
        #expect(answer["error"]?["message"]?.stringValue?.contains("i-spare") == true)
        let notAnID = try session.server.call("textDocument/rename", session.at(Self.draft, "tp-domain", [("newName", "x.example.cn")]))
        #expect(notAnID["error"] != nil)
    }
}
