import Testing
import IcplsDocument
@testable import IcplsCore

/// Fixes that remove a member or a website, and "ignore ICPxxx on this line".
@Suite struct RemovalFixTests {
    /// A TrustPass draft whose website object is `website`.
    static func trustPass(_ website: String) -> String {
        #"{ "accounts": [ { "id": "acct-buy" } ], "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ \#(website) ] } ] }"#
    }

    /// Applies the removal of the first ICP501 and returns the new text.
    static func removingFirstTrustPassMember(_ text: String) throws -> String {
        let diagnostic = try #require(check(text).allDiagnostics.first { $0.rule == "ICP501" })
        let fix = try #require(diagnostic.repairs.first)
        #expect(fix.isPreferred)
        return applying(fix, to: text)
    }

    @Test(arguments: [
        // inline: first, middle, last
        (#"{ "serviceNumber": "SN-1", "domain": "a.example.cn", "hosting": "trustpass" }"#,
         #"{ "domain": "a.example.cn", "hosting": "trustpass" }"#),
        (#"{ "domain": "a.example.cn", "serviceNumber": "SN-1", "hosting": "trustpass" }"#,
         #"{ "domain": "a.example.cn", "hosting": "trustpass" }"#),
        (#"{ "domain": "a.example.cn", "hosting": "trustpass", "serviceNumber": "SN-1" }"#,
         #"{ "domain": "a.example.cn", "hosting": "trustpass" }"#),
        (#"{ "domain": "a.example.cn", "hosting": "trustpass", "serviceNumber": "SN-1", }"#,
         #"{ "domain": "a.example.cn", "hosting": "trustpass", }"#),
        // on their own lines: first, middle, last
        ("{\n  \"serviceNumber\": \"SN-1\",\n  \"domain\": \"a.example.cn\",\n  \"hosting\": \"trustpass\"\n}",
         "{\n  \"domain\": \"a.example.cn\",\n  \"hosting\": \"trustpass\"\n}"),
        ("{\n  \"domain\": \"a.example.cn\",\n  \"serviceNumber\": \"SN-1\",\n  \"hosting\": \"trustpass\"\n}",
         "{\n  \"domain\": \"a.example.cn\",\n  \"hosting\": \"trustpass\"\n}"),
        ("{\n  \"domain\": \"a.example.cn\",\n  \"hosting\": \"trustpass\",\n  \"serviceNumber\": \"SN-1\"\n}",
         "{\n  \"domain\": \"a.example.cn\",\n  \"hosting\": \"trustpass\"\n}"),
        ("{\r\n  \"domain\": \"a.example.cn\",\r\n  \"serviceNumber\": \"SN-1\",\r\n  \"hosting\": \"trustpass\"\r\n}",
         "{\r\n  \"domain\": \"a.example.cn\",\r\n  \"hosting\": \"trustpass\"\r\n}"),
        // comments are kept
        ("{\n  \"domain\": \"a.example.cn\",\n  // bought on 1688\n  \"serviceNumber\": \"SN-1\", // old\n  \"hosting\": \"trustpass\"\n}",
         "{\n  \"domain\": \"a.example.cn\",\n  // bought on 1688\n  // old\n  \"hosting\": \"trustpass\"\n}"),
        ("{\n  \"domain\": \"a.example.cn\",\n  \"hosting\": \"trustpass\",\n  \"serviceNumber\": \"SN-1\" // old\n}",
         "{\n  \"domain\": \"a.example.cn\",\n  \"hosting\": \"trustpass\" // old\n}"),
        (#"{ "domain": "a.example.cn", "serviceNumber": "SN-1" /* old */, "hosting": "trustpass" }"#,
         #"{ "domain": "a.example.cn" /* old */, "hosting": "trustpass" }"#),
        (#"{ "domain": "a.example.cn", "hosting": "trustpass", /* old */ "serviceNumber": "SN-1" }"#,
         #"{ "domain": "a.example.cn", "hosting": "trustpass" /* old */ }"#),
    ])
    func removingATrustPassMemberLeavesValidJSONC(website: String, expected: String) throws {
        let fixed = try Self.removingFirstTrustPassMember(Self.trustPass(website))
        #expect(fixed == Self.trustPass(expected))
        #expect(check(fixed).allDiagnostics.isEmpty)
    }

    @Test func removingBothTrustPassMembersOneAfterTheOtherLeavesValidJSONC() throws {
        var text = Self.trustPass("{\n  \"instance\": \"i-web\", \"domain\": \"a.example.cn\",\n  \"serviceNumber\": \"SN-1\", \"hosting\": \"trustpass\"\n}")
        text = try Self.removingFirstTrustPassMember(text)
        text = try Self.removingFirstTrustPassMember(text)
        #expect(check(text).allDiagnostics.isEmpty)
        #expect(!text.contains("instance") && !text.contains("serviceNumber"))
    }

    @Test(arguments: [
        #"{ "domain": "a.example.cn", "hosting": "trustpass", "serviceNumber": "SN-1", "instance": "i-web" }"#,
        #"{ "serviceNumber": "SN-1", "instance": "i-web", "domain": "a.example.cn", "hosting": "trustpass" }"#,
        "{\n  \"serviceNumber\": \"SN-1\", // old\n  \"domain\": \"a.example.cn\",\n  \"instance\": \"i-web\", \"hosting\": \"trustpass\"\n}",
    ])
    func applyingAllPreferredRemovalsTogetherLeavesValidJSONC(website: String) {
        let key = DocumentKey("/ws/a.icp.json")
        let document = AnalyzedDocument(key: key, order: DocumentOrder(rootIndex: 0, relativePath: "a.icp.json"), text: Array(Self.trustPass(website).utf8))
        let outcome = FixApplication.applyPreferredFixes(to: [document], settings: Settings(asOf: exampleDate), today: exampleDate)
        #expect(outcome.appliedFixCount == 2)
        #expect(outcome.result.allDiagnostics.isEmpty)
        let fixed = String(decoding: outcome.changedTexts[key] ?? [], as: UTF8.self)
        #expect(!fixed.contains("SN-1") && !fixed.contains("i-web"))
        #expect(fixed.contains("// old") == website.contains("// old"))
    }

    @Test func aHongKongWebsiteCanBeRemovedFromItsFilingButIsNotPreferred() throws {
        let text = """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-hk", "product": "ecs", "account": "acct-buy", "region": "cn-hongkong", "billing": "pay-as-you-go" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [
            { "domain": "hk.example.cn", "instance": "i-hk" }, // mirror
            { "domain": "hk2.example.cn", "instance": "i-hk" }
          ] } ]
        }
        """
        let hongKong = check(text).allDiagnostics.filter { $0.rule == "ICP402" }
        #expect(hongKong.count == 2)
        for diagnostic in hongKong {
            let fix = try #require(diagnostic.repairs.first)
            #expect(!fix.isPreferred)
            let fixed = applying(fix, to: text)
            #expect(check(fixed).allDiagnostics.map(\.rule.rawValue) == ["ICP402"])
        }
        let removedFirst = applying(hongKong[0].repairs[0], to: text)
        #expect(removedFirst.contains("// mirror"))
    }
}

@Suite struct IgnoreFixTests {
    /// The diagnostics of `text` that start on the same line as `diagnostic` and have its rule.
    static func sameRuleSameLine(_ diagnostic: Diagnostic, before: String, after: String) -> Int {
        let line = LineIndex(Array(before.utf8)).line(containing: diagnostic.range.start)
        let afterBytes = Array(after.utf8)
        let index = LineIndex(afterBytes)
        return check(after).allDiagnostics.filter { $0.rule == diagnostic.rule && index.line(containing: $0.range.start) == line }.count
    }

    @Test(arguments: RuleRegistry.all.map(\.id.rawValue))
    func everyDiagnosticEndsWithAnIgnoreFixThatRemovesIt(rule: String) throws {
        let description = try #require(RuleRegistry.rule(RuleID(rawValue: rule))).description
        let text = MarkedText(description.failingExample).text
        let diagnostics = check(text, asOf: RuleDescription.exampleAsOf).allDiagnostics.filter { $0.rule.rawValue == rule }
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            let ignore = try #require(diagnostic.fixes.last)
            #expect(!ignore.isPreferred)
            #expect(ignore.title == "Ignore \(rule) on this line")
            #expect(ignore.isSuppression)
            #expect(diagnostic.fixes.dropLast().allSatisfy { !$0.isSuppression })
            let fixed = applying(ignore, to: text)
            #expect(Self.sameRuleSameLine(diagnostic, before: text, after: fixed) == 0, "\(fixed)")
            let syntaxErrorsBefore = check(text).allDiagnostics.filter { $0.rule == "ICP001" }.count
            #expect(check(fixed).allDiagnostics.filter { $0.rule == "ICP001" }.count <= syntaxErrorsBefore)
        }
    }

    /// Applies the ignore fix of the only diagnostic of `rule` on a one-line document.
    static func ignoring(_ rule: RuleID, in text: String) throws -> String {
        let diagnostic = try #require(check(text).allDiagnostics.first { $0.rule == rule })
        return applying(try #require(diagnostic.ignoreFix), to: text)
    }

    static let filing = #"{ "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "a.example.cn", "hosting": "other-provider" } ] } ] }"#

    @Test func theIgnoreCommentIsAppendedToTheLine() throws {
        let fixed = try Self.ignoring("ICP502", in: Self.filing + "\n")
        #expect(fixed == Self.filing + " // icp-ignore ICP502\n")
        #expect(check(fixed).allDiagnostics.map(\.rule.rawValue) == ["ICP101"])
    }

    @Test func anExistingIgnoreCommentIsExtended() throws {
        let fixed = try Self.ignoring("ICP502", in: Self.filing + " // icp-ignore ICP101")
        #expect(fixed == Self.filing + " // icp-ignore ICP101, ICP502")
        #expect(check(fixed).allDiagnostics.isEmpty)
    }

    @Test func anExistingIgnoreCommentWithProseIsExtendedBeforeTheProse() throws {
        let fixed = try Self.ignoring("ICP502", in: Self.filing + " // icp-ignore ICP101 until ICP101 accounts are imported")
        #expect(check(fixed).allDiagnostics.isEmpty, "\(fixed)")
        #expect(fixed.hasSuffix("accounts are imported"))
    }

    @Test func anIgnoreCommentWithoutIDsGetsOne() throws {
        for comment in [" // icp-ignore", " // icp-ignore later"] {
            let fixed = try Self.ignoring("ICP502", in: Self.filing + comment)
            #expect(check(fixed).allDiagnostics.map(\.rule.rawValue) == ["ICP101"], "\(fixed)")
        }
    }

    @Test func anotherCommentOnTheLineBecomesAnIgnoreCommentThatKeepsItsWords() throws {
        let fixed = try Self.ignoring("ICP502", in: Self.filing + " // hosted by our partner")
        #expect(check(fixed).allDiagnostics.map(\.rule.rawValue) == ["ICP101"], "\(fixed)")
        #expect(fixed.hasSuffix("hosted by our partner"))
    }

    @Test func wordsOfAnotherCommentDoNotBecomeMoreIgnoredIDs() throws {
        let fixed = try Self.ignoring("ICP502", in: Self.filing + " // ICP101 is expected until the import")
        #expect(check(fixed).allDiagnostics.map(\.rule.rawValue) == ["ICP101"], "\(fixed)")
        #expect(fixed.hasSuffix("ICP101 is expected until the import"))
    }

    @Test func aLineEndingInsideACommentOrStringGetsTheIgnoreCommentOnTheLineAbove() throws {
        let blockComment = "{\r\n  \"accounts\": [ { \"id\": \"\" } ] /* to be\r\n  filled in */\r\n}"
        let fixed = try Self.ignoring("ICP003", in: blockComment)
        #expect(fixed == "{\r\n  // icp-ignore ICP003\r\n  \"accounts\": [ { \"id\": \"\" } ] /* to be\r\n  filled in */\r\n}")
        #expect(check(fixed).allDiagnostics.isEmpty)

        let unterminated = "{\n  \"accounts\": [ { \"id\": \"acct-buy } ]\n}"
        let fixedString = try Self.ignoring("ICP001", in: unterminated)
        #expect(fixedString == "{\n  // icp-ignore ICP001\n  \"accounts\": [ { \"id\": \"acct-buy } ]\n}")
        #expect(check(fixedString).allDiagnostics.isEmpty)
    }

    @Test func aLineEndingInAnUnclosedStringThatAnotherErrorNamesGetsTheCommentAbove() throws {
        // The string `" } ] }` is reported as a missing comma, not as unterminated, yet it
        // runs to the end of the line: a comment appended there would be part of it.
        let text = "{\n  \"accounts\": [ { \"id\": 9acct-b\" } ] }\n"
        let fixes = check([("a.icp.json", text)]).allDiagnostics.filter { $0.rule == "ICP001" }.compactMap(\.ignoreFix)
        #expect(fixes.count >= 2)
        for fix in fixes {
            let fixed = applying(fix, to: text)
            #expect(fixed.hasPrefix("{\n  // icp-ignore ICP001\n  \"accounts\""), "\(fixed)")
            #expect(check(fixed).allDiagnostics.isEmpty, "\(fixed)")
        }
        #expect(JSONCParser.parse(Array(text.utf8)).unterminatedStrings.count == 1)

        // Also one the parser skips while looking for the top-level object after a broken start.
        let skipped = ",\"abc\n{}"
        #expect(JSONCParser.parse(Array(skipped.utf8)).unterminatedStrings == [ByteRange(start: 1, end: 5)])
        for fix in check(skipped).allDiagnostics.filter({ $0.range.start < 5 }).compactMap(\.ignoreFix) {
            #expect(applying(fix, to: skipped).hasPrefix("// icp-ignore"), "\(applying(fix, to: skipped))")
        }
    }

    @Test func commentsAfterTextThatFollowsTheTopLevelObjectStillCount() throws {
        #expect(check("{ } \"extra\" // icp-ignore ICP001\n").allDiagnostics.isEmpty)
        let unclosed = check("{ } x /* open").allDiagnostics.map(\.message)
        #expect(unclosed.contains { $0.contains("comment") }, "\(unclosed)")
        let fixed = try Self.ignoring("ICP001", in: "{ } \"extra\" // note")
        #expect(check(fixed).allDiagnostics.isEmpty, "\(fixed)")
    }

    @Test func theIgnoreCommentGoesBeforeTheLineBreak() throws {
        for lineBreak in ["\n", "\r\n", "\r"] {
            let text = Self.filing + lineBreak + "// end" + lineBreak
            let fixed = try Self.ignoring("ICP502", in: text)
            #expect(fixed == Self.filing + " // icp-ignore ICP502" + lineBreak + "// end" + lineBreak)
        }
    }
}
