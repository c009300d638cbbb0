import Testing
import IcplsDocument
@testable import IcplsCore

/// Which member of a name counts, found pair by pair in small objects and by tables in large
/// ones, must agree with the plain definition; names compare byte for byte (SPEC §2).
@Suite struct MemberLookupTests {
    private func member(_ key: String, at position: Int) -> JSONMember {
        JSONMember(key: key, keyRange: ByteRange(start: position * 10, end: position * 10 + 3),
                   value: JSONNode(range: ByteRange(start: position * 10 + 5, end: position * 10 + 6), value: .null))
    }

    @Test(arguments: [3, 12, 64, 65, 200])
    func repeatsAndLastsAgreeWithTheirDefinitionAtEverySize(count: Int) {
        var random = TestRandom(seed: UInt64(count))
        // Few names, some of one length and some equivalent but not equal, so that repeats are
        // common; read without a kind, and against a kind that knows some of them (and one,
        // "K", that a non-ASCII name, KELVIN SIGN, is equivalent to).
        let names = ["id", "ab", "ba", "name", "caf\u{E9}", "cafe\u{301}", "x", "", "K", "\u{212A}", "nam"]
        let kinds = [MemberNames.none, MemberNames(["name", "id", "K", "ab", "nam"])]
        for round in 0..<100 {
            let kind = kinds[round % 2]
            let keys = (0..<count).map { _ in names[random.below(names.count)] }
            let lookup = MemberLookup(keys.enumerated().map { member($1, at: $0) }, names: kind)
            for position in keys.indices {
                let key = Array(keys[position].utf8)
                let earlier = keys[..<position].contains { Array($0.utf8) == key }
                let later = keys[(position + 1)...].contains { Array($0.utf8) == key }
                #expect(lookup.isRepeat(position) == earlier, "\(keys) at \(position)")
                #expect(lookup.isLast(position) == !later, "\(keys) at \(position)")
            }
            for name in names {
                let last = keys.lastIndex { Array($0.utf8) == Array(name.utf8) }
                #expect(lookup[name]?.keyRange.start == last.map { $0 * 10 }, "\(keys): \(name)")
                #expect(lookup.has(name) == (last != nil))
            }
            for position in keys.indices {
                let known = kind.names.contains { Array($0.utf8) == Array(keys[position].utf8) }
                #expect(lookup.isUnknown(position) == !known, "\(keys) at \(position)")
            }
        }
    }

    @Test func unicodeEquivalentKeysAreDifferentKeys() {
        // "café" written with é, and with e and a combining acute accent: equal as Swift strings, not as bytes.
        let text = #"{ "notes": { "caf\#u{E9}": 1, "cafe\#u{301}": 2 }, "accounts": [ { "id": "a", "name": "x" } ] }"#
        #expect(findings(text).filter { $0.hasPrefix("ICP005") }.isEmpty)
        #expect(findings(#"{ "notes": { "k": 1, "\u006b": 2 } }"#).filter { $0.hasPrefix("ICP005") } == [#"ICP005 "\u006b""#],
                "an escape decodes to the same bytes")
    }

    @Test func stringsCompareExactlyWhateverTheirRepresentation() {
        // Literals, strings made from bytes, long and short, and Unicode-equivalent ones.
        let texts = ["id", "account", "subscriptionMonths", "caf\u{E9}", "cafe\u{301}", "K", "\u{212A}", "", String(repeating: "x", count: 40)]
        let strings = texts + texts.map { String(decoding: Array($0.utf8), as: UTF8.self) } + texts.map { $0 + "" }
        for a in strings {
            for b in strings {
                let sameBytes = Array(a.utf8) == Array(b.utf8)
                #expect(a.isExactly(b) == sameBytes, "\(a) \(b)")
                if a.hasSameRepresentation(as: b) { #expect(sameBytes, "\(a) \(b)") }
            }
        }
    }

    @Test func exactTextHashesAndComparesBytes() {
        let precomposed = ExactText("caf\u{E9}"), decomposed = ExactText("cafe\u{301}")
        #expect(precomposed.text == decomposed.text)
        #expect(precomposed != decomposed)
        #expect(Set([precomposed, decomposed, ExactText("caf\u{E9}")]).count == 2)
        let long = String(repeating: "分公司", count: 20)
        #expect(ExactText(long) == ExactText(String(decoding: Array(long.utf8), as: UTF8.self)))
        #expect(ExactText(long).hashValue == ExactText(String(decoding: Array(long.utf8), as: UTF8.self)).hashValue)
    }
}
