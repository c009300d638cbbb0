import Testing
@testable import IcplsDocument

@Suite struct LineIndexTests {
    static func index(_ text: String) -> (LineIndex, [UInt8]) {
        let bytes = Array(text.utf8)
        return (LineIndex(bytes), bytes)
    }

    /// The byte offset of the first occurrence of `needle` in `text`.
    static func offset(of needle: String, in text: String) -> Int {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<(start + pattern.count)]) == pattern { return start }
        fatalError("\(needle) is not in the text")
    }

    @Test func linesEndAtLineFeedCarriageReturnOrBoth() {
        let (index, _) = Self.index("a\nbb\r\nccc\rd\n")
        #expect(index.lineCount == 5)
        #expect(index.lineStarts == [0, 2, 6, 10, 12])
        #expect(index.lineContentEnds == [1, 4, 9, 11, 12])
        #expect((0..<5).map { index.contentRange(ofLine: $0).length } == [1, 2, 3, 1, 0])
    }

    @Test func aLineBreakBelongsToTheLineItEnds() {
        let (index, bytes) = Self.index("ab\r\ncd")
        #expect(index.line(containing: 2) == 0)
        #expect(index.line(containing: 3) == 0)
        #expect(index.line(containing: 4) == 1)
        #expect(index.position(of: 3, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 2))
    }

    @Test func columnsCountCodeUnitsOfTheNegotiatedEncoding() {
        let text = "{ \"name\": \"杭州😀\", \"id\": 1 }"
        let (index, bytes) = Self.index(text)
        let id = Self.offset(of: "\"id\"", in: text)
        // `{ "name": "` is 11, 杭州 two characters (6 bytes), 😀 one scalar (4 bytes, 2 UTF-16 units), `", ` 3.
        #expect(index.position(of: id, in: bytes, encoding: .utf8) == LinePosition(line: 0, character: 11 + 6 + 4 + 3))
        #expect(index.position(of: id, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 11 + 2 + 2 + 3))
        #expect(index.position(of: id, in: bytes, encoding: .utf32) == LinePosition(line: 0, character: 11 + 2 + 1 + 3))
        for encoding in PositionEncoding.allCases {
            let position = index.position(of: id, in: bytes, encoding: encoding)
            #expect(index.offset(of: position, in: bytes, encoding: encoding) == id)
        }
    }

    @Test(arguments: PositionEncoding.allCases)
    func everyCharacterBoundaryRoundTrips(encoding: PositionEncoding) {
        let text = "\u{FEFF}// 备案 🚀\r\n{ \"a\": \"é中😀\" }\r\r\n\n  \"x\""
        let (index, bytes) = Self.index(text)
        var boundaries = [Int]()
        var offset = 0
        for scalar in text.unicodeScalars {
            boundaries.append(offset)
            offset += String(scalar).utf8.count
        }
        boundaries.append(offset)
        for boundary in boundaries where boundary >= 3 && !(bytes.indices.contains(boundary) && boundary > 0 && bytes[boundary - 1] == 0x0D && bytes[boundary] == 0x0A) {
            let position = index.position(of: boundary, in: bytes, encoding: encoding)
            #expect(index.offset(of: position, in: bytes, encoding: encoding) == boundary, "offset \(boundary) → \(position)")
        }
    }

    @Test func aByteOrderMarkCountsForNoColumn() {
        let (index, bytes) = Self.index("\u{FEFF}{\"a\": 1}")
        #expect(index.position(of: 3, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 0))
        #expect(index.position(of: 0, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 0))
        #expect(index.position(of: 4, in: bytes, encoding: .utf8) == LinePosition(line: 0, character: 1))
        #expect(index.offset(of: LinePosition(line: 0, character: 0), in: bytes, encoding: .utf16) == 3)
        #expect(index.offset(of: LinePosition(line: 0, character: 1), in: bytes, encoding: .utf32) == 4)
    }

    @Test(arguments: PositionEncoding.allCases)
    func eachBadByteCountsOneColumn(encoding: PositionEncoding) {
        // "a", a cut-off 中 (E4 B8: two bad bytes), "b", a lone continuation byte, "c"; then 0xFF and "d".
        let bytes: [UInt8] = [0x61, 0xE4, 0xB8, 0x62, 0x80, 0x63, 0x0A, 0xFF, 0x64]
        let index = LineIndex(bytes)
        for (offset, column) in [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6)] {
            #expect(index.position(of: offset, in: bytes, encoding: encoding) == LinePosition(line: 0, character: column))
            #expect(index.offset(of: LinePosition(line: 0, character: column), in: bytes, encoding: encoding) == offset)
        }
        #expect(index.position(of: 8, in: bytes, encoding: encoding) == LinePosition(line: 1, character: 1))
        #expect(index.offset(of: LinePosition(line: 1, character: 1), in: bytes, encoding: encoding) == 8)
    }

    @Test func aUTF8ColumnInsideACharacterLandsAfterIt() {
        // "a中😀" then a bad byte: 中 is bytes 1–3, 😀 bytes 4–7, the bad byte 8.
        let bytes: [UInt8] = Array("a中😀".utf8) + [0xBF, 0x62]
        let index = LineIndex(bytes)
        let landings = (0...10).map { index.offset(of: LinePosition(line: 0, character: $0), in: bytes, encoding: .utf8) }
        #expect(landings == [0, 1, 4, 4, 4, 8, 8, 8, 8, 9, 10])
        // And an offset inside a character is the column of the character's start.
        let columns = (0...10).map { index.position(of: $0, in: bytes, encoding: .utf8).character }
        #expect(columns == [0, 1, 1, 1, 4, 4, 4, 4, 8, 9, 10])
    }

    /// After any edit, the index made from the one before equals one made from the new text.
    @Test func anIndexAfterAnEditEqualsOneMadeAfresh() {
        var state: UInt64 = 17
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        let pieces = ["a", "中", "\n", "\r", "\r\n", "\n\r", " ", "\u{FEFF}", "😀", "\r\r\n"]
        var text = Array("\u{FEFF}{\r\n  \"a\": 1,\n  \"b\": \"中\"\r}\n".utf8)
        var index = LineIndex(text)
        for step in 0..<3_000 {
            let start = random(text.count + 1)
            let end = min(text.count, start + random(6))
            let inserted = Array((0..<random(4)).map { _ in pieces[random(pieces.count)] }.joined().utf8)
            text.replaceSubrange(start..<end, with: inserted)
            index = index.applying(ByteRange(start: start, end: end), insertedCount: inserted.count, to: text)
            let fresh = LineIndex(text)
            #expect(index.lineStarts == fresh.lineStarts && index.lineContentEnds == fresh.lineContentEnds
                    && index.byteCount == fresh.byteCount, "step \(step)")
            if index.lineStarts != fresh.lineStarts { break }
            if text.count > 400 { text.removeSubrange(200...); index = LineIndex(text) }
        }
    }

    @Test func positionsPastTheEndAreClamped() {
        let (index, bytes) = Self.index("ab\ncd")
        #expect(index.offset(of: LinePosition(line: 0, character: 99), in: bytes, encoding: .utf16) == 2)
        #expect(index.offset(of: LinePosition(line: 0, character: 99), in: bytes, encoding: .utf8) == 2)
        #expect(index.offset(of: LinePosition(line: 7, character: 0), in: bytes, encoding: .utf16) == 5)
        #expect(index.offset(of: LinePosition(line: -1, character: -4), in: bytes, encoding: .utf16) == 0)
        #expect(index.offset(of: LinePosition(line: 1, character: -4), in: bytes, encoding: .utf32) == 3)
        #expect(index.position(of: 99, in: bytes, encoding: .utf16) == LinePosition(line: 1, character: 2))
        #expect(index.position(of: -5, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 0))
    }

    @Test func anOffsetInsideACharacterCountsTheWholeCharactersBeforeIt() {
        let (index, bytes) = Self.index("a😀b")
        #expect(index.position(of: 2, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 1))
        #expect(index.position(of: 5, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 3))
        // A UTF-16 column inside the surrogate pair lands after the pair.
        #expect(index.offset(of: LinePosition(line: 0, character: 2), in: bytes, encoding: .utf16) == 5)
    }

    @Test func anEmptyTextHasOneEmptyLine() {
        let (index, bytes) = Self.index("")
        #expect(index.lineCount == 1)
        #expect(index.position(of: 0, in: bytes, encoding: .utf16) == LinePosition(line: 0, character: 0))
        #expect(index.offset(of: LinePosition(line: 3, character: 3), in: bytes, encoding: .utf16) == 0)
    }

    @Test func aTextEndingWithALineBreakHasAnEmptyLastLine() {
        let (index, bytes) = Self.index("{}\r\n")
        #expect(index.lineCount == 2)
        #expect(index.position(of: 4, in: bytes, encoding: .utf16) == LinePosition(line: 1, character: 0))
        #expect(index.offset(of: LinePosition(line: 1, character: 0), in: bytes, encoding: .utf16) == 4)
    }

    /// Line breaks are found eight bytes at a time: every break, at every place in a word, next to
    /// bytes just above and below the ones sought (tabs, 0x0E, non-ASCII), must still be found.
    @Test func everyLineBreakIsFoundWhereverItFallsInAWord() {
        var state: UInt64 = 0x11E5
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x0E], [0x0C], [0x20], [0x41], [0xE4, 0xB8, 0xAD], [0x80]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            while bytes.count < 40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 33)
                bytes += pick % 3 == 0 ? pieces[pick % pieces.count] : [UInt8(0x61 + pick % 26)]
            }
            let index = LineIndex(bytes)
            var starts = [0], ends: [Int] = []
            var position = 0
            while position < bytes.count {
                if bytes[position] == 0x0A || bytes[position] == 0x0D {
                    ends.append(position)
                    if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
                    starts.append(position + 1)
                }
                position += 1
            }
            ends.append(bytes.count)
            #expect(index.lineStarts == starts, "\(bytes)")
            #expect(index.lineContentEnds == ends, "\(bytes)")
        }
    }
}
