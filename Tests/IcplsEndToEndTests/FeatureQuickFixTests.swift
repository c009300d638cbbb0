import Testing
import IcplsDocument
import IcplsJSONRPC

/// `textDocument/codeAction` quick fixes (SPEC §4 "Quick fixes", §7), through the real server.
@Suite("Editor features: quick fixes")
struct FeatureQuickFixTests {
    static let draft = FeatureFixtures.draft

    /// The quick fixes of one rule's diagnostic, without the ignore action.
    static func fixes(_ actions: [JSONValue], _ rule: String) -> [JSONValue] {
        actions.filter { action in
            action["kind"] == "quickfix" && action["diagnostics"]?[0]?["code"]?.stringValue == rule
                && action["title"]?.stringValue?.hasPrefix("Ignore ") == false
        }
    }

    @Test("ICP201: up to three unused numbers, the reused number's own instance first, the first preferred")
    func reusedNumber() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, "reused"), "ICP201")
        // n-spare-1 comes first in workspace order, but n-main-1's own instance i-main goes first.
        #expect(fixes.titles == [
            "Use unused number n-main-2 (on i-main)", "Use unused number n-main-3 (on i-main)", "Use unused number n-spare-1 (on i-spare)",
        ])
        #expect(fixes.map { $0["isPreferred"] } == [true, false, false])
        for (fix, number) in zip(fixes, ["n-main-2", "n-main-3", "n-spare-1"]) {
            let edits = session.edits(fix["edit"], for: Self.draft)
            #expect(edits == [["range": session.range(Self.draft, "reused"), "newText": .string("\"\(number)\"")]])
            #expect(fix["diagnostics"]?[0]?["range"] == session.range(Self.draft, "reused"))
        }
        #expect(try session.server.waitForDiagnostics(session.uri(Self.draft)).diagnostics.withCode("ICP201").count == 1)
    }

    @Test("ICP503: a serviceNumber member is added, the first unused number in workspace order preferred")
    func missingHost() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, "missing"), "ICP503")
        #expect(fixes.titles == [
            "Use unused number n-spare-1 (on i-spare)", "Use unused number n-main-2 (on i-main)", "Use unused number n-main-3 (on i-main)",
        ])
        #expect(fixes.map { $0["isPreferred"] } == [true, false, false])
        let at = session.position(Self.draft, "missing-insert")
        #expect(session.edits(fixes.first?["edit"], for: Self.draft) == [
            ["range": ["start": at, "end": at], "newText": "\"serviceNumber\": \"n-spare-1\", "],
        ])
        let (text, diagnostics) = try session.change(Self.draft, edits: session.edits(fixes.first?["edit"], for: Self.draft))
        #expect(text.contains(#"{ "serviceNumber": "n-spare-1", "domain": "new.example.cn" },"#))
        #expect(diagnostics.withCode("ICP503").count == 1)
        #expect(diagnostics.withCode("ICP001").isEmpty)
    }

    @Test("ICP302: the instance member becomes serviceNumber with an unused number of that instance; never preferred")
    func instanceOfAnotherAccount() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, "picked"), "ICP302")
        #expect(fixes.titles == ["Use service number n-spare-1 of this instance", "Use service number n-spare-2 of this instance"])
        #expect(fixes.allSatisfy { $0["isPreferred"] == false })
        let (text, diagnostics) = try session.change(Self.draft, edits: session.edits(fixes.first?["edit"], for: Self.draft))
        #expect(text.contains(#"{ "domain": "pick.example.cn", "serviceNumber": "n-spare-1" },"#))
        #expect(diagnostics.withCode("ICP302").isEmpty)
        #expect(diagnostics.withCode("ICP001").isEmpty)
    }

    @Test(
        "ICP101, ICP102, ICP103, ICP003 and ICP004: the one closest name replaces the token and is preferred",
        arguments: [
            ("bye", "ICP101", "acct-buy"), ("i-spar", "ICP102", "i-spare"), ("n-main-22", "ICP103", "n-main-2"),
            ("submited", "ICP003", "submitted"), ("tpyo", "ICP004", "websites"),
        ]
    )
    func closestName(range: String, rule: String, closest: String) throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, range), rule)
        #expect(fixes.titles == ["Change to \"\(closest)\""])
        #expect(fixes.first?["isPreferred"] == true)
        let token = session.range(Self.draft, range)
        #expect(session.edits(fixes.first?["edit"], for: Self.draft) == [["range": token, "newText": .string("\"\(closest)\"")]])
        let (_, diagnostics) = try session.change(Self.draft, edits: session.edits(fixes.first?["edit"], for: Self.draft))
        let remaining = diagnostics.withCode(rule).filter { $0["range"]?["start"] == token["start"] }
        #expect(remaining.isEmpty)
    }

    @Test("a website of a non-draft filing records the past: ICP201 there offers no number, only the ignore action")
    func nonDraftGetsNoNumberFix() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let approved = FeatureFixtures.approved
        let again = FeatureFixtures.approvedText.replacingOccurrences(
            of: "\"i-ewh-1\" }\n",
            with: "\"i-ewh-1\" },\n      { \"domain\": \"again.example.cn\", \"serviceNumber\": ⟦(again)\"n-main-1\"⟧ }\n"
        )
        let diagnostics = try session.open(approved, marked: again)
        #expect(diagnostics.withCode("ICP201").map { $0["range"] } == [session.range(approved, "again")])
        #expect(try session.codeActions(approved, "again").titles == ["Ignore ICP201 on this line"])
    }

    @Test("two names equally close are both offered, neither preferred")
    func tiedClosestNames() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, "i-ewh-3"), "ICP102")
        #expect(Set(fixes.titles) == ["Change to \"i-ewh-1\"", "Change to \"i-ewh-2\""])
        #expect(fixes.allSatisfy { $0["isPreferred"] == false })
    }

    @Test("ICP003 on a URL: the bare host name, preferred")
    func bareHostName() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, "url"), "ICP003")
        #expect(fixes.titles == ["Use the bare host name \"www.example.cn\""])
        #expect(fixes.first?["isPreferred"] == true)
        #expect(session.edits(fixes.first?["edit"], for: Self.draft) == [
            ["range": session.range(Self.draft, "url"), "newText": "\"www.example.cn\""],
        ])
    }

    @Test("ICP501: removing the member, applied by the client and sent back, leaves valid JSONC and no ICP501")
    func trustPassMemberRemoval() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let before = try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, "tp-key"), "ICP501")
        #expect(fixes.titles == ["Remove \"instance\""])
        #expect(fixes.first?["isPreferred"] == true)
        let (text, diagnostics) = try session.change(Self.draft, edits: session.edits(fixes.first?["edit"], for: Self.draft))
        #expect(text.contains(#"{ "domain": "tp.example.cn", /* 淘宝 🛒 */ "hosting": "trustpass" },"#))
        #expect(diagnostics.withCode("ICP501").isEmpty)
        #expect(diagnostics.withCode("ICP001").isEmpty)
        // Nothing else changed: the same diagnostics but the one fixed.
        #expect(Fixtures.codes(diagnostics) == Fixtures.codes(before).filter { $0 != "ICP501" })
    }

    @Test("ICP402: removing the website is offered, never preferred, and leaves valid JSONC")
    func hongKongWebsiteRemoval() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let fixes = Self.fixes(try session.codeActions(Self.draft, "hk"), "ICP402")
        #expect(fixes.titles == ["Remove the website \"hk.example.cn\" from this filing"])
        #expect(fixes.first?["isPreferred"] == false)
        let (text, diagnostics) = try session.change(Self.draft, edits: session.edits(fixes.first?["edit"], for: Self.draft))
        #expect(!text.contains("hk.example.cn"))
        #expect(text.contains(#""hosting": "trustpass" }"# + "\n    ] },"))
        #expect(diagnostics.withCode("ICP402").isEmpty)
        #expect(diagnostics.withCode("ICP001").isEmpty)
    }

    @Test("every diagnostic offers 'ignore on this line', never preferred, which silences it")
    func ignoreOnThisLine() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let diagnostics = try session.open(Self.draft)
        let actions = try session.codeActions(Self.draft, range: session.wholeText(Self.draft), only: ["quickfix"])
        let ignores = actions.filter { $0["title"]?.stringValue?.hasPrefix("Ignore ") == true }
        #expect(ignores.count == diagnostics.count)
        for diagnostic in diagnostics {
            let code = diagnostic["code"]?.stringValue ?? ""
            #expect(ignores.contains { $0["title"]?.stringValue == "Ignore \(code) on this line" && $0["diagnostics"]?[0] == diagnostic })
        }
        #expect(ignores.allSatisfy { $0["isPreferred"] == false })

        let ignore = try session.codeActions(Self.draft, "reused").titled("Ignore ICP201 on this line")
        let (text, after) = try session.change(Self.draft, edits: session.edits(ignore["edit"], for: Self.draft))
        #expect(text.contains(#""serviceNumber": "n-main-1" }, // icp-ignore ICP201"#))
        #expect(after.withCode("ICP201").isEmpty)
        #expect(after.count == diagnostics.count - 1)

        // A second rule on a line that already has an ignore comment joins it.
        let account = try session.codeActions(Self.draft, on: #""acct-bye""#).titled("Ignore ICP101 on this line")
        try session.change(Self.draft, edits: session.edits(account["edit"], for: Self.draft))
        let status = try session.codeActions(Self.draft, on: #""submited""#).titled("Ignore ICP003 on this line")
        let (both, last) = try session.change(Self.draft, edits: session.edits(status["edit"], for: Self.draft))
        let line = try #require(both.split(separator: "\n").first { $0.contains("acct-bye") })
        #expect(line.components(separatedBy: "icp-ignore").count == 2, "one comment: \(line)")
        #expect(line.contains("ICP101") && line.contains("ICP003"))
        #expect(last.withCode("ICP101").isEmpty && last.withCode("ICP003").filter { $0["message"]?.stringValue?.contains("submited") == true }.isEmpty)
        #expect(last.count == diagnostics.count - 3)
    }
}
