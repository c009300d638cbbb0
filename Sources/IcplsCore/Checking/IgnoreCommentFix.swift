import IcplsDocument

/// "Ignore ICPxxx on this line": appends ` // icp-ignore ICPxxx` to the line
/// where the diagnostic starts, or adds the ID to the `//` comment already there.
/// A line that ends inside a string or a `/* */` comment could not take a `//`
/// comment at its end: the comment goes alone on the line above it instead.
struct IgnoreCommentFix {
    let document: AnalyzedDocument
    let catalog: any MessageCatalog
    private let commentByLine: [Int: ByteRange]
    /// Where unterminated strings end: at the end of their line.
    private let unterminatedStringEnds: Set<Int>

    init(document: AnalyzedDocument, catalog: any MessageCatalog) {
        self.document = document
        self.catalog = catalog
        var comments: [Int: ByteRange] = [:]
        for comment in document.tree.lineComments {
            comments[document.lineIndex.line(containing: comment.start)] = comment
        }
        commentByLine = comments
        unterminatedStringEnds = Set(document.tree.unterminatedStrings.map(\.end))
    }

    func fix(for diagnostic: Diagnostic) -> Fix {
        let line = document.lineIndex.line(containing: diagnostic.range.start)
        let rule = diagnostic.rule.rawValue
        let edit: (range: ByteRange, newText: String)
        if let comment = commentByLine[line] {
            let text = Array(document.text[comment.start..<comment.end])
            if let ignore = IgnoreComment(text) {
                // After the last ID listed, before any words that follow.
                edit = (.empty(at: comment.start + ignore.listEnd), ignore.ids.isEmpty ? " \(rule)" : ", \(rule)")
            } else {
                // Another comment ends the line: make it an icp-ignore comment that keeps its words,
                // which must not read as more IDs.
                let words = Array(text.dropFirst(2).drop { $0 == 0x20 || $0 == 0x09 })
                let wordsLookLikeIDs = IgnoreComment(Array("// icp-ignore ".utf8) + words)?.ids.isEmpty == false
                edit = (ByteRange(start: comment.start, end: comment.end - words.count),
                        "// icp-ignore \(rule)" + (words.isEmpty ? "" : wordsLookLikeIDs ? " - " : " "))
            }
        } else if endsInsideStringOrComment(line: line) {
            let start = document.lineIndex.lineStarts[line]
            var indentEnd = start
            while indentEnd < document.text.count && (document.text[indentEnd] == 0x20 || document.text[indentEnd] == 0x09) { indentEnd += 1 }
            let indentation = String(decoding: document.text[start..<indentEnd], as: UTF8.self)
            edit = (.empty(at: start), "\(indentation)// icp-ignore \(rule)\(lineBreak(endingLine: line))")
        } else {
            edit = (.empty(at: document.lineIndex.lineContentEnds[line]), " // icp-ignore \(rule)")
        }
        return Fix(
            title: catalog.text(.fixIgnoreOnLine(diagnostic.rule)),
            edits: [TextEdit(location: Location(document: document.key, range: edit.range), newText: edit.newText)],
            isPreferred: false, isSuppression: true
        )
    }

    /// The line break that ends `line`, or the one before it on the last line.
    private func lineBreak(endingLine line: Int) -> String {
        let index = document.lineIndex
        let breakLine = line + 1 < index.lineCount ? line : line - 1
        guard breakLine >= 0 else { return "\n" }
        let breakStart = index.lineContentEnds[breakLine]
        return String(decoding: document.text[breakStart..<index.lineStarts[breakLine + 1]], as: UTF8.self)
    }

    /// True when the line starts in code but ends inside a string (an unterminated one)
    /// or a `/* */` comment, where an appended `//` comment would be no comment.
    private func endsInsideStringOrComment(line: Int) -> Bool {
        let start = document.lineIndex.lineStarts[line]
        let end = document.lineIndex.lineContentEnds[line]
        if unterminatedStringEnds.contains(end) { return true }
        let comments = document.tree.blockComments
        let following = comments.partitioningIndex { $0.start >= end }
        guard following > 0 else { return false }
        let comment = comments[following - 1]
        guard comment.start >= start else { return false }
        let isClosed = comment.length >= 4 && document.text[comment.end - 2] == UInt8(ascii: "*") && document.text[comment.end - 1] == UInt8(ascii: "/")
        return end < comment.end || !isClosed
    }
}
