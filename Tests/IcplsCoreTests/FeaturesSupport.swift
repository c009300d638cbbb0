import Testing
import IcplsDocument
@testable import IcplsCore

/// Documents checked together for the editor features, with places found by
/// snippets of their text: `‸` in a snippet marks the cursor, `⟦…⟧` a range.
/// A snippet (without its markers) must occur exactly once in its document.
struct FeatureWorkspace {
    let texts: [String: String]
    let result: CheckResult

    init(_ documents: [(String, String)]) {
        texts = Dictionary(uniqueKeysWithValues: documents)
        result = check(documents)
    }

    /// The inventory and the two filing documents of `FeatureFixture`, plus `extra` ones.
    static func standard(adding extra: [(String, String)] = []) -> FeatureWorkspace {
        FeatureWorkspace(FeatureFixture.documents + extra)
    }

    func key(_ name: String) -> DocumentKey { DocumentKey("/ws/\(name)") }

    /// The offset of the `‸` in `snippet`.
    func cursor(_ snippet: String, in name: String) -> Int {
        let (start, marks) = locate(snippet, in: name)
        guard let cursor = marks.cursor else {
            Issue.record("no ‸ in \(snippet)")
            return start
        }
        return start + cursor
    }

    /// The range marked `⟦…⟧` in `snippet`.
    func range(_ snippet: String, in name: String) -> ByteRange {
        let (start, marks) = locate(snippet, in: name)
        guard let range = marks.range else {
            Issue.record("no ⟦…⟧ in \(snippet)")
            return .empty(at: start)
        }
        return ByteRange(start: start + range.start, end: start + range.end)
    }

    func location(_ snippet: String, in name: String) -> Location {
        Location(document: key(name), range: range(snippet, in: name))
    }

    /// The text a location covers.
    func text(_ location: Location) -> String {
        let name = String(location.document.rawValue.dropFirst("/ws/".count))
        let bytes = Array(texts[name, default: ""].utf8)
        return String(decoding: bytes[location.range.start..<location.range.end], as: UTF8.self)
    }

    /// Shows a location as `name@start..<end`, as a server would show a path and position.
    func describe(_ location: Location) -> String {
        "\(location.document.rawValue.dropFirst("/ws/".count))@\(location.range)"
    }

    /// Every document's text after applying edits (any documents, any order).
    func texts(after edits: [TextEdit]) -> [String: String] {
        var texts = self.texts
        for (name, text) in texts {
            var bytes = Array(text.utf8)
            let mine = edits.filter { $0.location.document == key(name) }.sorted { $0.location.range.start > $1.location.range.start }
            for edit in mine {
                bytes.replaceSubrange(edit.location.range.start..<edit.location.range.end, with: Array(edit.newText.utf8))
            }
            texts[name] = String(decoding: bytes, as: UTF8.self)
        }
        return texts
    }

    private func locate(_ snippet: String, in name: String) -> (start: Int, marks: SnippetMarks) {
        let marks = SnippetMarks(snippet)
        let haystack = Array(texts[name, default: ""].utf8)
        let needle = Array(marks.text.utf8)
        var found: [Int] = []
        if needle.count <= haystack.count {
            for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
                found.append(start)
            }
        }
        if found.count != 1 {
            Issue.record("\(snippet) occurs \(found.count) times in \(name)")
        }
        return (found.first ?? 0, marks)
    }
}

/// A snippet without its markers, and where they were (in bytes).
struct SnippetMarks {
    let text: String
    let cursor: Int?
    let range: ByteRange?

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var cursor: Int?
        var rangeStart: Int?
        var range: ByteRange?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "‸": cursor = bytes.count
            case "⟦": rangeStart = bytes.count
            case "⟧": range = ByteRange(start: rangeStart ?? 0, end: bytes.count)
            default: bytes += Array(String(scalar).utf8)
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        self.cursor = cursor
        self.range = range
    }
}

/// An inventory and two filing documents, checked on 2026-06-15 (`exampleDate`).
/// Lines with Chinese text and emoji come before the places the tests look at,
/// so an offset counted in characters instead of bytes shows up.
///
/// - i-ecs: 4 numbers and one direct selection: 5 of 5 slots, 12 months left.
/// - i-short: expires 2026-08-20, 2 months left, too soon to host (ICP406).
/// - i-old: Hong Kong, expired 2026-04-10.
/// - i-ewh-1, i-ewh-2: elastic web hosting pooled for acct-ops, 2 of 5.
/// - Ready numbers (unused, eligible): SN-ECS-3, SN-ECS-4, SN-EWH-1.
/// - team.icp.json declares acct-ops again (ICP104).
enum FeatureFixture {
    static let inventory = """
    {
      "$schema": "../icp-filing.schema.json",
      "accounts": [
        { "id": "acct-buy", "name": "杭州示例科技有限公司 🚀" },
        { "id": "acct-ops", "name": "运维 Ops 😀" }
      ],
      "instances": [
        { "id": "i-ecs", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "subscription",
          "expiresOn": "2027-06-30", "subscriptionMonths": 12, "publicBandwidthMbps": 5 },
        { "id": "i-short", "product": "simple-application-server", "account": "acct-buy", "region": "cn-shanghai",
          "billing": "subscription", "expiresOn": "2026-08-20" },
        { "id": "i-old", "product": "ecs", "account": "acct-ops", "region": "cn-hongkong", "billing": "subscription", "expiresOn": "2026-04-10" },
        { "id": "i-ewh-1", "product": "elastic-web-hosting", "account": "acct-ops", "region": "cn-beijing", "billing": "subscription", "expiresOn": "2027-12-31" },
        { "id": "i-ewh-2", "product": "elastic-web-hosting", "account": "acct-ops", "region": "cn-beijing", "billing": "subscription", "expiresOn": "2027-12-31" },
        { "id": "i-slb", "product": "slb", "account": "acct-buy", "region": "cn-hangzhou", "billing": "pay-as-you-go" }
      ],
      "serviceNumbers": [
        { "number": "SN-ECS-1", "instance": "i-ecs", "appliedBy": "acct-buy" },
        { "number": "SN-ECS-2", "instance": "i-ecs", "appliedBy": "acct-buy", "used": true },
        { "number": "SN-ECS-3", "instance": "i-ecs", "appliedBy": "acct-buy" },
        { "number": "SN-ECS-4", "instance": "i-ecs", "appliedBy": "acct-buy" },
        { "number": "SN-SHORT", "instance": "i-short", "appliedBy": "acct-buy" },
        { "number": "SN-EWH-1", "instance": "i-ewh-1", "appliedBy": "acct-ops" },
        { "number": "SN-EWH-2", "instance": "i-ewh-2", "appliedBy": "acct-ops" }
      ]
    }
    """

    static let shop = """
    {
      // 杭州示例的网店备案 🛒 第一版
      "filings": [
        { "id": "F-SHOP", "account": "acct-buy", "status": "approved",
          "websites": [ { "domain": "shop.example.cn", "serviceNumber": "SN-ECS-1" } ] }
      ]
    }
    """

    static let team = """
    {
      "accounts": [ { "id": "acct-ops", "name": "重复 🔁" } ],
      "filings": [
        { "id": "F-TEAM", "account": "acct-ops",
          "websites": [
            { "domain": "team.example.cn", "serviceNumber": "SN-EWH-2" },
            { "domain": "wiki.example.cn", "hosting": "trustpass" }
          ] },
        { "id": "F-BLOG", "account": "acct-buy", "status": "submitted",
          "websites": [ { "domain": "blog.example.cn", "instance": "i-ecs" } ] }
      ]
    }
    """

    static let documents = [("inventory.icp.json", inventory), ("shop.icp.json", shop), ("team.icp.json", team)]
}
