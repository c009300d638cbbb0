import IcplsCore
import IcplsJSONRPC

/// `--format sarif`: SARIF 2.1.0, one run, every rule in `tool.driver.rules`.
enum SARIFFormatter {
    static func write(_ report: Report, console: Console, catalog: any MessageCatalog = EnglishCatalog()) {
        let rules = RuleRegistry.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules: [JSONValue] = rules.map { rule in
            let id = rule.id
            return .object(JSONObject([
                ("id", .string(id.rawValue)),
                ("name", .string(catalog.title(of: id).split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
                ("shortDescription", .object(JSONObject([("text", .string(catalog.title(of: id)))]))),
                ("fullDescription", .object(JSONObject([("text", .string(catalog.rationale(of: id)))]))),
                ("defaultConfiguration", .object(JSONObject([("level", .string(level(rule.description.defaultSeverity)))]))),
                ("help", .object(JSONObject([("text", .string("Run `icpls explain \(id)` for examples."))]))),
            ]))
        }
        let results: [JSONValue] = report.diagnostics.map { entry in
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(entry.diagnostic.rule.rawValue)),
                ("ruleIndex", .integer(Int64(ruleIndex[entry.diagnostic.rule] ?? 0))),
                ("level", .string(level(entry.diagnostic.severity))),
                ("message", .object(JSONObject([("text", .string(entry.diagnostic.message))]))),
                ("locations", .array([location(entry.range)])),
            ]
            if !entry.related.isEmpty {
                members.append(("relatedLocations", .array(entry.related.enumerated().map { offset, related in
                    var value = location(related.range, includeEnd: false)
                    if case .object(var object) = value {
                        object["id"] = .integer(Int64(offset))
                        object["message"] = .object(JSONObject([("text", .string(related.message))]))
                        value = .object(object)
                    }
                    return value
                })))
            }
            if !entry.fixes.isEmpty {
                members.append(("fixes", .array(entry.fixes.map { fix in
                    .object(JSONObject([
                        ("description", .object(JSONObject([("text", .string(fix.title))]))),
                        ("artifactChanges", .array(fix.edits.map { edit in
                            .object(JSONObject([
                                ("artifactLocation", .object(JSONObject([("uri", .string(uri(edit.range.path)))]))),
                                ("replacements", .array([.object(JSONObject([
                                    ("deletedRegion", region(edit.range)),
                                    ("insertedContent", .object(JSONObject([("text", .string(edit.newText))]))),
                                ]))])),
                            ]))
                        })),
                    ]))
                })))
            }
            return .object(JSONObject(members))
        }
        let log = JSONValue.object(JSONObject([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(JSONObject([
                ("tool", .object(JSONObject([("driver", .object(JSONObject([
                    ("name", .string("icpls")),
                    ("version", .string(IcplsVersion.current)),
                    ("semanticVersion", .string(IcplsVersion.current)),
                    ("rules", .array(driverRules)),
                ])))]))),
                ("columnKind", .string("utf16CodeUnits")),
                ("results", .array(results)),
            ]))])),
        ]))
        console.out(String(decoding: log.encoded(), as: UTF8.self) + "\n")
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .information, .hint: return "note"
        }
    }

    /// A path as a relative URI reference: every byte but the unreserved ones and `/`
    /// percent-encoded, so that spaces, `%`, `#`, `?`, a `:` in the first segment
    /// (which would read as a scheme) and non-ASCII names survive.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func location(_ range: CLIRange, includeEnd: Bool = true) -> JSONValue {
        .object(JSONObject([
            ("physicalLocation", .object(JSONObject([
                ("artifactLocation", .object(JSONObject([("uri", .string(uri(range.path)))]))),
                ("region", region(range, includeEnd: includeEnd)),
            ]))),
        ]))
    }

    private static func region(_ range: CLIRange, includeEnd: Bool = true) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("startLine", .integer(Int64(range.start.line))), ("startColumn", .integer(Int64(range.start.column))),
        ]
        if includeEnd {
            members += [("endLine", .integer(Int64(range.end.line))), ("endColumn", .integer(Int64(range.end.column)))]
        }
        return .object(JSONObject(members))
    }
}
