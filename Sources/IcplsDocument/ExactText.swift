extension String {
    /// Byte-for-byte equality of the UTF-8 forms. Keys and ids compare exactly (SPEC §2),
    /// while `==` takes Unicode-equivalent strings for equal. It is also cheaper: most names
    /// that differ differ in length, which settles them without looking at a byte.
    @inlinable @inline(__always)
    public func isExactly(_ other: String) -> Bool {
        if hasSameRepresentation(as: other) { return true }
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        let compared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                var index = 0
                while index < count {
                    if mine[index] != theirs[index] { return false }
                    index += 1
                }
                return true
            }
        }
        if let compared, let same = compared { return same }
        return utf8.elementsEqual(other.utf8)
    }
}

extension String {
    /// True when both strings are held the same way: the same short string stored inline (its
    /// bytes and length are the representation), or the same storage. Such strings have the
    /// same bytes; other equal strings answer false, so this only ever settles a comparison early.
    @inlinable @inline(__always)
    public func hasSameRepresentation(as other: String) -> Bool {
        #if arch(x86_64) || arch(arm64)
        return unsafeBitCast(self, to: (UInt64, UInt64).self) == unsafeBitCast(other, to: (UInt64, UInt64).self)
        #else
        return false
        #endif
    }
}

/// A string as a dictionary key that compares byte for byte (see `String.isExactly`).
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (left: ExactText, right: ExactText) -> Bool {
        left.text.isExactly(right.text)
    }

    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
