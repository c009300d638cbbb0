import IcplsDocument
/// The known name closest to a typed one, for "did you mean" messages and fixes:
/// optimal-string-alignment Damerau–Levenshtein over Unicode scalars, case-insensitive,
/// at most 2 edits away (1 when the typed text has 4 characters or fewer).
///
/// One question scans every name, but allocates nothing per name: ASCII names
/// (ids and numbers nearly always are) are compared on their UTF-8 bytes with
/// a banded distance that stops as soon as the limit is passed.
public enum ClosestName {
    /// Every candidate at the smallest distance within the limit, in the order given.
    public static func closest(_ typed: String, among candidates: [String]) -> [String] {
        let typedScalars = Array(typed.lowercased().unicodeScalars).map(\.value)
        let limit = typedScalars.count <= 4 ? 1 : 2
        let typedIsASCII = typedScalars.allSatisfy { $0 < 0x80 }
        var scratch = DistanceScratch(capacity: typedScalars.count + limit + 2)
        let typedBytes = typedIsASCII ? typedScalars.map { UInt8($0) } : []
        var best = limit + 1
        var found: [String] = []
        func scalarDistance(_ candidate: String, _ bound: Int) -> Int? {
            let scalars = Array(candidate.lowercased().unicodeScalars).map(\.value)
            guard abs(scalars.count - typedScalars.count) <= bound else { return nil }
            return scratch.distance(typedScalars, scalars, limit: bound) { $0 }
        }
        for candidate in candidates {
            let bound = min(limit, best)
            let distance: Int? = candidate.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
                if typedIsASCII && !bytes.contains(where: { $0 >= 0x80 }) {
                    guard abs(bytes.count - typedScalars.count) <= bound,
                          Self.mayBeWithinTwoEdits(typedBytes, bytes) else { return nil }
                    return scratch.distance(typedScalars, bytes, limit: bound) { UInt32($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) }
                }
                return scalarDistance(candidate, bound)
            } ?? scalarDistance(candidate, bound)
            // The typed text itself (distance 0, or equal but for case) is no suggestion.
            guard let distance, !candidate.isExactly(typed) else { continue }
            if distance < best {
                best = distance
                found = [candidate]
            } else if distance == best && !found.contains(where: { $0.isExactly(candidate) }) {
                found.append(candidate)
            }
        }
        return found
    }

    /// A quick test that never rejects a name within two edits: two edits (a transposition
    /// counting as one) change at most four of five pieces of the typed text, so one piece
    /// stands unchanged in the name, moved by at most two places.
    static func mayBeWithinTwoEdits(_ typed: [UInt8], _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let pieces = 5
        let count = typed.count
        guard count >= 2 * pieces, let base = name.baseAddress else { return true }
        return typed.withUnsafeBufferPointer { typed -> Bool in
            for piece in 0..<pieces {
                let start = count * piece / pieces
                let end = count * (piece + 1) / pieces
                let first = typed[start]
                for shift in -2...2 where start + shift >= 0 && end + shift <= name.count {
                    // Most places differ at once: test the first byte before the rest.
                    guard Self.folded(base[start + shift]) == first else { continue }
                    var index = start + 1
                    while index < end && Self.folded(base[index + shift]) == typed[index] { index += 1 }
                    if index == end { return true }
                }
            }
            return false
        }
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The single closest candidate, or nil when none is close enough or several tie.
    public static func find(_ typed: String, among candidates: [String]) -> String? {
        let found = closest(typed, among: candidates)
        return found.count == 1 ? found[0] : nil
    }
}

/// Three rows of the distance table in one flat buffer, reused from one comparison to the next.
struct DistanceScratch {
    private var cells: [Int]
    private var width: Int

    init(capacity: Int) {
        width = capacity + 1
        cells = Array(repeating: 0, count: 3 * width)
    }

    /// The distance between `a` and `b` (each element mapped by `value`), or nil
    /// as soon as it is certain to exceed `limit`. Only the band of cells within
    /// `limit` of the diagonal is ever computed.
    mutating func distance<C: RandomAccessCollection>(_ a: [UInt32], _ b: C, limit: Int, value: (C.Element) -> UInt32) -> Int?
    where C.Index == Int {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        if width < m + 1 {
            width = m + 1
            cells = Array(repeating: 0, count: 3 * width)
        }
        let width = self.width
        let start = b.startIndex
        return cells.withUnsafeMutableBufferPointer { cells -> Int? in
            let unreachable = limit + 1
            var twoBack = 0, oneBack = width, current = 2 * width
            for j in 0...min(m, limit + 2) { cells[oneBack + j] = min(j, unreachable) }
            if limit + 3 <= m { cells[oneBack + limit + 3] = unreachable }
            for i in 1...n {
                cells[current] = min(i, unreachable)
                var rowMinimum = cells[current]
                let low = max(1, i - limit)
                let high = min(m, i + limit)
                if low > 1 { cells[current + low - 1] = unreachable }
                if low <= high {
                    for j in low...high {
                        let bj = value(b[start + j - 1])
                        let cost = a[i - 1] == bj ? 0 : 1
                        var cell = min(cells[oneBack + j] + 1, cells[current + j - 1] + 1, cells[oneBack + j - 1] + cost)
                        if i > 1 && j > 1 && a[i - 1] == value(b[start + j - 2]) && a[i - 2] == bj {
                            cell = min(cell, cells[twoBack + j - 2] + 1)
                        }
                        cells[current + j] = min(cell, unreachable)
                        rowMinimum = min(rowMinimum, cells[current + j])
                    }
                }
                if high < m { cells[current + high + 1] = unreachable }
                if rowMinimum > limit { return nil }
                (twoBack, oneBack, current) = (oneBack, current, twoBack)
            }
            return cells[oneBack + m] <= limit ? cells[oneBack + m] : nil
        }
    }
}
