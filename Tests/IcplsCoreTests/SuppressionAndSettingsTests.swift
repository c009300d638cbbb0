import Testing
import IcplsDocument
@testable import IcplsCore

/// `// icp-ignore` comments.
@Suite struct SuppressionTests {
    /// A document with ICP101 on its second line, ICP503 and ICP504 on its third
    /// (the approved keeper of the domain is on the fourth).
    static func document(line2: String = "", line3: String = "", above3: String? = nil) -> String {
        var lines = [
            #"{ "accounts": [ { "id": "acct-buy" } ],"#,
            #"  "filings": [ { "id": "F-1", "account": "acct-nobody", "websites": [ "# + line2,
            #"    { "domain": "a.example.cn" } ] }, "# + line3,
            #"    { "id": "F-0", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "a.example.cn" } ] } ]"#,
            "}",
        ]
        if let above3 { lines.insert(above3, at: 2) }
        return lines.joined(separator: "\n")
    }

    static func rules(_ text: String) -> [String] {
        check(text).allDiagnostics.map(\.rule.rawValue)
    }

    @Test func withoutCommentsEverythingIsShown() {
        #expect(Self.rules(Self.document()) == ["ICP101", "ICP503", "ICP504"])
    }

    @Test func aCommentOnTheSameLineRemovesItsIDs() {
        #expect(Self.rules(Self.document(line2: "// icp-ignore ICP101")) == ["ICP503", "ICP504"])
        #expect(Self.rules(Self.document(line3: "//icp-ignore ICP503")) == ["ICP101", "ICP504"])
    }

    @Test func aCommentAloneOnTheLineAboveRemovesItsIDs() {
        #expect(Self.rules(Self.document(above3: "    // icp-ignore ICP503")) == ["ICP101", "ICP504"])
    }

    @Test func aCommentAfterCodeDoesNotReachTheNextLine() {
        #expect(Self.rules(Self.document(line2: "// icp-ignore ICP503")) == ["ICP101", "ICP503", "ICP504"])
    }

    @Test(arguments: ["ICP503,ICP504", "ICP503, ICP504", "ICP503 ICP504", "ICP503 ,  ICP504", "\tICP504,ICP503,"])
    func severalIDsAreSeparatedByCommasOrSpaces(ids: String) {
        #expect(Self.rules(Self.document(line3: "// icp-ignore \(ids)")) == ["ICP101"])
    }

    @Test func proseMayFollowTheIDs() {
        #expect(Self.rules(Self.document(line3: "// icp-ignore ICP503 the host is chosen later, ICP504")) == ["ICP101", "ICP504"])
    }

    @Test func unknownButWellFormedIDsAreIDs() {
        #expect(Self.rules(Self.document(line3: "// icp-ignore ICP999 ICP503")) == ["ICP101", "ICP504"])
    }

    @Test(arguments: [
        "// icp-ignore", "// icp-ignore because", "/* icp-ignore ICP503 */", "// ICP-IGNORE ICP503", "// icp-ignore icp503",
        "// icp-ignoreICP503", "// icp-ignore: ICP503", "// please icp-ignore ICP503", "// icp-ignore ICP5030",
    ])
    func otherCommentsRemoveNothing(comment: String) {
        #expect(Self.rules(Self.document(line3: comment)) == ["ICP101", "ICP503", "ICP504"])
    }

    @Test func syntaxErrorsCanBeSuppressed() {
        #expect(findings(#"{ "accounts": [ { "id": "acct-buy" "name": "x" } ] } // icp-ignore ICP001"#).isEmpty)
        #expect(findings("{ \"accounts\": [ ] // icp-ignore ICP001").isEmpty)
    }

    @Test func aSuppressedDiagnosticStillCountsForOtherRules() {
        // The number's first consumer is suppressed, and still keeps the number.
        let text = """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved", "websites": [
            { "domain": "a.example.cn", "serviceNumber": "SN-1" }, // icp-ignore ICP103
            { "domain": "b.example.cn", "serviceNumber": "SN-1" } ] } ]
        }
        """
        #expect(findings(text) == [#"ICP103 "SN-1""#, #"ICP201 "SN-1""#])
    }
}

/// Settings: off, severities, merging and reading.
@Suite struct SettingsTests {
    static let text = #"{ "filings": [ { "id": "F-1", "account": "acct-nobody", "websites": [ { "domain": "a.example.cn", "hosting": "other-provider" } ] } ] }"#

    @Test func offRemovesARuleAndSeveritiesRestyleIt() {
        let settings = Settings(rules: ["ICP101": nil, "ICP502": .hint])
        let result = check([("a.icp.json", Self.text)], settings: settings)
        #expect(result.allDiagnostics.map(\.rule.rawValue) == ["ICP502"])
        #expect(result.allDiagnostics.first?.severity == .hint)
    }

    @Test func defaultSeveritiesComeFromTheRules() {
        let result = check([("a.icp.json", Self.text)])
        #expect(result.allDiagnostics.map(\.severity) == [.error, .error])
        #expect(check(#"{ "x": 1 }"#).allDiagnostics.map(\.severity) == [.warning])
    }

    @Test func laterSettingsWinMemberByMember() {
        let file = Settings(asOf: CalendarDate(year: 2026, month: 1, day: 1)!, rules: ["ICP406": .warning, "ICP101": .hint])
        let initialization = Settings(rules: ["ICP406": nil])
        let configuration = Settings(asOf: CalendarDate(year: 2026, month: 3, day: 1)!, rules: ["ICP406": .information])
        let merged = file.merged(with: initialization)
        #expect(merged.asOf == CalendarDate(year: 2026, month: 1, day: 1)!)
        #expect(configured(merged, "ICP406") == "off")
        #expect(configured(merged, "ICP101") == "hint")
        let final = merged.merged(with: configuration)
        #expect(final.asOf == CalendarDate(year: 2026, month: 3, day: 1)!)
        #expect(configured(final, "ICP406") == "information")
        #expect(configured(final, "ICP101") == "hint")
        #expect(final.severity(of: "ICP406", default: .error) == .information)
        #expect(merged.severity(of: "ICP406", default: .error) == nil)
        #expect(final.severity(of: "ICP201", default: .error) == .error)
    }

    @Test func theAsOfSettingDecidesTheTimeRules() {
        let text = EligibilityTests.hostedOn(
            #""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2026-09-01", "publicBandwidthMbps": 5"#
        )
        let plain = MarkedText(text).text
        let early = Checker.check(
            [AnalyzedDocument(key: DocumentKey("/ws/a.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "a.icp.json"), text: Array(plain.utf8))],
            settings: Settings(asOf: CalendarDate(year: 2026, month: 5, day: 1)!), today: CalendarDate(year: 2026, month: 8, day: 1)!
        )
        #expect(early.allDiagnostics.map(\.rule.rawValue) == [])
        let today = Checker.check(
            [AnalyzedDocument(key: DocumentKey("/ws/a.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "a.icp.json"), text: Array(plain.utf8))],
            settings: Settings(), today: CalendarDate(year: 2026, month: 8, day: 1)!
        )
        #expect(today.allDiagnostics.map(\.rule.rawValue) == ["ICP406"])
    }

    static func read(_ text: String) -> (Settings, [SettingsProblem]) {
        SettingsReader.read(jsonc: Array(text.utf8))
    }

    @Test func aWellFormedFileIsRead() {
        let (settings, problems) = Self.read("""
        {
          "$schema": "https://example.cn/icpls-settings.json",
          // judged on the filing day
          "asOf": "2026-06-15",
          "rules": { "ICP406": "off", "ICP504": "error", "ICP201": "hint", "ICP301": "information", "ICP302": "warning", },
        }
        """)
        #expect(problems.isEmpty)
        #expect(settings.asOf == CalendarDate(year: 2026, month: 6, day: 15)!)
        #expect(settings.rules == ["ICP406": nil, "ICP504": .error, "ICP201": .hint, "ICP301": .information, "ICP302": .warning])
    }

    @Test(arguments: ["", "  \n", "// nothing\n", #"{ "asOf": null, "rules": null }"#, #"{ "asOf": "" }"#, "{}"])
    func emptyValuesMeanUnset(text: String) {
        let (settings, problems) = Self.read(text)
        #expect(settings == Settings())
        #expect(problems.isEmpty)
    }

    @Test(arguments: [
        #"{ "asof": "2026-06-15" }"#, #"{ "asOf": "2026-02-30" }"#, #"{ "asOf": "15/06/2026" }"#, #"{ "asOf": 20260615 }"#,
        #"{ "rules": [] }"#, #"{ "rules": { "ICP999": "off" } }"#, #"{ "rules": { "icp406": "off" } }"#,
        #"{ "rules": { "ICP406": "Error" } }"#, #"{ "rules": { "ICP406": "fatal" } }"#, #"{ "rules": { "ICP406": false } }"#,
        #"{ "rules": { "ICP406": null } }"#, "[]", #""settings""#,
    ])
    func aBadMemberIsReportedAndIgnored(text: String) {
        let (settings, problems) = Self.read(text)
        #expect(problems.count == 1)
        #expect(settings == Settings())
    }

    @Test func onlyTheBadMemberIsIgnored() {
        let (settings, problems) = Self.read(#"{ "asOf": "2026-13-01", "rules": { "ICP406": "loud", "ICP201": "warning" }, "colour": 1 }"#)
        #expect(problems.count == 3)
        #expect(settings == Settings(rules: ["ICP201": .warning]))
    }

    @Test func membersThatParsedCountInAFileWithASyntaxError() {
        let (settings, problems) = Self.read("""
        {
          "asOf": "2026-06-15"
          "rules": { "ICP406": "off", "ICP201": , "ICP504": "hint" }
        """)
        #expect(!problems.isEmpty)
        #expect(settings.asOf == CalendarDate(year: 2026, month: 6, day: 15)!)
        #expect(configured(settings, "ICP406") == "off")
        #expect(configured(settings, "ICP504") == "hint")
        #expect(configured(settings, "ICP201") == "unset")
    }

    @Test func settingsFromAValueAreReadTheSameWay() {
        let value = SettingsValue.object([("asOf", .string("2026-06-15")), ("rules", .object([("ICP406", .string("warning"))]))])
        let (settings, problems) = SettingsReader.read(value)
        #expect(problems.isEmpty)
        #expect(settings == Settings(asOf: CalendarDate(year: 2026, month: 6, day: 15)!, rules: ["ICP406": .warning]))
        #expect(SettingsReader.read(.null) == (Settings(), []))
    }
}

/// How a settings value configures one rule: "unset", "off" or a severity.
private func configured(_ settings: Settings, _ rule: RuleID) -> String {
    guard let entry = settings.rules[rule] else { return "unset" }
    return entry?.rawValue ?? "off"
}
