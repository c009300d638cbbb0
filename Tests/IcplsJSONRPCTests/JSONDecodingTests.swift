import Testing
import IcplsJSONRPC

@Suite("Decoding JSON")
struct JSONDecodingTests {
    @Test("scalars decode to the matching case", arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .integer(0)),
        ("-0", .integer(0)),
        ("42", .integer(42)),
        ("-17", .integer(-17)),
        ("1.5", .number(1.5)),
        ("-0.25", .number(-0.25)),
        ("1e3", .number(1000)),
        ("2E-2", .number(0.02)),
        ("1.0", .number(1)),
        ("\"text\"", .string("text")),
        ("  \t\r\n 7 \n", .integer(7)),
    ])
    func scalar(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.decode(text) == expected)
    }

    @Test("numbers without fraction or exponent that fit 64 bits decode as integers", arguments: [
        ("0", true), ("-0", true), ("9223372036854775807", true), ("-9223372036854775808", true),
        ("9223372036854775808", false), ("-9223372036854775809", false), ("1.0", false), ("1e2", false),
    ])
    func integerOrNumber(text: String, isInteger: Bool) throws {
        let value = try JSONValue.decode(text)
        switch value {
        case .integer: #expect(isInteger)
        case .number: #expect(!isInteger)
        default: Issue.record("\(text) decoded as \(value)")
        }
    }

    @Test("integers that fit 64 bits stay exact; larger ones become doubles")
    func integerRange() throws {
        #expect(try JSONValue.decode("9223372036854775807") == .integer(.max))
        #expect(try JSONValue.decode("-9223372036854775808") == .integer(.min))
        #expect(try JSONValue.decode("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try JSONValue.decode("-9223372036854775809") == .number(-0x1p63))
        #expect(try JSONValue.decode("123456789012345678901234567890") == .number(1.2345678901234568e29))
        #expect(try JSONValue.decode("1e400") == .number(.infinity))
    }

    @Test("arrays and objects decode with their members in order")
    func containers() throws {
        let value = try JSONValue.decode(#" { "b" : [1, {"c": null}, [] ], "a": {} } "#)
        #expect(value == ["b": [1, ["c": .null], []], "a": [:]])
        #expect(value.objectValue?.keys == ["b", "a"])
    }

    @Test("a repeated member name keeps the last value at the first position")
    func repeatedMemberName() throws {
        let object = try JSONValue.decode(#"{"a": 1, "b": 2, "a": 3}"#).objectValue
        #expect(object?.keys == ["a", "b"])
        #expect(object?["a"] == 3)
    }

    @Test("every simple escape decodes", arguments: [
        (#""\"""#, "\""),
        (#""\\""#, "\\"),
        (#""\/""#, "/"),
        (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
        (#""a\u0041\u00e9\u4E2D""#, "aAé中"),
        (#""\u0000""#, "\u{0}"),
        (#""before \n after""#, "before \n after"),
    ])
    func escape(text: String, expected: String) throws {
        #expect(try JSONValue.decode(text) == .string(expected))
    }

    @Test("a surrogate pair escape joins into one character")
    func surrogatePair() throws {
        #expect(try JSONValue.decode(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONValue.decode(#""x\uD834\uDD1Ey""#) == .string("x𝄞y"))
    }

    @Test("a lone surrogate escape becomes U+FFFD", arguments: [
        (#""\ud83d""#, "\u{FFFD}"),
        (#""\ud83dx""#, "\u{FFFD}x"),
        (#""\ude00""#, "\u{FFFD}"),
        (#""\ud83d\u0041""#, "\u{FFFD}A"),
        (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
    ])
    func loneSurrogate(text: String, expected: String) throws {
        #expect(try JSONValue.decode(text) == .string(expected))
    }

    @Test("bytes that are not UTF-8 inside a string become U+FFFD")
    func invalidUTF8() throws {
        let quote = UInt8(ascii: "\"")
        #expect(try JSONValue.decode([quote, 0x61, 0xFF, 0x62, quote]) == .string("a\u{FFFD}b"))
        #expect(try JSONValue.decode([quote, 0xC3, quote]) == .string("\u{FFFD}"))
        #expect(try JSONValue.decode([quote, 0xED, 0xA0, 0x80, quote]).stringValue?.contains("\u{FFFD}") == true)
        // The same repair applies on the slower path taken by strings with escapes.
        let escaped: [UInt8] = [quote, 0xFE, UInt8(ascii: "\\"), UInt8(ascii: "n"), 0x80, quote]
        #expect(try JSONValue.decode(escaped) == .string("\u{FFFD}\n\u{FFFD}"))
    }

    @Test("multi-byte characters pass through unchanged")
    func multiByteText() throws {
        let text = "标识 ✓ 😀 é" + String(repeating: "备案", count: 100)
        #expect(try JSONValue.decode(JSONValue.string(text).encoded()) == .string(text))
    }

    @Test("a multi-megabyte document text decodes whole")
    func largeString() throws {
        let line = "{\"id\": \"instance-1\", \"product\": \"ecs\"},   // 备案 ✓\n"
        let text = String(repeating: line, count: 10 * 1024 * 1024 / line.utf8.count)
        let message: JSONValue = ["textDocument": ["uri": "file:///a.icp.json", "text": .string(text)]]
        let decoded = try JSONValue.decode(message.encoded())
        #expect(decoded["textDocument"]?["text"]?.stringValue == text)
    }

    @Test("nesting up to the limit is accepted")
    func nestingAtLimit() throws {
        let depth = JSONValue.maximumNestingDepth
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONValue.decode(arrays)
        for _ in 1..<depth {
            value = try #require(value[0])
        }
        #expect(value == [])
        let objects = String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        #expect(throws: Never.self) { try JSONValue.decode(objects) }
    }

    @Test("nesting past the limit is rejected, however deep it goes", arguments: [
        JSONValue.maximumNestingDepth + 1, 100_000,
    ])
    func nestingPastLimit(depth: Int) {
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONDecodingError(.nestingTooDeep, at: JSONValue.maximumNestingDepth)) {
            try JSONValue.decode(arrays)
        }
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(throws: JSONDecodingError.self) { try JSONValue.decode(objects) }
        let unclosed = String(repeating: "[", count: depth)
        #expect(throws: JSONDecodingError(.nestingTooDeep, at: JSONValue.maximumNestingDepth)) {
            try JSONValue.decode(unclosed)
        }
    }

    @Test("text that is not JSON is rejected", arguments: [
        "", " ", "{", "}", "[", "[1,]", "[1 2]", "[,1]", "{\"a\" 1}", "{\"a\":}", "{a:1}",
        "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{1:2}", "01", "-01", "1.", ".5", "-", "+1", "1e",
        "1e+", "0x10", "tru", "nul", "True", "NaN", "Infinity", "'a'", "\"abc", "\"\\x\"",
        "\"\\u12\"", "\"\\u12G4\"", "\"\\", "[1]]", "{}x", "1 2", "\u{FEFF}{}", "// c\n{}",
    ])
    func invalidText(text: String) {
        #expect(throws: JSONDecodingError.self) { try JSONValue.decode(text) }
    }

    @Test("control characters must be escaped inside strings")
    func unescapedControlCharacter() {
        #expect(throws: JSONDecodingError(.unescapedControlCharacter, at: 4)) {
            try JSONValue.decode("\"tab\there\"")
        }
        #expect(throws: JSONDecodingError(.unescapedControlCharacter, at: 7)) {
            try JSONValue.decode("\"a\\nb c\nd\"")
        }
    }

    @Test("errors say what went wrong and where")
    func errorDetails() {
        #expect(throws: JSONDecodingError(.unexpectedEndOfInput, at: 6)) { try JSONValue.decode("[1, 2,") }
        #expect(throws: JSONDecodingError(.unexpectedByte(UInt8(ascii: "}")), at: 3)) { try JSONValue.decode("[1 }") }
        #expect(throws: JSONDecodingError(.invalidEscape, at: 1)) { try JSONValue.decode(#""\q""#) }
        #expect(throws: JSONDecodingError(.invalidNumber, at: 2)) { try JSONValue.decode("1.e5") }
        let description = JSONDecodingError(.unexpectedByte(UInt8(ascii: "}")), at: 3).description
        #expect(description == "unexpected '}' at byte 3")
    }

    @Test("any contiguous or non-contiguous byte collection can be decoded")
    func inputKinds() throws {
        let text = #"{"a": [1, "b"]}"#
        let expected: JSONValue = ["a": [1, "b"]]
        #expect(try JSONValue.decode(Array(text.utf8)) == expected)
        #expect(try JSONValue.decode(Array(text.utf8)[...]) == expected)
        #expect(try JSONValue.decode(text.utf8) == expected)
        let fromBuffer = try Array(text.utf8).withUnsafeBytes { buffer in try JSONValue.decode(buffer) }
        #expect(fromBuffer == expected)
    }
}
