import IcplsDocument

/// A plain, index-free reading of a text into lines and characters, written apart
/// from `LineIndex` to check it: characters are decoded with the standard library's
/// UTF-8 parser, and every byte it rejects is one character of its own.
struct ReferenceText {
    struct Character {
        var start: Int
        var length: Int
        /// UTF-16 code units: 2 for a character outside the Basic Multilingual Plane.
        var utf16: Int { length == 4 ? 2 : 1 }

        func units(_ encoding: PositionEncoding) -> Int {
            switch encoding {
            case .utf8: return length
            case .utf16: return utf16
            case .utf32: return 1
            }
        }
    }

    struct Line {
        var start: Int
        var contentEnd: Int
        var characters: [Character] = []
    }

    let count: Int
    private(set) var lines: [Line] = []

    init(_ bytes: [UInt8]) {
        count = bytes.count
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var index = bytes.starts(with: byteOrderMark) ? 3 : 0
        var line = Line(start: index, contentEnd: index)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                line.contentEnd = index
                lines.append(line)
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                line = Line(start: index, contentEnd: index)
                continue
            }
            let length = Self.scalarLength(bytes, at: index) ?? 1
            line.characters.append(Character(start: index, length: length))
            index += length
        }
        line.contentEnd = bytes.count
        lines.append(line)
    }

    private static func scalarLength(_ bytes: [UInt8], at index: Int) -> Int? {
        var iterator = bytes[index..<min(bytes.count, index + 4)].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        if case .valid(let encoded) = parser.parseScalar(from: &iterator) {
            return encoded.count
        }
        return nil
    }

    /// The position of the boundary before character `characterIndex` of `line`
    /// (the line's end when it is past the last character), and that boundary's offset.
    func boundary(line: Int, character characterIndex: Int, encoding: PositionEncoding) -> (LinePosition, Int) {
        let characters = lines[line].characters
        let before = characters.prefix(characterIndex)
        let column = before.reduce(0) { $0 + $1.units(encoding) }
        let offset = characterIndex < characters.count ? characters[characterIndex].start : lines[line].contentEnd
        return (LinePosition(line: line, character: column), offset)
    }

    /// A boundary between characters (or at a line's end) chosen at random.
    func randomBoundary(_ random: inout FuzzRandom, encoding: PositionEncoding) -> (LinePosition, Int) {
        let line = random.below(lines.count)
        let characters = lines[line].characters.count
        let index = random.chance(25) ? characters : random.below(characters + 1)
        return boundary(line: line, character: index, encoding: encoding)
    }

    /// Where a position lands, by the rules of the protocol as icpls reads them: a
    /// line past the end gives the end of the text, a column past the line's end the
    /// line's end; a UTF-16 column inside a surrogate pair lands after the pair, and a
    /// UTF-8 column inside a character after the character.
    func offset(of position: LinePosition, encoding: PositionEncoding) -> Int {
        if position.line < 0 { return lines[0].start }
        guard position.line < lines.count else { return count }
        let line = lines[position.line]
        if encoding == .utf8 {
            let offset = min(line.start + max(0, position.character), line.contentEnd)
            let inside = line.characters.first { $0.start < offset && offset < $0.start + $0.length }
            return inside.map { $0.start + $0.length } ?? offset
        }
        var column = 0
        for character in line.characters {
            if column >= position.character { return character.start }
            column += character.units(encoding)
        }
        return line.contentEnd
    }

    /// How many columns line `line` has in `encoding`.
    func width(ofLine line: Int, encoding: PositionEncoding) -> Int {
        lines[line].characters.reduce(0) { $0 + $1.units(encoding) }
    }
}
