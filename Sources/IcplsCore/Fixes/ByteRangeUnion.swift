import IcplsDocument

enum ByteRangeUnion {
    /// The smallest range covering both.
    static func of(_ first: ByteRange, _ second: ByteRange) -> ByteRange {
        ByteRange(start: min(first.start, second.start), end: max(first.end, second.end))
    }
}
