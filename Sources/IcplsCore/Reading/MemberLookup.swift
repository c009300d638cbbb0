import IcplsDocument

/// The members of one object by name, the last of a repeated name counting.
///
/// Names compare byte for byte (`String.isExactly`). An object of the format is read against
/// its kind's member names: each member's name is found among them once, and after that a
/// name is a number, so repeats, the last of each name and lookups cost no string compares.
/// Names the kind does not know are compared pair by pair, as are all names when there is no
/// kind; objects of more than 64 members (unknown members can be anything) get tables.
struct MemberLookup: Sendable {
    let members: [JSONMember]
    private let names: MemberNames
    /// For each of the kind's names: the position of the last member of that name, or -1.
    private let lastOfName: SIMD16<Int8>
    /// Bit `i`: a later member has member `i`'s name (objects of up to 64 members).
    private let superseded: UInt64
    /// Bit `i`: an earlier member has member `i`'s name (objects of up to 64 members).
    private let repeated: UInt64
    /// Bit `i`: member `i`'s name is none of the kind's.
    private let unknown: UInt64
    /// For large objects only: the positions of the first and the last member of each name.
    private let firstPositions: [ExactText: Int]?
    private let lastPositions: [ExactText: Int]?
    private static let pairwiseLimit = 64

    init(_ members: [JSONMember], names: MemberNames = .none) {
        self.members = members
        self.names = names
        var lastOfName = SIMD16<Int8>(repeating: -1)
        guard members.count <= Self.pairwiseLimit else {
            var first: [ExactText: Int] = [:]
            var last: [ExactText: Int] = [:]
            for (position, member) in members.enumerated() {
                let name = ExactText(member.key)
                if first[name] == nil { first[name] = position }
                last[name] = position
            }
            firstPositions = first
            lastPositions = last
            (superseded, repeated, unknown) = (0, 0, 0)
            self.lastOfName = lastOfName
            return
        }
        var superseded: UInt64 = 0
        var repeated: UInt64 = 0
        var unknown: UInt64 = 0
        for position in members.indices {
            guard let slot = names.slot(of: members[position].key) else {
                unknown |= 1 << UInt64(position)
                continue
            }
            let previous = lastOfName[slot]
            if previous >= 0 {
                superseded |= 1 << UInt64(previous)
                repeated |= 1 << UInt64(position)
            }
            lastOfName[slot] = Int8(position)
        }
        // Names the kind does not know can only repeat each other.
        var earlierUnknown = unknown
        while earlierUnknown != 0 {
            let earlier = earlierUnknown.trailingZeroBitCount
            earlierUnknown &= earlierUnknown - 1
            var laterUnknown = earlierUnknown
            while laterUnknown != 0 {
                let later = laterUnknown.trailingZeroBitCount
                laterUnknown &= laterUnknown - 1
                if members[later].key.isExactly(members[earlier].key) {
                    superseded |= 1 << UInt64(earlier)
                    repeated |= 1 << UInt64(later)
                }
            }
        }
        self.superseded = superseded
        self.repeated = repeated
        self.unknown = unknown
        self.lastOfName = lastOfName
        firstPositions = nil
        lastPositions = nil
    }

    subscript(key: String) -> JSONMember? {
        position(of: key).map { members[$0] }
    }

    /// Where the member that counts for `key` is in `members`, so that it can be read in place.
    func position(of key: String) -> Int? {
        if let lastPositions { return lastPositions[ExactText(key)] }
        if let slot = names.slot(of: key) {
            let position = lastOfName[slot]
            return position >= 0 ? Int(position) : nil
        }
        return members.lastIndex { $0.key.isExactly(key) }
    }

    /// True when some member has this name.
    func has(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// True when no later member has the same name.
    func isLast(_ position: Int) -> Bool {
        if let lastPositions { return lastPositions[ExactText(members[position].key)] == position }
        return superseded & (1 << UInt64(position)) == 0
    }

    /// True when an earlier member has the same name.
    func isRepeat(_ position: Int) -> Bool {
        if let firstPositions { return firstPositions[ExactText(members[position].key)] != position }
        return repeated & (1 << UInt64(position)) != 0
    }

    /// True when the member's name is none of the kind's (any name, without a kind).
    func isUnknown(_ position: Int) -> Bool {
        if lastPositions != nil { return names.slot(of: members[position].key) == nil }
        return unknown & (1 << UInt64(position)) != 0
    }
}

/// The member names of a kind of object: ASCII, at most 16, each with a code made of its
/// length and first byte, which tells the names of a kind apart without reading further.
struct MemberNames: Sendable {
    let names: [String]
    private let codes: [Int]

    static let none = MemberNames([])

    init(_ names: [String]) {
        precondition(names.count <= 16 && names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } && !$0.isEmpty })
        self.names = names
        codes = names.map(Self.code)
    }

    private static func code(_ name: String) -> Int {
        name.utf8.count << 8 | Int(name.utf8.first ?? 0)
    }

    /// The position of `key` among the names; nil when it is none of them.
    func slot(of key: String) -> Int? {
        // Short names read from a document are held as the names here are, inline: found at once.
        for slot in names.indices where names[slot].hasSameRepresentation(as: key) { return slot }
        let code = Self.code(key)
        return codes.withUnsafeBufferPointer { codes in
            // `==` holds for Unicode-equivalent strings, but a string of as many bytes as an ASCII
            // name is equivalent to it only when it is the same bytes: the characters that stand
            // for an ASCII one (KELVIN SIGN for K) take more bytes. And equal strings usually share
            // their bits, which `==` looks at first.
            for slot in 0..<codes.count where codes[slot] == code && names[slot] == key {
                return slot
            }
            return nil
        }
    }
}
