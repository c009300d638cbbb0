import Foundation
import IcplsCore
import Testing

/// `icpls rules`, `explain`, `--help`, `--version` (SPEC §6), and the README's rules table.
@Suite struct CLICommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String]) throws -> CLIResult {
        try TemporaryFolder.with { folder in try CLI.run(arguments, in: folder.url) }
    }

    @Test func rulesListsEveryRuleWithSeverityAndTitle() throws {
        let result = try Self.run(["rules"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 27)
        #expect(lines.map { String($0.prefix(6)) } == RuleRegistry.all.map(\.id.rawValue))
        let catalog = EnglishCatalog()
        for (line, rule) in zip(lines, RuleRegistry.all) {
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
            #expect(words.count == 3)
            #expect(words.dropFirst().first == rule.description.defaultSeverity.rawValue)
            #expect(words.last?.trimmingCharacters(in: .whitespaces) == catalog.title(of: rule.id))
        }
    }

    @Test(arguments: ["ICP201", "icp201"])
    func explainGivesTheWhyAndBothExamples(id: String) throws {
        let result = try Self.run(["explain", id])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let text = result.standardOutput
        let rule = try #require(RuleRegistry.rule(RuleID(rawValue: "ICP201")))
        #expect(text.hasPrefix("ICP201: \(EnglishCatalog().title(of: rule.id))\n"))
        #expect(text.contains(EnglishCatalog().rationale(of: rule.id)))
        #expect(text.contains("error"))
        // The examples are shown as a user writes them: without the test markers.
        #expect(!text.contains("⟦") && !text.contains("⟧"))
        for example in [rule.description.failingExample, rule.description.passingExample] {
            let firstMemberLine = example.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
            let plain = firstMemberLine.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
            #expect(text.contains(plain))
        }
    }

    @Test func explainOfAnUnknownRuleExitsTwo() throws {
        for arguments in [["explain", "ICP999"], ["explain", "nonsense"], ["explain"], ["explain", "ICP201", "ICP202"]] {
            let result = try Self.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardOutput == "")
            #expect(!result.standardError.isEmpty)
        }
    }

    @Test func helpAndVersion() throws {
        for arguments in [["--help"], ["-h"], []] {
            let help = try Self.run(arguments)
            #expect(help.status == 0)
            for command in ["icpls check", "icpls lsp", "icpls rules", "icpls explain", "icpls schema", "--version"] {
                #expect(help.standardOutput.contains(command), "\(arguments) mentions \(command)")
            }
        }
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput == "icpls \(IcplsVersion.current)\n")
        #expect(version.standardError == "")
    }

    @Test func commandHelp() throws {
        let check = try Self.run(["check", "--help"])
        #expect(check.status == 0)
        #expect(check.standardError == "")
        for option in ["--format", "text", "json", "sarif", "github", "--as-of", "--config", "--fix"] {
            #expect(check.standardOutput.contains(option))
        }
        for command in ["rules", "explain", "schema", "lsp"] {
            let help = try Self.run([command, "--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.standardOutput.contains("Usage: icpls \(command)"))
        }
    }

    @Test func helpAfterDoubleDashIsAPath() throws {
        let result = try Self.run(["check", "--format", "json", "--", "--help"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--help"))
        #expect(result.standardOutput.hasPrefix(#"{"diagnostics":[]"#))
    }

    /// README.md lists every rule as `| ICP001 | error | Invalid JSONC |`, matching the registry.
    @Test func readmeRulesTableMatchesTheRegistry() throws {
        let readme = Self.packageRoot.appendingPathComponent("README.md")
        let text = try #require(try? String(contentsOf: readme, encoding: .utf8), "README.md is missing at the package root")
        var rows: [(id: String, severity: String, title: String)] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else { continue }
            let cells = trimmed.dropFirst().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
            // A row of the rules table: an ID, then a severity (other tables name rules too).
            guard cells.count >= 3, cells[0].count == 6, cells[0].hasPrefix("ICP"), cells[0].dropFirst(3).allSatisfy(\.isNumber),
                  Severity(rawValue: cells[1]) != nil else { continue }
            rows.append((cells[0], cells[1], cells[2]))
        }
        let catalog = EnglishCatalog()
        let expected = RuleRegistry.all.map { ($0.id.rawValue, $0.description.defaultSeverity.rawValue, catalog.title(of: $0.id)) }
        #expect(rows.map(\.id) == expected.map(\.0), "one row per rule, in the registry's order")
        for (id, severity, title) in expected {
            let row = rows.first { $0.id == id }
            #expect(row?.severity == severity, "\(id) severity")
            #expect(row?.title == title, "\(id) title")
        }
    }
}
