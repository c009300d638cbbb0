/// Random changes to an input: byte flips, inserted and deleted runs, pieces spliced
/// from other inputs, tokens of the target's dictionary, deep nesting.
struct Mutator {
    /// Byte strings worth inserting whole: brackets, comment openers, line breaks,
    /// CJK, emoji, bad UTF-8, names the rules know.
    let tokens: [[UInt8]]
    /// Other inputs, for splicing.
    let donors: [[UInt8]]
    /// Inputs are cut to this length.
    let maximumLength: Int

    func mutate(_ input: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
        var bytes = input
        let count = random.chance(75) ? 1 + random.below(3) : 1 + random.below(12)
        for _ in 0..<count {
            mutateOnce(&bytes, &random)
        }
        if bytes.count > maximumLength {
            bytes.removeLast(bytes.count - maximumLength)
        }
        return bytes
    }

    private func mutateOnce(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        switch random.below(12) {
        case 0:
            guard !bytes.isEmpty else { return insertToken(&bytes, &random) }
            bytes[random.below(bytes.count)] ^= UInt8(1) << UInt8(random.below(8))
        case 1:
            guard !bytes.isEmpty else { return insertToken(&bytes, &random) }
            bytes[random.below(bytes.count)] = random.chance(50) ? random.pick(Self.interestingBytes) : UInt8(random.below(256))
        case 2:
            deleteRun(&bytes, &random)
        case 3:
            let run = random.runLength(upTo: 64)
            let filler = random.chance(50) ? [UInt8](repeating: random.pick(Self.interestingBytes), count: run)
                : (0..<run).map { _ in UInt8(random.below(256)) }
            bytes.insert(contentsOf: filler, at: random.below(bytes.count + 1))
        case 4:
            copyRun(&bytes, &random)
        case 5:
            splice(&bytes, &random)
        case 6, 7, 8:
            insertToken(&bytes, &random)
        case 9:
            insertNesting(&bytes, &random)
        case 10:
            changeLineBreaks(&bytes, &random)
        default:
            // Cut the text off: the end of a document or message is where parsers slip.
            guard !bytes.isEmpty else { return insertToken(&bytes, &random) }
            bytes.removeLast(random.below(min(bytes.count, 256)) + 1)
        }
    }

    static let interestingBytes: [UInt8] = [
        0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x2C, 0x2F, 0x2A, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D,
        0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xFF,
    ]

    private func deleteRun(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        let start = random.below(bytes.count)
        let length = random.runLength(upTo: bytes.count - start)
        bytes.removeSubrange(start..<start + length)
    }

    /// Repeats a run of the input somewhere else in it.
    private func copyRun(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        let start = random.below(bytes.count)
        let length = random.runLength(upTo: bytes.count - start)
        let run = Array(bytes[start..<start + length])
        bytes.insert(contentsOf: run, at: random.below(bytes.count + 1))
    }

    /// A run of another input inserted here, or the other input's tail in place of this one's.
    private func splice(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let donor = donors.isEmpty ? [] : random.pick(donors)
        guard !donor.isEmpty else { return insertToken(&bytes, &random) }
        let start = random.below(donor.count)
        if random.chance(50) {
            let length = random.runLength(upTo: donor.count - start)
            bytes.insert(contentsOf: donor[start..<start + length], at: random.below(bytes.count + 1))
        } else {
            let cut = random.below(bytes.count + 1)
            bytes.replaceSubrange(cut..., with: donor[start...])
        }
    }

    private func insertToken(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        var token = random.pick(tokens)
        if random.chance(10) {
            token = Array([[UInt8]](repeating: token, count: random.runLength(upTo: 64)).joined())
        }
        let at = random.chance(20) ? Self.lineEnd(in: bytes, near: random.below(bytes.count + 1)) : random.below(bytes.count + 1)
        bytes.insert(contentsOf: token, at: at)
    }

    /// Opening brackets many levels deep, sometimes past every nesting limit, sometimes closed again.
    private func insertNesting(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let depth = random.chance(2) ? 100_000 : random.chance(20) ? random.within(990...1_010) : random.runLength(upTo: 2_000)
        let opener: [UInt8] = random.pick([Array("[".utf8), Array("{\"a\":".utf8), Array("{\"filings\":[".utf8)])
        var nesting = [UInt8]()
        nesting.reserveCapacity(depth * (opener.count + 1))
        for _ in 0..<depth { nesting.append(contentsOf: opener) }
        if random.chance(50) {
            for _ in 0..<depth { nesting.append(opener == Array("[".utf8) ? UInt8(ascii: "]") : UInt8(ascii: "}")) }
        }
        bytes.insert(contentsOf: nesting, at: random.below(bytes.count + 1))
    }

    /// Every line break of the input turned into `\r\n`, `\r` or `\n`.
    private func changeLineBreaks(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let replacement: [UInt8] = random.pick([[0x0D, 0x0A], [0x0D], [0x0A]])
        var changed: [UInt8] = []
        changed.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                changed.append(contentsOf: replacement)
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else {
                changed.append(byte)
                index += 1
            }
        }
        bytes = changed
    }

    /// The end of the line holding `offset`: where editors put appended text.
    private static func lineEnd(in bytes: [UInt8], near offset: Int) -> Int {
        var index = offset
        while index < bytes.count && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
        return index
    }
}

/// Tokens every target shares: the characters JSONC gives meaning to and the text that trips decoders.
enum FuzzTokens {
    static let syntax: [String] = [
        "{", "}", "[", "]", "\"", ":", ",", "//", "/*", "*/", "/* a */", "// x\n", "\r\n", "\r", "\n", "\t", " ",
        "\\", "\\\"", "\\u", "\\u00", "\\uD800", "\\uDC00", "\\uD83D\\uDE00", "\\n", "\\x", "null", "true", "false",
        "nul", "-", "0", "00", "-0.0e-5", "1e999", "1.", ".5", "12345678901234567890123", "NaN", "'a'",
        "杭州", "示例科技有限公司", "😀", "👨‍👩‍👧", "e\u{301}", "\u{2028}", "\u{FEFF}", "\u{7F}",
        "\"\":", "{}", "[]", ",]", ",}", "[,", "{,",
    ]

    static let badUTF8: [[UInt8]] = [
        [0xFF], [0x80], [0xC0, 0x80], [0xC2], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBB, 0xBF],
    ]

    static func bytes(_ strings: [String]) -> [[UInt8]] {
        strings.map { Array($0.utf8) } + badUTF8
    }
}
