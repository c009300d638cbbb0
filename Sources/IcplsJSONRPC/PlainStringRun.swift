/// Finds where a run of string bytes that need no escaping ends — at a quote, a
/// backslash, a control character, or the end of the buffer. Both the decoder and the
/// encoder use it, because document texts can be megabytes long and are nearly all such
/// bytes: eight of them are tested at a time.
enum PlainStringRun {
    static func end(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var offset = start
        let count = bytes.count
        while offset + 8 <= count {
            // Little-endian order puts the byte at the lowest address in the lowest bits.
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let specialBytes = specialByteMask(word)
            if specialBytes != 0 {
                return offset + specialBytes.trailingZeroBitCount / 8
            }
            offset += 8
        }
        while offset < count {
            let byte = bytes[offset]
            if byte == ASCII.quote || byte == ASCII.backslash || byte < 0x20 { return offset }
            offset += 1
        }
        return offset
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Sets the high bit of each byte of `word` that is `"`, `\\` or below 0x20. The
    /// subtractions can carry a borrow upward from a matching byte and mark bytes above
    /// it by mistake, but never below it — so the lowest mark is always exact, and that
    /// is the only one used.
    private static func specialByteMask(_ word: UInt64) -> UInt64 {
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits
        let quote = zeroByteMask(word ^ (ones &* UInt64(ASCII.quote)))
        let backslash = zeroByteMask(word ^ (ones &* UInt64(ASCII.backslash)))
        return belowSpace | quote | backslash
    }

    private static func zeroByteMask(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }
}
