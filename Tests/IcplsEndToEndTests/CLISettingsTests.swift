import Foundation
import IcplsJSONRPC
import Testing

/// Where `icpls check` takes its settings from (SPEC §5): the nearest `.icpls.json` from
/// the current folder up, replaced by `--config FILE`; `--as-of` beats them all.
@Suite struct CLISettingsTests {
    /// A draft whose host expires on 2027-01-01, and an account with an unknown member (ICP004).
    static func writeWorkspace(_ folder: TemporaryFolder, under base: String = "") throws {
        try folder.write(base + "ws/inventory.icp.json", """
        { "accounts": [ { "id": "acct", "nickname": "示例" } ],
          "instances": [ { "id": "i-1", "product": "ecs", "account": "acct", "region": "cn-shanghai",
                           "billing": "subscription", "expiresOn": "2027-01-01", "publicBandwidthMbps": 1 } ],
          "serviceNumbers": [ { "number": "n-1", "instance": "i-1", "appliedBy": "acct" } ] }

        """)
        try folder.write(base + "ws/draft.icp.json", """
        { "filings": [ { "id": "F-1", "account": "acct", "websites": [ { "domain": "a.example.cn", "serviceNumber": "n-1" } ] } ] }

        """)
    }

    static func rules(_ arguments: [String], in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let result = try CLI.run(["check"] + arguments + ["--format", "json"], in: folder)
        #expect(result.standardError == "", sourceLocation: sourceLocation)
        return try result.json().checkRules
    }

    @Test func asOfComesFromTheSettingsFileAndTheOptionBeatsIt() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            try folder.write("ws/.icpls.json", """
            // the as-of date of this workspace
            { "$schema": "https://example.invalid/settings.json", "asOf": "2027-06-01", }
            """)
            #expect(try Self.rules([], in: folder.url("ws")) == ["ICP405", "ICP004"])
            #expect(try Self.rules(["--as-of", "2026-11-01"], in: folder.url("ws")) == ["ICP406", "ICP004"])
            #expect(try Self.rules(["--as-of", "2026-01-01"], in: folder.url("ws")) == ["ICP004"])
            // Month-end arithmetic: 2026-09-30 + 3 months = 2026-12-30, before the expiry.
            #expect(try Self.rules(["--as-of=2026-09-30"], in: folder.url("ws")) == ["ICP004"])
            #expect(try Self.rules(["--as-of=2026-10-02"], in: folder.url("ws")) == ["ICP406", "ICP004"])
        }
    }

    @Test func theSettingsFileIsFoundInAParentFolder() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder, under: "project/")
            try folder.write("project/.icpls.json", #"{ "asOf": "2026-01-01", "rules": { "ICP004": "off" } }"#)
            try folder.makeFolder("project/ws/deeper/still")
            #expect(try Self.rules([".."], in: folder.url("project/ws/deeper")) == [])
            #expect(try Self.rules(["../.."], in: folder.url("project/ws/deeper/still")) == [])
            // Looked for from the current folder, not from the checked folder.
            #expect(try Self.rules(["project/ws", "--as-of", "2026-01-01"], in: folder.url) == ["ICP004"])
        }
    }

    @Test func theNearestSettingsFileWinsWhole() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder, under: "project/")
            try folder.write("project/.icpls.json", #"{ "asOf": "2027-06-01", "rules": { "ICP004": "off" } }"#)
            try folder.write("project/ws/.icpls.json", #"{ "asOf": "2026-01-01" }"#)
            #expect(try Self.rules([], in: folder.url("project/ws")) == ["ICP004"])
        }
    }

    @Test(.enabled(if: CLI.canRunAsNobody, "needs root and runuser"))
    func anUnreadableSettingsFileIsNamedNotSkipped() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder, under: "project/")
            try folder.write("project/.icpls.json", #"{ "asOf": "2026-01-01", "rules": { "ICP004": "off" } }"#)
            try folder.write("project/ws/.icpls.json", #"{ "asOf": "2026-01-01" }"#)
            try folder.setPermissions("project/ws/.icpls.json", 0o600)
            let result = try CLI.run(["check", "--format", "json", "--as-of", "2026-01-01"], in: folder.url("project/ws"), asNobody: true)
            #expect(result.status == 2)
            #expect(result.standardError.contains(".icpls.json"))
            #expect(result.standardError.contains("Permission denied"))
            #expect(try result.json().checkRules == ["ICP004"], "the settings file further up is not used instead")
        }
    }

    @Test func configFileReplacesTheSettingsFileFound() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            try folder.write("ws/.icpls.json", #"{ "asOf": "2027-06-01", "rules": { "ICP004": "off" } }"#)
            try folder.write("ci/strict.json", #"{ "asOf": "2026-01-01", "rules": { "ICP004": "error" } }"#)
            let result = try CLI.run(["check", "--config", "../ci/strict.json", "--format", "json"], in: folder.url("ws"))
            #expect(result.status == 1)
            #expect(try result.json().checkRules == ["ICP004"])
            #expect(try result.json()["diagnostics"]?[0]?["severity"] == "error")
            // An empty settings file means nothing is set.
            try folder.write("ci/empty.json", "")
            #expect(try Self.rules(["--config=../ci/empty.json", "--as-of", "2026-01-01"], in: folder.url("ws")) == ["ICP004"])
        }
    }

    @Test func aConfigFileThatIsAFolderIsAnError() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            let result = try CLI.run(["check", "--config", "."], in: folder.url("ws"))
            #expect(result.status == 2)
            #expect(result.standardOutput == "")
            #expect(!result.standardError.isEmpty)
        }
    }

    @Test func suppressionCommentsAndSeveritiesApplyToTheOutput() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            try folder.write("ws/.icpls.json", #"{ "asOf": "2027-06-01", "rules": { "ICP405": "warning" } }"#)
            try folder.write("ws/inventory.icp.json", """
            { "accounts": [ { "id": "acct", "nickname": "示例" } ], // icp-ignore ICP004 reviewed
              "instances": [ { "id": "i-1", "product": "ecs", "account": "acct", "region": "cn-shanghai",
                               "billing": "subscription", "expiresOn": "2027-01-01", "publicBandwidthMbps": 1 } ],
              "serviceNumbers": [ { "number": "n-1", "instance": "i-1", "appliedBy": "acct" } ] }

            """)
            let result = try CLI.run(["check", "--format", "json"], in: folder.url("ws"))
            #expect(result.status == 0)
            #expect(try result.json().checkRules == ["ICP405"])
            #expect(try result.json()["summary"] == ExpectedJSON.summary(files: 2, errors: 0, warnings: 1))
        }
    }
}
