/// How a column counts characters: the three encodings LSP can negotiate.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A zero-based line and a zero-based column counted in some `PositionEncoding`.
public struct LinePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: LinePosition, rhs: LinePosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    public var description: String { "\(line):\(character)" }
}

/// Where each line starts, and conversions between byte offsets and positions.
///
/// Lines end at `\n`, `\r\n` or `\r`. A UTF-8 byte-order mark at the start of
/// the text counts for no column. A bad byte counts as one column in every
/// encoding (it stands for one U+FFFD).
public struct LineIndex: Sendable, Equatable {
    /// Byte offset where each line's first column is.
    public private(set) var lineStarts: [Int]
    /// Byte offset just past each line's last character, before its line break.
    public private(set) var lineContentEnds: [Int]
    public private(set) var byteCount: Int

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineIndex($0) }
    }

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 1)
        ends.reserveCapacity(bytes.count / 32 + 1)
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        starts.append(hasByteOrderMark ? 3 : 0)
        Self.scanLineBreaks(bytes, from: 0, to: bytes.count, starts: &starts, ends: &ends)
        let count = bytes.count
        ends.append(count)
        lineStarts = starts
        lineContentEnds = ends
        byteCount = count
    }

    public var lineCount: Int { lineStarts.count }

    /// The index of the text after `replaced` (offsets before the edit) gave way to
    /// `insertedCount` bytes, made from this index of the text before: only the lines the
    /// edit touches, and one on each side for line breaks it may join or split, are scanned.
    public func applying(_ replaced: ByteRange, insertedCount: Int, to newBytes: UnsafeBufferPointer<UInt8>) -> LineIndex {
        let delta = insertedCount - replaced.length
        // The byte-order mark decides where the first line starts: an edit near it starts over.
        guard replaced.start >= 4, replaced.end <= byteCount, newBytes.count == byteCount + delta else { return LineIndex(newBytes) }
        let first = max(0, line(containing: replaced.start) - 1)
        let after = line(containing: replaced.end) + 2
        var starts = Array(lineStarts[...first])
        var ends = Array(lineContentEnds[..<first])
        let windowEnd = after < lineStarts.count ? lineStarts[after] + delta : newBytes.count
        let count = newBytes.count
        Self.scanLineBreaks(newBytes, from: lineStarts[first], to: windowEnd, starts: &starts, ends: &ends)
        if after < lineStarts.count {
            starts += lineStarts[(after + 1)...].lazy.map { $0 + delta }
            ends += lineContentEnds[after...].lazy.map { $0 + delta }
        } else {
            ends.append(count)
        }
        var updated = self
        updated.lineStarts = starts
        updated.lineContentEnds = ends
        updated.byteCount = count
        return updated
    }

    /// Adds the line breaks that start in `start..<end`: where each line's content ends, and
    /// where the next line starts (a `\r\n` is one break, even when its `\n` is at `end`).
    private static func scanLineBreaks(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, starts: inout [Int], ends: inout [Int]
    ) {
        var index = start
        let count = bytes.count
        while index < end {
            // Eight bytes at a time while none of them can be a line break (all are 0x0E or above).
            while index + 8 <= end, !WordScan.hasByte(below: 0x0E, in: WordScan.load(bytes, at: index)) {
                index += 8
            }
            guard index < end else { break }
            let byte = bytes[index]
            if byte == 0x0A {
                ends.append(index)
                starts.append(index + 1)
            } else if byte == 0x0D {
                ends.append(index)
                if index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
    }

    public func applying(_ replaced: ByteRange, insertedCount: Int, to newBytes: [UInt8]) -> LineIndex {
        newBytes.withUnsafeBufferPointer { applying(replaced, insertedCount: insertedCount, to: $0) }
    }

    /// The line holding `offset` (a line break belongs to the line it ends).
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The byte range of a line's content, without its line break.
    public func contentRange(ofLine line: Int) -> ByteRange {
        ByteRange(start: lineStarts[line], end: lineContentEnds[line])
    }

    /// The position of a byte offset. Offsets inside a multi-byte character or
    /// a line break are counted up to that point as far as whole characters go.
    public func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, encoding: PositionEncoding) -> LinePosition {
        let clamped = max(0, min(offset, byteCount))
        let line = line(containing: clamped)
        let start = lineStarts[line]
        let target = min(max(clamped, start), lineContentEnds[line])
        if encoding == .utf8 {
            // An offset inside a character counts what came before it, as in the other encodings.
            let inside = Self.characterAround(target, in: bytes, lineStart: start, lineEnd: lineContentEnds[line])
            return LinePosition(line: line, character: (inside?.start ?? target) - start)
        }
        return LinePosition(line: line, character: Self.units(bytes, from: start, to: target, encoding: encoding))
    }

    /// The valid multi-byte character that `offset` falls strictly inside, if any.
    static func characterAround(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int) -> (start: Int, end: Int)? {
        guard offset > lineStart, offset < lineEnd, bytes[offset] & 0xC0 == 0x80 else { return nil }
        var lead = offset - 1
        while lead > lineStart && offset - lead < 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let length = UTF8Decoding.sequenceLength(bytes, at: lead)
        return length > 1 && lead + length > offset ? (lead, lead + length) : nil
    }

    public func position(of offset: Int, in bytes: [UInt8], encoding: PositionEncoding) -> LinePosition {
        bytes.withUnsafeBufferPointer { position(of: offset, in: $0, encoding: encoding) }
    }

    /// The byte offset of a position. A line past the end gives the end of the
    /// text; a column past the line's end gives the line's end (before its break).
    public func offset(of position: LinePosition, in bytes: UnsafeBufferPointer<UInt8>, encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return lineStarts[0] }
        guard position.line < lineStarts.count else { return byteCount }
        let start = lineStarts[position.line]
        let end = lineContentEnds[position.line]
        let wanted = max(0, position.character)
        if encoding == .utf8 {
            // A column inside a character lands after it, as one inside a surrogate pair does
            // in UTF-16: an edit there must not split the character.
            let offset = min(start + wanted, end)
            return Self.characterAround(offset, in: bytes, lineStart: start, lineEnd: end)?.end ?? offset
        }
        var index = start
        var units = 0
        while index < end && units < wanted {
            let length = UTF8Decoding.sequenceLength(bytes, at: index)
            if length == 0 {
                units += 1
                index += 1
                continue
            }
            let width = encoding == .utf16 && length == 4 ? 2 : 1
            // A position in the middle of a surrogate pair lands after the pair.
            units += width
            index += length
        }
        return index
    }

    public func offset(of position: LinePosition, in bytes: [UInt8], encoding: PositionEncoding) -> Int {
        bytes.withUnsafeBufferPointer { offset(of: position, in: $0, encoding: encoding) }
    }

    /// Code units of `encoding` between two offsets on one line.
    static func units(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, encoding: PositionEncoding) -> Int {
        var index = start
        var units = 0
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                units += 1
                index += 1
                continue
            }
            let length = UTF8Decoding.sequenceLength(bytes, at: index)
            if length == 0 {
                units += 1
                index += 1
            } else if index + length > end {
                // The offset falls inside this character: count what came before.
                break
            } else {
                units += encoding == .utf16 && length == 4 ? 2 : 1
                index += length
            }
        }
        return units
    }
}
