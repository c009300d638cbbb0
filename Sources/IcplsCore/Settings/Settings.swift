import IcplsDocument

/// The configurable part of a check: the as-of date and per-rule severities.
/// Sources merge member by member, later ones winning (SPEC §5).
public struct Settings: Sendable, Equatable {
    public var asOf: CalendarDate?
    /// nil severity = "off".
    public var rules: [RuleID: Severity?] = [:]

    public init(asOf: CalendarDate? = nil, rules: [RuleID: Severity?] = [:]) {
        self.asOf = asOf
        self.rules = rules
    }

    /// `other`'s members win where it sets them.
    public func merged(with other: Settings) -> Settings {
        var result = self
        if let asOf = other.asOf { result.asOf = asOf }
        for (rule, severity) in other.rules { result.rules[rule] = severity }
        return result
    }

    /// The severity a rule's diagnostics get, or nil when it is off.
    public func severity(of rule: RuleID, default defaultSeverity: Severity) -> Severity? {
        if let configured = rules[rule] { return configured }
        return defaultSeverity
    }
}

/// A settings member that could not be taken, and why.
public struct SettingsProblem: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum SettingsReader {
    /// Reads settings from JSONC text (`.icpls.json`); every member that reads well counts.
    public static func read(jsonc bytes: [UInt8], catalog: any MessageCatalog = EnglishCatalog()) -> (Settings, [SettingsProblem]) {
        let tree = JSONCParser.parse(bytes)
        var problems: [SettingsProblem] = tree.errors.map { error in
            let position = LineIndex(bytes).position(of: error.range.start, in: bytes, encoding: .utf16)
            let detail = catalog.text(.syntax(error.kind))
            return SettingsProblem(message: catalog.text(.settingNotJSONC("line \(position.line + 1), column \(position.character + 1): \(detail)")))
        }
        if tree.isEmpty { return (Settings(), problems) }
        guard let root = tree.root ?? tree.nonObjectRoot else { return (Settings(), problems) }
        let (settings, valueProblems) = read(root.jsonValue, catalog: catalog)
        problems += valueProblems
        return (settings, problems)
    }

    /// Reads settings from a decoded JSON-like value (`initializationOptions`, configuration answers).
    public static func read(_ value: SettingsValue, catalog: any MessageCatalog = EnglishCatalog()) -> (Settings, [SettingsProblem]) {
        var settings = Settings()
        var problems: [SettingsProblem] = []
        func problem(_ message: Message) { problems.append(SettingsProblem(message: catalog.text(message))) }
        guard case .object(let members) = value else {
            if case .null = value { return (settings, []) }
            problem(.settingsNotObject)
            return (settings, problems)
        }
        for (key, member) in members {
            switch key {
            case "$schema":
                continue
            case "asOf":
                switch member {
                case .null: continue
                case .string(let text) where text.isEmpty: continue
                case .string(let text):
                    if let date = CalendarDate(parsing: text) { settings.asOf = date } else { problem(.settingBadDate(text)) }
                default:
                    problem(.settingWrongType("asOf", expected: "a date string YYYY-MM-DD"))
                }
            case "rules":
                switch member {
                case .null: continue
                case .object(let rules):
                    for (id, severityValue) in rules {
                        guard RuleRegistry.ids.contains(RuleID(rawValue: id)) else { problem(.settingUnknownRule(id)); continue }
                        guard case .string(let name) = severityValue else {
                            problem(.settingWrongType("rules.\(id)", expected: "off, hint, information, warning or error"))
                            continue
                        }
                        if name == "off" {
                            settings.rules[RuleID(rawValue: id)] = .some(nil)
                        } else if let severity = Severity(rawValue: name) {
                            settings.rules[RuleID(rawValue: id)] = severity
                        } else {
                            problem(.settingUnknownSeverity(rule: id, value: name))
                        }
                    }
                default:
                    problem(.settingWrongType("rules", expected: "an object of rule IDs to severities"))
                }
            default:
                problem(.settingUnknownMember(key))
            }
        }
        return (settings, problems)
    }
}

/// A JSON value as settings sources give it, independent of any protocol's value type.
public indirect enum SettingsValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SettingsValue])
    /// Members in order; the last of a repeated key wins when read in order.
    case object([(String, SettingsValue)])

    public static func == (lhs: SettingsValue, rhs: SettingsValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

extension JSONNode {
    /// The node as a settings value; unreadable parts become null.
    var jsonValue: SettingsValue {
        switch value {
        case .object(let object): return .object(object.members.map { ($0.key, $0.value.jsonValue) })
        case .array(let elements): return .array(elements.map(\.jsonValue))
        case .string(let string): return .string(string)
        case .number(let number): return .number(number.value)
        case .bool(let bool): return .bool(bool)
        case .null, .invalid: return .null
        }
    }
}
