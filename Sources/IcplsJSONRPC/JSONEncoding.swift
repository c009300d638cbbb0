extension JSONValue {
    /// The compact JSON text of the value: no whitespace, object members in order.
    public func encoded() -> [UInt8] {
        var output: [UInt8] = []
        encode(into: &output)
        return output
    }

    /// Appends the compact JSON text of the value to `output`.
    public func encode(into output: inout [UInt8]) {
        switch self {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value):
            output.append(contentsOf: String(value).utf8)
        case .number(let value):
            Self.encode(value, into: &output)
        case .string(let value):
            Self.encode(value, into: &output)
        case .array(let elements):
            output.append(ASCII.openBracket)
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    output.append(ASCII.comma)
                }
                element.encode(into: &output)
            }
            output.append(ASCII.closeBracket)
        case .object(let object):
            output.append(ASCII.openBrace)
            var isFirst = true
            for (key, value) in object {
                if !isFirst {
                    output.append(ASCII.comma)
                }
                isFirst = false
                Self.encode(key, into: &output)
                output.append(ASCII.colon)
                value.encode(into: &output)
            }
            output.append(ASCII.closeBrace)
        }
    }

    /// JSON has no NaN or infinity, so those become `null`. Whole numbers that a double
    /// holds exactly are written without a fraction, as the protocol's integers must be.
    private static func encode(_ number: Double, into output: inout [UInt8]) {
        guard number.isFinite else {
            output.append(contentsOf: "null".utf8)
            return
        }
        let exactIntegerLimit = 9_007_199_254_740_992.0  // 2^53
        if number.rounded(.towardZero) == number, abs(number) <= exactIntegerLimit {
            output.append(contentsOf: String(Int64(number)).utf8)
        } else {
            // Swift prints the shortest text that reads back as the same double, always
            // in a form JSON accepts ("0.1", "1e-07", "1.5e+300").
            output.append(contentsOf: number.description.utf8)
        }
    }

    /// Strings without anything to escape — nearly all of them — are copied in one go.
    /// The others are measured first and then written in place, so a document text with
    /// thousands of escaped quotes and line breaks costs two quick passes, not thousands
    /// of separate appends.
    private static func encode(_ string: String, into output: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            let text = UnsafeRawBufferPointer(utf8)
            var special = PlainStringRun.end(in: text, from: 0)
            guard special < text.count else {
                output.append(ASCII.quote)
                output.append(contentsOf: text)
                output.append(ASCII.quote)
                return
            }
            var escapedLength = text.count
            while special < text.count {
                escapedLength += escape(of: text[special]).count - 1
                special = PlainStringRun.end(in: text, from: special + 1)
            }
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: escapedLength + 2))
            output.withUnsafeMutableBytes { buffer in
                writeEscaped(text, into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]))
            }
        }
    }

    /// Writes `text` as a quoted, escaped JSON string into `output`, which has exactly
    /// the room needed.
    private static func writeEscaped(_ text: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        output[0] = ASCII.quote
        var written = 1
        var position = 0
        while position < text.count {
            let runEnd = PlainStringRun.end(in: text, from: position)
            let run = UnsafeRawBufferPointer(rebasing: text[position..<runEnd])
            UnsafeMutableRawBufferPointer(rebasing: output[written...]).copyMemory(from: run)
            written += run.count
            guard runEnd < text.count else { break }
            let escape = escape(of: text[runEnd])
            for index in 0..<escape.count {
                output[written] = escape.bytes[index]
                written += 1
            }
            position = runEnd + 1
        }
        output[written] = ASCII.quote
    }

    /// The escape sequence standing for `byte` — a quote, a backslash or a control
    /// character — kept in a fixed array so that no escape allocates.
    private static func escape(of byte: UInt8) -> (bytes: [6 of UInt8], count: Int) {
        let backslash = ASCII.backslash
        switch byte {
        case ASCII.quote, ASCII.backslash:
            return ([backslash, byte, 0, 0, 0, 0], 2)
        case ASCII.lineFeed:
            return ([backslash, UInt8(ascii: "n"), 0, 0, 0, 0], 2)
        case ASCII.carriageReturn:
            return ([backslash, UInt8(ascii: "r"), 0, 0, 0, 0], 2)
        case ASCII.tab:
            return ([backslash, UInt8(ascii: "t"), 0, 0, 0, 0], 2)
        default:
            // Only bytes below 0x20 get here, so the first two hex digits are always 0.
            let u = UInt8(ascii: "u")
            return ([backslash, u, ASCII.zero, ASCII.zero, hexDigit(byte >> 4), hexDigit(byte & 0x0F)], 6)
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? ASCII.zero + value : UInt8(ascii: "a") + value - 10
    }
}
