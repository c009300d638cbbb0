import IcplsDocument

/// "Did you mean" for several typed texts at once, in one pass over the declared names: the
/// answers are exactly those of `ClosestName.closest(_:among:)` over every name.
///
/// `ClosestNameIndex` the other way round. The index files each name under its five pieces and
/// looks a typed text up by the slices where a piece of a name near it would stand; here those
/// slices of the typed texts are filed (a few thousand keys, which stay in cache) and each name is
/// looked up by its five pieces as it goes by. One check of a large inventory asks about a few
/// dozen ids; filing tens of thousands of names for them costs several times this pass.
enum ClosestNameScan {
    /// For each of `typedTexts`, every name at the smallest distance within the limit, in the order of the names.
    static func closest(to typedTexts: [String], among names: [String]) -> [[String]] {
        // Each text once, however often it is typed.
        var distinct = ExactTextPositions()
        let distinctPositions = typedTexts.map { distinct.insert($0).position }
        let typed = distinct.texts
        var slices = TypedSlices()
        // Non-ASCII texts are compared with every name, as the index compares them.
        var comparedWithAll: [Int] = []
        for (position, text) in typed.enumerated() {
            let bytes = Array(text.lowercased().utf8)
            if bytes.contains(where: { $0 >= 0x80 }) {
                comparedWithAll.append(position)
            } else {
                slices.add(bytes, of: position)
            }
        }
        slices.makeSlots()
        var candidates = [[Int32]](repeating: [], count: typed.count)
        if !slices.typedPositions.isEmpty {
            for position in names.indices {
                let isIndexable: Bool = names[position].utf8.withContiguousStorageIfAvailable { bytes in
                    guard bytes.count >= ClosestNameIndex.minimumIndexedLength, Self.isASCII(bytes) else { return false }
                    slices.lookUp(piecesOf: bytes, name: Int32(position), into: &candidates)
                    return true
                } ?? false
                // Names the index leaves out (short or non-ASCII) are compared with every text.
                if !isIndexable {
                    for typed in slices.typedPositions { candidates[typed].append(Int32(position)) }
                }
            }
        }
        var answers = [[String]](repeating: [], count: typed.count)
        for position in slices.typedPositions {
            answers[position] = ClosestName.closest(typed[position], among: candidates[position].map { names[Int($0)] })
        }
        for position in comparedWithAll {
            answers[position] = ClosestName.closest(typed[position], among: names)
        }
        return distinctPositions.map { answers[$0] }
    }

    /// Whether no byte has its high bit set, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var seen: UInt64 = 0
        var offset = 0
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while offset + 8 <= bytes.count {
            seen |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            seen |= UInt64(bytes[offset])
            offset += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }
}

/// The slices of the typed texts where a piece of a name near one would stand, by key
/// (`ClosestNameIndex.key`), each with the position of its typed text.
private struct TypedSlices {
    private var keys: [UInt64] = []
    private var owners: [Int] = []
    /// An entry's position plus one in each slot, 0 when empty: open addressing over `keys`.
    private var slots: [Int32] = []
    private(set) var typedPositions: [Int] = []

    /// Files the slices `ClosestNameIndex.closest(_:)` would look up for this typed text.
    mutating func add(_ bytes: [UInt8], of position: Int) {
        typedPositions.append(position)
        let count = bytes.count
        let shortest = max(ClosestNameIndex.minimumIndexedLength, count - ClosestNameIndex.maximumShift)
        guard shortest <= count + ClosestNameIndex.maximumShift else { return }
        bytes.withUnsafeBufferPointer { bytes in
            for length in shortest...(count + ClosestNameIndex.maximumShift) {
                for piece in 0..<ClosestNameIndex.pieces {
                    let (start, end) = ClosestNameIndex.bounds(ofPiece: piece, length: length)
                    for shift in -ClosestNameIndex.maximumShift...ClosestNameIndex.maximumShift
                    where start + shift >= 0 && end + shift <= count {
                        keys.append(ClosestNameIndex.key(length: length, piece: piece, bytes, (start + shift)..<(end + shift)))
                        owners.append(position)
                    }
                }
            }
        }
    }

    /// Files the keys added in a table four times their number, so that few probes meet another.
    mutating func makeSlots() {
        var slotCount = 16
        while slotCount < keys.count * 4 { slotCount *= 2 }
        slots = [Int32](repeating: 0, count: slotCount)
        for entry in keys.indices {
            var slot = Int(truncatingIfNeeded: keys[entry]) & (slotCount - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// Adds `position`, the name's, to the candidates of each typed text that has a slice keyed as
    /// one of the name's five pieces, once.
    func lookUp(piecesOf name: UnsafeBufferPointer<UInt8>, name position: Int32, into candidates: inout [[Int32]]) {
        let mask = slots.count - 1
        for piece in 0..<ClosestNameIndex.pieces {
            let (start, end) = ClosestNameIndex.bounds(ofPiece: piece, length: name.count)
            let key = ClosestNameIndex.key(length: name.count, piece: piece, name, start..<end)
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 {
                let entry = Int(slots[slot]) - 1
                if keys[entry] == key, candidates[owners[entry]].last != position { candidates[owners[entry]].append(position) }
                slot = (slot + 1) & mask
            }
        }
    }
}
