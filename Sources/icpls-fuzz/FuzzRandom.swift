/// SplitMix64: a small generator whose whole sequence follows from its seed, the same
/// on every machine and every Swift version (unlike `Int.random(in:using:)`'s mapping).
struct FuzzRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// Seeded by the FNV-1a hash of `bytes`: whatever a target derives from it
    /// (split points, edits) follows from the input alone, so a saved input replays exactly.
    init(hashing bytes: [UInt8]) {
        self.init(seed: Self.hash(bytes))
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next() % UInt64(bound))
    }

    /// A number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True `percent` times out of a hundred.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// A length that is usually small and sometimes large: runs of inserted or deleted bytes.
    mutating func runLength(upTo limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        let cap = chance(80) ? min(limit, 8) : chance(80) ? min(limit, 128) : limit
        return 1 + below(cap)
    }
}
