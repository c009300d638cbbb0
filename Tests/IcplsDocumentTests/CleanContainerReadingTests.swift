import Testing
@testable import IcplsDocument

/// Elements with nothing unusual in them are read straight from their bytes; anything else is
/// left to the token parser, which then reads the element from its start. Both ways give one tree.
@Suite struct CleanContainerReadingTests {
    /// An element of a member's array, three deep, with `inner` as the value of its `v` member.
    static func text(element inner: String) -> [UInt8] {
        Array("{ \"list\": [ { \"k\": \"first\" }, { \"v\": \(inner), \"w\": [1, true] }, [] ] }".utf8)
    }

    /// The parser standing at the second element of `text(element:)`.
    static func parser(at text: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>) -> Parser {
        let start = text.indices.filter { text[$0] == UInt8(ascii: "{") }[2]
        return Parser(bytes: buffer, valueAt: start, enclosingClosers: [.endObject, .endArray])
    }

    static let clean = [
        "\"plain\"", "\"\"", "\"杭州 ✓\"", "\"a\\\"b\\u00e9\\n\"", "\"sixteen bytes!!!\"", "-12.5e+3", "0", "1E2", "true", "false", "null",
        "{}", "[]", "[ ]", "{ }", "[1,]", "{\"a\":1,}", "{\"dup\":1,\"dup\":2}", "[[[[]]]]", "{\"a\":{\"b\":[null,{\"c\":\"d\"}]}}",
        "\t\r\n[ 1 ,\t2 ]",
    ]

    /// One thing each the token parser reads or reports, and a clean read must not.
    static let needingTokens = [
        "1 // note\n", "/* c */ 1", "\"open", "\"tab\tin\"", "\"bad \\x escape\"", "\"\\\u{9}\"", "01", "1.", "-", "1x", "1e", "tru", "truex",
        "nulls", "NaN", "'single'", "[1,,2]", "{,}", "{\"a\" 1}", "{\"a\":}", "{\"a\":1 \"b\":2}", "[1 2]", "{1:2}", "[\"k\": 1]",
        "[1}", "{\"a\":1]", "\u{A0}1", "1\u{A0}", "\"x\"\"y\"", "[1,2", "\"a\\\n\"", "\"a\\\r\"", "\"\\é\"",
    ]

    @Test(arguments: clean)
    func aCleanElementIsReadFromItsBytesAndEqualsItsTokenParse(inner: String) throws {
        let text = Self.text(element: inner)
        try text.withUnsafeBufferPointer { buffer in
            var direct = Self.parser(at: text, buffer)
            let read = direct.readCleanContainer(depth: 3)
            let node = try #require(read, "read directly: \(inner)")
            var tokens = Self.parser(at: text, buffer)
            tokens.readsCleanContainers = false
            #expect(node == tokens.parseValue(depth: 3))
            #expect(direct.current.start == tokens.current.start && direct.current.kind == tokens.current.kind)
            #expect(direct.lastTokenEnd == tokens.lastTokenEnd)
            #expect(direct.memberStack.count == 0 && direct.elementStack.count == 0)
        }
        expectSameTreeBothWays(text)
    }

    @Test(arguments: needingTokens)
    func anElementThatNeedsTokensIsLeftUntouchedAndParsedAsBefore(inner: String) {
        let text = Self.text(element: inner)
        text.withUnsafeBufferPointer { buffer in
            var parser = Self.parser(at: text, buffer)
            let before = (parser.current.start, parser.lexer.position, parser.lastTokenEnd)
            #expect(parser.readCleanContainer(depth: 3) == nil, "left to tokens: \(inner)")
            #expect(parser.current.start == before.0 && parser.lexer.position == before.1 && parser.lastTokenEnd == before.2)
            #expect(parser.memberStack.count == 0 && parser.elementStack.count == 0, "what it had read is dropped")
            #expect(parser.errors.isEmpty && parser.lexer.lineComments.isEmpty)
        }
        expectSameTreeBothWays(text)
    }

    @Test func containersPastTheNestingLimitAreLeftToTheTokenParser() {
        // The deepest container at the limit itself, then one level past it.
        for deepest in [JSONCParser.nestingLimit, JSONCParser.nestingLimit + 1] {
            let inner = deepest - 2
            let text = Array(("{\"a\":[" + String(repeating: "[", count: inner) + String(repeating: "]", count: inner) + "]}").utf8)
            let tree = JSONCParser.parse(text)
            let expected: [SyntaxErrorKind] = deepest > JSONCParser.nestingLimit ? [.nestingTooDeep(limit: JSONCParser.nestingLimit)] : []
            #expect(tree.errors.map(\.kind) == expected, "deepest container at level \(deepest)")
            expectSameTreeBothWays(text)
        }
    }

    @Test func aStringInTheLastEightBytesIsReadDirectly() throws {
        let text = Array("{\"a\":[{\"b\":\"xy\"}]}".utf8)
        try text.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, valueAt: 6, enclosingClosers: [.endObject, .endArray])
            let read = parser.readCleanContainer(depth: 3)
            let node = try #require(read)
            #expect(node.object?.member("b")?.value.string == "xy")
        }
        expectSameTreeBothWays(text)
    }

    @Test func aClosingBracketAnUnterminatedStringSwallowedIsForgottenAtTheNextCommaInAnElement() {
        // The token parser forgets the swallowed `]` at the comma in `[1,2]`, and then reports the
        // missing `]` at the end; the element is left to it, so the tree is the same.
        let text = Array("{\"a\":[{\"b\":\"x]}\n{\"c\":[1,2]}".utf8)
        let tree = JSONCParser.parse(text)
        #expect(tree.errors.contains { $0.kind == .missingClosingBracket("]") })
        expectSameTreeBothWays(text)
    }

    @Test func anElementAtTheVeryEndOfACutOffTextIsLeftToTheTokenParser() {
        for cut in ["{\"a\":[{\"b\":1}", "{\"a\":[{\"b\":tru", "{\"a\":[{\"b\":\"x", "{\"a\":[{\"b\":12", "{\"a\":[{\"b\" ", "{\"a\":[{\"b\":\"x\\"] {
            expectSameTreeBothWays(Array(cut.utf8))
        }
    }

    @Test func badUTF8AnywhereLeavesEveryElementToTheTokenParser() {
        var text = Self.text(element: "\"ok\"")
        text.insert(0xFF, at: 3)
        text.withUnsafeBufferPointer { buffer in
            #expect(!Parser(bytes: buffer).triesCleanReading(depth: 3))
        }
        expectSameTreeBothWays(text)
    }

    @Test func largeDocumentsWithSomeBrokenElementsParseTheSameBothWaysOnOneAndTwoCores() {
        var text = SideBySideParseTests.document(entries: 3_000)
        // Broken elements, a comment and an unterminated string spread through the text.
        for (offset, insert) in [(0.2, "\"oops\" "), (0.4, "// note\n"), (0.6, "\"unclosed\n"), (0.8, "]")] {
            let at = text[Int(Double(text.count) * offset)...].firstIndex(of: UInt8(ascii: ":"))! + 1
            text.insert(contentsOf: Array(insert.utf8), at: at)
        }
        expectSameTreeBothWays(text)
        let clean = SideBySideParseTests.document(entries: 3_000)
        expectSameTreeBothWays(clean)
        #expect(JSONCParser.parse(clean).errors.isEmpty)
    }

    private func expectSameTreeBothWays(_ text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        text.withUnsafeBufferPointer { buffer in
            let tokens = JSONCParser.parse(buffer, sideBySideFrom: .max, readingCleanContainers: false)
            #expect(JSONCParser.parse(buffer, sideBySideFrom: .max) == tokens, sourceLocation: sourceLocation)
            let twoCores = JSONCParser.parse(buffer, sideBySideFrom: 0, waitingForTheOtherCore: true)
            #expect(twoCores == tokens, sourceLocation: sourceLocation)
            let twoCoresByTokens = JSONCParser.parse(buffer, sideBySideFrom: 0, waitingForTheOtherCore: true, readingCleanContainers: false)
            #expect(twoCoresByTokens == tokens, sourceLocation: sourceLocation)
        }
    }
}
