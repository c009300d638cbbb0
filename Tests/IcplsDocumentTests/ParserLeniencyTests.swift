import Testing
@testable import IcplsDocument

/// What JSONC accepts beyond JSON (comments, one trailing comma) and nothing more.
@Suite struct ParserLeniencyTests {
    static func errorTexts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return JSONCParser.parse(bytes).errors.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }

    @Test(arguments: [
        "{ \"a\": [1, 2,], \"b\": { \"c\": 1, }, }",
        "/* head */ { // line\n \"a\" /* k */ : /* v */ 1 /* after */ , \"b\": 2 } // tail",
        "{ \"big\": 123456789012345678901234567890e400, \"neg\": -0.5E-3, \"zero\": -0 }",
        "{ \"s\": \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\\\\\"\" }",
        "\u{FEFF}{ \"a\": \"中文😀\" }",
        "{}\r\n",
    ])
    func validJSONCHasNoErrors(text: String) {
        #expect(Self.errorTexts(text).isEmpty)
    }

    @Test func onlyOneTrailingCommaIsAccepted() {
        #expect(Self.errorTexts("{ \"a\": [1,,], \"b\": 2 }") == [","])
        #expect(Self.errorTexts("{ \"a\": 1,, \"b\": 2 }") == [","])
        #expect(Self.errorTexts("{ \"a\": [,1] }") == [","])
        #expect(Self.errorTexts("{ , \"a\": 1 }") == [","])
    }

    @Test func whatJSONForbidsIsReportedOncePerToken() {
        #expect(Self.errorTexts("{ \"a\": 'x', \"b\": NaN, \"c\": Infinity, \"d\": 01, \"e\": +1, \"f\": .5, \"g\": 1., \"h\": 2 }")
                == ["'x'", "NaN", "Infinity", "01", "+1", ".5", "1."])
        #expect(Self.errorTexts("{ a: 1, \"b\": 2 }") == ["a"])
        #expect(Self.errorTexts("{ \"a\": True, \"b\": nil }") == ["True", "nil"])
    }

    @Test func controlCharactersAndBadEscapesInStringsAreReported() {
        #expect(Self.errorTexts("{ \"a\": \"tab\there\", \"b\": 1 }") == ["\"tab\there\""])
        #expect(Self.errorTexts("{ \"a\": \"\\x41\", \"b\": \"\\u12\" }") == [#""\x41""#, #""\u12""#])
    }

    @Test func aMissingColonOrValueIsReportedWhereSomethingElseWasFound() {
        #expect(Self.errorTexts("{ \"a\" \"b\" }") == ["\"b\""])
        #expect(Self.errorTexts("{ \"a\": }") == ["}"])
        #expect(Self.errorTexts("{ \"a\": [1, ] , \"b\": [ , ] }") == [","])
    }

    @Test func aMissingBracketAtTheEndIsAnEmptyRangeThere() {
        let text = "{ \"a\": { \"b\": [1"
        let errors = JSONCParser.parse(Array(text.utf8)).errors
        #expect(errors.map(\.range) == [.empty(at: text.utf8.count)])
    }

    @Test func anUnterminatedBlockCommentLeavesTheOpenBracketsMissingAtTheEnd() {
        let text = "{ \"a\": [1 /* open"
        let errors = JSONCParser.parse(Array(text.utf8)).errors
        #expect(errors.map(\.kind) == [.unterminatedComment, .missingClosingBracket("]")])
        #expect(errors.last?.range == .empty(at: text.utf8.count))
    }

    @Test func commentsAreRecordedOnceEvenWhenTheTextIsReadAgain() {
        // Broken top-level text makes the parser read the text again from its first `{`.
        let text = "/* a */ garbage // b\n { /* c */ \"a\": 1 } /* open"
        let bytes = Array(text.utf8)
        let tree = JSONCParser.parse(bytes)
        let covered = { (range: ByteRange) in String(decoding: bytes[range.start..<range.end], as: UTF8.self) }
        #expect(tree.lineComments.map(covered) == ["// b"])
        #expect(tree.blockComments.map(covered) == ["/* a */", "/* c */", "/* open"])
    }

    @Test func aFileOverTheSizeLimitIsNotParsed() {
        var bytes = Array("{ \"a\": \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: JSONCParser.sizeLimit)
        bytes += Array("\" }".utf8)
        let tree = JSONCParser.parse(bytes)
        #expect(tree.errors.map(\.range) == [.empty(at: 0)])
        #expect(tree.root == nil)
        #expect(!tree.isEmpty)
    }

    @Test func aFileAtTheSizeLimitIsParsed() {
        var bytes = Array("{ \"a\": \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: JSONCParser.sizeLimit - bytes.count - 3)
        bytes += Array("\" }".utf8)
        #expect(bytes.count == JSONCParser.sizeLimit)
        let tree = JSONCParser.parse(bytes)
        #expect(tree.errors.isEmpty)
    }
}
