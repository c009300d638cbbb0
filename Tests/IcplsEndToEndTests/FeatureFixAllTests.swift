import Foundation
import Testing
import IcplsJSONRPC

/// `source.fixAll.icpls`, and how workspace edits are shaped for the client (SPEC §4, §7).
@Suite("Editor features: fix all and workspace edits")
struct FeatureFixAllTests {
    static let draft = FeatureFixtures.draft

    /// Every `"serviceNumber": "…"` value of a text.
    static func serviceNumbers(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #""serviceNumber"\s*:\s*"([^"]*)""#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("fix all is one edit; applied, no preferred fix is left and no number backs two websites")
    func fixAll() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let before = try session.open(Self.draft)
        let actions = try session.codeActions(Self.draft, "reused", only: ["source.fixAll"])
        #expect(actions.count == 1)
        let fixAll = try #require(actions.first)
        #expect(fixAll["kind"] == "source.fixAll.icpls")
        #expect(fixAll["edit"]?["documentChanges"]?.arrayValue?.count == 1)
        let edits = session.edits(fixAll["edit"], for: Self.draft)
        #expect(edits.count == 1)

        let (text, after) = try session.change(Self.draft, edits: edits)
        #expect(after.withCode("ICP001").isEmpty)
        let stillPreferred = after.filter { diagnostic in
            diagnostic["data"]?["fixes"]?.arrayValue?.contains { $0["isPreferred"] == true } == true
        }
        #expect(stillPreferred.isEmpty, "preferred fixes left: \(stillPreferred)")
        // What needs a person remains: ICP302 (twice, i-spar became i-spare), the tie of ICP102, ICP402.
        #expect(Fixtures.codes(after) == ["ICP102", "ICP302", "ICP302", "ICP402"])
        #expect(before.count > after.count)

        // The two websites without a number and the reused one got three different numbers.
        let numbers = Self.serviceNumbers(in: text) + Self.serviceNumbers(in: session.document(FeatureFixtures.approved).text)
        #expect(Set(numbers).count == numbers.count, "a number backs two websites: \(numbers)")
        #expect(after.withCode("ICP201").isEmpty)
        // Comments and untouched lines stay byte for byte.
        let kept = [
            "// 草稿 🚧 备案：杭州示例科技有限公司 🏢", "/* 博客 🚀 */", "/* 淘宝 🛒 */", #"{ "domain": "pick.example.cn", "instance": "i-spare" },"#,
        ]
        for kept in kept {
            #expect(text.contains(kept))
        }
        #expect(text.contains(#"{ "domain": "tp.example.cn", /* 淘宝 🛒 */ "hosting": "trustpass" },"#))
        #expect(text.contains(#"{ "id": "F-3", "account": "acct-buy", "status": "submitted","#))

        // Asked again, nothing is left to do.
        #expect(try session.codeActions(Self.draft, range: session.wholeText(Self.draft), only: ["source.fixAll"]).isEmpty)
    }

    @Test("a document cut off at a new website's brace: fix all adds the number at the very end")
    func fixAllAtTheEndOfTheText() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let path = "filings/typing.icp.json"
        let diagnostics = try session.open(path, marked: #"{ "filings": [ { "id": "F-7", "account": "acct-buy", "websites": [ {‸(end)"#)
        #expect(diagnostics.withCode("ICP503").count == 1)
        let fixAll = try #require(session.codeActions(path, range: session.wholeText(path), only: ["source.fixAll"]).first)
        let at = session.position(path, "end")
        let edits = session.edits(fixAll["edit"], for: path)
        #expect(edits.map { $0["range"] } == [["start": at, "end": at]])
        let (text, after) = try session.change(path, edits: edits)
        #expect(text == #"{ "filings": [ { "id": "F-7", "account": "acct-buy", "websites": [ {"serviceNumber": "n-spare-1""#)
        #expect(after.withCode("ICP503").isEmpty)
        #expect(try session.server.result("workspace/symbol", ["query": "F-7"]).arrayValue?.count == 1)
    }

    @Test("`only` filters: quickfix gives no fix all, source.fixAll gives no quick fix")
    func onlyKinds() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let quickFixes = try session.codeActions(Self.draft, "reused", only: ["quickfix"])
        #expect(!quickFixes.isEmpty)
        #expect(quickFixes.allSatisfy { $0["kind"] == "quickfix" })
        let all = try session.codeActions(Self.draft, "reused")
        #expect(all.count == quickFixes.count + 1)
        #expect(all.last?["kind"] == "source.fixAll.icpls")
        #expect(try session.codeActions(Self.draft, "reused", only: ["source"]).map { $0["kind"] } == ["source.fixAll.icpls"])
    }

    @Test("edits carry `documentChanges` with the open version when the client takes them")
    func documentChangesWithVersions() throws {
        let session = try FeatureSession()
        defer { session.close() }
        // Not open yet: the file on disk, no version.
        var action = try session.codeActions(Self.draft, "reused").titled("Use unused number n-main-2 (on i-main)")
        #expect(action["edit"]?["changes"] == nil)
        #expect(action["edit"]?["documentChanges"]?[0]?["textDocument"] == ["uri": .string(session.uri(Self.draft)), "version": .null])
        try session.open(Self.draft)
        action = try session.codeActions(Self.draft, "reused").titled("Use unused number n-main-2 (on i-main)")
        #expect(action["edit"]?["documentChanges"]?[0]?["textDocument"]?["version"] == 1)
        let reused = session.document(Self.draft).byteRange("reused")
        try session.change(Self.draft, edits: [["range": session.range(Self.draft, "hk"), "newText": "\"n-hk\""]])
        let fixAll = try #require(session.codeActions(Self.draft, range: reused, only: ["source.fixAll"]).first)
        #expect(fixAll["edit"]?["documentChanges"]?[0]?["textDocument"]?["version"] == 2)
    }

    @Test("edits carry `changes` by URI when the client does not take `documentChanges`")
    func plainChanges() throws {
        let session = try FeatureSession(capabilities: FeatureSession.capabilities(documentChanges: false))
        defer { session.close() }
        try session.open(Self.draft)
        let action = try session.codeActions(Self.draft, "reused").titled("Use unused number n-main-2 (on i-main)")
        #expect(action["edit"]?["documentChanges"] == nil)
        #expect(action["edit"]?["changes"]?.objectValue?.keys == [session.uri(Self.draft)])
        #expect(session.edits(action["edit"], for: Self.draft) == [["range": session.range(Self.draft, "reused"), "newText": "\"n-main-2\""]])
        let fixAll = try #require(session.codeActions(Self.draft, "reused", only: ["source.fixAll"]).first)
        #expect(fixAll["edit"]?["changes"]?[session.uri(Self.draft)]?.arrayValue?.count == 1)
        let rename = try session.server.result("textDocument/rename", session.at(Self.draft, "i-main", [("newName", "i-primary")]))
        #expect(Set(rename["changes"]?.objectValue?.keys ?? []) == Set(FeatureFixtures.files.keys.map(session.uri)))
    }
}
