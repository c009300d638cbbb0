import Testing
@testable import IcplsDocument

/// Texts numbered in the order they came, found again only by their exact bytes.
@Suite struct ExactTextPositionsTests {
    @Test func textsKeepTheirFirstPositionAndAreFoundAgainAfterTheTableGrows() {
        var table = ExactTextPositions()
        // Every length from empty to past three words, many more texts than the first slots hold.
        let texts = (0..<3_000).map { index in String(repeating: "x", count: index % 27) + "-\(index)" } + [""]
        for (position, text) in texts.enumerated() {
            #expect(table.insert(text) == (position, true))
        }
        for (position, text) in texts.enumerated().reversed() {
            #expect(table.insert(text) == (position, false), "a repeat keeps the first position")
            #expect(table.position(of: text) == position)
        }
        #expect(table.count == texts.count && table.texts == texts)
        #expect(table.position(of: "never added") == nil)
    }

    @Test func unicodeEquivalentTextsAreDifferentTexts() {
        var table = ExactTextPositions(minimumCapacity: 4)
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed, "equal as Swift strings")
        #expect(table.insert(composed) == (0, true))
        #expect(table.insert(decomposed) == (1, true))
        #expect(table.position(of: "e\u{323}\u{301}") == nil)
        table.insert("e\u{323}\u{301}")
        #expect(table.position(of: "e\u{301}\u{323}") == nil, "the same bytes only, not the same characters")
    }

    @Test func theHashReadsEveryByteOfTheText() {
        // Texts that differ in one byte at each place, at lengths around a word.
        for length in 1...20 {
            let base = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            var hashes = Set<UInt64>()
            for place in 0..<length {
                var changed = base
                changed[place] = UInt8(ascii: "b")
                hashes.insert(changed.withUnsafeBufferPointer { ExactTextPositions.hash($0) })
            }
            hashes.insert(base.withUnsafeBufferPointer { ExactTextPositions.hash($0) })
            #expect(hashes.count == length + 1, "length \(length)")
        }
    }
}
