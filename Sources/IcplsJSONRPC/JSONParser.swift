/// A byte-level JSON parser. It is iterative rather than recursive, so the nesting
/// limit, not the thread's stack size, decides how deep a document may go.
struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    /// An array or object whose closing bracket has not been read yet. Its elements (and
    /// member names) wait on the shared `pendingValues` (and `pendingKeys`) stacks from
    /// the recorded positions on, so no container is copied while it is being filled.
    private struct OpenContainer {
        let isObject: Bool
        let firstValue: Int
        let firstKey: Int
    }

    private var openContainers: [OpenContainer] = []
    private var pendingValues: [JSONValue] = []
    private var pendingKeys: [String] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONDecodingError) -> JSONValue {
        readValue: while true {
            var value: JSONValue
            skipWhitespace()
            let first = try currentByte()
            if first == ASCII.openBracket || first == ASCII.openBrace {
                guard openContainers.count < JSONValue.maximumNestingDepth else {
                    throw JSONDecodingError(.nestingTooDeep, at: offset)
                }
                offset += 1
                skipWhitespace()
                let isObject = first == ASCII.openBrace
                if try currentByte() == (isObject ? ASCII.closeBrace : ASCII.closeBracket) {
                    offset += 1
                    value = isObject ? .object(JSONObject()) : .array([])
                } else {
                    openContainers.append(OpenContainer(
                        isObject: isObject, firstValue: pendingValues.count, firstKey: pendingKeys.count
                    ))
                    if isObject {
                        pendingKeys.append(try parseMemberName())
                    }
                    continue readValue
                }
            } else {
                value = try parseScalar(startingWith: first)
            }

            // The value is complete: hand it to the innermost open container, closing
            // every container that ends right after it.
            while let container = openContainers.last {
                pendingValues.append(value)
                skipWhitespace()
                let separator = try currentByte()
                offset += 1
                if separator == ASCII.comma {
                    if container.isObject {
                        pendingKeys.append(try parseMemberName())
                    }
                    continue readValue
                }
                guard separator == (container.isObject ? ASCII.closeBrace : ASCII.closeBracket) else {
                    throw JSONDecodingError(.unexpectedByte(separator), at: offset - 1)
                }
                openContainers.removeLast()
                value = container.isObject ? closeObject(container) : closeArray(container)
            }

            skipWhitespace()
            guard offset == bytes.count else {
                throw JSONDecodingError(.unexpectedByte(bytes[offset]), at: offset)
            }
            return value
        }
    }

    private mutating func closeArray(_ container: OpenContainer) -> JSONValue {
        let elements = Array(pendingValues[container.firstValue...])
        pendingValues.removeSubrange(container.firstValue...)
        return .array(elements)
    }

    private mutating func closeObject(_ container: OpenContainer) -> JSONValue {
        var object = JSONObject()
        for (key, value) in zip(pendingKeys[container.firstKey...], pendingValues[container.firstValue...]) {
            object[key] = value
        }
        pendingKeys.removeSubrange(container.firstKey...)
        pendingValues.removeSubrange(container.firstValue...)
        return .object(object)
    }

    // MARK: Scalars

    private mutating func parseScalar(startingWith first: UInt8) throws(JSONDecodingError) -> JSONValue {
        switch first {
        case ASCII.quote:
            offset += 1
            return .string(try parseStringBody())
        case ASCII.minus, ASCII.zero...ASCII.nine:
            return try parseNumber()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            throw JSONDecodingError(.unexpectedByte(first), at: offset)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONDecodingError) {
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            let actual = try currentByte()
            guard actual == byte else {
                throw JSONDecodingError(.unexpectedByte(actual), at: offset)
            }
            offset += 1
        }
    }

    /// Reads `ws string ws :` and returns the member name.
    mutating func parseMemberName() throws(JSONDecodingError) -> String {
        skipWhitespace()
        let quote = try currentByte()
        guard quote == ASCII.quote else {
            throw JSONDecodingError(.unexpectedByte(quote), at: offset)
        }
        offset += 1
        let name = try parseStringBody()
        skipWhitespace()
        let colon = try currentByte()
        guard colon == ASCII.colon else {
            throw JSONDecodingError(.unexpectedByte(colon), at: offset)
        }
        offset += 1
        return name
    }

    private mutating func parseNumber() throws(JSONDecodingError) -> JSONValue {
        let start = offset
        let isNegative = bytes[offset] == ASCII.minus
        if isNegative {
            offset += 1
        }
        let firstDigit = try currentByte()
        if firstDigit == ASCII.zero {
            offset += 1
        } else if isDigit(firstDigit) {
            skipDigits()
        } else {
            throw JSONDecodingError(.invalidNumber, at: offset)
        }
        let integerEnd = offset
        if offset < bytes.count, bytes[offset] == ASCII.dot {
            offset += 1
            try expectDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == ASCII.plus || bytes[offset] == ASCII.minus {
                offset += 1
            }
            try expectDigits()
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
        if offset == integerEnd,
           let integer = Self.int64(digits: text.dropFirst(isNegative ? 1 : 0), isNegative: isNegative) {
            return .integer(integer)
        }
        // The grammar has been checked above, so the C-locale conversion cannot disagree
        // with JSON about what the text means; out-of-range magnitudes become ±infinity.
        guard let number = Double(String(decoding: text, as: UTF8.self)) else {
            throw JSONDecodingError(.invalidNumber, at: start)
        }
        return .number(number)
    }

    /// The value of a run of decimal digits, or `nil` when it does not fit in an `Int64`.
    private static func int64(digits: Slice<UnsafeRawBufferPointer>, isNegative: Bool) -> Int64? {
        var magnitude: UInt64 = 0
        for digit in digits {
            let (shifted, overflowShift) = magnitude.multipliedReportingOverflow(by: 10)
            let (added, overflowAdd) = shifted.addingReportingOverflow(UInt64(digit - ASCII.zero))
            guard !overflowShift, !overflowAdd else { return nil }
            magnitude = added
        }
        if isNegative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return Int64(exactly: magnitude).map { -$0 }
        }
        return Int64(exactly: magnitude)
    }

    private mutating func expectDigits() throws(JSONDecodingError) {
        let digit = try currentByte()
        guard isDigit(digit) else {
            throw JSONDecodingError(.invalidNumber, at: offset)
        }
        skipDigits()
    }

    private mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) {
            offset += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= ASCII.zero && byte <= ASCII.nine
    }

    // MARK: Bytes

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn:
                offset += 1
            default:
                return
            }
        }
    }

    func currentByte() throws(JSONDecodingError) -> UInt8 {
        guard offset < bytes.count else {
            throw JSONDecodingError(.unexpectedEndOfInput, at: offset)
        }
        return bytes[offset]
    }
}
