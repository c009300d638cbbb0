import IcplsDocument

/// Small scans over JSONC text used to place fix edits next to tokens.
enum JSONCTrivia {
    /// The offset of the next token at or after `offset`, past whitespace and comments.
    static func skip(_ text: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if byte == UInt8(ascii: "/"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "/") {
                while index < text.count && text[index] != 0x0A && text[index] != 0x0D { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < text.count && !(text[index] == UInt8(ascii: "*") && text[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index = min(text.count, index + 2)
            } else {
                return index
            }
        }
        return index
    }

    /// True when `start..<end` holds only JSON whitespace.
    static func isBlank(_ text: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start <= end else { return true }
        return text[start..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    static func lineStart(_ text: [UInt8], before offset: Int) -> Int {
        var index = offset
        while index > 0 && text[index - 1] != 0x0A && text[index - 1] != 0x0D { index -= 1 }
        return index
    }

    /// The offset just past the line break that ends the line holding `offset`.
    static func nextLineStart(_ text: [UInt8], after offset: Int) -> Int {
        var index = offset
        while index < text.count && text[index] != 0x0A && text[index] != 0x0D { index += 1 }
        guard index < text.count else { return index }
        if text[index] == 0x0D && index + 1 < text.count && text[index + 1] == 0x0A { return index + 2 }
        return index + 1
    }
}

/// Where and how to insert a member at the start of an object, matching its layout.
struct MemberInsertion {
    let offset: Int
    private let separator: String
    private let isEmptyObject: Bool

    init(text: [UInt8], objectRange: ByteRange) {
        let first = JSONCTrivia.skip(text, from: objectRange.start + 1)
        isEmptyObject = first >= text.count || text[first] == UInt8(ascii: "}")
        if isEmptyObject {
            offset = objectRange.start + 1
            separator = ""
        } else {
            offset = first
            let lineStart = JSONCTrivia.lineStart(text, before: first)
            if lineStart > objectRange.start, JSONCTrivia.isBlank(text, lineStart, first) {
                let indentation = String(decoding: text[lineStart..<first], as: UTF8.self)
                let lineBreak = lineStart >= 2 && text[lineStart - 2] == 0x0D ? "\r\n" : (text[lineStart - 1] == 0x0D ? "\r" : "\n")
                separator = "," + lineBreak + indentation
            } else {
                separator = ", "
            }
        }
    }

    func edit(member: String, location: Location) -> TextEdit {
        TextEdit(location: location, newText: isEmptyObject ? member : member + separator)
    }
}

/// The text to delete to remove one member or array element and one comma next to it.
/// When only whitespace separates the two they go as one range; when comments stand
/// between them, the element and the comma go apart so that the comments stay.
enum ElementRemoval {
    static func ranges(removing target: ByteRange, in text: [UInt8], tree: JSONSyntaxTree) -> [ByteRange]? {
        guard let siblings = SyntaxLocator.siblings(of: target, in: tree), let position = siblings.firstIndex(of: target) else { return nil }
        let precedingComma = position > 0 ? comma(after: siblings[position - 1], in: text) : nil
        if let following = comma(after: target, in: text) {
            if JSONCTrivia.isBlank(text, target.end, following) {
                return [throughFollowingComma(target, comma: following, in: text)]
            }
            if let precedingComma, JSONCTrivia.isBlank(text, precedingComma + 1, target.start) {
                return [ByteRange(start: precedingComma, end: target.end)]
            }
            return [withLeadingSpace(target, in: text), ByteRange(start: following, end: following + 1)]
        }
        guard position > 0 else { return [target] }
        guard let precedingComma else { return [withLeadingSpace(target, in: text)] }
        if JSONCTrivia.isBlank(text, precedingComma + 1, target.start) {
            return [ByteRange(start: precedingComma, end: target.end)]
        }
        return [ByteRange(start: precedingComma, end: precedingComma + 1), withLeadingSpace(target, in: text)]
    }

    /// The comma that is the next token after `range`, if it is one.
    private static func comma(after range: ByteRange, in text: [UInt8]) -> Int? {
        let next = JSONCTrivia.skip(text, from: range.end)
        return next < text.count && text[next] == UInt8(ascii: ",") ? next : nil
    }

    /// The element through its comma; an element alone on its line goes with its line.
    private static func throughFollowingComma(_ target: ByteRange, comma: Int, in text: [UInt8]) -> ByteRange {
        var end = comma + 1
        let lineStart = JSONCTrivia.lineStart(text, before: target.start)
        let nextLine = JSONCTrivia.nextLineStart(text, after: end)
        if JSONCTrivia.isBlank(text, lineStart, target.start), JSONCTrivia.isBlank(text, end, nextLine) {
            return ByteRange(start: lineStart, end: nextLine)
        }
        while end < text.count && (text[end] == 0x20 || text[end] == 0x09) { end += 1 }
        return ByteRange(start: target.start, end: end)
    }

    /// The element with the spaces before it; an element alone on its line goes with its line.
    private static func withLeadingSpace(_ target: ByteRange, in text: [UInt8]) -> ByteRange {
        let lineStart = JSONCTrivia.lineStart(text, before: target.start)
        let nextLine = JSONCTrivia.nextLineStart(text, after: target.end)
        if JSONCTrivia.isBlank(text, lineStart, target.start), JSONCTrivia.isBlank(text, target.end, nextLine) {
            return ByteRange(start: lineStart, end: nextLine)
        }
        var start = target.start
        while start > lineStart && (text[start - 1] == 0x20 || text[start - 1] == 0x09) { start -= 1 }
        return ByteRange(start: start, end: target.end)
    }
}

/// Finds the members or elements that share a container with a range.
enum SyntaxLocator {
    static func siblings(of target: ByteRange, in tree: JSONSyntaxTree) -> [ByteRange]? {
        guard var node = tree.root else { return nil }
        while true {
            switch node.value {
            case .object(let object):
                let ranges = object.members.map(\.range)
                if ranges.contains(target) { return ranges }
                guard let inner = object.members.first(where: { $0.value.range.start <= target.start && target.end <= $0.value.range.end }) else { return nil }
                node = inner.value
            case .array(let elements):
                let ranges = elements.map(\.range)
                if ranges.contains(target) { return ranges }
                guard let inner = elements.first(where: { $0.range.start <= target.start && target.end <= $0.range.end }) else { return nil }
                node = inner
            default:
                return nil
            }
        }
    }
}
