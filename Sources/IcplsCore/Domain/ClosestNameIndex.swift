/// Declared names of one kind, indexed so that a "did you mean" question looks at a
/// handful of names instead of all of them: the answers are exactly those of
/// `ClosestName.closest(_:among:)` over every name, in the same order.
///
/// Each ASCII name of at least `minimumIndexedLength` bytes is cut into five pieces and
/// filed under each piece. Two edits (a transposition counting as one) touch at most
/// four of the five, so a name within two edits of the typed text has a piece that
/// stands unchanged in it, moved by at most two places: looking up every such slice of
/// the typed text finds every name that can be close. Shorter and non-ASCII names are
/// few and are always compared.
public struct ClosestNameIndex: Sendable {
    static let pieces = 5
    static let minimumIndexedLength = 2 * pieces
    static let maximumShift = 2

    private let names: [String]
    private let pieces: PieceTable
    private let unindexedPositions: [Int32]

    public init(_ names: [String]) {
        self.names = names
        var pieces = PieceTable(expectedEntries: names.count * Self.pieces)
        var unindexed: [Int32] = []
        for (position, name) in names.enumerated() {
            let indexed: Bool = name.utf8.withContiguousStorageIfAvailable { bytes in
                guard bytes.count >= Self.minimumIndexedLength, !bytes.contains(where: { $0 >= 0x80 }) else { return false }
                for piece in 0..<Self.pieces {
                    let (start, end) = Self.bounds(ofPiece: piece, length: bytes.count)
                    pieces.insert(Self.key(length: bytes.count, piece: piece, UnsafeBufferPointer(rebasing: bytes[start..<end])), Int32(position))
                }
                return true
            } ?? false
            if !indexed { unindexed.append(Int32(position)) }
        }
        self.pieces = pieces
        unindexedPositions = unindexed
    }

    /// Every name at the smallest distance within the limit, in the order of the names.
    public func closest(_ typed: String) -> [String] {
        let typedBytes = Array(typed.lowercased().utf8)
        guard !typedBytes.contains(where: { $0 >= 0x80 }) else {
            // Rare: a non-ASCII slice of the typed text can match no ASCII piece byte for byte.
            return ClosestName.closest(typed, among: names)
        }
        var positions = unindexedPositions
        let count = typedBytes.count
        typedBytes.withUnsafeBufferPointer { typedBytes in
            let shortest = max(Self.minimumIndexedLength, count - Self.maximumShift)
            guard shortest <= count + Self.maximumShift else { return }
            for length in shortest...(count + Self.maximumShift) {
                for piece in 0..<Self.pieces {
                    let (start, end) = Self.bounds(ofPiece: piece, length: length)
                    for shift in -Self.maximumShift...Self.maximumShift where start + shift >= 0 && end + shift <= count {
                        let slice = UnsafeBufferPointer(rebasing: typedBytes[(start + shift)..<(end + shift)])
                        pieces.positions(of: Self.key(length: length, piece: piece, slice), into: &positions)
                    }
                }
            }
        }
        positions.sort()
        var candidates: [String] = []
        var previous: Int32 = -1
        for position in positions where position != previous {
            candidates.append(names[Int(position)])
            previous = position
        }
        return ClosestName.closest(typed, among: candidates)
    }

    /// The single closest name, or nil when none is close enough or several tie.
    public func find(_ typed: String) -> String? {
        let found = closest(typed)
        return found.count == 1 ? found[0] : nil
    }

    private static func bounds(ofPiece piece: Int, length: Int) -> (start: Int, end: Int) {
        (length * piece / pieces, length * (piece + 1) / pieces)
    }

    /// FNV-1a over the name's length, the piece's number and its bytes folded to lower
    /// case; two pieces that collide only cost one more comparison.
    private static func key(length: Int, piece: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        mix(UInt8(truncatingIfNeeded: length))
        mix(UInt8(truncatingIfNeeded: length >> 8))
        mix(UInt8(piece))
        for byte in bytes { mix(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
        return hash
    }
}

/// Name positions by piece key in flat arrays, chained per slot: one allocation for the
/// whole table instead of one small array per piece.
private struct PieceTable: Sendable {
    private var heads: [Int32]
    private var keys: [UInt64] = []
    private var positions: [Int32] = []
    private var next: [Int32] = []
    private let mask: Int

    init(expectedEntries: Int) {
        var slots = 16
        while slots < 2 * expectedEntries { slots <<= 1 }
        heads = Array(repeating: -1, count: slots)
        mask = slots - 1
        keys.reserveCapacity(expectedEntries)
        positions.reserveCapacity(expectedEntries)
        next.reserveCapacity(expectedEntries)
    }

    mutating func insert(_ key: UInt64, _ position: Int32) {
        let slot = Int(truncatingIfNeeded: key) & mask
        next.append(heads[slot])
        heads[slot] = Int32(keys.count)
        keys.append(key)
        positions.append(position)
    }

    /// Appends the positions filed under `key`, in no particular order.
    func positions(of key: UInt64, into found: inout [Int32]) {
        var entry = heads[Int(truncatingIfNeeded: key) & mask]
        while entry >= 0 {
            if keys[Int(entry)] == key { found.append(positions[Int(entry)]) }
            entry = next[Int(entry)]
        }
    }
}
