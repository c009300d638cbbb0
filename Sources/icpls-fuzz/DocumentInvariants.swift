import IcplsCore
import IcplsDocument

/// What must hold for any text: syntax trees, diagnostics and line positions stay
/// inside the text and agree with each other.
enum DocumentInvariants {
    /// Errors, comments and nodes lie within the text, children within their parents;
    /// errors come in text order, at most one starting at any offset.
    static func checkTree(_ tree: JSONSyntaxTree, count: Int) throws(InvariantFailure) {
        var previousStart = -1
        for error in tree.errors {
            try expect(error.range.end <= count, "syntax error \(error.kind) at \(error.range) is past the end (\(count) bytes)")
            try expect(error.range.start > previousStart, "syntax errors out of order or two at \(error.range.start): \(error.kind)")
            previousStart = error.range.start
        }
        for comment in tree.lineComments + tree.blockComments {
            try expect(comment.end <= count, "comment \(comment) is past the end (\(count) bytes)")
        }
        try expect(tree.root == nil || tree.nonObjectRoot == nil, "both an object root and a non-object root")
        var pending: [(node: JSONNode, parent: ByteRange)] = []
        for root in [tree.root, tree.nonObjectRoot].compactMap({ $0 }) {
            pending.append((root, ByteRange(start: 0, end: count)))
        }
        while let (node, parent) = pending.popLast() {
            try expect(node.range.start >= parent.start && node.range.end <= parent.end, "node \(node.range) outside its parent \(parent)")
            switch node.value {
            case .object(let object):
                for member in object.members {
                    try expect(
                        member.keyRange.start >= node.range.start && member.keyRange.end <= node.range.end,
                        "key \(member.keyRange) outside its object \(node.range)"
                    )
                    pending.append((member.value, node.range))
                }
            case .array(let elements):
                pending.append(contentsOf: elements.map { ($0, node.range) })
            default:
                break
            }
        }
    }

    /// Every diagnostic, related location and fix edit lies within its document, on
    /// character boundaries; every document named is in the workspace.
    static func checkDiagnostics(_ result: CheckResult, texts: [DocumentKey: [UInt8]]) throws(InvariantFailure) {
        for (key, diagnostics) in result.diagnosticsByDocument {
            for diagnostic in diagnostics {
                try expect(diagnostic.document == key, "\(diagnostic.rule) of \(diagnostic.document) filed under \(key)")
                let what = "\(diagnostic.rule) \"\(diagnostic.message)\""
                try checkLocation(diagnostic.location, texts: texts, what)
                for related in diagnostic.related {
                    try checkLocation(related.location, texts: texts, "a related location of \(what)")
                }
                for fix in diagnostic.fixes {
                    for edit in fix.edits {
                        try checkLocation(edit.location, texts: texts, "an edit of fix \"\(fix.title)\" for \(what)")
                    }
                }
            }
        }
    }

    private static func checkLocation(_ location: Location, texts: [DocumentKey: [UInt8]], _ what: String) throws(InvariantFailure) {
        guard let text = texts[location.document] else {
            throw InvariantFailure(description: "\(what) is in \(location.document), which is not in the workspace")
        }
        try expect(location.range.end <= text.count, "\(what) at \(location.range) is past the end (\(text.count) bytes)")
        try expect(
            isCharacterBoundary(location.range.start, in: text) && isCharacterBoundary(location.range.end, in: text),
            "\(what) at \(location.range) cuts a UTF-8 character"
        )
    }

    /// False only inside a well-formed multi-byte sequence; bad bytes stand alone.
    static func isCharacterBoundary(_ offset: Int, in text: [UInt8]) -> Bool {
        guard offset > 0, offset < text.count, text[offset] & 0xC0 == 0x80 else { return true }
        var lead = offset - 1
        while lead > 0 && offset - lead < 3 && text[lead] & 0xC0 == 0x80 { lead -= 1 }
        let length = text.withUnsafeBufferPointer { UTF8Decoding.sequenceLength($0, at: lead) }
        return lead + length <= offset
    }

    /// The line index agrees with a plain scan of the text, and offsets turned into
    /// positions and back land where they should, in every encoding.
    static func checkLineIndex(_ index: LineIndex, text: [UInt8], random: inout FuzzRandom) throws(InvariantFailure) {
        let reference = ReferenceText(text)
        try expect(index.lineStarts == reference.lines.map(\.start), "line starts differ from a plain scan")
        try expect(index.lineContentEnds == reference.lines.map(\.contentEnd), "line ends differ from a plain scan")
        for _ in 0..<24 {
            let encoding = random.pick(PositionEncoding.allCases)
            let (boundary, boundaryOffset) = reference.randomBoundary(&random, encoding: encoding)
            let found = index.position(of: boundaryOffset, in: text, encoding: encoding)
            try expect(found == boundary, "\(encoding) position of offset \(boundaryOffset) is \(found), expected \(boundary)")
            let boundaryBack = index.offset(of: boundary, in: text, encoding: encoding)
            try expect(boundaryBack == boundaryOffset, "\(encoding) offset of \(boundary) is \(boundaryBack), expected \(boundaryOffset)")
            // Any offset at all, even inside a character or a line break, goes back no further than its line.
            let offset = random.below(text.count + 1)
            let position = index.position(of: offset, in: text, encoding: encoding)
            let back = index.offset(of: position, in: text, encoding: encoding)
            let lineStart = index.lineStarts[index.line(containing: offset)]
            try expect(
                back <= max(offset, lineStart) && back >= lineStart,
                "\(encoding) offset \(offset) → \(position) → \(back), outside \(lineStart)...\(offset)"
            )
        }
    }
}
