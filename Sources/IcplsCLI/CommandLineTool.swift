import IcplsCore

/// `icpls` and its commands, except `lsp`, which the executable hands to the server.
public enum CommandLineTool {
    public static let usage = """
    icpls \(IcplsVersion.current) — checks ICP filing documents (*.icp.json) for Alibaba Cloud

    Usage:
      icpls check [PATH...] [--format text|json|sarif|github] [--as-of YYYY-MM-DD] [--config FILE] [--fix]
      icpls lsp [--stdio]        the language server on standard input and output
      icpls rules                every rule: ID, severity, title
      icpls explain ICPxxx       what a rule checks, why, and examples
      icpls schema               the JSON Schema of the document format
      icpls --version | --help | COMMAND --help

    """

    /// Runs a command (arguments without the program name) and returns the exit code.
    public static func run(_ arguments: [String], environment: [String: String], currentDirectory: String, console: Console) -> Int32 {
        defer { console.flush() }
        guard let command = arguments.first else {
            console.out(usage)
            return 0
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--version", "-V", "version":
            console.out("icpls \(IcplsVersion.current)\n")
            return 0
        case "--help", "-h", "help":
            console.out(usage)
            return 0
        case "check":
            if wantsHelp(rest) { console.out(CheckCommand.usage); return 0 }
            return CheckCommand.run(rest, environment: environment, currentDirectory: currentDirectory, console: console)
        case "rules":
            if wantsHelp(rest) { console.out("Usage: icpls rules\n\nLists every rule: ID, default severity, title.\n"); return 0 }
            guard rest.isEmpty else { return usageError("`icpls rules` takes no arguments", console) }
            RuleTexts.list(console)
            return 0
        case "explain":
            if wantsHelp(rest) {
                console.out("Usage: icpls explain ICPxxx\n\nWhat a rule checks, the filing rule behind it, and a failing and a passing example.\n")
                return 0
            }
            guard rest.count == 1 else { return usageError("`icpls explain` takes one rule ID, like `icpls explain ICP201`", console) }
            return RuleTexts.explain(rest[0], console)
        case "schema":
            if wantsHelp(rest) { console.out("Usage: icpls schema\n\nPrints the JSON Schema (draft 2020-12) of the document format.\n"); return 0 }
            guard rest.isEmpty else { return usageError("`icpls schema` takes no arguments", console) }
            console.out(SchemaCommand.schemaText())
            return 0
        default:
            return usageError("unknown command `\(command)`", console)
        }
    }

    /// `--help` or `-h` among the options, not among paths after `--`.
    static func wantsHelp(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
    }

    static func usageError(_ message: String, _ console: Console) -> Int32 {
        console.error("icpls: \(message)\nRun `icpls --help` for usage.\n")
        return 2
    }
}
