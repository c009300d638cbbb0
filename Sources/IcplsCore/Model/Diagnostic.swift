import IcplsDocument

public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error, warning, information, hint

    /// Most severe first.
    var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .information: return 2
        case .hint: return 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A rule's identifier: `ICP` and three digits, spelled the same everywhere
/// (diagnostics, suppression comments, settings, every CLI format).
public struct RuleID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// True for any `ICP` followed by exactly three digits, known or not.
    public static func isWellFormed<S: StringProtocol>(_ text: S) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 6, utf8[0] == UInt8(ascii: "I"), utf8[1] == UInt8(ascii: "C"), utf8[2] == UInt8(ascii: "P") else {
            return false
        }
        return utf8[3...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// Identifies a document of the workspace: its absolute path, or its URI when it is no file.
public struct DocumentKey: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static func < (lhs: DocumentKey, rhs: DocumentKey) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// A range in one document of the workspace.
public struct Location: Hashable, Sendable {
    public var document: DocumentKey
    public var range: ByteRange

    public init(document: DocumentKey, range: ByteRange) {
        self.document = document
        self.range = range
    }
}

public struct RelatedLocation: Hashable, Sendable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

/// One replacement of a byte range of one document.
public struct TextEdit: Hashable, Sendable {
    public var location: Location
    public var newText: String

    public init(location: Location, newText: String) {
        self.location = location
        self.newText = newText
    }
}

/// A fix is data on its diagnostic, so the server's code actions and `check --fix`
/// use the very edits the rules computed.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]
    /// Applied by `check --fix` and fix-all; offered first in an editor.
    public var isPreferred: Bool
    /// The number a fix puts into a website, so fixes applied together never
    /// give one unused number to two websites.
    public var assignsServiceNumber: String?
    /// True for "ignore ICPxxx on this line": an editor action, not a repair.
    public var isSuppression: Bool

    public init(title: String, edits: [TextEdit], isPreferred: Bool, assignsServiceNumber: String? = nil, isSuppression: Bool = false) {
        self.title = title
        self.edits = edits
        self.isPreferred = isPreferred
        self.assignsServiceNumber = assignsServiceNumber
        self.isSuppression = isSuppression
    }
}

public struct Diagnostic: Hashable, Sendable {
    public var rule: RuleID
    public var severity: Severity
    public var location: Location
    public var message: String
    public var related: [RelatedLocation]
    public var fixes: [Fix]

    public init(rule: RuleID, severity: Severity, location: Location, message: String, related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.related = related
        self.fixes = fixes
    }

    public var document: DocumentKey { location.document }
    public var range: ByteRange { location.range }
}
