/// Looks at eight bytes at once (SWAR): each test is true when some byte of the word may
/// match, and never false when one does, so a caller skips a word only when it is sure.
enum WordScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Eight bytes from `offset` (which needs eight bytes left), in memory order.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte that may be below `limit` (at most 0x80). The lowest set bit
    /// is exact: a test can err only in a byte above one that truly matches (the borrow runs
    /// upwards), so that bit marks the word's first such byte.
    @inline(__always)
    static func bytes(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highBits
    }

    /// The high bit of each byte that may equal `value`; the lowest set bit is exact, as above.
    @inline(__always)
    static func bytes(equalTo value: UInt8, in word: UInt64) -> UInt64 {
        bytes(below: 1, in: word ^ (ones &* UInt64(value)))
    }

    /// Some byte is below `limit` (at most 0x80).
    @inline(__always)
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        bytes(below: limit, in: word) != 0
    }

    /// The first quote, backslash or control character (line breaks among them) from `start`
    /// on, looking eight bytes at a time; where fewer than eight bytes are left when there is none.
    @inline(__always)
    static func skipToStringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position + 8 <= bytes.count {
            let found = stringEndMask(load(bytes, at: position))
            if found != 0 { return position + found.trailingZeroBitCount / 8 }
            position += 8
        }
        return position
    }

    /// The high bit of each byte that may be a quote, a backslash or a control character. The
    /// lowest set bit of each test is exact, so the lowest of all three marks the first such byte.
    @inline(__always)
    static func stringEndMask(_ word: UInt64) -> UInt64 {
        bytes(below: 0x20, in: word) | bytes(equalTo: UInt8(ascii: "\""), in: word) | bytes(equalTo: UInt8(ascii: "\\"), in: word)
    }
}
