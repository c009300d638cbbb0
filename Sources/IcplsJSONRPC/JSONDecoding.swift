/// Why some bytes are not a JSON text (RFC 8259), and where the problem was found.
public struct JSONDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unexpectedEndOfInput
        case unexpectedByte(UInt8)
        case invalidNumber
        case invalidEscape
        case unescapedControlCharacter
        case nestingTooDeep
    }

    public let reason: Reason
    /// The offset, in bytes from the start of the input, where the problem was found.
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        switch reason {
        case .unexpectedEndOfInput:
            return "unexpected end of input at byte \(offset)"
        case .unexpectedByte(let byte):
            let shown = (0x20..<0x7F).contains(byte)
                ? "'\(Character(Unicode.Scalar(byte)))'"
                : "0x" + String(byte, radix: 16, uppercase: true)
            return "unexpected \(shown) at byte \(offset)"
        case .invalidNumber:
            return "invalid number at byte \(offset)"
        case .invalidEscape:
            return "invalid escape sequence at byte \(offset)"
        case .unescapedControlCharacter:
            return "unescaped control character in a string at byte \(offset)"
        case .nestingTooDeep:
            return "arrays and objects nested deeper than \(JSONValue.maximumNestingDepth) levels at byte \(offset)"
        }
    }
}

extension JSONValue {
    /// Arrays and objects nested deeper than this are rejected, so that hostile input
    /// cannot make decoding (or anything walking the result) exhaust memory or stack.
    public static let maximumNestingDepth = 1_000

    /// Decodes one JSON text. Bytes that are not valid UTF-8 inside strings, and `\u`
    /// escapes naming a lone surrogate, become U+FFFD instead of failing.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(JSONDecodingError) -> JSONValue {
        var parser = JSONParser(bytes)
        return try parser.parseDocument()
    }

    public static func decode(_ bytes: [UInt8]) throws(JSONDecodingError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONDecodingError) in try decode(buffer) }
        }
        return try result.get()
    }

    public static func decode(_ bytes: some Collection<UInt8>) throws(JSONDecodingError) -> JSONValue {
        let contiguousResult = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONDecodingError) in try decode(UnsafeRawBufferPointer(buffer)) }
        }
        if let contiguousResult {
            return try contiguousResult.get()
        }
        return try decode(Array(bytes))
    }

    public static func decode(_ text: String) throws(JSONDecodingError) -> JSONValue {
        try decode(Array(text.utf8))
    }
}
