import IcplsDocument

/// A value read from a document together with the range of its JSON value.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var range: ByteRange

    public init(_ value: Value, at range: ByteRange) {
        self.value = value
        self.range = range
    }

    public func map<Other>(_ transform: (Value) -> Other) -> Located<Other> {
        Located<Other>(transform(value), at: range)
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
