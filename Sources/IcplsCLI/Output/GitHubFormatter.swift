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

    /// GitHub's escaping of a command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// GitHub's escaping of a property value: also `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
