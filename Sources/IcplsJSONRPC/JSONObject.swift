/// The members of a JSON object, in the order they were added.
///
/// Keeping the order makes encoding deterministic: an object encodes exactly as it was
/// built or received. Small objects — nearly every protocol message — are searched
/// linearly, which beats hashing at that size; larger ones get a key index so lookups
/// stay cheap. Setting a key that is already present replaces its value in place, so a
/// decoded object with a repeated key keeps the last value at the first position.
/// Equality ignores order, as JSON does.
public struct JSONObject: Sendable {
    public typealias Member = (key: String, value: JSONValue)

    private var keysInOrder: [String] = []
    private var valuesInOrder: [JSONValue] = []
    /// Built only once the object grows past `linearSearchLimit` members.
    private var positionByKey: [String: Int]?

    private static let linearSearchLimit = 8

    public init() {}

    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (key, value) in members {
            self[key] = value
        }
    }

    public var count: Int { keysInOrder.count }
    public var isEmpty: Bool { keysInOrder.isEmpty }

    /// The member names, in order.
    public var keys: [String] { keysInOrder }

    /// The value of the member named `key`; assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            position(of: key).map { valuesInOrder[$0] }
        }
        set {
            if let existing = position(of: key) {
                if let newValue {
                    valuesInOrder[existing] = newValue
                } else {
                    remove(at: existing)
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    public func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    private func position(of key: String) -> Int? {
        if let positionByKey {
            return positionByKey[key]
        }
        return keysInOrder.firstIndex(of: key)
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        keysInOrder.append(key)
        valuesInOrder.append(value)
        if positionByKey != nil {
            positionByKey?[key] = keysInOrder.count - 1
        } else if keysInOrder.count > Self.linearSearchLimit {
            rebuildIndex()
        }
    }

    private mutating func remove(at position: Int) {
        keysInOrder.remove(at: position)
        valuesInOrder.remove(at: position)
        if positionByKey != nil {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard keysInOrder.count > Self.linearSearchLimit else {
            positionByKey = nil
            return
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(keysInOrder.count)
        for (position, key) in keysInOrder.enumerated() {
            index[key] = position
        }
        positionByKey = index
    }
}

extension JSONObject: Sequence {
    public struct Iterator: IteratorProtocol {
        private let object: JSONObject
        private var position = 0

        fileprivate init(_ object: JSONObject) {
            self.object = object
        }

        public mutating func next() -> Member? {
            guard position < object.keysInOrder.count else { return nil }
            defer { position += 1 }
            return (object.keysInOrder[position], object.valuesInOrder[position])
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(self)
    }

    public var underestimatedCount: Int { count }
}

extension JSONObject: Equatable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs where rhs[key] != value {
            return false
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral members: (String, JSONValue)...) {
        self.init(members)
    }
}
