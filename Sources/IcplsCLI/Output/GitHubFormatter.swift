import IcplsCore

/// `--format github`: workflow commands that annotate a pull request.
enum GitHubFormatter {
    static func write(_ report: Report, console: Console) {
        for entry in report.diagnostics {
            let command: String
            switch entry.diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .information, .hint: command = "notice"
            }
            let range = entry.range
            let properties = [
                "file=\(escapeProperty(range.path))", "line=\(range.start.line)", "col=\(range.start.column)",
                "endLine=\(range.end.line)", "endColumn=\(range.end.column)", "title=\(escapeProperty(entry.diagnostic.rule.rawValue))",
            ]
            console.out("::\(command) \(properties.joined(separator: ","))::\(escapeData(entry.diagnostic.message))\n")
        }
    }

    /// GitHub's escaping of a command's message: `%`, `\r`, `\n`.
    static func escapeData(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// GitHub's escaping of a property value: also `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// Replaces scalars, not characters: `\r\n` is one `Character` but two scalars to escape.
    private static func escape(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
