import IcplsDocument

/// `// icp-ignore ICP406, ICP201` comments: on the line where a diagnostic
/// starts, or alone on the line just above it.
public struct Suppressions: Sendable {
    /// Rule IDs suppressed on each line.
    public private(set) var byLine: [Int: Set<String>] = [:]

    public init(document: AnalyzedDocument) {
        let text = document.text
        for comment in document.tree.lineComments {
            guard let ids = Self.ruleIDs(inComment: Array(text[comment.start..<comment.end])), !ids.isEmpty else { continue }
            let line = document.lineIndex.line(containing: comment.start)
            byLine[line, default: []].formUnion(ids)
            let lineStart = document.lineIndex.lineStarts[line]
            if JSONCTrivia.isBlank(text, lineStart, comment.start) {
                byLine[line + 1, default: []].formUnion(ids)
            }
        }
    }

    public func suppresses(_ rule: RuleID, onLine line: Int) -> Bool {
        byLine[line]?.contains(rule.rawValue) ?? false
    }

    /// The IDs of an `icp-ignore` comment (its text starts with `//`), or nil when it is no such comment.
    public static func ruleIDs(inComment comment: [UInt8]) -> [String]? {
        var index = 2
        while index < comment.count && (comment[index] == 0x20 || comment[index] == 0x09) { index += 1 }
        let keyword = Array("icp-ignore".utf8)
        guard comment.count >= index + keyword.count, Array(comment[index..<(index + keyword.count)]) == keyword else { return nil }
        index += keyword.count
        guard index == comment.count || comment[index] == 0x20 || comment[index] == 0x09 || comment[index] == UInt8(ascii: ",") else {
            return nil
        }
        let rest = String(decoding: comment[index...], as: UTF8.self)
        var ids: [String] = []
        for word in rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            guard RuleID.isWellFormed(word) else { break }
            ids.append(String(word))
        }
        return ids
    }
}
