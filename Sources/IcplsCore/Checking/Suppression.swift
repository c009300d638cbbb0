import IcplsDocument

/// `// icp-ignore ICP406, ICP201` comments: on the line where a diagnostic
/// starts, or alone on the line just above it.
public struct Suppressions: Sendable {
    /// Rule IDs suppressed on each line.
    public private(set) var byLine: [Int: Set<String>] = [:]

    public init(document: AnalyzedDocument) {
        let text = document.text
        for comment in document.tree.lineComments {
            guard let ignore = IgnoreComment(Array(text[comment.start..<comment.end])), !ignore.ids.isEmpty else { continue }
            let line = document.lineIndex.line(containing: comment.start)
            byLine[line, default: []].formUnion(ignore.ids)
            let lineStart = document.lineIndex.lineStarts[line]
            if JSONCTrivia.isBlank(text, lineStart, comment.start) {
                byLine[line + 1, default: []].formUnion(ignore.ids)
            }
        }
    }

    public func suppresses(_ rule: RuleID, onLine line: Int) -> Bool {
        byLine[line]?.contains(rule.rawValue) ?? false
    }
}

/// What an `icp-ignore` comment says: `//`, optional spaces, `icp-ignore`, then IDs
/// separated by commas or spaces, up to the first word that is no ID.
public struct IgnoreComment: Sendable, Equatable {
    public var ids: [String]
    /// Offset in the comment just past the last ID, or past `icp-ignore` when
    /// there is none: where one more ID goes.
    public var listEnd: Int

    /// Reads a `//` comment's text (the slashes included); nil when it is no `icp-ignore` comment.
    public init?(_ comment: [UInt8]) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isSeparator(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ",") }
        var index = 2
        while index < comment.count && isSpace(comment[index]) { index += 1 }
        let keyword = Array("icp-ignore".utf8)
        guard comment.count >= index + keyword.count, Array(comment[index..<(index + keyword.count)]) == keyword else { return nil }
        index += keyword.count
        guard index == comment.count || isSeparator(comment[index]) else { return nil }
        ids = []
        listEnd = index
        while true {
            while index < comment.count && isSeparator(comment[index]) { index += 1 }
            let wordStart = index
            while index < comment.count && !isSeparator(comment[index]) { index += 1 }
            let word = comment[wordStart..<index]
            guard RuleID.isWellFormed(String(decoding: word, as: UTF8.self)) else { break }
            ids.append(String(decoding: word, as: UTF8.self))
            listEnd = index
        }
    }
}
