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
                    pieces.insert(Self.key(length: bytes.count, piece: piece, bytes, start..<end), Int32(position))
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
                        let key = Self.key(length: length, piece: piece, typedBytes, (start + shift)..<(end + shift))
                        pieces.positions(of: key, into: &positions)
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

    static func bounds(ofPiece piece: Int, length: Int) -> (start: Int, end: Int) {
        (length * piece / pieces, length * (piece + 1) / pieces)
    }

    /// The piece's bytes folded to lower case, eight at a time, each word mixed in with a
    /// multiply and a rotation after the name's length and the piece's number; two pieces that
    /// collide only cost one more comparison. Only ASCII is ever keyed.
    static func key(length: Int, piece: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: length << 3 | piece) &* multiplier
        var offset = range.lowerBound
        while offset < range.upperBound {
            let word = Self.lowercased(Self.word(bytes, at: offset, count: min(8, range.upperBound - offset)))
            hash = (hash ^ word) &* multiplier
            hash = (hash << 29) | (hash >> 35)
            offset += 8
        }
        hash ^= hash >> 32
        hash &*= 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }

    /// `count` bytes (one to eight) from `offset`, in memory order, the rest zero: loaded at
    /// once when eight bytes are there to load, as they are for every piece but a name's last.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, count: Int) -> UInt64 {
        if offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
            return count == 8 ? word : word & ((1 << UInt64(count * 8)) - 1)
        }
        var word: UInt64 = 0
        for index in offset..<(offset + count) { word |= UInt64(bytes[index]) << UInt64((index - offset) * 8) }
        return word
    }

    /// Each byte of an ASCII word from A to Z made lower case, all eight at once: a byte's high
    /// bit says whether adding to it reaches 0x80, which for a 7-bit byte carries into no other.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F // 0x41 and up reach 0x80
        let pastZ = word &+ 0x2525_2525_2525_2525 // 0x5B and up reach 0x80
        return word | ((fromA & ~pastZ & 0x8080_8080_8080_8080) >> 2)
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
        while slots * 2 < expectedEntries { slots <<= 1 }
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
