import IcplsDocument

/// The members of one object by name, the last of a repeated name counting.
/// Objects of the format hold a handful of members, so a scan beats hashing
/// every key; large objects (unknown members can be anything) get a table.
struct MemberLookup: Sendable {
    private let members: [JSONMember]
    /// For large objects only: the positions of the first and the last member of each name.
    private let firstPositions: [String: Int]?
    private let lastPositions: [String: Int]?
    private static let scanLimit = 16

    init(_ members: [JSONMember]) {
        self.members = members
        if members.count > Self.scanLimit {
            var first: [String: Int] = [:]
            var last: [String: Int] = [:]
            for (position, member) in members.enumerated() {
                if first[member.key] == nil { first[member.key] = position }
                last[member.key] = position
            }
            firstPositions = first
            lastPositions = last
        } else {
            firstPositions = nil
            lastPositions = nil
        }
    }

    subscript(key: String) -> JSONMember? {
        lastPosition(of: key).map { members[$0] }
    }

    /// True when no later member has the same name.
    func isLast(_ position: Int) -> Bool {
        lastPosition(of: members[position].key) == position
    }

    /// True when an earlier member has the same name.
    func isRepeat(_ position: Int) -> Bool {
        let key = members[position].key
        if let firstPositions { return firstPositions[key] != position }
        return members[..<position].contains { $0.key == key }
    }

    private func lastPosition(of key: String) -> Int? {
        if let lastPositions { return lastPositions[key] }
        return members.lastIndex { $0.key == key }
    }
}
