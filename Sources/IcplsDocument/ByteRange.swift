/// A half-open range of byte offsets into a document's UTF-8 text.
///
/// Everything inside icpls speaks in bytes; line/column positions in any
/// encoding are made only at the edges (the CLI output, the LSP adapter).
///
/// Offsets are kept in 32 bits: a text that is parsed is far smaller than 2 GiB (see
/// `JSONCParser.sizeLimit`), and every key, value and declaration carries a range, so
/// halving it makes trees and models a fifth smaller.
public struct ByteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    private var storedStart: Int32
    private var storedEnd: Int32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(clamping: newValue) }
    }

    public init(start: Int, end: Int) {
        precondition(start <= end, "a range ends after it starts")
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    /// An empty range at one offset: where something is missing.
    public static func empty(at offset: Int) -> ByteRange {
        ByteRange(start: offset, end: offset)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool {
        offset >= start && offset < end
    }

    /// True when `offset` lies inside the range or just after its last byte,
    /// which is where an editor's cursor sits after typing a token.
    public func touches(_ offset: Int) -> Bool {
        offset >= start && offset <= end
    }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}
