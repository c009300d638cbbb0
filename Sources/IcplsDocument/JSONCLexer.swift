/// Splits JSONC text into tokens, skipping whitespace and comments.
///
/// Works on an unsafe buffer for speed; the parser owns the buffer's lifetime.
struct JSONCLexer {
    enum Kind: UInt8 {
        case beginObject, endObject, beginArray, endArray, colon, comma
        case string, number, trueLiteral, falseLiteral, nullLiteral
        /// A word that is no JSON token (`NaN`, `'x'`, `01`, a lone `/`…).
        case invalid
        /// A run of bytes that are not UTF-8.
        case badBytes
        case endOfText
    }

    struct Token {
        var kind: Kind
        var start: Int
        var end: Int
        /// Strings: ended at the end of a line or of the text.
        var isUnterminated = false
        /// Strings: hold a backslash escape.
        var hasEscapes = false
        /// Strings: hold a raw control character or a bad escape.
        var isMalformed = false
        /// Numbers: the word is not a JSON number.
        var isBadNumber = false

        var range: ByteRange { ByteRange(start: start, end: end) }

        var canStartValue: Bool {
            switch kind {
            case .beginObject, .beginArray, .string, .number, .trueLiteral, .falseLiteral, .nullLiteral, .invalid, .badBytes:
                return true
            default:
                return false
            }
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    /// `//` comments met so far, recorded once even when the text is lexed again.
    var lineComments: [ByteRange] = []
    /// `/* */` comments met so far, recorded once like `lineComments`.
    var blockComments: [ByteRange] = []
    var unterminatedCommentStarts: [Int] = []
    private var recordedUpTo = 0

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        self.position = start
    }

    /// Takes the comments another lexer met in a stretch of the same text that this one skips,
    /// which ends at `end`; they come after every comment recorded so far.
    mutating func adoptComments(line: [ByteRange], block: [ByteRange], upTo end: Int) {
        lineComments += line
        blockComments += block
        recordedUpTo = max(recordedUpTo, end)
    }

    @inline(__always)
    mutating func next() -> Token {
        skipTrivia()
        let count = bytes.count
        guard position < count else { return Token(kind: .endOfText, start: count, end: count) }
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"): position += 1; return Token(kind: .beginObject, start: start, end: position)
        case UInt8(ascii: "}"): position += 1; return Token(kind: .endObject, start: start, end: position)
        case UInt8(ascii: "["): position += 1; return Token(kind: .beginArray, start: start, end: position)
        case UInt8(ascii: "]"): position += 1; return Token(kind: .endArray, start: start, end: position)
        case UInt8(ascii: ":"): position += 1; return Token(kind: .colon, start: start, end: position)
        case UInt8(ascii: ","): position += 1; return Token(kind: .comma, start: start, end: position)
        case UInt8(ascii: "\""): return lexString()
        case UInt8(ascii: "/"):
            // Not a comment (skipTrivia took those): a lone slash.
            position += 1
            return Token(kind: .invalid, start: start, end: position)
        default:
            if byte >= 0x80 && UTF8Decoding.sequenceLength(bytes, at: position) == 0 {
                while position < count && bytes[position] >= 0x80 && UTF8Decoding.sequenceLength(bytes, at: position) == 0 {
                    position += 1
                }
                return Token(kind: .badBytes, start: start, end: position)
            }
            return lexWord()
        }
    }

    /// A run of bytes up to the next delimiter, classified as a literal, a number or invalid.
    private mutating func lexWord() -> Token {
        let start = position
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if Self.isDelimiter[Int(byte)] { break }
            if byte >= 0x80 {
                let length = UTF8Decoding.sequenceLength(bytes, at: position)
                if length == 0 { break }
                // Unicode spaces are not JSON whitespace but do end a word.
                if Self.isUnicodeSpace(bytes, at: position, length: length) {
                    if position == start { position += length }
                    break
                }
                position += length
            } else {
                position += 1
            }
        }
        var token = Token(kind: .invalid, start: start, end: position)
        let length = position - start
        let first = bytes[start]
        if length == 4 && matches("true", at: start) {
            token.kind = .trueLiteral
        } else if length == 5 && matches("false", at: start) {
            token.kind = .falseLiteral
        } else if length == 4 && matches("null", at: start) {
            token.kind = .nullLiteral
        } else if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
            token.kind = .number
            token.isBadNumber = !JSONNumberScanner.isValid(bytes, start: start, end: position)
        }
        return token
    }

    private func matches(_ literal: StaticString, at start: Int) -> Bool {
        var index = start
        for byte in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            if bytes[index] != byte { return false }
            index += 1
        }
        return true
    }

    private mutating func lexString() -> Token {
        let token = Self.stringToken(bytes, at: position)
        position = token.end
        return token
    }

    /// The string token whose opening quote is at `start`, with what the parser needs to know of
    /// it; the reading of clean containers scans strings with it too.
    @inline(__always)
    static func stringToken(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Token {
        var position = start + 1
        var token = Token(kind: .string, start: start, end: start)
        let count = bytes.count
        while position < count {
            // Eight bytes at a time up to the first that ends the string, escapes or is a control character.
            position = WordScan.skipToStringEnd(bytes, from: position)
            guard position < count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                token.end = position + 1
                return token
            }
            if byte == UInt8(ascii: "\\") {
                token.hasEscapes = true
                position += 1
                if position < count && bytes[position] != 0x0A && bytes[position] != 0x0D {
                    position += 1
                }
                continue
            }
            if byte == 0x0A || byte == 0x0D { break }
            if byte < 0x20 { token.isMalformed = true }
            position += 1
        }
        // Unterminated: the string ends at the end of its line.
        token.isUnterminated = true
        token.end = position
        return token
    }

    /// Skips whitespace here and comments out of line: almost every token follows a space or
    /// a line break, and only few follow a comment.
    @inline(__always)
    private mutating func skipTrivia() {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
                continue
            }
            guard byte == UInt8(ascii: "/"), skipComment() else { return }
        }
    }

    /// Skips the comment at `position`, recording it; false, having moved nothing, when the
    /// slash there begins none.
    private mutating func skipComment() -> Bool {
        let count = bytes.count
        guard position + 1 < count else { return false }
        let second = bytes[position + 1]
        if second == UInt8(ascii: "/") {
            let start = position
            position += 2
            while position < count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            if start >= recordedUpTo {
                lineComments.append(ByteRange(start: start, end: position))
                recordedUpTo = position
            }
            return true
        }
        guard second == UInt8(ascii: "*") else { return false }
        let start = position
        position += 2
        var closed = false
        while position + 1 < count {
            if bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/") {
                closed = true
                break
            }
            position += 1
        }
        if closed {
            position += 2
        } else {
            position = count
            if start >= recordedUpTo { unterminatedCommentStarts.append(start) }
        }
        if start >= recordedUpTo {
            blockComments.append(ByteRange(start: start, end: position))
            recordedUpTo = position
        }
        return true
    }

    /// Bytes that end a word: JSON whitespace, structural characters, quotes and slashes.
    private static let isDelimiter: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in " \t\n\r{}[]:,\"/".utf8 { table[Int(character)] = true }
        return table
    }()

    private static func isUnicodeSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        let scalar = UTF8Decoding.scalar(bytes, at: index, length: length)
        return scalar.properties.isWhitespace
    }
}

/// The JSON number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
enum JSONNumberScanner {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var index = start
        @inline(__always) func isDigit(_ i: Int) -> Bool { i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        if index < end && bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < end && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
        }
        if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
        }
        return index == end
    }

    /// The value of a valid number, and whether it is whole, judged from its digits
    /// so that `1.2e1` is whole and `1e400` is too even though its double is infinite.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> JSONNumber {
        // Most numbers are small whole ones (months, megabits): read them without making text.
        if end - start <= 15 {
            var whole = 0
            var index = start
            let negative = bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            while index < end, bytes[index] &- 0x30 < 10 {
                whole = whole * 10 + Int(bytes[index] &- 0x30)
                index += 1
            }
            if index == end { return JSONNumber(value: negative ? -Double(whole) : Double(whole), isInteger: true) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let value = Double(text) ?? .nan
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var index = start
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        var inFraction = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                let exponentText = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
                exponent = Int(exponentText.hasPrefix("+") ? String(exponentText.dropFirst()) : exponentText)
                    ?? (exponentText.hasPrefix("-") ? Int.min / 2 : Int.max / 2)
                break
            } else {
                digits.append(byte)
                if inFraction { fractionDigits += 1 }
            }
            index += 1
        }
        var trailingZeros = 0
        for digit in digits.reversed() {
            if digit != UInt8(ascii: "0") { break }
            trailingZeros += 1
        }
        let isZero = trailingZeros == digits.count
        let isInteger = isZero || trailingZeros >= fractionDigits - exponent
        return JSONNumber(value: value, isInteger: isInteger)
    }
}
