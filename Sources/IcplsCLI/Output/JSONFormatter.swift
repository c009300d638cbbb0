import IcplsCore
import IcplsJSONRPC

/// `--format json`: the machine-readable contract of SPEC §6.
enum JSONFormatter {
    /// `path`, `line`, `column`, `endLine`, `endColumn`, in the order of the contract.
    private static func rangeMembers(_ range: CLIRange) -> [(String, JSONValue)] {
        [
            ("path", .string(range.path)),
            ("line", .integer(Int64(range.start.line))),
            ("column", .integer(Int64(range.start.column))),
            ("endLine", .integer(Int64(range.end.line))),
            ("endColumn", .integer(Int64(range.end.column))),
        ]
    }

    static func write(_ report: Report, console: Console) {
        let diagnostics: [JSONValue] = report.diagnostics.map { entry in
            .object(JSONObject(rangeMembers(entry.range) + [
                ("rule", .string(entry.diagnostic.rule.rawValue)),
                ("severity", .string(entry.diagnostic.severity.rawValue)),
                ("message", .string(entry.diagnostic.message)),
                ("related", .array(entry.related.map { related in
                    .object(JSONObject([
                        ("path", .string(related.range.path)),
                        ("line", .integer(Int64(related.range.start.line))),
                        ("column", .integer(Int64(related.range.start.column))),
                        ("message", .string(related.message)),
                    ]))
                })),
                ("fixes", .array(entry.fixes.map { fix in
                    .object(JSONObject([
                        ("title", .string(fix.title)),
                        ("edits", .array(fix.edits.map { edit in
                            .object(JSONObject(rangeMembers(edit.range) + [("newText", .string(edit.newText))]))
                        })),
                    ]))
                })),
            ]))
        }
        let summary = JSONValue.object(JSONObject([
            ("files", .integer(Int64(report.documentCount))),
            ("errors", .integer(Int64(report.count(.error)))),
            ("warnings", .integer(Int64(report.count(.warning)))),
            ("information", .integer(Int64(report.count(.information)))),
            ("hints", .integer(Int64(report.count(.hint)))),
        ]))
        let output = JSONValue.object(JSONObject([("diagnostics", .array(diagnostics)), ("summary", summary)]))
        console.out(String(decoding: output.encoded(), as: UTF8.self) + "\n")
    }
}
