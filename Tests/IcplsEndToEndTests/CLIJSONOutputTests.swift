import Foundation
import IcplsJSONRPC
import Testing

/// `icpls check --format json` is a contract (SPEC §6): the whole output is compared.
@Suite struct CLIJSONOutputTests {
    /// Two documents under the current folder and one outside it, with CJK and emoji before diagnostics.
    static func writeWorkspace(_ folder: TemporaryFolder) throws {
        try folder.write("work/inventory.icp.json", """
        {
          // 杭州示例科技有限公司的清单 🚀
          "accounts": [ { "id": "acct-buy", "name": "杭州示例 🚀", "regoin": "x" } ],
          "instances": [
            { "id": "i-one", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou",
              "billing": "subscription", "expiresOn": "2030-01-01", "publicBandwidthMbps": 5 },
            { "id": "i-two" }
          ],
          "serviceNumbers": [
            { "number": "n-1", "instance": "i-one", "appliedBy": "acct-buy" },
            { "number": "n-2", "instance": "i-one", "appliedBy": "acct-buy" }
          ]
        }

        """)
        try folder.write("work/filings/draft.icp.json", """
        {
          "filings": [ {
            "id": "F-1", "account": "acct-buy",
            "websites": [
              { "domain": "一.example.cn", "serviceNumber": "n-1" },
              { "domain": "😀 b.example.cn", "instance": "i-onee" },
              { "serviceNumber": "n-1", "domain": "一.EXAMPLE.cn." },
              { }
            ]
          } ]
        }

        """)
        try folder.write("other/approved.icp.json", """
        { "filings": [ { "id": "F-0", "account": "acct-buy", "status": "approved",
          "websites": [ { "domain": "old.example.cn", "serviceNumber": "n-1" } ] } ] }

        """)
    }

    static let reused = """
    The service identification number "n-1" already backs "old.example.cn" in the approved filing "F-0"; \
    a number backs one website, ever, even after that filing is cancelled. Use an unused number.
    """

    static func expected() -> JSONValue {
        typealias E = ExpectedJSON
        let draft = "filings/draft.icp.json", inventory = "inventory.icp.json"
        let firstUse = E.related("../other/approved.icp.json", 2, 64, "first used here")
        func missing(_ member: String) -> JSONValue {
            E.diagnostic(inventory, 7, 5, 7, 6, "ICP002", "error", "An instance is missing the required member \"\(member)\"; add it.")
        }
        return E.output([
            E.diagnostic(draft, 5, 52, 5, 57, "ICP201", "error", reused, related: [firstUse], fixes: [
                E.fix("Use unused number n-2 (on i-one)", [E.edit(draft, 5, 52, 5, 57, "\"n-2\"")]),
            ]),
            E.diagnostic(draft, 6, 19, 6, 36, "ICP003", "error",
                         "\"😀 b.example.cn\" is not a bare host name: give the domain alone, without scheme, path, port, spaces or user."),
            E.diagnostic(draft, 6, 50, 6, 58, "ICP102", "error", "No document declares the instance \"i-onee\"; did you mean \"i-one\"?", fixes: [
                E.fix("Change to \"i-one\"", [E.edit(draft, 6, 50, 6, 58, "\"i-one\"")]),
            ]),
            E.diagnostic(draft, 7, 26, 7, 31, "ICP201", "error", reused, related: [firstUse], fixes: [
                E.fix("Use unused number n-2 (on i-one)", [E.edit(draft, 7, 26, 7, 31, "\"n-2\"")]),
            ]),
            E.diagnostic(draft, 7, 43, 7, 58, "ICP504", "warning",
                         "\"一.EXAMPLE.cn.\" is already in another website of an active filing; file each domain once.",
                         related: [E.related(draft, 5, 19, "already filed here")]),
            E.diagnostic(draft, 8, 7, 8, 8, "ICP002", "error", "A website is missing the required member \"domain\"; add it."),
            E.diagnostic(draft, 8, 7, 8, 8, "ICP503", "error",
                         "This website gives neither \"serviceNumber\" nor \"instance\": add a service identification number.", fixes: [
                E.fix("Use unused number n-2 (on i-one)", [E.edit(draft, 8, 8, 8, 8, "\"serviceNumber\": \"n-2\"")]),
            ]),
            E.diagnostic(inventory, 3, 56, 3, 64, "ICP004", "warning", "\"regoin\" is not a member in an account; remove it."),
            missing("account"), missing("billing"), missing("product"), missing("region"),
        ], E.summary(files: 3, errors: 10, warnings: 2))
    }

    @Test func wholeOutputIsExact() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            let result = try CLI.run(["check", ".", "../other", "--format", "json", "--as-of", "2026-11-23"], in: folder.url("work"))
            #expect(result.status == 1)
            #expect(result.standardError == "")
            let expected = Self.expected()
            #expect(try result.json() == expected)
            // Byte for byte too: member order, compact form, one trailing newline.
            #expect(result.standardOutput == String(decoding: expected.encoded(), as: UTF8.self) + "\n")
        }
    }

    @Test func pathsAreRelativeToTheCurrentFolderWhereverTheRootIs() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            // The same workspace seen from the folder above, with roots given in another spelling.
            let result = try CLI.run(["check", "./work/", "other/../other", "--format=json", "--as-of=2026-11-23"], in: folder.url)
            let paths = Set((try result.json()["diagnostics"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue })
            #expect(paths == ["work/filings/draft.icp.json", "work/inventory.icp.json"])
            let related = try result.json()["diagnostics"]?[0]?["related"]?[0]?["path"]
            #expect(related == "other/approved.icp.json")
            // From deeper inside, everything is above: `../`, never a leading `./`.
            let inside = try CLI.run(["check", "..", "../../other", "--format", "json", "--as-of", "2026-11-23"], in: folder.url("work/filings"))
            // Sorted byte-wise by path: `../inventory.icp.json` comes before `draft.icp.json`.
            let keys = try inside.json().checkKeys
            #expect(keys.first == "../inventory.icp.json:3:56 ICP004")
            #expect(keys.last == "draft.icp.json:8:7 ICP503")
            #expect(keys.count == 12)
            #expect(try inside.json()["diagnostics"]?[5]?["related"]?[0]?["path"] == "../../other/approved.icp.json")
        }
    }

    @Test func relatedAndFixesArePresentWhenEmptyAndTheSummaryCountsEverySeverity() throws {
        try TemporaryFolder.with { folder in
            try folder.write(".icpls.json", #"{ "rules": { "ICP004": "information", "ICP006": "hint", "ICP002": "off" } }"#)
            try folder.write("a.icp.json", """
            { "extra": 1, "instances": [ { "id": "i-1", "region": "cn-atlantis" } ] }
            """)
            try folder.write("empty.icp.json", "")
            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(result.status == 0)
            let json = try result.json()
            #expect(json["summary"] == ExpectedJSON.summary(files: 2, errors: 0, warnings: 0, information: 1, hints: 1))
            for diagnostic in json["diagnostics"]?.arrayValue ?? [] {
                #expect(diagnostic.objectValue?.keys == ["path", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "related", "fixes"])
                #expect(diagnostic["related"]?.arrayValue != nil)
                #expect(diagnostic["fixes"]?.arrayValue != nil)
            }
            #expect(json.checkKeys == ["a.icp.json:1:3 ICP004", "a.icp.json:1:55 ICP006"])
            #expect(json["diagnostics"]?.arrayValue?.compactMap { $0["severity"]?.stringValue } == ["information", "hint"])
        }
    }

    @Test func noDocumentsIsAnEmptyCleanReport() throws {
        try TemporaryFolder.with { folder in
            try folder.write("notes.json", "{}")
            let result = try CLI.run(["check", "--format", "json"], in: folder.url)
            #expect(result.status == 0)
            #expect(result.standardOutput == #"{"diagnostics":[],"summary":{"files":0,"errors":0,"warnings":0,"information":0,"hints":0}}"# + "\n")
        }
    }
}
