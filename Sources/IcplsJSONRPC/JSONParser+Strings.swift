extension JSONParser {
    /// Reads a string whose opening quote has been consumed, through its closing quote.
    ///
    /// Document texts arrive as strings of many megabytes, and being JSON themselves
    /// they are full of escaped quotes and line breaks. So the string is read in two
    /// passes over plain runs found eight bytes at a time: the first finds the closing
    /// quote and checks every escape, the second writes the unescaped bytes straight into
    /// the new string's storage, which cannot be longer than the escaped text.
    mutating func parseStringBody() throws(JSONDecodingError) -> String {
        let start = offset
        var position = start
        var hasEscapes = false
        while true {
            position = PlainStringRun.end(in: bytes, from: position)
            guard position < bytes.count else {
                throw JSONDecodingError(.unexpectedEndOfInput, at: position)
            }
            let byte = bytes[position]
            if byte == ASCII.quote {
                break
            }
            guard byte == ASCII.backslash else {
                throw JSONDecodingError(.unescapedControlCharacter, at: position)
            }
            position = try endOfEscape(at: position)
            hasEscapes = true
        }
        offset = position + 1
        let content = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        // Both initializers replace bytes that are not UTF-8 with U+FFFD.
        guard hasEscapes else {
            return String(decoding: content, as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: content.count) { storage in
            Self.unescape(content, into: UnsafeMutableRawBufferPointer(storage))
        }
    }

    /// Checks the escape sequence starting with the backslash at `backslash` and returns
    /// the position just after it.
    private func endOfEscape(at backslash: Int) throws(JSONDecodingError) -> Int {
        guard backslash + 1 < bytes.count else {
            throw JSONDecodingError(.unexpectedEndOfInput, at: bytes.count)
        }
        switch bytes[backslash + 1] {
        case ASCII.quote, ASCII.backslash, ASCII.slash, UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return backslash + 2
        case UInt8(ascii: "u"):
            let end = backslash + 6
            guard end <= bytes.count else {
                throw JSONDecodingError(.unexpectedEndOfInput, at: bytes.count)
            }
            for position in (backslash + 2)..<end where Self.hexValue(bytes[position]) == nil {
                throw JSONDecodingError(.invalidEscape, at: backslash)
            }
            return end
        default:
            throw JSONDecodingError(.invalidEscape, at: backslash)
        }
    }

    /// Writes the characters of `escaped` — string content whose escapes have all been
    /// checked — into `output`, and returns how many bytes were written.
    private static func unescape(_ escaped: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        var position = 0
        while position < escaped.count {
            let runEnd = PlainStringRun.end(in: escaped, from: position)
            let run = UnsafeRawBufferPointer(rebasing: escaped[position..<runEnd])
            UnsafeMutableRawBufferPointer(rebasing: output[written...]).copyMemory(from: run)
            written += run.count
            guard runEnd < escaped.count else { break }
            // Only a backslash can end a run here: the first pass stopped at everything else.
            let letter = escaped[runEnd + 1]
            position = runEnd + 2
            let character: UInt8
            switch letter {
            case UInt8(ascii: "b"): character = 0x08
            case UInt8(ascii: "f"): character = 0x0C
            case UInt8(ascii: "n"): character = ASCII.lineFeed
            case UInt8(ascii: "r"): character = ASCII.carriageReturn
            case UInt8(ascii: "t"): character = ASCII.tab
            case UInt8(ascii: "u"):
                let scalar = unicodeEscape(in: escaped, at: &position)
                for byte in scalar.utf8 {
                    output[written] = byte
                    written += 1
                }
                continue
            default: character = letter  // `"`, `\` and `/` stand for themselves.
            }
            output[written] = character
            written += 1
        }
        return written
    }

    /// The character of a checked `\u` escape whose hex digits start at `position`,
    /// joining a surrogate pair written as two escapes. A surrogate without its partner
    /// becomes U+FFFD. Advances `position` past what was used.
    private static func unicodeEscape(in escaped: UnsafeRawBufferPointer, at position: inout Int) -> Unicode.Scalar {
        let unit = hexQuad(in: escaped, at: position)
        position += 4
        switch unit {
        case 0xD800...0xDBFF:
            let partnerStart = position
            guard partnerStart + 6 <= escaped.count,
                  escaped[partnerStart] == ASCII.backslash, escaped[partnerStart + 1] == UInt8(ascii: "u")
            else {
                return Unicode.Scalar.replacementCharacter
            }
            let low = hexQuad(in: escaped, at: partnerStart + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                // Not a partner: the second escape is read on its own.
                return Unicode.Scalar.replacementCharacter
            }
            position = partnerStart + 6
            let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(combined) ?? Unicode.Scalar.replacementCharacter
        default:
            // Lone low surrogates are not scalars, so they fall back to U+FFFD here.
            return Unicode.Scalar(unit) ?? Unicode.Scalar.replacementCharacter
        }
    }

    /// The value of four hex digits already known to be valid.
    private static func hexQuad(in bytes: UnsafeRawBufferPointer, at position: Int) -> UInt32 {
        var value: UInt32 = 0
        for digit in bytes[position..<position + 4] {
            value = value << 4 | UInt32(hexValue(digit) ?? 0)
        }
        return value
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case ASCII.zero...ASCII.nine: return digit - ASCII.zero
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Unicode.Scalar {
    static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"
}
