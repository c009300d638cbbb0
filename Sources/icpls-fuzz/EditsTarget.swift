import IcplsCore
import IcplsDocument

/// The input as an open document under a series of incremental changes, applied the
/// way the language server applies them (positions turned into offsets through the
/// document's `LineIndex`, then `replaceSubrange`) and, beside that, to a plain byte
/// array through `ReferenceText`. After every change both texts must be the same bytes.
/// The changes follow from the input's hash, so the input alone replays them.
struct EditsTarget: FuzzTarget {
    /// Documents are cut to this length before editing, and kept under about twice it.
    static let maximumLength = 8 << 10
    static let changesPerInput = 48

    static let insertions: [String] = [
        "", "", "a", "\"", "{", "}", "[", "]", ",", ":", " ", "\n", "\r\n", "\r", "\r\n\r\n", "//", "/*", "*/",
        "杭州", "示例科技有限公司", "😀", "👨‍👩‍👧", "𠀋", "é", "e\u{301}", "\u{FEFF}", "\t\"id\": \"i-bp1shop01\",\n",
        "{ \"domain\": \"www.hz-example.cn\", \"serviceNumber\": \"e17a4c90-3b58-4d2f-b6e1-8c4a5f0d9723\" }",
        "\"account\": \"acct-hz\"\r\n", "// icp-ignore ICP201\n",
    ]

    var tokens: [[UInt8]] {
        FuzzTokens.bytes(FuzzTokens.syntax + Companion.names)
    }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.checking { features throws(InvariantFailure) in
            var random = FuzzRandom(hashing: input)
            let encoding = random.pick(PositionEncoding.allCases)
            // The server's document, as `ServerWorkspace.changeDocument` keeps it.
            var text = Array(input.prefix(Self.maximumLength))
            var lineIndex = LineIndex(text)
            var incremental = IncrementalAnalysis()
            incremental.remember(Self.analyze(text))
            // The plain copy.
            var plain = text
            for step in 0..<Self.changesPerInput {
                let reference = ReferenceText(plain)
                let newText = random.chance(3) ? String(decoding: plain.shuffledLines(&random), as: UTF8.self) : Self.newText(&random)
                if random.chance(2) {
                    // A change without a range replaces the whole text.
                    text = Array(newText.utf8)
                    plain = text
                    lineIndex = LineIndex(text)
                    incremental.forget()
                    features.insert("full")
                } else {
                    var (start, startOffset) = Self.position(in: reference, encoding: encoding, &random, &features)
                    var (end, endOffset) = random.chance(30)
                        ? (start, startOffset)
                        : Self.position(in: reference, encoding: encoding, &random, &features)
                    if plain.count > 2 * Self.maximumLength {
                        // Keep the document from growing without end: delete from the first line to the last.
                        (start, startOffset) = (LinePosition(line: 0, character: 0), reference.lines[0].start)
                        (end, endOffset) = (LinePosition(line: reference.lines.count, character: 0), plain.count)
                    }
                    let serverStart = lineIndex.offset(of: start, in: text, encoding: encoding)
                    let serverEnd = lineIndex.offset(of: end, in: text, encoding: encoding)
                    try expect(serverStart == startOffset, "change \(step): \(encoding) \(start) is offset \(serverStart), expected \(startOffset)")
                    try expect(serverEnd == endOffset, "change \(step): \(encoding) \(end) is offset \(serverEnd), expected \(endOffset)")
                    let replaced = ByteRange(start: min(serverStart, serverEnd), end: max(serverStart, serverEnd))
                    text.replaceSubrange(replaced.start..<replaced.end, with: Array(newText.utf8))
                    lineIndex = lineIndex.applying(replaced, insertedCount: newText.utf8.count, to: text)
                    let fresh = LineIndex(text)
                    try expect(lineIndex.lineStarts == fresh.lineStarts && lineIndex.lineContentEnds == fresh.lineContentEnds,
                               "change \(step): the line index kept through the edit differs from one made afresh")
                    incremental.apply(TextReplacement(replaced: replaced, insertedCount: newText.utf8.count), newText: text)
                    if incremental.tree != nil { features.insert("reparsed") }
                    if incremental.reading != nil { features.insert("reread") }
                    plain = Array(plain[..<min(startOffset, endOffset)]) + Array(newText.utf8) + Array(plain[max(startOffset, endOffset)...])
                }
                try expect(text == plain, "change \(step): the texts differ")
                try Self.checkIncremental(incremental, text: text, step: step)
                if incremental.tree == nil || incremental.reading == nil { incremental.remember(Self.analyze(text)) }
                if step % 16 == 15 {
                    try DocumentInvariants.checkLineIndex(lineIndex, text: text, random: &random)
                }
            }
            try checkDocument(text, &features)
        }
    }

    private static func analyze(_ text: [UInt8]) -> AnalyzedDocument {
        AnalyzedDocument(key: DocumentKey("/fuzz/edited.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "edited.icp.json"), text: text)
    }

    /// What the server keeps through edits must be what a full parse and read of the text gives.
    private static func checkIncremental(
        _ incremental: IncrementalAnalysis, text: [UInt8], step: Int
    ) throws(InvariantFailure) {
        guard let tree = incremental.tree else { return }
        let full = JSONCParser.parse(text)
        try expect(tree == full, "change \(step): the re-parsed tree differs from a full parse")
        guard let reading = incremental.reading else { return }
        let fullReading = DocumentReader.read(full)
        try expect(reading.model == fullReading.0, "change \(step): the model read again differs from a full read")
        let sorted = { (findings: [StructuralFinding]) in findings.map { "\($0.range) \($0.rule) \($0.message)" }.sorted() }
        try expect(sorted(reading.findings) == sorted(fullReading.1), "change \(step): the findings read again differ from a full read")
    }

    /// The edited text read and checked like any document.
    private func checkDocument(_ text: [UInt8], _ features: inout Set<String>) throws(InvariantFailure) {
        let key = DocumentKey("/fuzz/edited.icp.json")
        let document = AnalyzedDocument(key: key, order: DocumentOrder(rootIndex: 0, relativePath: "edited.icp.json"), text: text)
        try DocumentInvariants.checkTree(document.tree, count: text.count)
        let result = Checker.check([document], settings: Settings(asOf: JSONCTarget.asOf), today: JSONCTarget.asOf)
        try DocumentInvariants.checkDiagnostics(result, texts: [key: text])
        features.formUnion(result.diagnostics(for: key).map { "rule:\($0.rule)" })
    }

    private static func newText(_ random: inout FuzzRandom) -> String {
        var text = ""
        for _ in 0..<(random.chance(70) ? 1 : random.within(2...6)) {
            text += random.pick(insertions)
        }
        return text
    }

    /// A position and the offset it must land on: mostly between two characters or at
    /// a line's end, as an editor sends them; sometimes past a line's end, past the
    /// last line, inside a UTF-16 surrogate pair or inside a UTF-8 sequence.
    private static func position(
        in reference: ReferenceText, encoding: PositionEncoding, _ random: inout FuzzRandom, _ features: inout Set<String>
    ) -> (LinePosition, Int) {
        if random.chance(80) {
            return reference.randomBoundary(&random, encoding: encoding)
        }
        let line = random.chance(85) ? random.below(reference.lines.count) : reference.lines.count + random.below(3)
        let width = line < reference.lines.count ? reference.width(ofLine: line, encoding: encoding) : 0
        let character = random.chance(10) ? Int(Int32.max) : random.below(width + 4)
        features.insert(line >= reference.lines.count ? "past the last line" : character > width ? "past the line end" : "inside a line")
        let position = LinePosition(line: line, character: character)
        return (position, reference.offset(of: position, encoding: encoding))
    }
}

extension [UInt8] {
    /// The same lines in another order: a paste of the whole document rearranged.
    fileprivate func shuffledLines(_ random: inout FuzzRandom) -> [UInt8] {
        var lines = split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for index in lines.indices.reversed() where index > 0 {
            lines.swapAt(index, random.below(index + 1))
        }
        return Array(lines.joined(separator: [0x0A]))
    }
}
