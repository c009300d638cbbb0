import IcplsDocument

/// The members of one object by name, the last of a repeated name counting.
/// Names compare byte for byte (`String.isExactly`). Objects of the format hold a
/// handful of members, so which ones repeat is worked out pair by pair into two bit
/// sets, and a name is found by a scan; large objects (unknown members can be anything)
/// get tables.
struct MemberLookup: Sendable {
    let members: [JSONMember]
    /// Bit `i`: a later member has member `i`'s name (objects of up to 64 members).
    private let superseded: UInt64
    /// Bit `i`: an earlier member has member `i`'s name (objects of up to 64 members).
    private let repeated: UInt64
    /// For large objects only: the positions of the first and the last member of each name.
    private let firstPositions: [ExactText: Int]?
    private let lastPositions: [ExactText: Int]?
    private static let pairwiseLimit = 64

    init(_ members: [JSONMember]) {
        self.members = members
        if members.count > Self.pairwiseLimit {
            var first: [ExactText: Int] = [:]
            var last: [ExactText: Int] = [:]
            for (position, member) in members.enumerated() {
                let name = ExactText(member.key)
                if first[name] == nil { first[name] = position }
                last[name] = position
            }
            firstPositions = first
            lastPositions = last
            superseded = 0
            repeated = 0
            return
        }
        var superseded: UInt64 = 0
        var repeated: UInt64 = 0
        for earlier in members.indices {
            let key = members[earlier].key
            for later in (earlier + 1)..<members.count where members[later].key.isExactly(key) {
                superseded |= 1 << UInt64(earlier)
                repeated |= 1 << UInt64(later)
            }
        }
        self.superseded = superseded
        self.repeated = repeated
        firstPositions = nil
        lastPositions = nil
    }

    subscript(key: String) -> JSONMember? {
        lastPosition(of: key).map { members[$0] }
    }

    /// Where the member that counts for `key` is in `members`, so that it can be read in place.
    func position(of key: String) -> Int? {
        lastPosition(of: key)
    }

    /// True when some member has this name.
    func has(_ key: String) -> Bool {
        lastPosition(of: key) != nil
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

    private func lastPosition(of key: String) -> Int? {
        if let lastPositions { return lastPositions[ExactText(key)] }
        return members.lastIndex { $0.key.isExactly(key) }
    }
}
