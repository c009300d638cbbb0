/// The syntax tree of a JSONC document: every key and value with its byte range.
///
/// The parser never fails: it always returns a tree (possibly without a root)
/// and a list of syntax errors; a value it could not read is `.invalid`.
public struct JSONSyntaxTree: Sendable, Equatable {
    /// The top-level value, when it is an object (see `nonObjectRoot` otherwise).
    public var root: JSONNode?
    /// A complete top-level value that is not an object.
    public var nonObjectRoot: JSONNode?
    /// Everything that is not valid JSONC, in the order of the text.
    public var errors: [SyntaxError]
    /// The `//` comments of the text (the slashes included, the line break not).
    public var lineComments: [ByteRange]
    /// The `/* */` comments of the text; an unterminated one runs to the end of the text.
    public var blockComments: [ByteRange]
    /// True when the text holds no value at all: only whitespace and comments.
    public var isEmpty: Bool
    /// Strings that run to the end of their line unclosed, each once, whether or not
    /// an error names them (another error may stand at the same place).
    public var unterminatedStrings: [ByteRange] = []

    public init(
        root: JSONNode?, nonObjectRoot: JSONNode?, errors: [SyntaxError],
        lineComments: [ByteRange], blockComments: [ByteRange] = [], isEmpty: Bool
    ) {
        self.root = root
        self.nonObjectRoot = nonObjectRoot
        self.errors = errors
        self.lineComments = lineComments
        self.blockComments = blockComments
        self.isEmpty = isEmpty
    }
}

public struct JSONNode: Sendable, Equatable {
    /// The whole value: quotes of a string included, an object or array from
    /// its opening bracket to its closing one (or to where it was cut off).
    public var range: ByteRange
    public var value: JSONValueSyntax

    public init(range: ByteRange, value: JSONValueSyntax) {
        self.range = range
        self.value = value
    }

    public var object: JSONObjectSyntax? {
        if case .object(let object) = value { return object }
        return nil
    }

    public var array: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    public var string: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    /// An object or an array: a value that holds others.
    public var isContainer: Bool {
        switch value {
        case .object, .array: return true
        default: return false
        }
    }

    public var isInvalid: Bool {
        if case .invalid = value { return true }
        return false
    }
}

public enum JSONValueSyntax: Sendable, Equatable {
    case object(JSONObjectSyntax)
    case array([JSONNode])
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null
    /// A value that could not be read; the parser reported why.
    case invalid
}

public struct JSONObjectSyntax: Sendable, Equatable {
    /// Members in the order of the text, duplicates included.
    public var members: [JSONMember]

    public init(members: [JSONMember]) {
        self.members = members
    }

    /// The member that counts for `key`: the last one with that name.
    public func member(_ key: String) -> JSONMember? {
        members.last { $0.key.isExactly(key) }
    }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    /// The key's string token, quotes included.
    public var keyRange: ByteRange
    /// `.invalid` with an empty range where the value was missing.
    public var value: JSONNode

    public init(key: String, keyRange: ByteRange, value: JSONNode) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }

    /// From the key's opening quote to the end of the value.
    public var range: ByteRange {
        ByteRange(start: keyRange.start, end: max(keyRange.end, value.range.end))
    }
}

/// A JSON number as written; any size is valid JSON.
public struct JSONNumber: Sendable, Hashable {
    /// The value as a double (huge numbers become infinite).
    public var value: Double
    /// True when the value is whole (`12`, `12.0`, `1.2e1`), judged exactly from the text.
    public var isInteger: Bool

    public init(value: Double, isInteger: Bool) {
        self.value = value
        self.isInteger = isInteger
    }
}

public struct SyntaxError: Sendable, Hashable {
    public var range: ByteRange
    public var kind: SyntaxErrorKind

    public init(range: ByteRange, kind: SyntaxErrorKind) {
        self.range = range
        self.kind = kind
    }
}

/// Why text is not valid JSONC. The words are the rules catalog's business.
public enum SyntaxErrorKind: Sendable, Hashable {
    case invalidUTF8
    case unexpectedToken(String)
    case invalidToken(String)
    case invalidNumber(String)
    case expectedMemberName(found: String)
    case missingComma
    case missingColon
    case missingValue(found: String)
    case missingClosingBracket(Character)
    case unterminatedString
    case unterminatedComment
    case invalidEscape
    case controlCharacterInString
    case textAfterTopLevelValue
    case nestingTooDeep(limit: Int)
    case fileTooLarge(byteLimit: Int)
}
