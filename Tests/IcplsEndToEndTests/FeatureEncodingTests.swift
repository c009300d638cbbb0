import Testing
import IcplsDocument
import IcplsJSONRPC

/// Feature positions follow the negotiated encoding on a line with Chinese and emoji before the target (SPEC §7).
@Suite("Editor features: position encodings")
struct FeatureEncodingTests {
    static let draft = FeatureFixtures.draft, inventory = FeatureFixtures.inventory

    @Test("the fixture's target columns differ between encodings, and agree with Swift's own counts")
    func columnsDiffer() {
        let document = MarkedDocument(FeatureFixtures.draftText)
        let columns = PositionEncoding.allCases.map { document.position("reused", $0)["character"]?.int64Value }
        #expect(Set(columns).count == 3)
        let bytes = document.bytes[..<document.offset("reused")]
        let linePrefix = String(decoding: bytes[((bytes.lastIndex(of: 0x0A) ?? -1) + 1)...], as: UTF8.self)
        #expect(columns == [linePrefix.utf8.count, linePrefix.utf16.count, linePrefix.unicodeScalars.count].map { Int64($0) })
    }

    @Test("CRLF line ends and a byte-order mark: positions and inserted text stay right")
    func crlfAndByteOrderMark() throws {
        var files = FeatureFixtures.files
        files[Self.inventory] = "\u{FEFF}" + FeatureFixtures.inventoryText.replacingOccurrences(
            of: "{\n  // 库存 🚀 杭州\n  \"accounts\": [\n",
            with: "{ \"accounts\": [ { \"id\": ⟦(bom-account)\"acct-bom\"⟧ },\n  // 库存 🚀 杭州\n"
        )
        let session = try FeatureSession(files.mapValues { $0.replacingOccurrences(of: "\n", with: "\r\n") })
        defer { session.close() }
        try session.open(Self.draft)
        let definition = try session.server.result("textDocument/definition", session.at(Self.draft, "reused"))
        #expect(definition["range"] == session.range(Self.inventory, "n-main-1"))
        let hover = try session.server.result("textDocument/hover", session.at(Self.inventory, "bom-account"))
        #expect(hover["range"] == session.range(Self.inventory, "bom-account"))
        // The byte-order mark counts for no column.
        #expect(hover["range"]?["start"]?["character"] == 24)

        let ignore = try session.codeActions(Self.draft, "reused").titled("Ignore ICP201 on this line")
        let (text, diagnostics) = try session.change(Self.draft, edits: session.edits(ignore["edit"], for: Self.draft))
        #expect(text.contains(#""n-main-1" }, // icp-ignore ICP201"# + "\r\n"))
        #expect(diagnostics.withCode("ICP201").isEmpty)
        let fixAll = try #require(session.codeActions(Self.draft, range: session.wholeText(Self.draft), only: ["source.fixAll"]).first)
        let (fixed, after) = try session.change(Self.draft, edits: session.edits(fixAll["edit"], for: Self.draft))
        #expect(!fixed.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(after.withCode("ICP001").isEmpty)
    }

    @Test("hover, quick fix, completion, definition, highlight and rename in the negotiated encoding", arguments: PositionEncoding.allCases)
    func featuresInEncoding(encoding: PositionEncoding) throws {
        let session = try FeatureSession(encoding: encoding)
        defer { session.close() }
        #expect(session.initializeResult["capabilities"]?["positionEncoding"] == .string(encoding.rawValue))
        try session.open(Self.draft)
        let reused = session.range(Self.draft, "reused")

        let hover = try session.server.result("textDocument/hover", session.at(Self.draft, "reused"))
        #expect(hover["range"] == reused)

        let fix = try session.codeActions(Self.draft, "reused").titled("Use unused number n-main-2 (on i-main)")
        #expect(fix["diagnostics"]?[0]?["range"] == reused)
        let (text, diagnostics) = try session.change(Self.draft, edits: session.edits(fix["edit"], for: Self.draft))
        #expect(text.contains(#"/* 博客 🚀 */ { "domain": "博客.example.cn", "serviceNumber": "n-main-2" },"#))
        #expect(diagnostics.withCode("ICP201").isEmpty)

        // The text changed; the marked inventory did not: completion and navigation there.
        let completion = try session.server.result("textDocument/completion", session.at(Self.inventory, "region"))
        #expect(completion["items"]?[0]?["textEdit"]?["range"] == session.range(Self.inventory, "region"))
        let definition = try session.server.result("textDocument/definition", session.at(Self.inventory, "acct-buy"))
        #expect(definition["range"] == session.range(Self.inventory, "acct-buy"))
        let highlights = try session.server.result("textDocument/documentHighlight", session.at(Self.inventory, "i-main"))
        #expect(highlights[0]?["range"] == session.range(Self.inventory, "i-main"))

        // After the emoji of the tp line: the ICP501 removal lands where the client expects it.
        let removal = try session.codeActions(Self.draft, on: #""instance": "i-main""#).titled("Remove \"instance\"")
        let (removed, after) = try session.change(Self.draft, edits: session.edits(removal["edit"], for: Self.draft))
        #expect(removed.contains(#"{ "domain": "tp.example.cn", /* 淘宝 🛒 */ "hosting": "trustpass" },"#))
        #expect(after.withCode("ICP501").isEmpty)
        #expect(after.withCode("ICP001").isEmpty)
    }
}
