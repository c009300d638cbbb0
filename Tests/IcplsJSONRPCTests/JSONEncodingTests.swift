import Testing
import IcplsJSONRPC

@Suite("Encoding JSON")
struct JSONEncodingTests {
    private func text(_ value: JSONValue) -> String {
        String(decoding: value.encoded(), as: UTF8.self)
    }

    @Test("values encode compactly, members in the order they were added")
    func compactOrderedOutput() {
        let value: JSONValue = ["zeta": 1, "alpha": [true, false, .null, 1.5, "x"], "mid": [:]]
        #expect(text(value) == #"{"zeta":1,"alpha":[true,false,null,1.5,"x"],"mid":{}}"#)
    }

    @Test("numbers encode as JSON numbers", arguments: [
        (JSONValue.integer(0), "0"),
        (.integer(-42), "-42"),
        (.integer(.min), "-9223372036854775808"),
        (.integer(.max), "9223372036854775807"),
        (.number(3), "3"),
        (.number(-0.0), "0"),
        (.number(-12), "-12"),
        (.number(0.1), "0.1"),
        (.number(1.5e300), "1.5e+300"),
        (.number(1e-7), "1e-07"),
        (.number(9.007199254740993e18), "9.007199254740993e+18"),
        (.number(.nan), "null"),
        (.number(.infinity), "null"),
        (.number(-.infinity), "null"),
    ])
    func number(value: JSONValue, expected: String) {
        #expect(text(value) == expected)
    }

    @Test("strings escape quotes, backslashes and control characters only")
    func stringEscaping() {
        let value = JSONValue.string("q\" b\\ n\n r\r t\t nul\u{0} bel\u{07} us\u{1F} del\u{7F} / é 😀")
        let expected = #""q\" b\\ n\n r\r t\t nul\u0000 bel\u0007 us\u001f del"# + "\u{7F} / é 😀\""
        #expect(text(value) == expected)
    }

    @Test("member names are escaped like strings")
    func memberNameEscaping() {
        #expect(text(["a\"b\n": 1]) == #"{"a\"b\n":1}"#)
    }

    @Test("every control character survives a round trip")
    func controlCharacterRoundTrip() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let value = JSONValue.string(controls + "\"\\" + controls)
        #expect(try JSONValue.decode(value.encoded()) == value)
    }

    @Test("decoding what was encoded gives the same value", arguments: [
        JSONValue.null,
        ["jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": [
            "textDocument": ["uri": "file:///w/a.icp.json"], "position": ["line": 3, "character": 14],
        ]],
        [1, -2, 3.25, "four", [false, [[]]], ["nested": ["deep": .null]]],
        .string(String(repeating: "long run without escapes ", count: 4_000) + "\n" + "tail"),
        .string("mixed \"quotes\" and \\slashes\\ between 中文 text"),
        .integer(.min),
        .number(2.5e-308),
    ])
    func roundTrip(value: JSONValue) throws {
        #expect(try JSONValue.decode(value.encoded()) == value)
    }

    @Test("a value nested as deeply as decoding allows encodes and decodes again")
    func deepValue() throws {
        var value: JSONValue = ["leaf": true]
        for _ in 1..<JSONValue.maximumNestingDepth {
            value = [value]
        }
        let encoded = value.encoded()
        #expect(encoded.count == 2 * (JSONValue.maximumNestingDepth - 1) + #"{"leaf":true}"#.utf8.count)
        #expect(try JSONValue.decode(encoded) == value)
    }

    @Test("encoding appends to what the buffer already holds")
    func appendsToBuffer() {
        var buffer = Array("prefix:".utf8)
        JSONValue.array([1, "a"]).encode(into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"prefix:[1,"a"]"#)
    }

    @Test("a value's description is its JSON text")
    func description() {
        let value: JSONValue = ["a": [1, "b"]]
        #expect(value.description == #"{"a":[1,"b"]}"#)
    }
}
