import IcplsDocument

/// Where the cursor is among a document's objects: which kind of object, and
/// whether a member name or a member's value is being typed.
struct EditPosition {
    enum Place: Equatable {
        /// A member name. `replacing` is the key's string token, or an empty
        /// range where no key is written yet; `keepsValue` when a colon already
        /// follows the key, so only the name is to be replaced.
        case memberName(replacing: ByteRange, keepsValue: Bool)
        /// The value of `member`: its token, or an empty range where it is missing.
        case value(member: String, replacing: ByteRange)
    }

    var kind: ObjectKind
    var object: JSONObjectSyntax
    /// The enclosing objects of the format, the top level first.
    var ancestors: [(kind: ObjectKind, object: JSONObjectSyntax)]
    var place: Place

    var replaceRange: ByteRange {
        switch place {
        case .memberName(let range, _), .value(_, let range): return range
        }
    }
}

/// Finds the edit position by walking the syntax tree by byte ranges. The
/// tree is fault tolerant, and completion matters most in broken text: an
/// object or array cut off by the end of the text (or by a bracket of an
/// enclosing one) is taken to reach that far, and an unterminated string that
/// is no member's value is a member name being typed.
enum EditPositionFinder {
    static func find(_ offset: Int, in document: AnalyzedDocument) -> EditPosition? {
        guard let root = document.tree.root, root.object != nil else { return nil }
        if document.tree.lineComments.contains(where: { $0.start < offset && offset <= $0.end }) { return nil }
        let text = document.text
        var node = root
        var kind = ObjectKind.document
        var innerEnd = self.innerEnd(of: root, enclosedBy: text.count, text: text)
        guard root.range.start < offset, offset <= innerEnd else { return nil }
        var ancestors: [(kind: ObjectKind, object: JSONObjectSyntax)] = []
        descent: while let object = node.object {
            for member in object.members where member.value.object != nil || member.value.array != nil {
                let valueEnd = self.innerEnd(of: member.value, enclosedBy: innerEnd, text: text)
                guard member.value.range.start < offset, offset <= valueEnd else { continue }
                // Only arrays of the format's objects hold anything to complete.
                guard case .arrayOf(let elementKind)? = kind.member(named: member.key)?.kind,
                      let elements = member.value.array else { return nil }
                for element in elements where element.object != nil {
                    let elementEnd = self.innerEnd(of: element, enclosedBy: valueEnd, text: text)
                    if element.range.start < offset, offset <= elementEnd {
                        ancestors.append((kind, object))
                        (node, kind, innerEnd) = (element, elementKind, elementEnd)
                        continue descent
                    }
                }
                return nil
            }
            guard let place = place(of: offset, in: object, text: text) else { return nil }
            return EditPosition(kind: kind, object: object, ancestors: ancestors, place: place)
        }
        return nil
    }

    private static func place(of offset: Int, in object: JSONObjectSyntax, text: [UInt8]) -> EditPosition.Place? {
        for member in object.members {
            let key = member.keyRange
            if key.start < offset && offset <= key.end {
                return .memberName(replacing: key, keepsValue: colonFollows(key.end, in: text))
            }
            let value = member.value
            if value.object != nil || value.array != nil { continue }
            if !value.range.isEmpty && value.range.start < offset && offset <= value.range.end {
                return .value(member: member.key, replacing: value.range)
            }
            if offset > key.end && offset <= value.range.start && isValueGap(from: key.end, cursor: offset, value: value, text: text) {
                return .value(member: member.key, replacing: .empty(at: offset))
            }
        }
        // An unterminated string that is no member's value ended its member: a name being typed.
        if let typed = unterminatedString(around: offset, in: text) {
            return .memberName(replacing: typed, keepsValue: false)
        }
        let insideMember = object.members.contains { $0.range.start < offset && offset < $0.range.end }
        return insideMember ? nil : .memberName(replacing: .empty(at: offset), keepsValue: false)
    }

    /// True when the cursor sits after a key's colon where a value is due:
    /// the value is missing or invalid, or starts on a later line (the parser
    /// took the next member's name for this value).
    private static func isValueGap(from keyEnd: Int, cursor: Int, value: JSONNode, text: [UInt8]) -> Bool {
        var sawColon = false
        for byte in text[keyEnd..<cursor] {
            if byte == UInt8(ascii: ":") && !sawColon {
                sawColon = true
            } else if !isWhitespace(byte) {
                return false
            }
        }
        guard sawColon else { return false }
        let gap = text[cursor..<value.range.start]
        guard gap.allSatisfy(isWhitespace) else { return false }
        return value.isInvalid || gap.contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// The string that holds the cursor and is not closed before the end of
    /// its line (strings cannot span lines), from its quote to that end. Read
    /// from the text: the parser keeps no member for a name cut off this way.
    private static func unterminatedString(around offset: Int, in text: [UInt8]) -> ByteRange? {
        let isLineBreak = { (byte: UInt8) in byte == 0x0A || byte == 0x0D }
        var lineStart = min(offset, text.count)
        while lineStart > 0 && !isLineBreak(text[lineStart - 1]) { lineStart -= 1 }
        var position = lineStart
        var openQuote: Int?
        while position < text.count && !isLineBreak(text[position]) {
            let byte = text[position]
            if openQuote != nil {
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    if position >= offset { return nil }
                    openQuote = nil
                }
            } else if position >= offset {
                return nil
            } else if byte == UInt8(ascii: "\"") {
                openQuote = position
            } else if byte == UInt8(ascii: "/") && position + 1 < text.count && text[position + 1] == UInt8(ascii: "/") {
                return nil
            }
            position += 1
        }
        guard let openQuote, openQuote < offset else { return nil }
        return ByteRange(start: openQuote, end: min(position, text.count))
    }

    private static func colonFollows(_ offset: Int, in text: [UInt8]) -> Bool {
        text[offset...].first { !isWhitespace($0) } == UInt8(ascii: ":")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The last offset a cursor can have inside a container: just before its
    /// closing bracket, or where the enclosing container's inside ends when
    /// it was cut off.
    static func innerEnd(of node: JSONNode, enclosedBy enclosingEnd: Int, text: [UInt8]) -> Int {
        isClosed(node, text: text) ? node.range.end - 1 : enclosingEnd
    }

    /// A container is closed when its range ends with its bracket and no
    /// member or element ends there too (a cut-off container ends with its last child).
    private static func isClosed(_ node: JSONNode, text: [UInt8]) -> Bool {
        let range = node.range
        guard range.length >= 2, range.end <= text.count else { return false }
        let lastChildEnd: Int
        let closer: UInt8
        switch node.value {
        case .object(let object):
            closer = UInt8(ascii: "}")
            lastChildEnd = object.members.last?.range.end ?? range.start + 1
        case .array(let elements):
            closer = UInt8(ascii: "]")
            lastChildEnd = elements.last?.range.end ?? range.start + 1
        default:
            return false
        }
        return text[range.end - 1] == closer && lastChildEnd < range.end
    }
}
