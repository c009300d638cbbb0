import Testing
import IcplsJSONRPC

/// `textDocument/completion` in reference values, enum values and member names (SPEC §7).
@Suite("Editor features: completion")
struct FeatureCompletionTests {
    static let inventory = FeatureFixtures.inventory, draft = FeatureFixtures.draft

    /// The items at a point; each must replace the range named `token` (the point's own range when not given).
    static func items(
        _ session: FeatureSession, _ path: String, _ point: String, replacing token: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [JSONValue] {
        let result = try session.server.result("textDocument/completion", session.at(path, point))
        let items = result["items"]?.arrayValue ?? []
        #expect(!items.isEmpty, "no completion at \(point)", sourceLocation: sourceLocation)
        let range = session.range(path, token ?? point)
        for item in items {
            #expect(item["textEdit"]?["range"] == range, "\(item) does not replace \(token ?? point)", sourceLocation: sourceLocation)
        }
        let order = items.compactMap { $0["sortText"]?.stringValue }
        #expect(order == order.sorted(), sourceLocation: sourceLocation)
        return items
    }

    @Test("a serviceNumber value: unused eligible numbers first, with instance and purchaser, replacing the whole string")
    func serviceNumbers() throws {
        let session = try FeatureSession()
        defer { session.close() }
        try session.open(Self.draft)
        let items = try Self.items(session, Self.draft, "reused")
        #expect(items.labels == ["n-spare-1", "n-main-2", "n-main-3", "n-spare-2", "n-ewh-1", "n-ewh-2", "n-main-1", "n-hk"])
        #expect(items.first?["detail"] == "on i-spare, applied by acct-buy · unused")
        #expect(items.first?["textEdit"]?["newText"] == "\"n-spare-1\"")
        #expect(items.first { $0["label"] == "n-main-1" }?["detail"] == "on i-main, applied by acct-buy · used by shop.example.cn (F-1)")
    }

    @Test("typing a number: right after the colon, and inside a string not closed yet")
    func typingANumber() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let two = "{ \"domain\": \"two.example.cn\" }"
        try session.open(Self.draft, marked: FeatureFixtures.draftText.replacingOccurrences(
            of: two, with: "{ \"domain\": \"two.example.cn\", \"serviceNumber\": ‸(colon) }"
        ))
        let at = session.position(Self.draft, "colon")
        let afterColon = try session.server.result("textDocument/completion", session.at(Self.draft, "colon"))["items"]?.arrayValue ?? []
        #expect(afterColon.labels.first == "n-spare-1")
        #expect(afterColon.allSatisfy { $0["textEdit"]?["range"] == ["start": at, "end": at] })
        #expect(afterColon.first?["textEdit"]?["newText"] == "\"n-spare-1\"")

        try session.replaceText(Self.draft, marked: FeatureFixtures.draftText.replacingOccurrences(
            of: two, with: "{ \"domain\": \"two.example.cn\", \"serviceNumber\": ⟦(typing)\"n-sp‸(typing)⟧\n      }"
        ))
        let typing = try Self.items(session, Self.draft, "typing")
        #expect(typing.labels.prefix(2) == ["n-spare-1", "n-main-2"])
        #expect(typing.first?["filterText"] == "\"n-spare-1\"")
    }

    @Test("an account reference offers the declared accounts with their names")
    func accounts() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let items = try Self.items(session, Self.draft, "ops")
        #expect(items.labels == ["acct-buy", "acct-ops"])
        #expect(items.map { $0["detail"] } == ["杭州示例科技有限公司 🏢", "运维账号"])
        #expect(items.map { $0["textEdit"]?["newText"] } == ["\"acct-buy\"", "\"acct-ops\""])
    }

    @Test("an instance reference offers instances, those of the filing's account first")
    func instances() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let items = try Self.items(session, Self.draft, "i-main")
        #expect(items.labels == ["i-main", "i-spare", "i-hk", "i-ewh-1", "i-ewh-2"])
        #expect(items.first?["detail"]?.stringValue?.contains("purchased by acct-buy") == true)
    }

    @Test(
        "enum values: product, billing, status, hosting and region",
        arguments: [
            (FeatureFixtures.inventory, "product", [
                "ecs", "simple-application-server", "web-hosting", "elastic-web-hosting", "ens", "nat-gateway", "ipv6-translation",
                "marketplace-site", "slb", "ack", "acs", "oss", "cdn", "waf", "function-compute",
            ]),
            (FeatureFixtures.inventory, "billing", ["subscription", "pay-as-you-go"]),
            (FeatureFixtures.inventory, "status", ["running", "stopped", "expired", "released"]),
            (FeatureFixtures.draft, "hosting", ["alibaba-cloud", "trustpass", "other-provider"]),
        ]
    )
    func enumValues(path: String, member: String, values: [String]) throws {
        let session = try FeatureSession()
        defer { session.close() }
        let items = try Self.items(session, path, member)
        #expect(Set(items.labels) == Set(values))
        #expect(items.labels.count == values.count)
        #expect(items.allSatisfy { $0["textEdit"]?["newText"]?.stringValue == "\"\($0["label"]?.stringValue ?? "")\"" })
    }

    @Test("regions: every region of SPEC §3, each saying whether it is in the mainland")
    func regions() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let items = try Self.items(session, Self.inventory, "region")
        #expect(items.labels.count == 31)
        #expect(items.first { $0["label"] == "cn-hangzhou" }?["detail"] == "Chinese mainland")
        #expect(items.first { $0["label"] == "cn-hongkong" }?["detail"]?.stringValue?.hasPrefix("Hong Kong") == true)
        #expect(items.first { $0["label"] == "us-west-1" }?["detail"] == "outside the Chinese mainland")
    }

    @Test("a client that takes snippets gets the cursor placed inside the new member's value")
    func memberSnippets() throws {
        var capabilities = FeatureSession.capabilities().objectValue ?? [:]
        capabilities["textDocument"] = [
            "completion": ["completionItem": ["snippetSupport": true]],
            "documentSymbol": ["hierarchicalDocumentSymbolSupport": true],
        ]
        let session = try FeatureSession(capabilities: .object(capabilities))
        defer { session.close() }
        let edited = FeatureFixtures.draftText.replacingOccurrences(
            of: "{ \"domain\": \"two.example.cn\" }", with: "{ \"domain\": \"two.example.cn\", ‸(member) }"
        )
        try session.open(Self.draft, marked: edited)
        let items = try session.server.result("textDocument/completion", session.at(Self.draft, "member"))["items"]?.arrayValue ?? []
        #expect(items.labels == ["hosting", "serviceNumber", "instance", "providerRemoved"])
        let serviceNumber = try #require(items.first { $0["label"] == "serviceNumber" })
        #expect(serviceNumber["insertTextFormat"] == 2)
        #expect(serviceNumber["textEdit"]?["newText"] == "\"serviceNumber\": \"$0\"")
        let providerRemoved = try #require(items.first { $0["label"] == "providerRemoved" })
        #expect(providerRemoved["textEdit"]?["newText"] == "\"providerRemoved\": ${1:false}")
        // Values are never snippets: a `$` in an id stays as written.
        let values = try session.server.result("textDocument/completion", session.at(Self.draft, "reused"))["items"]?.arrayValue ?? []
        #expect(values.allSatisfy { $0["insertTextFormat"] == nil })
    }

    @Test("member names of the instance being edited, required ones first, those present left out")
    func memberNames() throws {
        let session = try FeatureSession()
        defer { session.close() }
        let edited = FeatureFixtures.inventoryText.replacingOccurrences(
            of: "\"instances\": [\n",
            with: "\"instances\": [\n    { \"id\": \"i-new\", \"product\": \"ecs\", ‸(member) },\n"
        )
        try session.open(Self.inventory, marked: edited)
        let at = session.position(Self.inventory, "member")
        let result = try session.server.result("textDocument/completion", session.at(Self.inventory, "member"))
        let items = result["items"]?.arrayValue ?? []
        #expect(items.labels == ["account", "region", "billing", "expiresOn", "subscriptionMonths", "publicBandwidthMbps", "status"])
        #expect(items.allSatisfy { $0["insertTextFormat"] == nil })
        #expect(items.allSatisfy { $0["textEdit"]?["range"] == ["start": at, "end": at] })
        #expect(items.first?["textEdit"]?["newText"] == "\"account\": \"\"")

        // A name being typed, in an unterminated string: the string is replaced, the value added.
        let typing = FeatureFixtures.inventoryText.replacingOccurrences(
            of: "\"instances\": [\n",
            with: "\"instances\": [\n    { \"id\": \"i-new\", \"product\": \"ecs\",\n      ⟦(typed)\"re‸(typed)⟧\n    },\n"
        )
        try session.replaceText(Self.inventory, marked: typing)
        let typed = try Self.items(session, Self.inventory, "typed")
        #expect(typed.labels.first == "account")
        #expect(!typed.labels.contains("id") && !typed.labels.contains("product"))
        #expect(typed.first { $0["label"] == "region" }?["textEdit"]?["newText"] == "\"region\": \"\"")
    }
}
