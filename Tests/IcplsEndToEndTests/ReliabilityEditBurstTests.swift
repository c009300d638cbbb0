import Foundation
import Testing
import IcplsJSONRPC

@Suite("Reliability: a burst of edits to a large document")
struct ReliabilityEditBurstTests {
    static let editCount = 2_000

    /// A 1 MB document opened, then 2,000 single-character changes sent in one write without
    /// waiting: diagnostics come for the final version, equal to `icpls check` on the text the
    /// client ends with (so no change was lost or applied twice), and memory stays bounded.
    @Test("2,000 edits in one burst on a 1 MB document: the final version's diagnostics equal icpls check, memory bounded")
    func twoThousandEditsInOneBurst() throws {
        // Under a sanitizer the point is memory and thread errors, not size: a smaller document keeps the run short.
        let sanitized = ReliabilityManyDocumentsTests.isSanitized
        var document = LargeDocument(websites: sanitized ? 300 : 2_400)
        let path = "inventory.icp.json"
        let workspace = try TestWorkspace([path: document.text, ".icpls.json": #"{ "asOf": "2026-11-23" }"#])
        defer { workspace.remove() }
        #expect(sanitized || document.text.utf8.count > 1_000_000)
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], capabilities: ["textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]])
        let uri = workspace.uri(path)
        server.notify("textDocument/didOpen", .didOpen(uri, version: 1, text: document.text))
        try server.waitForDiagnostics(uri, version: 1, timeout: 120)
        let before = try #require(server.memory())

        var random = SeededRandom(seed: 2_026)
        var burst: [UInt8] = []
        for version in 2...Int64(Self.editCount + 1) {
            let change = document.randomChange(&random)
            burst += OutgoingMessage.notification(method: "textDocument/didChange", params: .didChange(uri, version: version, [change]))
        }
        let start = server.messages.count
        server.sendRaw(burst)
        let finalVersion = Int64(Self.editCount + 1)
        try server.waitForDiagnostics(uri, version: finalVersion, from: start, timeout: 300)
        // A request answered after the burst: everything sent before it was handled.
        _ = try server.call("textDocument/hover", .document(uri, [("position", ["line": 0, "character": 0])]))
        let after = try #require(server.memory())

        // Every change counts: the outline names each website by its domain as the server now has it.
        let outline = try server.call("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])["result"]?.arrayValue
        let filings = outline?.first { $0["name"] == "filings" }?["children"]?.arrayValue ?? []
        let domains = filings.flatMap { ($0["children"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue } }
        #expect(domains == document.domains, "the server's text differs from the client's")
        let held = try server.result("icpls/documentText", ["textDocument": ["uri": .string(uri)]])
        #expect(held["version"]?.int64Value == finalVersion)
        #expect(Array((held["text"]?.stringValue ?? "").utf8) == Array(document.text.utf8))

        let published = server.published(uri)
        #expect(published.last?["version"]?.int64Value == finalVersion)
        let versions = published.compactMap { $0["version"]?.int64Value }
        #expect(versions == versions.sorted(), "versions only grow: \(versions.suffix(10))")

        try workspace.write(path, document.text)
        let cli = try CLI.run(["check", "--format", "json"], in: workspace.root)
        let fromServer = ReliabilityManyDocumentsTests.serverSummary(published.last?["diagnostics"]?.arrayValue ?? [], workspace: workspace)
        let command = ReliabilityManyDocumentsTests.cliSummary(try cli.json()["diagnostics"]?.arrayValue ?? [], path: path)
        #expect(fromServer == command)
        #expect(Set(command.map { String($0.prefix(6)) }).isSuperset(of: ["ICP103", "ICP201"]), "\(command.prefix(5))")

        // The 1 MB text, its tree and reading, one check and the burst's 2,000 messages need some
        // tens of MiB; keeping versions or checks of the burst would need hundreds.
        if !sanitized {
            #expect(after.peak - before.resident < 96 * 1024, "peak \(after.peak) KiB, \(before.resident) KiB before the burst")
        }
        #expect(try server.shutDown() == 0)
    }
}

/// An inventory and filings of about 470 bytes a website, kept as the client's lines, with
/// changes typed into the websites' domains (UTF-16 columns, as clients send them by default).
struct LargeDocument {
    private var lines: [String] = []
    /// The lines that hold a website, and where its domain's text starts (after `"domain": "s`).
    private var websiteLines: [Int] = []
    private static let domainColumn = #"      { "domain": "s"#.utf16.count

    init(websites: Int) {
        lines = ["// 库存与备案", "{", #"  "accounts": [ { "id": "acct-buy", "name": "杭州示例科技有限公司" } ],"#, #"  "instances": ["#]
        for index in 0..<websites {
            lines.append(#"    { "id": "i-\#(index)", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2099-06-30", "subscriptionMonths": 12, "publicBandwidthMbps": 5 }\#(index + 1 < websites ? "," : "")"#)
        }
        lines += ["  ],", #"  "serviceNumbers": ["#]
        for index in 0..<websites {
            lines.append(#"    { "number": "\#(Self.number(index))", "instance": "i-\#(index)", "appliedBy": "acct-buy" }\#(index + 1 < websites ? "," : "")"#)
        }
        lines += ["  ],", #"  "filings": ["#]
        for filing in 0..<(websites / 4) {
            lines.append(#"    { "id": "F-\#(filing)", "account": "acct-buy", "status": "\#(filing % 3 == 0 ? "approved" : "draft")", "websites": ["#)
            for site in 0..<4 {
                let index = filing * 4 + site
                // Every 50th website names a number used before it; every 70th one misspelt.
                let number = index % 50 == 49 ? Self.number(index - 1) : index % 70 == 69 ? Self.number(index) + "x" : Self.number(index)
                websiteLines.append(lines.count)
                lines.append(#"      { "domain": "site\#(index).example.cn", "serviceNumber": "\#(number)" }\#(site < 3 ? "," : "")"#)
            }
            lines.append("    ]}\(filing + 1 < websites / 4 ? "," : "")")
        }
        lines += ["  ]", "}", ""]
    }

    var text: String { lines.joined(separator: "\n") }

    /// Each website's domain, in the order of the text.
    var domains: [String] {
        websiteLines.map { line in
            let afterKey = lines[line].components(separatedBy: #""domain": ""#)[1]
            return String(afterKey.prefix { $0 != "\"" })
        }
    }

    static func number(_ index: Int) -> String {
        "32a43232-a888-88e8-b9ec-\(String(1_000_000_000_000 + index))"
    }

    /// Inserts `x` or `中` into a domain, or deletes a character of it; as a change to send.
    mutating func randomChange(_ random: inout SeededRandom) -> JSONValue {
        let line = websiteLines[random.below(websiteLines.count)]
        var units = Array(lines[line].utf16)
        let column = Self.domainColumn
        let domainLength = units[column...].firstIndex(of: UInt16(UInt8(ascii: "\""))).map { $0 - column } ?? 0
        func range(to end: Int) -> JSONValue {
            ["start": ["line": .integer(Int64(line)), "character": .integer(Int64(column))],
             "end": ["line": .integer(Int64(line)), "character": .integer(Int64(end))]]
        }
        if domainLength > 6 && random.below(3) == 0 {
            units.remove(at: column)
            lines[line] = String(decoding: units, as: UTF16.self)
            return ["range": range(to: column + 1), "text": ""]
        }
        let inserted = random.below(4) == 0 ? "中" : "x"
        units.insert(contentsOf: inserted.utf16, at: column)
        lines[line] = String(decoding: units, as: UTF16.self)
        return ["range": range(to: column), "text": .string(inserted)]
    }
}
