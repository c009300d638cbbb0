import Testing
@testable import IcplsDocument

/// The eight-bytes-at-once tests may say "maybe" for a word that holds no byte sought, but
/// never "no" for one that does: the lexer and the UTF-8 check skip a word only on "no".
@Suite struct WordScanTests {
    @Test func aWordWithAQuoteBackslashOrControlByteMayEndAString() {
        let specials: [UInt8] = [0x22, 0x5C, 0x00, 0x09, 0x0A, 0x0D, 0x1F]
        for special in specials {
            for position in 0..<8 {
                for filler: UInt8 in [0x20, 0x41, 0x7F, 0x80, 0xE4, 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = special
                    #expect(WordScan.stringEndMask(word(bytes)) != 0, "byte \(special) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test func aWordOfOrdinaryStringBytesIsSkipped() {
        #expect(WordScan.stringEndMask(word(Array("shop.exa".utf8))) == 0)
        #expect(WordScan.stringEndMask(word(Array("杭州示".utf8).prefix(8).map { $0 })) == 0)
        #expect(WordScan.stringEndMask(word([0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E, 0x7F, 0xFF])) == 0)
    }

    @Test func everyWordOfRandomBytesIsJudgedWithoutAFalseNo() {
        var state: UInt64 = 0x5EED
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Bytes drawn mostly from a few interesting values, so that matches are common.
            let interesting: [UInt8] = [0x22, 0x5C, 0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x80, 0xFF, 0x00]
            let bytes = (0..<8).map { index -> UInt8 in
                let pick = Int((state >> (index * 8)) & 0xFF)
                return pick < 160 ? interesting[pick % interesting.count] : UInt8(pick)
            }
            let holdsSpecial = bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            if holdsSpecial { #expect(WordScan.stringEndMask(word(bytes)) != 0, "\(bytes)") }
            let allASCII = bytes.allSatisfy { $0 < 0x80 }
            #expect((word(bytes) & WordScan.highBits == 0) == allASCII, "\(bytes)")
        }
    }

    @Test func theLowestMarkOfAWordIsItsFirstQuoteBackslashOrControlByte() {
        var state: UInt64 = 0xF1257
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Specials and the bytes next to them, so that a borrow from one could reach the next.
            let interesting: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x01, 0x80, 0xFF, 0x7F, 0x0A]
            let bytes = (0..<8).map { index -> UInt8 in
                let pick = Int((state >> (index * 8)) & 0xFF)
                return pick < 200 ? interesting[pick % interesting.count] : UInt8(pick)
            }
            let first = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            let mask = WordScan.stringEndMask(word(bytes))
            #expect((mask == 0 ? nil : mask.trailingZeroBitCount / 8) == first, "\(bytes)")
        }
    }

    private func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { WordScan.load($0, at: 0) }
    }
}
