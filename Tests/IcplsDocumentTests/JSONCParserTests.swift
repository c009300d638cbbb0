import Testing
@testable import IcplsDocument

/// Parses `text` and returns each error as the text it covers and its kind,
/// so expectations read like the document rather than like byte counts.
private func errors(_ text: String) -> [(String, SyntaxErrorKind)] {
    let bytes = Array(text.utf8)
    let tree = JSONCParser.parse(bytes)
    return tree.errors.map { error in
        (String(decoding: bytes[error.range.start..<error.range.end], as: UTF8.self), error.kind)
    }
}

private func errorTexts(_ text: String) -> [String] { errors(text).map(\.0) }

@Suite struct JSONCParserTests {
    @Test func validDocumentWithCommentsAndTrailingCommasHasNoErrors() {
        let text = """
        // inventory
        { /* block */ "accounts": [ { "id": "a", }, ], "n": -1.5e3, "b": true, "z": null, }
        """
        let tree = JSONCParser.parse(Array(text.utf8))
        #expect(tree.errors.isEmpty)
        #expect(tree.lineComments.count == 1)
        let accounts = tree.root?.object?.member("accounts")?.value.array
        #expect(accounts?.count == 1)
        #expect(accounts?.first?.object?.member("id")?.value.string == "a")
    }

    @Test func byteRangesCoverKeysAndValues() {
        let text = #"{"id": "中文😀", "n": [1, 2]}"#
        let bytes = Array(text.utf8)
        let tree = JSONCParser.parse(bytes)
        let member = tree.root!.object!.members[0]
        #expect(String(decoding: bytes[member.keyRange.start..<member.keyRange.end], as: UTF8.self) == #""id""#)
        #expect(String(decoding: bytes[member.value.range.start..<member.value.range.end], as: UTF8.self) == #""中文😀""#)
        let array = tree.root!.object!.members[1].value
        #expect(String(decoding: bytes[array.range.start..<array.range.end], as: UTF8.self) == "[1, 2]")
        #expect(tree.root!.range == ByteRange(start: 0, end: bytes.count))
    }

    @Test func missingCommaIsReportedAtTheNextTokenAndBothMembersAreKept() {
        let text = #"{"a": 1 "b": 2}"#
        #expect(errorTexts(text) == [#""b""#])
        let tree = JSONCParser.parse(Array(text.utf8))
        #expect(tree.root?.object?.members.map(\.key) == ["a", "b"])
    }

    @Test func missingCommaBetweenArrayElements() {
        #expect(errorTexts("{\"a\": [1 2]}") == ["2"])
    }

    @Test func missingColonAndMissingValue() {
        #expect(errorTexts(#"{"a" 1}"#) == ["1"])
        let missingValue = errors(#"{"a": , "b": 1}"#)
        #expect(missingValue.map(\.0) == [","])
        let tree = JSONCParser.parse(Array(#"{"a": , "b": 1}"#.utf8))
        #expect(tree.root?.object?.member("a")?.value.isInvalid == true)
        #expect(tree.root?.object?.member("b")?.value.range.length == 1)
    }

    @Test func truncatedFileReportsAnEmptyRangeAtTheEnd() {
        let text = #"{"a": [1, 2"#
        let tree = JSONCParser.parse(Array(text.utf8))
        #expect(tree.errors.count == 1)
        #expect(tree.errors[0].range == .empty(at: text.utf8.count))
        #expect(tree.root?.object?.member("a")?.value.array?.count == 2)
    }

    @Test func mismatchedClosingBracketClosesTheInnerContainer() {
        let text = #"{"a": [1, 2}, "b": 3}"#
        // `}` closes the object; `, "b": 3}` is text after the top-level value.
        #expect(errorTexts(text) == ["}", ","])
    }

    @Test func garbageIsOneErrorAndTheRestIsStillRead() {
        let text = #"{"a": NaN, "b": 'x', "c": 01, "d": 2}"#
        #expect(errorTexts(text) == ["NaN", "'x'", "01"])
        let tree = JSONCParser.parse(Array(text.utf8))
        #expect(tree.root?.object?.member("d")?.value.range.length == 1)
    }

    @Test func unterminatedStringCoversTheRestOfItsLineOnly() {
        let text = "{\"a\": \"abc,\n \"b\": 2}"
        #expect(errorTexts(text) == ["\"abc,"])
        let tree = JSONCParser.parse(Array(text.utf8))
        #expect(tree.root?.object?.member("b") != nil)
    }

    @Test func unterminatedBlockCommentIsReportedAtItsStart() {
        let text = "{\"a\": 1 /* open"
        let found = errors(text)
        #expect(found.map(\.0) == ["", "/*"] || found.map(\.0) == ["/*", ""])
        #expect(found.contains { $0.1 == .unterminatedComment })
    }

    @Test func textAfterTheTopLevelValue() {
        #expect(errorTexts("{} x y") == ["x"])
    }

    @Test func topLevelNonObjectIsKeptForTheRules() {
        let tree = JSONCParser.parse(Array("[1, 2]".utf8))
        #expect(tree.errors.isEmpty)
        #expect(tree.root == nil)
        #expect(tree.nonObjectRoot?.array?.count == 2)
    }

    @Test func brokenTopLevelRestartsAtTheFirstBrace() {
        let text = #"garbage {"a": 1}"#
        #expect(errorTexts(text) == ["garbage"])
        #expect(JSONCParser.parse(Array(text.utf8)).root?.object?.member("a") != nil)
    }

    @Test func emptyDocumentHasNothing() {
        let tree = JSONCParser.parse(Array("  // only a comment\n".utf8))
        #expect(tree.isEmpty)
        #expect(tree.errors.isEmpty)
    }

    @Test func eachRunOfBadBytesIsOneErrorAndStringsKeepReplacementCharacters() {
        var bytes = Array(#"{"a": "x"#.utf8)
        bytes += [0xE4, 0xB8]
        bytes += Array(#"y", "b": 1}"#.utf8)
        let tree = JSONCParser.parse(bytes)
        #expect(tree.errors.count == 1)
        #expect(tree.errors[0].range.length == 2)
        #expect(tree.root?.object?.member("a")?.value.string == "x\u{FFFD}\u{FFFD}y")
    }

    @Test func escapesAndLoneSurrogates() {
        let tree = JSONCParser.parse(Array(#"{"a": "\u4e2d\n\ud83d\ude00\ud800"}"#.utf8))
        #expect(tree.root?.object?.member("a")?.value.string == "中\n😀\u{FFFD}")
        #expect(errorTexts(#"{"a": "\x"}"#) == [#""\x""#])
    }

    @Test func numbersAreWholeWhenTheirValueIs() {
        let tree = JSONCParser.parse(Array(#"{"a": 12.0, "b": 1.2e1, "c": 1.5, "d": 1e400, "e": 120e-1}"#.utf8))
        func isInteger(_ key: String) -> Bool? {
            if case .number(let number) = tree.root?.object?.member(key)?.value.value { return number.isInteger }
            return nil
        }
        #expect(isInteger("a") == true)
        #expect(isInteger("b") == true)
        #expect(isInteger("c") == false)
        #expect(isInteger("d") == true)
        #expect(isInteger("e") == true)
    }

    @Test(arguments: ["0", "-0", "7", "-12", "2026", "999999999999999", "-999999999999999", "1000000000000000", "12345678901234567890"])
    func wholeNumbersHaveTheValueOfTheirText(text: String) {
        let tree = JSONCParser.parse(Array("{\"n\": \(text)}".utf8))
        guard case .number(let number) = tree.root?.object?.member("n")?.value.value else {
            Issue.record("no number")
            return
        }
        #expect(number.value == Double(text)!)
        #expect(number.value.sign == Double(text)!.sign)
        #expect(number.isInteger)
    }

    @Test func nestingDeeperThanTheLimitIsSkipped() {
        let depth = 100_000
        let text = "{\"a\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ", \"b\": 1}"
        let tree = JSONCParser.parse(Array(text.utf8))
        #expect(tree.errors.count == 1)
        #expect(tree.errors[0].range.start == 6 + JSONCParser.nestingLimit - 1)
        #expect(tree.root?.object?.member("b") != nil)
    }

    @Test func byteOrderMarkIsSkipped() {
        let tree = JSONCParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        #expect(tree.errors.isEmpty)
        #expect(tree.root?.range == ByteRange(start: 3, end: 5))
    }

    @Test func aMissingClosingBracketBeforeTheNextMemberEndsTheArrayThere() {
        let text = """
        {"accounts": [{"id": "a"},
         "instances": [{"id": "i"}],
         "filings": []}
        """
        #expect(errorTexts(text) == [#""instances""#])
        let root = JSONCParser.parse(Array(text.utf8)).root?.object
        #expect(root?.members.map(\.key) == ["accounts", "instances", "filings"])
        #expect(root?.member("instances")?.value.array?.count == 1)
    }

    @Test func aMissingClosingBraceBeforeTheNextElementEndsTheObjectThere() {
        let text = #"{"accounts": [{"id": "a" {"id": "b", "x": 1}]}"#
        #expect(errorTexts(text) == ["{"])
        let accounts = JSONCParser.parse(Array(text.utf8)).root?.object?.member("accounts")?.value.array
        #expect(accounts?.compactMap { $0.object?.member("id")?.value.string } == ["a", "b"])
    }
}
