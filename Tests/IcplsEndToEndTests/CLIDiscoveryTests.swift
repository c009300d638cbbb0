import Foundation
import IcplsJSONRPC
import Testing

/// Which files `icpls check` reads (SPEC §2): `*.icp.json` under the roots, hidden
/// folders and files and `.build` skipped, symbolic links inside a root not followed.
@Suite struct CLIDiscoveryTests {
    /// A document with one ICP004 warning, so that each checked file shows up in the output.
    static let marked = #"{ "marker": 1 }"# + "\n"

    static func checkedPaths(_ result: CLIResult) throws -> [String] {
        try result.json()["diagnostics"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
    }

    @Test func hiddenFoldersHiddenFilesAndBuildAreSkipped() throws {
        try TemporaryFolder.with { folder in
            for path in ["a.icp.json", "sub/deeper/b.icp.json", ".hidden/c.icp.json", ".build/debug/d.icp.json",
                         "sub/.e.icp.json", "sub/.git/f.icp.json", "notes.json", "g.icp.jsonc", "h.ICP.JSON"] {
                try folder.write(path, Self.marked)
            }
            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(try Self.checkedPaths(result) == ["a.icp.json", "sub/deeper/b.icp.json"])
            #expect(try result.json()["summary"]?["files"] == 2)
            #expect(result.status == 0)
        }
    }

    @Test func aFileGivenAsARootIsTakenWhateverItsName() throws {
        try TemporaryFolder.with { folder in
            try folder.write("notes.json", Self.marked)
            try folder.write(".hidden/settings-draft.txt", Self.marked)
            let result = try CLI.run(["check", "notes.json", ".hidden/settings-draft.txt", "--format", "json"], in: folder.url)
            #expect(try Self.checkedPaths(result) == [".hidden/settings-draft.txt", "notes.json"])
            #expect(result.status == 0)
        }
    }

    @Test func aFolderNamedLikeADocumentIsWalkedNotRead() throws {
        try TemporaryFolder.with { folder in
            try folder.write("x.icp.json/inner.icp.json", Self.marked)
            try folder.write("x.icp.json/plain.json", Self.marked)
            for arguments in [["check"], ["check", "x.icp.json"]] {
                let result = try CLI.run(arguments + ["--format", "json"], in: folder.url)
                #expect(result.status == 0)
                #expect(result.standardError == "")
                #expect(try Self.checkedPaths(result) == ["x.icp.json/inner.icp.json"])
            }
        }
    }

    @Test func symbolicLinksInsideARootAreNotFollowed() throws {
        try TemporaryFolder.with { folder in
            try folder.write("outside/real.icp.json", Self.marked)
            try folder.write("root/own.icp.json", Self.marked)
            try folder.symlink("root/link.icp.json", to: "../outside/real.icp.json")
            try folder.symlink("root/linked-folder", to: "../outside")
            try folder.symlink("root/dangling.icp.json", to: "nowhere.icp.json")
            try folder.symlink("root/loop", to: ".")
            let result = try CLI.run(["check", "root", "--format", "json"], in: folder.url)
            #expect(result.status == 0)
            #expect(result.standardError == "")
            #expect(try Self.checkedPaths(result) == ["root/own.icp.json"])
            #expect(try result.json()["summary"]?["files"] == 1)
        }
    }

    @Test func aRootGivenAsALinkIsFollowed() throws {
        try TemporaryFolder.with { folder in
            try folder.write("outside/real.icp.json", Self.marked)
            try folder.symlink("folder-link", to: "outside")
            try folder.symlink("file-link.json", to: "outside/real.icp.json")
            let viaFolder = try CLI.run(["check", "folder-link", "--format", "json"], in: folder.url)
            #expect(try Self.checkedPaths(viaFolder) == ["folder-link/real.icp.json"])
            let viaFile = try CLI.run(["check", "file-link.json", "--format", "json"], in: folder.url)
            #expect(try Self.checkedPaths(viaFile) == ["file-link.json"])
        }
    }

    @Test func aDanglingLinkGivenAsARootIsAnError() throws {
        try TemporaryFolder.with { folder in
            try folder.write("a.icp.json", Self.marked)
            try folder.symlink("dangling.icp.json", to: "nowhere.icp.json")
            let result = try CLI.run(["check", "dangling.icp.json", "a.icp.json", "--format", "json"], in: folder.url)
            #expect(result.status == 2)
            #expect(result.standardError.contains("dangling.icp.json"))
            #expect(try Self.checkedPaths(result) == ["a.icp.json"])
        }
    }

    @Test func aDocumentUnderTwoRootsIsCheckedOnce() throws {
        try TemporaryFolder.with { folder in
            try folder.write("sub/a.icp.json", Self.marked)
            let result = try CLI.run(["check", ".", "sub", "sub/a.icp.json", "--format", "json"], in: folder.url)
            #expect(try Self.checkedPaths(result) == ["sub/a.icp.json"])
            #expect(try result.json()["summary"]?["files"] == 1)
        }
    }

    /// Workspace order follows the roots as given: the first draft in that order keeps a number.
    @Test func rootOrderDecidesWhichDraftKeepsANumber() throws {
        try TemporaryFolder.with { folder in
            try folder.write("inventory/hosts.icp.json", """
            { "accounts": [ { "id": "acct" } ],
              "instances": [ { "id": "i-1", "product": "web-hosting", "account": "acct", "region": "cn-beijing",
                               "billing": "subscription", "expiresOn": "2030-01-01" } ],
              "serviceNumbers": [ { "number": "n-1", "instance": "i-1", "appliedBy": "acct" } ] }

            """)
            for name in ["a", "b"] {
                try folder.write("drafts/\(name).icp.json", """
                { "filings": [ { "id": "F-\(name)", "account": "acct", "websites": [ { "domain": "\(name).example.cn", "serviceNumber": "n-1" } ] } ] }

                """)
            }
            let natural = try CLI.run(["check", "inventory", "drafts", "--format", "json", "--as-of", "2026-01-01"], in: folder.url)
            #expect(try natural.json().checkKeys == ["drafts/b.icp.json:1:109 ICP201"])
            let reversed = try CLI.run(
                ["check", "inventory", "drafts/b.icp.json", "drafts", "--format", "json", "--as-of", "2026-01-01"], in: folder.url
            )
            #expect(try reversed.json().checkKeys == ["drafts/a.icp.json:1:109 ICP201"])
        }
    }
}
