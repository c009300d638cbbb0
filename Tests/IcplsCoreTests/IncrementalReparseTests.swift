import Testing
import IcplsDocument
@testable import IcplsCore

/// An edit inside one website re-parses only that element and re-reads only its filing, and
/// gives the tree, model and diagnostics of a full parse and read: checked over many random edits, as the server applies them
/// (each edit starting from the tree the previous one left).
@Suite struct IncrementalReparseTests {
    @Test func randomEditsInsideWebsitesReparseOnlyTheirElementAndMatchAFullParse() throws {
        var random = TestRandom(seed: 7)
        var text = Array(Self.workspaceText(websites: 60).utf8)
        var tree = JSONCParser.parse(text)
        var reading: (model: DocumentModel, findings: [StructuralFinding])? = DocumentReader.read(tree)
        #expect(tree.errors.isEmpty)
        var incremental = 0
        var reread = 0
        var undo: (replacement: TextReplacement, bytes: [UInt8])?
        for step in 0..<600 {
            let replacement: TextReplacement
            let inserted: [UInt8]
            if let pending = undo {
                // Put back what a breaking edit changed, as someone fixing a typo does.
                (replacement, inserted) = pending
                undo = nil
            } else {
                guard let edit = Self.randomEdit(in: tree, text: text, &random) else { continue }
                (replacement, inserted) = edit
            }
            let removed = Array(text[replacement.replaced.start..<replacement.replaced.end])
            text.replaceSubrange(replacement.replaced.start..<replacement.replaced.end, with: inserted)
            let full = JSONCParser.parse(text)
            let reparsed = text.withUnsafeBufferPointer { Self.reparse(tree, after: replacement, newText: $0) }
            if let reparsed {
                incremental += 1
                // The first difference ends the test: printing two whole trees at every later step helps nobody.
                let sameTree = reparsed.tree == full
                try #require(sameTree, "step \(step): the tree differs from a full parse after replacing \(replacement.replaced) with \(inserted.count) bytes")
                let website = Self.websiteRange(in: full, around: replacement.replaced.start)
                #expect(website.map { $0.start <= reparsed.reparsed.start && reparsed.reparsed.end <= $0.end } == true,
                        "step \(step): parsed \(reparsed.reparsed) outside the website \(String(describing: website))")
                #expect(reparsed.reparsed.length * 20 < text.count, "step \(step): only a small part is parsed")
                if var previous = reading.take(),
                   DocumentReader.reread(&previous, tree: reparsed.tree, reparsed: reparsed.reparsed, delta: replacement.delta) {
                    reading = previous
                }
                if let reading {
                    reread += 1
                    let full = DocumentReader.read(full)
                    let sameModel = reading.model == full.0
                    try #require(sameModel, "step \(step): the model differs from a full read")
                    #expect(Self.sorted(reading.findings) == Self.sorted(full.1), "step \(step): findings differ from a full read")
                }
            } else {
                reading = nil
            }
            if step % 50 == 0 {
                let fromTree = AnalyzedDocument(
                    key: DocumentKey("/ws/a.icp.json"), order: Self.order, text: text, tree: reparsed?.tree ?? full, reading: reading
                )
                let fromText = AnalyzedDocument(key: DocumentKey("/ws/a.icp.json"), order: Self.order, text: text)
                let asOf = CalendarDate(year: 2026, month: 11, day: 23)!
                #expect(Checker.check([fromTree], today: asOf).allDiagnostics == Checker.check([fromText], today: asOf).allDiagnostics)
            }
            if !full.errors.isEmpty {
                undo = (TextReplacement(replaced: ByteRange(start: replacement.replaced.start, end: replacement.replaced.start + inserted.count),
                                        insertedCount: removed.count), removed)
            }
            tree = reparsed?.tree ?? full
            if reparsed == nil { reading = DocumentReader.read(tree) }
        }
        #expect(incremental > 300, "most edits stay inside their website: \(incremental) of 600")
        #expect(reread > 300, "most of those read again only their filing: \(reread)")
    }

    @Test func editsOutsideAnyArrayElementOrAfterErrorsParseTheWholeText() {
        let text = Array(#"{ "accounts": [ { "id": "a" } ], "x": 1 }"#.utf8)
        let tree = JSONCParser.parse(text)
        let outside = TextReplacement(replaced: ByteRange(start: 37, end: 38), insertedCount: 1)
        #expect(text.withUnsafeBufferPointer { Self.reparse(tree, after: outside, newText: $0) } == nil)
        let onBrace = TextReplacement(replaced: ByteRange(start: 16, end: 17), insertedCount: 1)
        #expect(text.withUnsafeBufferPointer { Self.reparse(tree, after: onBrace, newText: $0) } == nil)

        let broken = Array(#"{ "accounts": [ { "id": "a" } ], "x": }"#.utf8)
        let inside = TextReplacement(replaced: ByteRange(start: 25, end: 26), insertedCount: 1)
        #expect(broken.withUnsafeBufferPointer { Self.reparse(JSONCParser.parse(broken), after: inside, newText: $0) } == nil)
    }

    @Test func anEditThatClosesTheElementEarlyParsesTheWholeText() {
        let before = Array(#"{ "accounts": [ { "id": "a" }, { "id": "b" } ] }"#.utf8)
        var after = before
        after.replaceSubrange(24..<24, with: Array("} ".utf8))
        let replacement = TextReplacement(replaced: ByteRange(start: 24, end: 24), insertedCount: 2)
        #expect(after.withUnsafeBufferPointer { Self.reparse(JSONCParser.parse(before), after: replacement, newText: $0) } == nil)
    }

    /// The tree after an edit made incrementally, and the range parsed again; nil when the
    /// parser declines. The tree before stays as it was.
    static func reparse(
        _ old: JSONSyntaxTree, after replacement: TextReplacement, newText: UnsafeBufferPointer<UInt8>
    ) -> (tree: JSONSyntaxTree, reparsed: ByteRange)? {
        var tree = old
        return JSONCParser.reparse(&tree, after: replacement, newText: newText).map { (tree, $0) }
    }

    static func sorted(_ findings: [StructuralFinding]) -> [String] {
        findings.map { "\($0.range) \($0.rule) \($0.message) \(String(describing: $0.repair))" }.sorted()
    }

    // MARK: - Edits

    static let order = DocumentOrder(rootIndex: 0, relativePath: "a.icp.json")

    /// Typing in a value of a website most of the time; otherwise any bytes anywhere inside it.
    static func randomEdit(in tree: JSONSyntaxTree, text: [UInt8], _ random: inout TestRandom) -> (TextReplacement, [UInt8])? {
        let websites = tree.root?.object?.member("filings")?.value.array?.flatMap { $0.object?.member("websites")?.value.array ?? [] } ?? []
        guard !websites.isEmpty else { return nil }
        let website = websites[Int(random.next() % UInt64(websites.count))]
        let snippets = ["a", "7", "-", "中", "😀", " ", "\r\n", "\"", "\",", "}", "{", "[", "//", "/*", "*/", "\\", ",", #""extra": 1,"#, "é"]
        let strings = website.object?.members.compactMap { $0.value.string != nil ? $0.value.range : nil } ?? []
        if random.next() % 10 < 7, !strings.isEmpty {
            let value = strings[Int(random.next() % UInt64(strings.count))]
            let place = value.start + 1 + Int(random.next() % UInt64(value.length - 1))
            if random.next() % 3 == 0 && place < value.end - 1 {
                return (TextReplacement(replaced: ByteRange(start: place, end: place + 1), insertedCount: 0), [])
            }
            let letter = Array(["x", "9", "中", "ü"][Int(random.next() % 4)].utf8)
            return (TextReplacement(replaced: .empty(at: place), insertedCount: letter.count), letter)
        }
        let start = website.range.start + 1 + Int(random.next() % UInt64(website.range.length - 2))
        let removed = min(Int(random.next() % 4), website.range.end - 1 - start)
        let inserted = random.next() % 4 == 0 ? [] : Array(snippets[Int(random.next() % UInt64(snippets.count))].utf8)
        return (TextReplacement(replaced: ByteRange(start: start, end: start + removed), insertedCount: inserted.count), inserted)
    }

    static func websiteRange(in tree: JSONSyntaxTree, around offset: Int) -> ByteRange? {
        let filings = tree.root?.object?.member("filings")?.value.array ?? []
        for filing in filings {
            for website in filing.object?.member("websites")?.value.array ?? [] where website.range.contains(offset) {
                return website.range
            }
        }
        return nil
    }

    /// An inventory and filings with comments, CJK text, `\r\n` line ends and a few problems.
    static func workspaceText(websites: Int) -> String {
        var lines = ["// inventory and filings", "{", #"  "accounts": [ { "id": "acct-buy", "name": "杭州示例科技有限公司" } ],"#, #"  "instances": ["#]
        for number in 0..<websites {
            lines.append(#"    { "id": "i-\#(number)", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2027-06-30", "subscriptionMonths": 12, "publicBandwidthMbps": 5, "status": "running" }\#(number + 1 < websites ? "," : "")"#)
        }
        lines.append("  ],")
        lines.append(#"  "serviceNumbers": ["#)
        for number in 0..<websites {
            lines.append(#"    { "number": "32a43232-a888-88e8-b9ec-\#(String(1_000_000_000_000 + number))", "instance": "i-\#(number)", "appliedBy": "acct-buy" }\#(number + 1 < websites ? "," : "")"#)
        }
        lines.append("  ],")
        lines.append(#"  "filings": [ /* drafts */"#)
        for filing in 0..<(websites / 3) {
            lines.append(#"    { "id": "F-\#(filing)", "account": "acct-buy", "websites": ["#)
            for site in 0..<3 {
                let number = filing * 3 + site
                // Every tenth number is used twice or misspelt, so that rules fire.
                let used = number % 10 == 9 ? number - 1 : number
                let written = number % 10 == 4 ? "32a43232-a888-88e8-b9ec-\(1_000_000_000_000 + used)x" : "32a43232-a888-88e8-b9ec-\(1_000_000_000_000 + used)"
                lines.append(#"      { "domain": "站点\#(number).example.cn", /* 网站 */ "serviceNumber": "\#(written)" }\#(site < 2 ? "," : "") // \#(number)"#)
            }
            lines.append("    ]}\(filing + 1 < websites / 3 ? "," : "")")
        }
        lines.append("  ]")
        lines.append("}")
        return lines.enumerated().map { $0.offset % 7 == 0 ? $0.element + "\r" : $0.element }.joined(separator: "\n") + "\n"
    }
}
