/// UTF-8 decoding with icpls's own rule for bad bytes: every byte that does not
/// begin a complete, well-formed sequence counts as one U+FFFD on its own
/// (a cut-off `E4 B8` is two replacement characters, not one as in the
/// maximal-subpart rule of most decoders).
public enum UTF8Decoding {
    /// The replacement character a bad byte stands for.
    public static let replacement = Unicode.Scalar(0xFFFD)!

    /// Length of the well-formed sequence starting at `index`, or 0 when the
    /// byte there is a bad byte.
    @inlinable
    public static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let count = bytes.count
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            let position = index + offset
            return position < count && bytes[position] >= low && bytes[position] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Decodes a well-formed sequence of `length` bytes at `index`.
    @inlinable
    public static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value: UInt32
        switch length {
        case 1: value = UInt32(bytes[index])
        case 2: value = UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            value = UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        default:
            value = UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
        return Unicode.Scalar(value) ?? replacement
    }

    /// Decodes bytes to a String, each bad byte becoming one U+FFFD.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var index = 0
        var allValid = true
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 { allValid = false; break }
            index += length
        }
        if allValid { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                scalars.append(replacement)
                index += 1
            } else {
                scalars.append(scalar(bytes, at: index, length: length))
                index += length
            }
        }
        return String(scalars)
    }

    public static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// The runs of consecutive bad bytes in `bytes`, as byte ranges.
    public static func badByteRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [ByteRange] {
        var runs: [ByteRange] = []
        var index = 0
        var runStart = -1
        while index < bytes.count {
            if runStart < 0 {
                // Eight bytes at a time while they are all ASCII, as most of a document is.
                while index + 8 <= bytes.count, WordScan.load(bytes, at: index) & WordScan.highBits == 0 { index += 8 }
                guard index < bytes.count else { break }
            }
            if bytes[index] < 0x80 {
                if runStart >= 0 { runs.append(ByteRange(start: runStart, end: index)); runStart = -1 }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                if runStart < 0 { runStart = index }
                index += 1
            } else {
                if runStart >= 0 { runs.append(ByteRange(start: runStart, end: index)); runStart = -1 }
                index += length
            }
        }
        if runStart >= 0 { runs.append(ByteRange(start: runStart, end: bytes.count)) }
        return runs
    }
}
