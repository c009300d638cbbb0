/// Texts numbered in the order they were first added, found again by their exact bytes.
///
/// For the tables of ids, which hold tens of thousands of them in a large workspace: an id
/// is compared byte for byte (SPEC §2 says exactly; `String`'s `==` and hash take
/// Unicode-equivalent texts for one), and hashed eight bytes at a time with a multiply and a
/// rotation, a fraction of what a `Dictionary` keyed by `String` spends in `Hasher` per lookup.
/// Open addressing with linear probing, at most half full; each slot keeps its text's full hash,
/// so that a probe compares the bytes of a text only when the hashes agree.
public struct ExactTextPositions: Sendable {
    /// Each slot: 0 when empty, else the text's position plus one.
    private var slots: [Int32]
    /// The hash of the text in each slot.
    private var slotHashes: [UInt64]
    /// The texts by position.
    public private(set) var texts: [String] = []

    public init(minimumCapacity: Int = 0) {
        let slotCount = Self.slotCount(for: minimumCapacity)
        slots = [Int32](repeating: 0, count: slotCount)
        slotHashes = [UInt64](repeating: 0, count: slotCount)
        texts.reserveCapacity(minimumCapacity)
    }

    public var count: Int { texts.count }

    /// The position of the text with exactly these bytes; nil when there is none.
    public func position(of text: String) -> Int? {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if slotHashes[slot] == hash && texts[entry - 1].isExactly(text) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The position of `text`, added after all others when it is new.
    @discardableResult
    public mutating func insert(_ text: String) -> (position: Int, inserted: Bool) {
        insert(text, hash: Self.hash(text))
    }

    /// `insert(_:)` with the text's `hash(_:)` made before, where the text's bytes were at hand:
    /// the bytes are read again only when another text has the same hash.
    @discardableResult
    public mutating func insert(_ text: String, hash: UInt64) -> (position: Int, inserted: Bool) {
        if (texts.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if slotHashes[slot] == hash && texts[entry - 1].isExactly(text) { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
        texts.append(text)
        slots[slot] = Int32(truncatingIfNeeded: texts.count)
        slotHashes[slot] = hash
        return (texts.count - 1, true)
    }

    private mutating func grow() {
        let slotCount = slots.count * 2
        var newSlots = [Int32](repeating: 0, count: slotCount)
        var newHashes = [UInt64](repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for old in slots.indices where slots[old] != 0 {
            var slot = Int(truncatingIfNeeded: slotHashes[old]) & mask
            while newSlots[slot] != 0 { slot = (slot + 1) & mask }
            newSlots[slot] = slots[old]
            newHashes[slot] = slotHashes[old]
        }
        slots = newSlots
        slotHashes = newHashes
    }

    /// A power of two at least twice `count`, and at least 16.
    private static func slotCount(for count: Int) -> Int {
        var slotCount = 16
        while slotCount < count * 2 { slotCount *= 2 }
        return slotCount
    }

    /// The hash of the text's UTF-8 bytes: eight at a time, each mixed in with a multiply and a
    /// rotation, the length first and a final mixing so that the low bits (the slot) depend on all.
    public static func hash(_ text: String) -> UInt64 {
        if let hash = text.utf8.withContiguousStorageIfAvailable({ hash($0) }) { return hash }
        return Array(text.utf8).withUnsafeBufferPointer { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = ((hash ^ WordScan.load(bytes, at: offset)) &* multiplier).rotated(by: 29)
            offset += 8
        }
        if offset < bytes.count {
            var last: UInt64 = 0
            for index in offset..<bytes.count { last |= UInt64(bytes[index]) << UInt64((index - offset) * 8) }
            hash = ((hash ^ last) &* multiplier).rotated(by: 29)
        }
        hash ^= hash >> 32
        hash &*= 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }
}

extension UInt64 {
    fileprivate func rotated(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
