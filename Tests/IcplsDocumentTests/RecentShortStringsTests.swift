import Testing
@testable import IcplsDocument

/// Short strings are taken from a table of recent ones when their bytes were met before:
/// every string must still come out exactly as written, whatever its length and neighbours.
@Suite struct RecentShortStringsTests {
    @Test func everyStringComesOutAsWrittenAtEveryLengthAndPlace() {
        var state: UInt64 = 0x5757
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        // Strings that share long prefixes and differ in one byte, at lengths around 7, 8, 15 and 16.
        let alphabet: [String] = ["a", "b", "中", "é", " ", "-"]
        var written: [String] = []
        for _ in 0..<3_000 {
            let length = [0, 1, 7, 8, 9, 14, 15, 16, 17][next() % 9]
            var string = ""
            while string.utf8.count < length { string += next() % 4 == 0 ? alphabet[next() % alphabet.count] : "a" }
            written.append(string)
        }
        // Repeats, so that the table is used, and the last string right at the end of the text.
        written += written.prefix(500)
        let text = "[" + written.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let tree = JSONCParser.parse(Array(text.utf8))
        let values = tree.nonObjectRoot?.array?.map(\.string) ?? []
        #expect(values.count == written.count)
        for (value, expected) in zip(values, written) {
            #expect(value.map { Array($0.utf8) } == Array(expected.utf8))
        }
    }

    @Test func aShortStringNearTheEndOfTheTextIsReadByteByByte() {
        for length in 0..<16 {
            let string = String(repeating: "k", count: length)
            let text = #"{"k":1,""# + string + #"":2,""# + string + #"":3}"#
            let keys = JSONCParser.parse(Array(text.utf8)).root?.object?.members.map(\.key)
            #expect(keys == ["k", string, string])
        }
    }
}
