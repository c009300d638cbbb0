import Foundation
import IcplsJSONRPC
import Testing

/// `icpls check --fix` (SPEC §4 quick fixes, §6): preferred fixes only, in rounds,
/// written atomically, keeping everything else byte for byte.
@Suite struct CLIFixTests {
    static let inventory = """
    // Inventory — 杭州示例科技有限公司 🚀
    {
      "accounts": [
        { "id": "acct-buy", "nmae": "杭州示例科技有限公司" }, // 购买账号
        { "id": "acct-ops" }
      ],
      "instances": [
        { "id": "i-web01", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou",
          "billing": "subscription", "expiresOn": "2030-06-30", "publicBandwidthMbps": 5 },
        { "id": "i-hk", "product": "ecs", "account": "acct-buy", "region": "cn-hongkong",
          "billing": "subscription", "expiresOn": "2030-06-30", "publicBandwidthMbps": 5 },
        { "id": "i-other", "product": "web-hosting", "account": "acct-buy", "region": "cn-shanghai",
          "billing": "subscription", "expiresOn": "2030-06-30" }
      ],
      "serviceNumbers": [
        { "number": "n-used", "instance": "i-web01", "appliedBy": "acct-buy", "used": true },
        { "number": "n-free-1", "instance": "i-web01", "appliedBy": "acct-buy" },
        { "number": "n-free-2", "instance": "i-web01", "appliedBy": "acct-buy" },
        { "number": "n-free-3", "instance": "i-other", "appliedBy": "acct-buy" },
        { "number": "32a43232-a888-88e8-b9ec-00888be80001", "instance": "i-other", "appliedBy": "acct-buy" }
      ]
    }

    """

    /// A preferred fix for each rule that has one: ICP101, ICP201 (twice), ICP503, ICP003 (bare host name and
    /// allowed value), ICP102, ICP103, ICP501; ICP004 is in the inventory.
    static let drafts = """
    {
      /* 草稿 🚀 — every preferred fix applies here */
      "filings": [ {
        "id": "F-1", "account": "acct-bux",
        "websites": [
          { "domain": "a.example.cn", "serviceNumber": "n-used" }, // reused
          { "domain": "b.example.cn", "serviceNumber": "n-used" },
          { "domain": "c.example.cn" },
          { "domain": "https://d.example.cn:8443/shop", "instance": "i-othr" },
          { "domain": "e.example.cn", "serviceNumber": "32a43232-a888-88e8-b9ec-00888be8001", "hosting": "alibaba-clod" },
          { "domain": "f.example.cn", "hosting": "trustpass", "instance": "i-web01" }
        ]
      } ]
    }

    """

    /// Nothing preferred here: a value with no close allowed value, ICP302 (offered, not
    /// preferred), ICP402 (removal never preferred), an id with no close name.
    static let remaining = """
    {
      "filings": [ {
        "id": "F-2", "account": "acct-ops", "status": "pending",
        "websites": [
          { "domain": "g.example.cn", "instance": "i-web01" },
          { "domain": "h.example.cn", "instance": "i-hk" },
          { "domain": "i.example.cn", "instance": "i-zzzzzzz" }
        ]
      } ]
    }

    """

    static func writeWorkspace(_ folder: TemporaryFolder) throws {
        try folder.write("ws/inventory.icp.json", inventory)
        try folder.write("ws/drafts.icp.json", drafts)
        try folder.write("ws/remaining.icp.json", remaining)
        try folder.write("ws/.icpls.json", #"{ "asOf": "2026-11-23" }"#)
    }

    static func replacing(_ text: String, _ replacements: [(String, String)]) -> String {
        replacements.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static let fixedDrafts = replacing(drafts, [
        (#""acct-bux""#, #""acct-buy""#),
        (#""a.example.cn", "serviceNumber": "n-used""#, #""a.example.cn", "serviceNumber": "n-free-1""#),
        (#""b.example.cn", "serviceNumber": "n-used""#, #""b.example.cn", "serviceNumber": "n-free-2""#),
        (#"{ "domain": "c.example.cn" }"#, #"{ "serviceNumber": "n-free-3", "domain": "c.example.cn" }"#),
        (#""https://d.example.cn:8443/shop""#, #""d.example.cn""#),
        (#""i-othr""#, #""i-other""#),
        (#""32a43232-a888-88e8-b9ec-00888be8001""#, #""32a43232-a888-88e8-b9ec-00888be80001""#),
        (#""alibaba-clod""#, #""alibaba-cloud""#),
        (#""hosting": "trustpass", "instance": "i-web01" }"#, #""hosting": "trustpass" }"#),
    ])
    static let fixedInventory = replacing(inventory, [(#""nmae""#, #""name""#)])

    @Test func preferredFixesOfEveryRuleAreAppliedAndTheRestRemain() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            let before = try CLI.run(["check", "--format", "json"], in: folder.url("ws")).json()
            let directSelection = before["diagnostics"]?.arrayValue?.first { $0["rule"] == "ICP302" && $0["line"] == 5 }
            #expect(directSelection?["fixes"]?.arrayValue?.count == 2, "offered before the fix")
            let result = try CLI.run(["check", "--fix", "--format", "json"], in: folder.url("ws"))
            #expect(result.status == 1)
            #expect(result.standardError == "")
            #expect(try folder.read("ws/drafts.icp.json") == Self.fixedDrafts)
            #expect(try folder.read("ws/inventory.icp.json") == Self.fixedInventory)
            #expect(try folder.read("ws/remaining.icp.json") == Self.remaining)
            // What remains is reported, at positions in the fixed files.
            #expect(try result.json().checkKeys == [
                "remaining.icp.json:3:51 ICP003", "remaining.icp.json:5:47 ICP302", "remaining.icp.json:6:47 ICP302",
                "remaining.icp.json:6:47 ICP402", "remaining.icp.json:7:47 ICP102",
            ])
            // The ICP302 fixes were not applied; the numbers they offered now back the reused websites.
            #expect(try result.json()["diagnostics"]?[1]?["fixes"] == [])
            #expect(folder.listing() == ["ws", "ws/.icpls.json", "ws/drafts.icp.json", "ws/inventory.icp.json", "ws/remaining.icp.json"])
        }
    }

    @Test func twoWebsitesReusingANumberGetTwoDifferentUnusedNumbers() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            _ = try CLI.run(["check", "--fix"], in: folder.url("ws"))
            let text = try folder.read("ws/drafts.icp.json")
            let numbers = ["a", "b", "c"].map { site -> String in
                let line = text.split(separator: "\n").first { $0.contains("\"\(site).example.cn\"") } ?? ""
                let after = line.components(separatedBy: #""serviceNumber": ""#).dropFirst().first ?? ""
                return String(after.prefix { $0 != "\"" })
            }
            #expect(Set(numbers).count == 3, "\(numbers)")
            #expect(numbers[0] == "n-free-1" && numbers[1] == "n-free-2", "the numbers of the same instance come first")
        }
    }

    @Test func aSecondRunChangesNothingAndPermissionsAreKept() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            try folder.setPermissions("ws/drafts.icp.json", 0o640)
            let first = try CLI.run(["check", "--fix"], in: folder.url("ws"))
            #expect(first.status == 1)
            #expect(first.standardError.contains("10 fixes in 2 files"))
            #expect(try folder.permissions("ws/drafts.icp.json") == 0o640)
            #expect(try folder.permissions("ws/inventory.icp.json") == 0o644)
            let identities = try ["drafts", "inventory", "remaining"].map { name in
                try FileManager.default.attributesOfItem(atPath: folder.url("ws/\(name).icp.json").path)[.systemFileNumber] as? NSNumber
            }
            let second = try CLI.run(["check", "--fix"], in: folder.url("ws"))
            #expect(second.status == 1)
            #expect(second.standardError.contains("0 fixes in 0 files"))
            #expect(second.standardOutput == first.standardOutput)
            #expect(try folder.read("ws/drafts.icp.json") == Self.fixedDrafts)
            #expect(try folder.read("ws/inventory.icp.json") == Self.fixedInventory)
            let after = try ["drafts", "inventory", "remaining"].map { name in
                try FileManager.default.attributesOfItem(atPath: folder.url("ws/\(name).icp.json").path)[.systemFileNumber] as? NSNumber
            }
            #expect(after == identities, "no file is rewritten")
            let plain = try CLI.run(["check"], in: folder.url("ws"))
            #expect(plain.standardOutput == first.standardOutput)
        }
    }

    @Test func aReadOnlyFileIsAClearErrorAndNothingIsLost() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            try folder.setPermissions("ws/drafts.icp.json", 0o444)
            let result = try CLI.run(["check", "--fix", "--format", "json"], in: folder.url("ws"))
            #expect(result.status == 2)
            #expect(result.standardError.contains("drafts.icp.json"))
            #expect(result.standardError.contains("read-only"))
            #expect(try folder.read("ws/drafts.icp.json") == Self.drafts)
            #expect(try folder.permissions("ws/drafts.icp.json") == 0o444)
            // The other file is fixed, and the report describes the files as they are now.
            #expect(try folder.read("ws/inventory.icp.json") == Self.fixedInventory)
            #expect(try result.json().checkRules.contains("ICP201"))
            #expect(try !result.json().checkRules.contains("ICP004"))
            #expect(folder.listing() == ["ws", "ws/.icpls.json", "ws/drafts.icp.json", "ws/inventory.icp.json", "ws/remaining.icp.json"])
        }
    }

    @Test(.enabled(if: CLI.canRunAsNobody, "needs root and runuser"))
    func aFolderThatCannotBeWrittenIsAClearErrorAndNothingIsLost() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            let before = try CLI.run(["check", "--format", "json"], in: folder.url("ws"))
            let result = try CLI.run(["check", "--fix", "--format", "json"], in: folder.url("ws"), asNobody: true)
            #expect(result.status == 2)
            #expect(result.standardError.contains("drafts.icp.json"))
            #expect(result.standardError.contains("inventory.icp.json"))
            #expect(result.standardError.contains("left unchanged"))
            #expect(try folder.read("ws/drafts.icp.json") == Self.drafts)
            #expect(try folder.read("ws/inventory.icp.json") == Self.inventory)
            #expect(result.standardOutput == before.standardOutput, "the report is of the files as they are")
            #expect(folder.listing() == ["ws", "ws/.icpls.json", "ws/drafts.icp.json", "ws/inventory.icp.json", "ws/remaining.icp.json"])
        }
    }

    @Test func whenEverythingIsFixedTheExitCodeIsZero() throws {
        try TemporaryFolder.with { folder in
            let text = """
            {
              "accounts": [ { "id": "acct-hangzhou", "nmae": "杭州" } ],
              "filings": [ { "id": "F-1", "account": "acct-hangzou", "status": "cancelld" } ] // 已注销
            }

            """
            try folder.write("a.icp.json", text)
            let result = try CLI.run(["check", "--fix"], in: folder.url)
            #expect(result.status == 0)
            #expect(result.standardOutput == "No problems in 1 file.\n")
            #expect(result.standardError == "icpls: applied 3 fixes in 1 file\n")
            #expect(try folder.read("a.icp.json") == Self.replacing(text, [
                (#""nmae""#, #""name""#), (#""acct-hangzou""#, #""acct-hangzhou""#), (#""cancelld""#, #""cancelled""#),
            ]))
        }
    }

    @Test func aDocumentGivenThroughALinkIsFixedInItsTarget() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            try folder.symlink("ws/link.json", to: "inventory.icp.json")
            let result = try CLI.run(["check", "link.json", "--fix"], in: folder.url("ws"))
            #expect(result.standardError.contains("1 fix in 1 file"))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.url("ws/link.json").path) == "inventory.icp.json")
            #expect(try folder.read("ws/inventory.icp.json") == Self.fixedInventory)
        }
    }
}
