import IcplsDocument

/// A structure problem (ICP002–ICP006) found while reading a document; the
/// structure rules turn these into diagnostics.
public struct StructuralFinding: Sendable, Equatable {
    public var rule: RuleID
    public var range: ByteRange
    public var message: Message
    public var repair: Repair?

    public enum Repair: Sendable, Hashable {
        /// Replace the typed text (a value, or a key) with the closest of these, if close enough.
        case closest(typed: String, candidates: [String])
        /// Replace a domain with its bare host name.
        case bareHostName(String)
    }
}
