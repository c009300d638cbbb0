import Foundation
import IcplsJSONRPC
import Testing

/// `editors/sample-workspace` shows what its README promises: six errors and one warning.
@Suite struct CLISampleWorkspaceTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("editors/sample-workspace")

    static let expectedKeys = [
        "filings/2026-media.icp.json:14:23 ICP402",
        "filings/2026-media.icp.json:19:23 ICP408",
        "filings/2026-new-sites.icp.json:21:28 ICP201",
        "filings/2026-new-sites.icp.json:27:28 ICP406",
        "filings/2026-new-sites.icp.json:32:23 ICP403",
        "filings/2026-new-sites.icp.json:39:23 ICP302",
        "filings/2026-new-sites.icp.json:44:23 ICP102",
    ]

    static func relatedLines(_ diagnostic: JSONValue) -> [String] {
        (diagnostic["related"]?.arrayValue ?? []).map { "\($0["path"]?.stringValue ?? "?") \($0["line"]?.intValue ?? 0)" }
    }

    static func fixTexts(_ diagnostic: JSONValue) -> [String] {
        (diagnostic["fixes"]?.arrayValue ?? []).flatMap { fix in
            (fix["edits"]?.arrayValue ?? []).compactMap { $0["newText"]?.stringValue }
        }
    }

    @Test func theSevenProblemsOfTheReadme() throws {
        for arguments in [["check", "--as-of", "2026-11-23"], ["check"]] {
            let result = try CLI.run(arguments + ["--format", "json"], in: Self.sample)
            #expect(result.status == 1)
            #expect(result.standardError == "")
            let json = try result.json()
            #expect(json.checkKeys == Self.expectedKeys)
            #expect(json["summary"] == ExpectedJSON.summary(files: 4, errors: 6, warnings: 1))
            let diagnostics = json["diagnostics"]?.arrayValue ?? []
            try #require(diagnostics.count == 7)
            #expect(diagnostics.map(Self.relatedLines) == [
                ["inventory.icp.json 57"], ["inventory.icp.json 75"], ["filings/2025-filed.icp.json 14"],
                ["inventory.icp.json 30"], ["inventory.icp.json 39"], [], [],
            ])
            #expect(diagnostics[0]["severity"] == "warning")
            #expect(Self.fixTexts(diagnostics[0]) == [""], "the ICP402 fix removes the website")
            #expect(Self.fixTexts(diagnostics[1]).isEmpty)
            #expect(Self.fixTexts(diagnostics[2]) == [
                #""e17a4c90-3b58-4d2f-b6e1-8c4a5f0d9723""#, #""92e5d7c3-a08b-4e16-b7f2-6d31c8e94a05""#,
            ])
            #expect(Self.fixTexts(diagnostics[3]).isEmpty)
            #expect(Self.fixTexts(diagnostics[4]).isEmpty)
            #expect(Self.fixTexts(diagnostics[5]) == [#""serviceNumber""#, #""92e5d7c3-a08b-4e16-b7f2-6d31c8e94a05""#])
            #expect(Self.fixTexts(diagnostics[6]) == [#""i-bp1shop01""#])
        }
    }

    @Test func fixAppliesTheTwoPreferredFixesOnACopy() throws {
        try TemporaryFolder.with { folder in
            let copy = folder.url("sample")
            try FileManager.default.copyItem(at: Self.sample, to: copy)
            let result = try CLI.run(["check", "--fix", "--format", "json"], in: copy)
            #expect(result.status == 1)
            #expect(try result.json().checkRules == ["ICP402", "ICP408", "ICP406", "ICP403", "ICP302"])
            let fixed = try folder.read("sample/filings/2026-new-sites.icp.json")
            #expect(fixed.contains(#""serviceNumber": "e17a4c90-3b58-4d2f-b6e1-8c4a5f0d9723""#))
            #expect(fixed.contains(#""instance": "i-bp1shop01""#))
            #expect(!fixed.contains("i-bp1shop10"))
            for unchanged in ["inventory.icp.json", "filings/2025-filed.icp.json", "filings/2026-media.icp.json"] {
                #expect(try folder.readBytes("sample/" + unchanged) == Array(try Data(contentsOf: Self.sample.appendingPathComponent(unchanged))))
            }
        }
    }
}
