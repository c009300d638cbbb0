/// Strings of up to 15 bytes met lately, found again by their bytes. Member names and many
/// values (regions, products, statuses, account ids) repeat all through a document, and making
/// a `String` checks its UTF-8 each time; a repeat is now a hash and two compares. Strings this
/// short live inside the `String` value itself, so keeping them allocates nothing.
struct RecentShortStrings {
    private struct Slot {
        /// The bytes, zero-padded, with the length in the top byte of `high`.
        var low: UInt64 = 0
        var high: UInt64 = 0
        var string = ""
    }

    private static let slotBits = 8

    /// Held by reference, with no check for a unique owner on each string: the table is
    /// a parser's own, and a parser is never copied.
    private final class Table {
        let slots: UnsafeMutablePointer<Slot>

        init() {
            slots = .allocate(capacity: 1 << RecentShortStrings.slotBits)
            slots.initialize(repeating: Slot(), count: 1 << RecentShortStrings.slotBits)
        }

        deinit {
            slots.deinitialize(count: 1 << RecentShortStrings.slotBits)
            slots.deallocate()
        }
    }

    private let table = Table()

    /// The string of the valid UTF-8 `bytes[start..<end]`. Two words are loaded from `start` when
    /// sixteen bytes are left there; near the end of the text the bytes are read one by one.
    func string(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        let count = end - start
        guard count > 0, count < 16 else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        if start + 16 <= bytes.count {
            low = WordScan.load(bytes, at: start)
            high = WordScan.load(bytes, at: start + 8)
            if count < 8 {
                low &= (1 << UInt64(count * 8)) - 1
                high = 0
            } else {
                high &= (1 << UInt64((count - 8) * 8)) - 1
            }
        } else {
            for offset in 0..<count {
                let byte = UInt64(bytes[start + offset])
                if offset < 8 { low |= byte << UInt64(offset * 8) } else { high |= byte << UInt64((offset - 8) * 8) }
            }
        }
        high |= UInt64(count) << 56
        let slot = Int(truncatingIfNeeded: (low &* 0x9E37_79B9_7F4A_7C15 ^ high &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - Self.slotBits))
        let slots = table.slots
        if slots[slot].low == low && slots[slot].high == high { return slots[slot].string }
        let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        slots[slot] = Slot(low: low, high: high, string: string)
        return string
    }
}
