import Testing
import IcplsJSONRPC

/// `textDocument/hover` on ids, numbers, references and diagnostics (SPEC §7).
@Suite("Editor features: hover")
struct FeatureHoverTests {
    static let inventory = FeatureFixtures.inventory, approved = FeatureFixtures.approved, draft = FeatureFixtures.draft

    /// The hover's Markdown and range at a point.
    static func hover(_ session: FeatureSession, _ path: String, _ point: String) throws -> (markdown: String, range: JSONValue?) {
        let result = try session.server.result("textDocument/hover", session.at(path, point))
        #expect(result["contents"]?["kind"] == "markdown")
        return (result["contents"]?["value"]?.stringValue ?? "", result["range"])
    }

    static func expect(_ markdown: String, contains facts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for fact in facts {
            #expect(markdown.contains(fact), "hover lacks \"\(fact)\":\n\(markdown)", sourceLocation: sourceLocation)
        }
    }

    static let mainFacts = [
        "**Instance** `i-main` · ecs", "Declared in inventory.icp.json:",
        "Purchased by `acct-buy`", "Region `cn-hangzhou` (Chinese mainland)", "Billing: subscription, 12 months purchased",
        "Expires on 2027-11-30 (12 months left)", "Public bandwidth: 5 Mbps", "4 of 5 slots used",
        "`shop.example.cn` in filing `F-1` (approved), number `n-main-1`",
        "`direct.example.cn` in filing `F-1` (approved), selected directly",
        "`博客.example.cn` in filing `F-2` (draft), number `n-main-1`",
    ]

    @Test("an instance id: product, purchaser, region, billing, months left, bandwidth, slots and the websites using it")
    func instanceDeclaration() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let hover = try Self.hover(session, Self.inventory, "i-main")
        Self.expect(hover.markdown, contains: Self.mainFacts)
        #expect(hover.range == session.range(Self.inventory, "i-main"))
    }

    @Test("an instance reference in another document, after Chinese and emoji on its line, tells the same")
    func instanceReference() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let hover = try Self.hover(session, Self.draft, "i-main")
        Self.expect(hover.markdown, contains: Self.mainFacts)
        #expect(hover.range == session.range(Self.draft, "i-main"))
    }

    @Test("instances outside the mainland and pooled elastic-web-hosting quotas")
    func otherInstances() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let hongKong = try Self.hover(session, Self.inventory, "i-hk")
        Self.expect(hongKong.markdown, contains: ["Region `cn-hongkong` (Hong Kong", "1 of 5 slots used", "`hk.example.cn` in filing `F-2` (draft)"])
        let pooled = try Self.hover(session, Self.inventory, "i-ewh-2")
        Self.expect(pooled.markdown, contains: ["elastic-web-hosting", "3 of 5 slots used (pooled for acct-buy)", "No website uses it."])
        let spare = try Self.hover(session, Self.inventory, "i-spare")
        Self.expect(spare.markdown, contains: ["Public bandwidth: 10 Mbps", "3 of 5 slots used", "(865 months left)"])
    }

    @Test("a number: its instance, who applied, which website uses it, and who names it again")
    func usedNumber() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let hover = try Self.hover(session, Self.approved, "n-main-1")
        Self.expect(hover.markdown, contains: [
            "**Service number** `n-main-1`", "On instance `i-main` (ecs, cn-hangzhou)", "Applied for by `acct-buy`",
            "Used by `shop.example.cn` in filing `F-1` (approved)", "Also named by `博客.example.cn` in filing `F-2` (draft)",
        ])
        #expect(hover.range == session.range(Self.approved, "n-main-1"))
    }

    @Test("an unused number says so")
    func unusedNumber() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let hover = try Self.hover(session, Self.inventory, "n-main-2")
        Self.expect(hover.markdown, contains: ["**Service number** `n-main-2`", "On instance `i-main`", "Applied for by `acct-buy`", "Unused"])
        #expect(!hover.markdown.contains("Used by"))
    }

    @Test("an account: its name, instances, numbers and filings")
    func account() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let buyer = try Self.hover(session, Self.inventory, "acct-buy")
        Self.expect(buyer.markdown, contains: [
            "**Account** `acct-buy` · 杭州示例科技有限公司 🏢", "Purchased 5 instances: `i-main` (ecs)",
            "Applied for 8 service numbers", "Files 1 filing: `F-1` (approved)",
        ])
        #expect(buyer.range == session.range(Self.inventory, "acct-buy"))
        let filer = try Self.hover(session, Self.draft, "ops")
        Self.expect(filer.markdown, contains: ["**Account** `acct-ops` · 运维账号", "Files 1 filing: `F-2` (draft)"])
    }

    @Test("a diagnostic's range shows its rule's title and rationale, after what the symbol is")
    func ruleOfDiagnostic() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let reused = try Self.hover(session, Self.draft, "reused")
        Self.expect(reused.markdown, contains: ["**Service number** `n-main-1`", "**ICP201** Service number used twice", "backs one website, ever"])
        let symbolEnd = try #require(reused.markdown.range(of: "---"))
        #expect(reused.markdown[..<symbolEnd.lowerBound].contains("**Service number**"))
        // No symbol under the cursor: the rule alone, over the diagnostic's range.
        let missing = try session.server.result("textDocument/hover", .document(session.uri(Self.draft), [
            ("position", session.range(Self.draft, "missing")["start"]!),
        ]))
        Self.expect(missing["contents"]?["value"]?.stringValue ?? "", contains: ["**ICP503**"])
        #expect(missing["range"] == session.range(Self.draft, "missing"))
    }

    @Test("nothing to say: null")
    func nothing() throws {
        let session = try FeatureSession()
        defer { session.close() }
        #expect(try session.server.result("textDocument/hover", session.at(Self.inventory, "billing")) == .null)
        #expect(try session.server.result("textDocument/hover", session.at(Self.draft, "tp-domain")) == .null)
    }
}
