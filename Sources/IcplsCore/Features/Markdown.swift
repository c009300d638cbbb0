/// A small Markdown writer for hovers: values from documents are escaped, so
/// an id or a company name can never change the text's structure.
struct Markdown {
    private(set) var markdown = ""

    /// At most this many names are listed inline; the rest are counted.
    static let listLimit = 10

    mutating func line(_ text: String) {
        if !markdown.isEmpty { markdown += "\n" }
        markdown += text
    }

    /// A line after an empty one.
    mutating func paragraph(_ text: String) {
        if !markdown.isEmpty { markdown += "\n" }
        line(text)
    }

    mutating func bullet(_ text: String) {
        if !markdown.isEmpty && !lastLineIsBullet { markdown += "\n" }
        line("- " + text)
    }

    private var lastLineIsBullet: Bool {
        let lastLine = markdown.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return lastLine.hasPrefix("- ") || lastLine.hasPrefix("  - ")
    }

    /// A code span that holds any text: the fence is longer than any run of backticks inside.
    static func code(_ text: String) -> String {
        var longestRun = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") || text.isEmpty ? " \(text) " : text
        return fence + padded + fence
    }

    /// Text with Markdown's punctuation escaped, shown as written.
    static func plain(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// "1 month", "3 months".
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// ": a, b, c" (the rest counted), or nothing for an empty list.
    static func list(_ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        let shown = items.prefix(listLimit).joined(separator: ", ")
        return ": " + shown + (items.count > listLimit ? " and \(items.count - listLimit) more" : "")
    }

    /// A number as written in a document: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
