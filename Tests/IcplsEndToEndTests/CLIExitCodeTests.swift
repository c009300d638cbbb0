import Foundation
import IcplsJSONRPC
import Testing

/// Exit codes of `icpls check` (SPEC §6): 0 without errors, 1 with one, 2 on a usage,
/// settings or read error; a bad path or setting is named and the rest still checked.
@Suite struct CLIExitCodeTests {
    static let clean = """
    { "accounts": [ { "id": "acct-a", "name": "示例" } ] }

    """
    /// One ICP004 warning.
    static let warningOnly = """
    { "accounts": [ { "id": "acct-b", "nickname": "b" } ] }

    """
    /// One ICP101 error.
    static let withError = """
    { "instances": [ { "id": "i-1", "product": "ecs", "account": "acct-missing", "region": "cn-hangzhou", "billing": "pay-as-you-go" } ] }

    """

    @Test func cleanWorkspaceExitsZero() throws {
        try TemporaryFolder.with { folder in
            try folder.write("a.icp.json", Self.clean)
            let result = try CLI.run(["check"], in: folder.url)
            #expect(result.status == 0)
            #expect(result.standardOutput == "No problems in 1 file.\n")
            #expect(result.standardError == "")
        }
    }

    @Test func warningsAloneExitZero() throws {
        try TemporaryFolder.with { folder in
            try folder.write("b.icp.json", Self.warningOnly)
            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(result.status == 0)
            #expect(try result.json().checkRules == ["ICP004"])
        }
    }

    @Test func anErrorExitsOne() throws {
        try TemporaryFolder.with { folder in
            try folder.write("b.icp.json", Self.warningOnly)
            try folder.write("c.icp.json", Self.withError)
            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(result.status == 1)
            #expect(try result.json().checkRules == ["ICP004", "ICP101"])
            #expect(result.standardError == "")
        }
    }

    @Test func aSeverityTurnedDownChangesTheExitCode() throws {
        try TemporaryFolder.with { folder in
            try folder.write("c.icp.json", Self.withError)
            try folder.write(".icpls.json", #"{ "rules": { "ICP101": "warning" } }"#)
            #expect(try CLI.run(["check"], in: folder.url).status == 0)
        }
    }

    @Test(arguments: [
        (["check", "--frobnicate"], "--frobnicate"),
        (["check", "--format", "xml"], "xml"),
        (["check", "--format"], "--format"),
        (["check", "--as-of", "2026-02-30"], "2026-02-30"),
        (["check", "--as-of", "tomorrow"], "tomorrow"),
        (["check", "--as-of"], "--as-of"),
        (["check", "--config", "missing-settings.json"], "missing-settings.json"),
        (["frobnicate"], "frobnicate"),
        (["explain", "ICP999"], "ICP999"),
        (["rules", "extra"], "rules"),
    ])
    func usageErrorsExitTwoAtOnce(arguments: [String], named: String) throws {
        try TemporaryFolder.with { folder in
            try folder.write("c.icp.json", Self.withError)
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 2)
            #expect(result.standardOutput == "", "nothing is checked or reported")
            #expect(result.standardError.contains(named))
        }
    }

    @Test func aMissingPathIsNamedAndTheRestIsStillReported() throws {
        try TemporaryFolder.with { folder in
            try folder.write("here/c.icp.json", Self.withError)
            let result = try CLI.run(["check", "missing.icp.json", "here", "gone/", "--format", "json"], in: folder.url)
            #expect(result.status == 2, "a read error wins over the error found")
            #expect(result.standardError.contains("missing.icp.json"))
            #expect(result.standardError.contains("gone"))
            let json = try result.json()
            #expect(json.checkKeys == ["here/c.icp.json:1:62 ICP101"])
            #expect(json["summary"]?["files"] == 1)
        }
    }

    @Test func aBadSettingIsNamedAndTheOtherSettingsStillCount() throws {
        try TemporaryFolder.with { folder in
            try folder.write("b.icp.json", Self.warningOnly)
            try folder.write(".icpls.json", #"{ "asOf": "2026-13-01", "rules": { "ICP004": "off", "ICP777": "off", "ICP005": "loud" }, "colour": 1 }"#)
            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(result.status == 2)
            for named in ["asOf", "ICP777", "loud", "colour"] {
                #expect(result.standardError.contains(named), "\(named) is named")
            }
            #expect(result.standardError.contains(".icpls.json"))
            #expect(try result.json().checkRules == [], "ICP004 is still off")
        }
    }

    @Test func settingsThatAreNotJSONCKeepWhatParsed() throws {
        try TemporaryFolder.with { folder in
            try folder.write("b.icp.json", Self.warningOnly)
            try folder.write(".icpls.json", #"{ "rules": { "ICP004": "off" }, "asOf": 2026-11-23 }"#)
            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(result.status == 2)
            #expect(result.standardError.contains(".icpls.json"))
            #expect(try result.json().checkRules == [])
        }
    }

    @Test func aFIFONamedLikeADocumentIsAReadErrorNotAHang() throws {
        try TemporaryFolder.with { folder in
            try folder.write("c.icp.json", Self.withError)
            #expect(mkfifo(folder.url("x.icp.json").path, 0o644) == 0)
            let walked = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(walked.status == 2)
            #expect(walked.standardError.contains("x.icp.json"))
            #expect(try walked.json().checkKeys == ["c.icp.json:1:62 ICP101"])
            let given = try CLI.run(["check", "x.icp.json", "c.icp.json", "--format", "json"], in: folder.url)
            #expect(given.status == 2)
            #expect(given.standardError.contains("x.icp.json"))
            #expect(try given.json().checkKeys == ["c.icp.json:1:62 ICP101"])
        }
    }

    @Test(.enabled(if: CLI.canRunAsNobody, "needs root and runuser"))
    func anUnreadableFileIsNamedAndTheRestIsStillReported() throws {
        try TemporaryFolder.with { folder in
            try folder.write("c.icp.json", Self.withError)
            try folder.write("secret.icp.json", Self.withError)
            try folder.setPermissions("secret.icp.json", 0o600)
            try folder.write("locked/d.icp.json", Self.withError)
            try folder.setPermissions("locked", 0o700)
            let result = try CLI.run(["check", "--format", "json"], in: folder.url, asNobody: true)
            #expect(result.status == 2)
            #expect(result.standardError.contains("secret.icp.json"))
            #expect(result.standardError.contains("Permission denied"))
            #expect(result.standardError.contains("locked"))
            #expect(try result.json().checkKeys == ["c.icp.json:1:62 ICP101"])
            #expect(try result.json()["summary"]?["files"] == 1)
        }
    }
}
