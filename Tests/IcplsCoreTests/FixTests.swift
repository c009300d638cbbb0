import Testing
import IcplsDocument
@testable import IcplsCore

/// Closest-name, bare-host and removal fixes, and the "ignore" fix every diagnostic ends with.
@Suite struct FixTests {
    /// The repairs of the only diagnostic of `rule` as "newText" (+ " preferred").
    static func repairs(_ rule: String, _ text: String) -> [String] {
        let diagnostics = check(text).allDiagnostics.filter { $0.rule.rawValue == rule }
        #expect(diagnostics.count == 1, "one \(rule) in \(text)")
        return (diagnostics.first?.repairs ?? []).map { fix in
            fix.edits.map(\.newText).joined(separator: "|") + (fix.isPreferred ? " preferred" : "")
        }
    }

    static func accounts(_ ids: [String], reference: String) -> String {
        let declared = ids.map { #"{ "id": "\#($0)" }"# }.joined(separator: ", ")
        return #"{ "accounts": [ \#(declared) ], "filings": [ { "id": "F-1", "account": "\#(reference)" } ] }"#
    }

    @Test func theOneClosestAccountIsPreferred() {
        #expect(Self.repairs("ICP101", Self.accounts(["acct-buy", "acct-ops"], reference: "acct-bye")) == [#""acct-buy" preferred"#])
    }

    @Test func equallyCloseNamesAreAllOfferedAndNoneIsPreferred() {
        #expect(Self.repairs("ICP101", Self.accounts(["acct-buy", "acct-bus", "acct-ops"], reference: "acct-bux")) == [#""acct-buy""#, #""acct-bus""#])
    }

    @Test func aCloserNameWinsOverFartherOnes() {
        #expect(Self.repairs("ICP101", Self.accounts(["acct-bu", "acct-buy", "acct-buyer"], reference: "acct-buyy")) == [#""acct-buy" preferred"#])
    }

    @Test(arguments: [
        ("acct-byu", "acct-buy", true),      // a transposition counts 1
        ("ACCT-BUY", "acct-buy", true),      // case-insensitive
        ("acct-b", "acct-buy", true),        // 2 away, typed text longer than 4
        ("acct-", "acct-buy", false),        // 3 away
        ("ops", "op", true),                 // 1 away, typed text of 4 or fewer
        ("ops", "opsxx", false),             // 2 away, too far for 3 characters
        ("opsx", "ops", true),
        ("abcd", "badc", false),             // two transpositions: 2 away, too far for 4 characters
        ("店铺一号", "店铺二号", true),          // Unicode scalars, not bytes
    ])
    func namesAreSuggestedWithinTheEditDistanceLimit(typed: String, declared: String, suggested: Bool) {
        let expected = suggested ? [#""\#(declared)" preferred"#] : []
        #expect(Self.repairs("ICP101", Self.accounts([declared], reference: typed)) == expected)
    }

    @Test func instancesAndNumbersAreSuggestedToo() {
        let text = """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ \(eligibleECS("i-bp1a2b3c")) ],
          "serviceNumbers": [ { "number": "32a43232-a888-88e8-b9ec-00888be80001", "instance": "i-bp1a2b3d", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved",
                         "websites": [ { "domain": "a.example.cn", "serviceNumber": "32a43232-a888-88e8-b9ec-00888be8001" } ] } ]
        }
        """
        #expect(Self.repairs("ICP102", text) == [#""i-bp1a2b3c" preferred"#])
        #expect(Self.repairs("ICP103", text) == [#""32a43232-a888-88e8-b9ec-00888be80001" preferred"#])
    }

    @Test func allowedValuesAreSuggestedForEnumerations() {
        let instance = #"{ "instances": [ { "id": "i-web", "product": "ces", "account": "acct-buy", "region": "cn-hangzhou", "billing": "subscripton", "expiresOn": "2027-06-30", "status": "Running" } ] }"#
        let diagnostics = check(instance).allDiagnostics.filter { $0.rule == "ICP003" }
        #expect(diagnostics.map { $0.repairs.map(\.edits.first!.newText) } == [[#""ecs""#], [#""subscription""#], [#""running""#]])
        #expect(diagnostics.allSatisfy { $0.repairs.first?.isPreferred == true })
    }

    @Test func knownMemberNamesAreSuggestedForUnknownMembers() {
        #expect(Self.repairs("ICP004", #"{ "accounts": [ { "id": "acct-buy", "nmae": "杭州" } ] }"#) == [#""name" preferred"#])
        #expect(Self.repairs("ICP004", #"{ "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go", "Status": "running" } ] }"#)
                == [#""status" preferred"#])
        #expect(Self.repairs("ICP004", #"{ "accounts": [ { "id": "acct-buy", "colour": "red" } ] }"#) == [])
    }

    @Test func aDomainWithSchemePortAndPathGetsItsBareHostName() {
        let text = #"{ "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "https://shop.example.cn:8080/path" } ] } ] }"#
        #expect(Self.repairs("ICP003", text) == [#""shop.example.cn" preferred"#])
        let fix = check(text).allDiagnostics.first { $0.rule == "ICP003" }!.repairs[0]
        #expect(!check(applying(fix, to: text)).allDiagnostics.contains { $0.rule == "ICP003" })
    }

    @Test(arguments: [("shop example.cn", false), ("user@shop.example.cn", true), ("shop.example.cn?x=1", true), ("", false)])
    func onlyADomainThatHasABareHostGetsIt(domain: String, hasFix: Bool) {
        let text = #"{ "filings": [ { "id": "F-1", "account": "acct-buy", "status": "approved", "websites": [ { "domain": "\#(domain)" } ] } ] }"#
        #expect(Self.repairs("ICP003", text).count == (hasFix ? 1 : 0))
    }
}
