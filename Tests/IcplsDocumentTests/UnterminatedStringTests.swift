import Testing
@testable import IcplsDocument

/// An unterminated string is one ICP001: the brackets it swallowed are not reported missing again.
@Suite struct UnterminatedStringTests {
    static func errorTexts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return JSONCParser.parse(bytes).errors.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }

    @Test func closersSwallowedAtTheEndOfTheTextAreNotMissingAgain() {
        #expect(Self.errorTexts("{\n  \"accounts\": [ { \"id\": \"acct-buy } ]\n}") == [#""acct-buy } ]"#])
        #expect(Self.errorTexts("{ \"a\": \"x }") == [#""x }"#])
        #expect(Self.errorTexts("{ \"a\": \"x") == [#""x"#])
    }

    @Test func aSwallowedCloserIsNotMissingBeforeTheEnclosingBracket() {
        let text = "{ \"websites\": [ { \"domain\": \"x }\n], \"b\": 1 }"
        #expect(Self.errorTexts(text) == [#""x }"#])
        #expect(JSONCParser.parse(Array(text.utf8)).root?.object?.member("b") != nil)
    }

    @Test func swallowedClosersCountNoLongerAfterTheNextComma() {
        let text = "{ \"a\": \"x }\n, \"b\": { \"c\": 1 }"
        #expect(Self.errorTexts(text) == [#""x }"#, ""])
    }

    @Test func anUnterminatedKeySwallowsItsLineToo() {
        #expect(Self.errorTexts("{ \"a\": 1, \"b: 2 }\n}") == [#""b: 2 }"#])
    }
}
