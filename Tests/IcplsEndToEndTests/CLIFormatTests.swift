import Foundation
import IcplsCore
import IcplsJSONRPC
import Testing

/// `--format text`, `sarif` and `github` (SPEC §6).
@Suite struct CLIFormatTests {
    /// Line 3 puts CJK and an emoji before an unknown member (ICP004); line 4 a tab before an unknown account (ICP101).
    static let document = """
    {
      // 杭州示例科技有限公司
      "accounts": [ { "id": "acct", "name": "杭州示例🚀", "nickname": "小杭" } ],
    \t"filings": [ { "id": "F-1", "account": "acct-x", "status": "approved" } ]
    }

    """
    static let prefix3 = #"  "accounts": [ { "id": "acct", "name": "杭州示例🚀", "#
    static let prefix4 = "\t" + #""filings": [ { "id": "F-1", "account": "#

    /// Terminal columns as the text format counts them: CJK and emoji two, a tab four.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar == "\t" ? 4 : scalar.value >= 0x1100 ? 2 : 1)
        }
    }

    @Test func textShowsTheDiagnosticLineTheSourceAndAnAlignedUnderline() throws {
        try TemporaryFolder.with { folder in
            try folder.write("docs/a.icp.json", Self.document)
            let result = try CLI.run(["check"], in: folder.url)
            #expect(result.status == 1)
            let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            try #require(lines.count == 8)
            let column3 = Self.prefix3.utf16.count + 1
            #expect(lines[0].hasPrefix("docs/a.icp.json:3:\(column3): warning[ICP004]: "))
            #expect(lines[0].contains("\"nickname\""))
            #expect(lines[1] == #" 3 |   "accounts": [ { "id": "acct", "name": "杭州示例🚀", "nickname": "小杭" } ],"#)
            #expect(lines[2] == "   | " + String(repeating: " ", count: Self.displayWidth(Self.prefix3)) + String(repeating: "^", count: 10))
            #expect(lines[3].hasPrefix("docs/a.icp.json:4:\(Self.prefix4.utf16.count + 1): error[ICP101]: "))
            #expect(lines[3].contains("\"acct-x\""))
            #expect(lines[4] == #" 4 |     "filings": [ { "id": "F-1", "account": "acct-x", "status": "approved" } ]"#)
            #expect(lines[5] == "   | " + String(repeating: " ", count: Self.displayWidth(Self.prefix4)) + String(repeating: "^", count: 8))
            #expect(lines[6] == "Found 1 error, 1 warning in 1 file.")
            #expect(lines[7] == "")
            #expect(!result.standardOutput.contains("\u{1B}"), "no colour when standard output is not a terminal")
            #expect(result.standardError == "")
        }
    }

    @Test func textUnderlinesARangeOverSeveralLinesToTheLineEnd() throws {
        try TemporaryFolder.with { folder in
            try folder.write("a.icp.json", "{ \"accounts\": { \"id\":\n \"a\" } }\n")
            let result = try CLI.run(["check"], in: folder.url)
            #expect(result.status == 1)
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            try #require(lines.count == 4)
            #expect(lines[0].hasPrefix("a.icp.json:1:15: error[ICP003]: "))
            #expect(lines[1] == " 1 | { \"accounts\": { \"id\":")
            #expect(lines[2] == "   |               ^^^^^^^")
            #expect(lines[3] == "Found 1 error, 0 warnings in 1 file.")
        }
    }

    @Test func textControlCharactersCannotReachTheTerminal() throws {
        try TemporaryFolder.with { folder in
            try folder.write("a.icp.json", "{ \"filings\": [ { \"id\": \"F\", \"account\": \"acct\\u001b[31m\\r\\nx\" } ] } // \u{1B}[2J\n")
            let result = try CLI.run(["check"], in: folder.url)
            #expect(result.status == 1)
            #expect(!result.standardOutput.contains("\u{1B}"))
            #expect(!result.standardOutput.contains("\r"))
            #expect(result.standardOutput.contains(#""acct\u{1B}[31m\r\nx""#))
            #expect(result.standardOutput.split(separator: "\n").count == 4)
        }
    }

    @Test(.enabled(if: CLI.hasScript, "needs script(1) for a terminal"))
    func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        try TemporaryFolder.with { folder in
            try folder.write("a.icp.json", Self.document)
            let terminal = try CLI.runOnTerminal(["check"], in: folder.url)
            #expect(terminal.status == 1)
            #expect(terminal.standardOutput.contains("\u{1B}[1;31merror[ICP101]\u{1B}[0m"))
            let noColor = try CLI.runOnTerminal(["check"], in: folder.url, environment: ["NO_COLOR": "1"])
            #expect(noColor.status == 1)
            #expect(noColor.standardOutput.contains("error[ICP101]"))
            #expect(!noColor.standardOutput.contains("\u{1B}"))
            let piped = try CLI.run(["check"], in: folder.url)
            #expect(!piped.standardOutput.contains("\u{1B}"))
        }
    }

    @Test func sarifIsOneRunOfVersion210WithEveryRule() throws {
        try TemporaryFolder.with { folder in
            try folder.write("docs/a.icp.json", Self.document)
            let result = try CLI.run(["check", "--format", "sarif"], in: folder.url)
            #expect(result.status == 1)
            let log = try result.json()
            #expect(log["version"] == "2.1.0")
            #expect(log["$schema"]?.stringValue?.contains("sarif") == true)
            #expect(log["$schema"]?.stringValue?.contains("2.1.0") == true)
            let runs = try #require(log["runs"]?.arrayValue)
            try #require(runs.count == 1)
            let driver = try #require(runs[0]["tool"]?["driver"])
            #expect(driver["name"] == "icpls")
            let rules = try #require(driver["rules"]?.arrayValue)
            let ruleIDs = rules.compactMap { $0["id"]?.stringValue }
            #expect(ruleIDs == RuleRegistry.all.map(\.id.rawValue))
            #expect(ruleIDs.count == 27)
            for rule in rules {
                #expect(rule["shortDescription"]?["text"]?.stringValue?.isEmpty == false)
                #expect(["error", "warning", "note"].contains(rule["defaultConfiguration"]?["level"]?.stringValue ?? ""))
            }
            let results = try #require(runs[0]["results"]?.arrayValue)
            #expect(results.compactMap { $0["ruleId"]?.stringValue } == ["ICP004", "ICP101"])
            #expect(results.compactMap { $0["level"]?.stringValue } == ["warning", "error"])
            for result in results {
                let index = try #require(result["ruleIndex"]?.intValue)
                #expect(rules[index]["id"] == result["ruleId"])
                #expect(result["message"]?["text"]?.stringValue?.isEmpty == false)
            }
            let location = try #require(results[0]["locations"]?[0]?["physicalLocation"])
            #expect(location["artifactLocation"]?["uri"] == "docs/a.icp.json")
            let start = Self.prefix3.utf16.count + 1
            #expect(location["region"] == [
                "startLine": 3, "startColumn": .integer(Int64(start)), "endLine": 3, "endColumn": .integer(Int64(start + 10)),
            ])
        }
    }

    @Test func sarifURIsArePercentEncoded() throws {
        try TemporaryFolder.with { folder in
            try folder.write("a b/c:d#1%.icp.json", #"{ "x": 1 }"#)
            let result = try CLI.run(["check", "--format", "sarif"], in: folder.url)
            let uri = try result.json()["runs"]?[0]?["results"]?[0]?["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]
            #expect(uri == "a%20b/c%3Ad%231%25.icp.json")
        }
    }

    @Test func githubLinesAreWorkflowCommands() throws {
        try TemporaryFolder.with { folder in
            try folder.write("docs/a.icp.json", Self.document)
            try folder.write(".icpls.json", #"{ "rules": { "ICP005": "hint" } }"#)
            try folder.write("docs/dup.icp.json", #"{ "accounts": [], "accounts": [] }"#)
            let result = try CLI.run(["check", "--format", "github"], in: folder.url)
            #expect(result.status == 1)
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            try #require(lines.count == 3)
            let column3 = Self.prefix3.utf16.count + 1, column4 = Self.prefix4.utf16.count + 1
            #expect(lines[0].hasPrefix("::warning file=docs/a.icp.json,line=3,col=\(column3),endLine=3,endColumn=\(column3 + 10),title=ICP004::"))
            #expect(lines[1].hasPrefix("::error file=docs/a.icp.json,line=4,col=\(column4),endLine=4,endColumn=\(column4 + 8),title=ICP101::"))
            #expect(lines[2].hasPrefix("::notice file=docs/dup.icp.json,line=1,col=19,endLine=1,endColumn=29,title=ICP005::"))
            #expect(result.standardOutput.hasSuffix("\n"))
        }
    }

    @Test func githubEscapesMessagesAndProperties() throws {
        try TemporaryFolder.with { folder in
            try folder.write("a,b:c.icp.json", #"{ "filings": [ { "id": "F", "account": "acct-50%\r\nnew", "websites": [] } ] }"# + "\n")
            let result = try CLI.run(["check", "--format", "github"], in: folder.url)
            #expect(result.status == 1)
            #expect(result.standardOutput.hasPrefix("::error file=a%2Cb%3Ac.icp.json,line=1,col=40,endLine=1,endColumn=57,title=ICP101::"))
            #expect(result.standardOutput.contains("\"acct-50%25%0D%0Anew\""))
            #expect(result.standardOutput.split(separator: "\n").count == 1)
            #expect(!result.standardOutput.contains("\r"))
        }
    }
}
