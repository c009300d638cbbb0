import Testing
@testable import IcplsDocument

/// A text parsed on two cores gives the tree, errors, comments and unclosed strings of a
/// parse on one, whatever it holds: every text here is parsed both ways and compared.
@Suite struct SideBySideParseTests {
    @Test func aLargeCleanDocumentIsSplitAndEqualsAOneThreadParse() throws {
        let text = Self.document(entries: 400)
        let boundary = try #require(text.withUnsafeBufferPointer { ElementBoundary.near($0.count / 2, in: $0) })
        #expect(text[boundary] == UInt8(ascii: "{"), "the split lands on an element")
        let read = text.withUnsafeBufferPointer { SideBySideParse.elements(of: $0, from: boundary) }
        #expect(read != nil, "the other thread reads the rest cleanly")
        expectSameTree(text)
    }

    @Test func theDefaultParseOfALargeTextEqualsTheOneCoreParseWhetherOrNotItJoins() {
        // Past `sideBySideMinimum`, with no waiting: the parse joins the other thread's part or,
        // when that thread has not started in time, goes on alone; the tree is the same.
        let text = Self.document(entries: 3_000)
        #expect(text.count >= JSONCParser.sideBySideMinimum)
        for _ in 0..<3 {
            let same = JSONCParser.parse(text) == text.withUnsafeBufferPointer { JSONCParser.parse($0, sideBySideFrom: .max) }
            #expect(same)
        }
    }

    /// The lines are indexed by the thread that parses from the start: at the join when there is
    /// one, else at the end. Either way they are the text's lines, and the tree is the same.
    @Test(arguments: [true, false])
    func linesAreIndexedWhetherTheParseJoinsOrNot(waiting: Bool) {
        let texts = [
            Self.document(entries: 3_000), Array("{\n  \"a\": [1,\r\n 2]\r}".utf8), Array("[1, \"x\n".utf8), Array(repeating: UInt8(ascii: "\n"), count: 2_000),
        ]
        for text in texts {
            let (tree, lines) = text.withUnsafeBufferPointer {
                JSONCParser.parseIndexingLines($0, sideBySideFrom: 1_024, waitingForTheOtherCore: waiting)
            }
            #expect(tree == text.withUnsafeBufferPointer { JSONCParser.parse($0, sideBySideFrom: .max) })
            #expect(lines == LineIndex(text))
        }
        let text = Self.document(entries: 3_000)
        nonisolated(unsafe) var calls = 0
        _ = text.withUnsafeBufferPointer { SideBySideParse.parse($0, waitingForTheOtherCore: waiting) { calls += 1 } }
        #expect(calls == 1, "the work done before waiting is done once, joined or not")
    }

    @Test func aTextLaidOutInLinesIsSplitByIndentationWithoutAScan() throws {
        let text = Self.document(entries: 3_000)
        try text.withUnsafeBufferPointer { bytes in
            for offset in stride(from: bytes.count / 10, to: bytes.count * 9 / 10, by: bytes.count / 7) {
                let guess = try #require(ElementBoundary.byIndentation(offset, in: bytes))
                #expect(guess >= offset && bytes[guess] == UInt8(ascii: "{"))
                #expect(SideBySideParse.elements(of: bytes, from: guess) != nil, "the other thread reads from there to the end")
            }
            let minified = text.map { $0 == 0x0A ? UInt8(ascii: " ") : $0 }
            minified.withUnsafeBufferPointer { minified in
                #expect(ElementBoundary.byIndentation(minified.count / 2, in: minified) == nil)
                let scanned = ElementBoundary.near(minified.count / 2, in: minified)
                #expect(scanned.map { $0 >= minified.count / 2 && minified[$0] == UInt8(ascii: "{") } == true, "scanned instead")
            }
        }
    }

    /// Lines that look like elements but are not (in a comment, or a deeper value laid out as
    /// shallow as the elements): the two parts do not join there, and the tree is the same.
    @Test func aLineThatOnlyLooksLikeAnElementGivesTheSameTree() {
        var text = Self.document(entries: 400)
        let middle = SideBySideParse.splitOffset(ofTextOf: text.count)
        let lineBreak = text[middle...].firstIndex(of: 0x0A)!
        text.insert(contentsOf: Array("/*,\n    { \"not\": [ ] },\n*/".utf8), at: lineBreak)
        expectSameTree(text)
        // An element whose first line, long enough to hold the split, ends in an array laid out as shallow.
        var shallow = Self.document(entries: 400)
        let elementLine = shallow[..<middle].lastIndex(of: 0x0A)! + 1 + 4
        let deep = "{ \"deep\": [ \"\(String(repeating: "x", count: 2_000))\",\n    { \"a\": 1 } ] }, "
        shallow.insert(contentsOf: Array(deep.utf8), at: elementLine)
        let guess = shallow.withUnsafeBufferPointer { ElementBoundary.byIndentation(SideBySideParse.splitOffset(ofTextOf: $0.count), in: $0) }
        #expect(guess.map { shallow[$0...].starts(with: Array("{ \"a\"".utf8)) } == true, "the guess is the deeper element")
        expectSameTree(shallow)
    }

    @Test func commentsBOMAndTrailingCommasAreKeptInOrder() {
        var text = Array("\u{FEFF}// head\n".utf8) + Self.document(entries: 200)
        let middle = SideBySideParse.splitOffset(ofTextOf: text.count)
        let comma = text[middle...].firstIndex(of: UInt8(ascii: ","))!
        text.insert(contentsOf: Array(" /* mid */ // line\n".utf8), at: comma + 1)
        let close = text.lastIndex(of: UInt8(ascii: "]"))!
        text.insert(contentsOf: Array(", /* last */".utf8), at: close)
        expectSameTree(text)
    }

    @Test func badUTF8InAStringPastTheMiddleDecodesAsOnOneThread() throws {
        // A cut-off character in a string decodes byte by byte when the text has bad bytes
        // (two U+FFFD here): the other thread's strings would decode it as one.
        var text = Self.document(entries: 200)
        let name = Array("\"SN-150\"".utf8)
        let at = try #require(text.indices.first { text[$0...].starts(with: name) })
        text.replaceSubrange((at + 1)..<(at + 5), with: [0xE4, 0xB8, 0x78, 0x79])
        #expect(at > SideBySideParse.splitOffset(ofTextOf: text.count))
        expectSameTree(text)
        let tree = text.withUnsafeBufferPointer { JSONCParser.parse($0, sideBySideFrom: 0) }
        #expect(tree.errors.contains { $0.kind == .invalidUTF8 })
    }

    @Test func brokenTextsAnywhereGiveTheOneThreadTree() {
        var state: UInt64 = 0xB0B
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let base = Self.document(entries: 60)
        let snippets = ["\"", "/*", "*/", "//", "{", "}", "[", "]", ",", ":", "\"x\":", "\\", "\n", "\u{FFFD}", "tru", "01", "\"a\\", "\u{1}"]
        for _ in 0..<400 {
            var text = base
            for _ in 0..<(1 + next(3)) {
                let place = next(text.count)
                if next(3) == 0 {
                    text.removeSubrange(place..<min(text.count, place + 1 + next(8)))
                } else {
                    text.insert(contentsOf: Array(snippets[next(snippets.count)].utf8), at: place)
                }
            }
            if next(10) == 0 { text.insert(0xFF, at: next(text.count)) }
            expectSameTree(text)
        }
    }

    private func expectSameTree(_ text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let (oneThread, twoThreads) = text.withUnsafeBufferPointer {
            (JSONCParser.parse($0, sideBySideFrom: .max), JSONCParser.parse($0, sideBySideFrom: 0, waitingForTheOtherCore: true))
        }
        // Compared apart from the expectation, so that a failure names the text, not two whole trees.
        let same = oneThread == twoThreads
        #expect(same, "the trees differ for: \(String(decoding: text.prefix(4_000), as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// A top-level object with several member arrays of objects, nested values among them.
    static func document(entries: Int) -> [UInt8] {
        var text = "{\n  \"accounts\": [ { \"id\": \"a\", \"name\": \"杭州\" } ],\n  \"serviceNumbers\": [\n"
        for entry in 0..<entries {
            text += "    { \"number\": \"SN-\(entry)\", \"instance\": \"i-\(entry % 7)\", \"used\": \(entry % 5 == 0), \"n\": [1, -2.5e3, null] }"
            text += entry + 1 < entries ? ",\n" : "\n"
        }
        text += "  ],\n  \"filings\": [\n"
        for entry in 0..<(entries / 4) {
            text += "    { \"id\": \"F-\(entry)\", \"websites\": [ { \"domain\": \"s\(entry).example.cn\" } ] }"
            text += entry + 1 < entries / 4 ? ",\n" : "\n"
        }
        return Array((text + "  ],\n  \"extra\": { \"k\": \"v\" }\n}\n").utf8)
    }
}
