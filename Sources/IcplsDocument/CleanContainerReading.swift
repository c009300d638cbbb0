/// Reads a container straight from its bytes, without tokens, when nothing in it needs the
/// token parser: no syntax error, no comment, no string that is unclosed, holds a control
/// character or an escape that is not valid. Almost every element of a large document is
/// like that, and reading it this way skips making a token for every bracket, colon and
/// comma and the parser's step per token (together most of a parse).
///
/// Anything else and the read gives up, having changed nothing but the table of recent short
/// strings, and the token parser reads
/// the container from its start: the tree is the same either way, which the tests and the
/// `jsonc` fuzz target check by parsing both ways. The containers inside one given up on are
/// not tried again, so a broken container costs at most one read more.
extension Parser {
    /// Containers this deep or deeper are tried: the top-level object is 1 and its members'
    /// arrays 2, so in a document of the format each element of those arrays is tried on its
    /// own. Shallower ones would be given up on for an error anywhere in a whole array, and
    /// cost the token parser little themselves.
    static let cleanReadingDepth = 3

    /// Whether the container the parser stands at, `depth` deep, is worth reading directly.
    func triesCleanReading(depth: Int) -> Bool {
        readsCleanContainers && depth >= Self.cleanReadingDepth && cleanReadingPaused == 0 && !hasBadBytes
            // The token parser forgets at a comma what an unterminated string swallowed (`advance`);
            // reading without tokens would not.
            && swallowedClosers.isEmpty
    }

    /// The container at `current` (its opening bracket, `depth` deep), read from its bytes;
    /// the parser then stands after it, as if it had read its tokens. Nil, and nothing
    /// changed, when the token parser must read it.
    mutating func readCleanContainer(depth: Int) -> JSONNode? {
        let firstMember = memberStack.count
        let firstElement = elementStack.count
        var position = current.start
        guard let node = cleanContainer(&position, depth: depth) else {
            memberStack.discard(since: firstMember)
            elementStack.discard(since: firstElement)
            return nil
        }
        afterUnterminatedString = false
        lastTokenEnd = position
        lexer.position = position
        current = lexer.next()
        return node
    }

    private mutating func cleanContainer(_ position: inout Int, depth: Int) -> JSONNode? {
        guard depth <= JSONCParser.nestingLimit else { return nil }
        return bytes[position] == UInt8(ascii: "{") ? cleanObject(&position, depth: depth) : cleanArray(&position, depth: depth)
    }

    private mutating func cleanObject(_ position: inout Int, depth: Int) -> JSONNode? {
        let open = position
        let firstMember = memberStack.count
        position += 1
        guard skipWhitespace(&position) else { return nil }
        if bytes[position] != UInt8(ascii: "}") {
            while true {
                let keyStart = position
                guard bytes[position] == UInt8(ascii: "\""), let key = cleanString(&position) else { return nil }
                let keyRange = ByteRange(start: keyStart, end: position)
                guard skipWhitespace(&position), bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                guard skipWhitespace(&position), let value = cleanValue(&position, depth: depth + 1) else { return nil }
                memberStack.push(JSONMember(key: key, keyRange: keyRange, value: value))
                guard let closed = afterChild(&position, closer: UInt8(ascii: "}")) else { return nil }
                if closed { break }
            }
        }
        position += 1
        return JSONNode(range: ByteRange(start: open, end: position), value: .object(JSONObjectSyntax(members: memberStack.pop(since: firstMember))))
    }

    private mutating func cleanArray(_ position: inout Int, depth: Int) -> JSONNode? {
        let open = position
        let firstElement = elementStack.count
        position += 1
        guard skipWhitespace(&position) else { return nil }
        if bytes[position] != UInt8(ascii: "]") {
            while true {
                guard let element = cleanValue(&position, depth: depth + 1) else { return nil }
                elementStack.push(element)
                guard let closed = afterChild(&position, closer: UInt8(ascii: "]")) else { return nil }
                if closed { break }
            }
        }
        position += 1
        return JSONNode(range: ByteRange(start: open, end: position), value: .array(elementStack.pop(since: firstElement)))
    }

    /// After a member or element: true at the closing bracket, false at the next child (past a
    /// comma), nil for anything else. One trailing comma before the closer is JSONC.
    @inline(__always)
    private func afterChild(_ position: inout Int, closer: UInt8) -> Bool? {
        guard skipWhitespace(&position) else { return nil }
        let byte = bytes[position]
        if byte == closer { return true }
        guard byte == UInt8(ascii: ",") else { return nil }
        position += 1
        guard skipWhitespace(&position) else { return nil }
        return bytes[position] == closer
    }

    private mutating func cleanValue(_ position: inout Int, depth: Int) -> JSONNode? {
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return cleanContainer(&position, depth: depth)
        case UInt8(ascii: "\""):
            guard let string = cleanString(&position) else { return nil }
            return JSONNode(range: ByteRange(start: start, end: position), value: .string(string))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var end = start + 1
            while end < bytes.count, Self.isNumberByte(bytes[end]) { end += 1 }
            guard endsCleanValue(at: end), JSONNumberScanner.isValid(bytes, start: start, end: end) else { return nil }
            position = end
            return JSONNode(range: ByteRange(start: start, end: end), value: .number(JSONNumberScanner.value(bytes, start: start, end: end)))
        case UInt8(ascii: "t"): return cleanLiteral("true", .bool(true), &position)
        case UInt8(ascii: "f"): return cleanLiteral("false", .bool(false), &position)
        case UInt8(ascii: "n"): return cleanLiteral("null", .null, &position)
        default: return nil
        }
    }

    private func cleanLiteral(_ literal: StaticString, _ value: JSONValueSyntax, _ position: inout Int) -> JSONNode? {
        let start = position
        let end = start + literal.utf8CodeUnitCount
        guard end <= bytes.count else { return nil }
        for offset in 0..<literal.utf8CodeUnitCount where bytes[start + offset] != literal.utf8Start[offset] { return nil }
        guard endsCleanValue(at: end) else { return nil }
        position = end
        return JSONNode(range: ByteRange(start: start, end: end), value: value)
    }

    /// A number or literal ends here when the lexer's word would (at a delimiter) and what
    /// follows may follow a value: whitespace, a comma or a closer. A comment, a letter or a
    /// quote is for the token parser.
    @inline(__always)
    private func endsCleanValue(at position: Int) -> Bool {
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): return true
        default: return false
        }
    }

    @inline(__always)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// The string whose opening quote is at `position`, decoded as `stringValue` does; the
    /// position moves past its closing quote. Nil for one that is unclosed, holds a control
    /// character, or an escape that is not valid.
    private func cleanString(_ position: inout Int) -> String? {
        let token = JSONCLexer.stringToken(bytes, at: position)
        guard !token.isUnterminated, !token.isMalformed else { return nil }
        position = token.end
        if token.hasEscapes { return JSONStringUnescaper.unescape(bytes, from: token.start + 1, to: token.end - 1) }
        return recentStrings.string(bytes, from: token.start + 1, to: token.end - 1)
    }

    /// Moves past JSON whitespace; false at the end of the text.
    @inline(__always)
    private func skipWhitespace(_ position: inout Int) -> Bool {
        let count = bytes.count
        while position < count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return true
            }
        }
        return false
    }
}
