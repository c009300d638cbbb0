import IcplsCore
import IcplsDocument

/// `--format text`: `path:line:column: severity[ICPxxx]: message`, the source
/// line with a caret underline aligned by display width, and a summary line.
enum TextFormatter {
    static func write(_ report: Report, console: Console) {
        let colour = console.usesColour
        for entry in report.diagnostics {
            let diagnostic = entry.diagnostic
            let severity = paint(diagnostic.severity.rawValue + "[\(diagnostic.rule)]", Self.colour(of: diagnostic.severity), colour)
            console.out("\(paint(entry.range.path.escapingControls, "1", colour)):\(entry.range.start.line):\(entry.range.start.column): \(severity): \(diagnostic.message.escapingControls)\n")
            if let document = report.document(diagnostic.document) {
                console.out(snippet(document, diagnostic.range, lineNumber: entry.range.start.line, colour: colour, code: Self.colour(of: diagnostic.severity)))
            }
            for related in entry.related {
                console.out("    \(paint("note", "36", colour)): \(related.message.escapingControls) at \(related.range.path.escapingControls):\(related.range.start.line):\(related.range.start.column)\n")
            }
        }
        let errors = report.count(.error)
        let warnings = report.count(.warning)
        let others = report.count(.information) + report.count(.hint)
        let files = "\(report.documentCount) file\(report.documentCount == 1 ? "" : "s")"
        if report.diagnostics.isEmpty {
            console.out("No problems in \(files).\n")
        } else {
            var parts = ["\(errors) error\(errors == 1 ? "" : "s")", "\(warnings) warning\(warnings == 1 ? "" : "s")"]
            if others > 0 { parts.append("\(others) other\(others == 1 ? "" : "s")") }
            console.out("Found \(parts.joined(separator: ", ")) in \(files).\n")
        }
    }

    /// The line where a range starts and a caret underline; ranges over several lines are underlined to the line's end.
    static func snippet(_ document: AnalyzedDocument, _ range: ByteRange, lineNumber: Int, colour: Bool, code: String) -> String {
        let line = document.lineIndex.line(containing: range.start)
        let content = document.lineIndex.contentRange(ofLine: line)
        let start = max(range.start, content.start)
        let end = min(max(range.end, start), content.end)
        let before = DisplayWidth.of(document.slice(ByteRange(start: content.start, end: start)))
        let width = max(1, DisplayWidth.of(document.slice(ByteRange(start: start, end: end))))
        let gutter = String(lineNumber)
        let pad = String(repeating: " ", count: gutter.count)
        let source = document.slice(content).replacingTabs.showingControls
        let carets = paint(String(repeating: "^", count: width), code, colour)
        return " \(gutter) | \(source)\n \(pad) | \(String(repeating: " ", count: before))\(carets)\n"
    }

    static func colour(of severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .information: return "1;34"
        case .hint: return "1;36"
        }
    }

    static func paint(_ text: String, _ code: String, _ enabled: Bool) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Terminal columns: East Asian wide and fullwidth characters (CJK, most emoji) take two,
/// combining marks none, a tab four, a control character one (it is shown as a symbol).
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            width += of(scalar)
        }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Most of what is shown is printable ASCII, one column each.
        if value >= 0x20 && value < 0x7F { return 1 }
        if value == 0x09 { return 4 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 1 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if value == 0x200B || value == 0x200D || (0xFE00...0xFE0F).contains(value) { return 0 }
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian wide and full-width ranges, and emoji: two columns each.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1F680...0x1F6FF, 0x20000...0x3FFFD,
    ]
}

extension String {
    var replacingTabs: String {
        split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ")
    }

    /// Control characters as visible symbols of one column (U+2400…), so that a document
    /// cannot send escape sequences to the terminal and the underline stays aligned.
    var showingControls: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09: result.unicodeScalars.append(scalar)
            case 0..<0x20: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F: result.unicodeScalars.append("\u{2421}")
            case 0x80..<0xA0: result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Control characters as escapes (`\n`, `\u{1B}`), so that a message stays on one line
    /// and cannot send escape sequences to the terminal.
    var escapingControls: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0..<0x20, 0x7F..<0xA0: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
