import Foundation
import IcplsDocument
@testable import IcplsCore

/// A workspace to run every fix on: named documents in workspace order.
struct SweepFixture: CustomStringConvertible {
    let name: String
    let documents: [(name: String, bytes: [UInt8])]

    var description: String { name }

    var analyzed: [AnalyzedDocument] {
        documents.map { document in
            AnalyzedDocument(
                key: DocumentKey("/ws/\(document.name)"), order: DocumentOrder(rootIndex: 0, relativePath: document.name),
                text: document.bytes
            )
        }
    }

    /// The text of one document, for failure messages.
    func text(_ key: DocumentKey) -> String {
        let bytes = documents.first { "/ws/\($0.name)" == key.rawValue }?.bytes ?? []
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Every input the sweep runs on: the rules' own examples, the fuzz seed corpus,
/// the four sample documents as one workspace, and fixed-seed mutants of all of them.
enum SweepFixtures {
    static let corpusFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzCorpus/jsonc")

    static let settings = Settings(asOf: RuleDescription.exampleAsOf)

    /// Each rule's failing example (markers taken out) and passing example.
    static var ruleExamples: [SweepFixture] {
        RuleRegistry.all.flatMap { rule -> [SweepFixture] in
            let description = rule.description
            return [
                SweepFixture(name: "\(rule.id) failing example", documents: [("a.icp.json", Array(MarkedText(description.failingExample).text.utf8))]),
                SweepFixture(name: "\(rule.id) passing example", documents: [("a.icp.json", Array(description.passingExample.utf8))]),
            ]
        }
    }

    /// Every seed of the JSONC fuzz corpus, each alone.
    static var corpus: [SweepFixture] {
        corpusFiles.map { SweepFixture(name: "corpus \($0.name)", documents: [("a.icp.json", $0.bytes)]) }
    }

    static var corpusFiles: [(name: String, bytes: [UInt8])] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: corpusFolder.appendingPathComponent(name).path) else { return nil }
            return (name, Array(data))
        }
    }

    /// The sample inventory and filings together, where numbers of one document serve websites of another.
    static var sampleWorkspace: SweepFixture {
        let samples = corpusFiles.filter { $0.name.hasPrefix("sample-") }
        return SweepFixture(name: "sample workspace", documents: samples.map { ("\($0.name.dropLast(".jsonc".count)).icp.json", $0.bytes) })
    }

    /// An inventory and filings full of slips that have fixes: misspelt members, values, ids and
    /// numbers, a number used twice, websites without one, a domain with a scheme and port,
    /// a Hong Kong host, a TrustPass shop with a number, a direct selection by a non-purchaser.
    /// Once with `\n` and once with `\r\n` line ends.
    static var typoWorkspaces: [SweepFixture] {
        let inventory = #"""
        // 库存
        {
          "accounts": [
            { "id": "acct-hangzhou", "name": "杭州示例科技有限公司" },
            { "id": "acct-ops", "nmae": "运维部" }
          ],
          "instances": [
            { "id": "i-main", "product": "ecs", "account": "acct-hangzhou", "region": "cn-hangzhou", "billing": "subscription",
              "expiresOn": "2099-12-31", "publicBandwidthMbps": 5 },
            { "id": "i-spare", "product": "simple-aplication-server", "account": "acct-hangzou", "region": "cn-shanghai",
              "billing": "subscripton", "expiresOn": "2099-06-30", "stauts": "running" },
            { "id": "i-second", "product": "ecs", "account": "acct-hangzhou", "region": "cn-beijing", "billing": "subscription",
              "expiresOn": "2099-12-31", "publicBandwidthMbps": 10 },
            { "id": "i-hk", "product": "ecs", "account": "acct-hangzhou", "region": "cn-hongkong", "billing": "subscription",
              "expiresOn": "2099-01-01", "publicBandwidthMbps": 1 } /* 香港 */
          ],
          "serviceNumbers": [
            { "number": "n-1", "instance": "i-main", "appliedBy": "acct-hangzhou" },
            { "number": "n-2", "instance": "i-main", "appliedBy": "acct-hangzhou" },
            { "number": "n-3", "instance": "i-mian", "appliedBy": "acct-hangzhou" }, // 拼错
            { "number": "n-4", "instance": "i-main", "appliedBy": "acct-hangzhou", "used": false },
            { "number": "n-5", "instance": "i-second", "appliedBy": "acct-hangzhou" },
            { "number": "n-7", "instance": "i-main", "appliedBy": "acct-hangzhou" },
            { "number": "n-6", "instance": "i-second", "appliedBy": "acct-hangzhou" },
            { "number": "n-hk", "instance": "i-hk", "appliedBy": "acct-hangzhou" }
          ]
        }

        """#
        let filings = #"""
        {
          "filings": [
            { "id": "F-1", "account": "acct-hangzhou", "status": "draft", "websites": [
              { "domain": "a.example.cn", "serviceNumber": "n-1" },
              { "domain": "b.example.cn", "serviceNumber": "n-1" }, // 重复
              { "domain": "https://c.example.cn:8443/path", "serviceNumber": "n-l" },
              { "domain": "d.example.cn" },
              { "domain": "hk.example.cn", "serviceNumber": "n-hk" },
              { "domain": "shop.example.cn", "hosting": "trustpass", "serviceNumber": "n-2", "instance": "i-main" },
              { "domain": "f.example.cn", "hosting": "alibaba-clod", "serviceNumber": "n-4" }
            ] },
            { "id": "F-2", "account": "acct-ops", "staus": "draft", "websites": [ { "domain": "g.example.cn", "instance": "i-main" } ] },
            { "id": "F-3", "account": "acct-hangzhou", "status": "cancelld", "websites": [ { "domain": "a.example.cn", "instance": "i-mian" } ] }
          ]
        }

        """#
        let documents: [(String, String)] = [("filings.icp.json", filings), ("inventory.icp.json", inventory)]
        return [
            SweepFixture(name: "typo workspace", documents: documents.map { ($0.0, Array($0.1.utf8)) }),
            SweepFixture(name: "typo workspace, CRLF", documents: documents.map {
                ($0.0, Array($0.1.replacingOccurrences(of: "\n", with: "\r\n").utf8))
            }),
        ]
    }

    /// Inputs small enough to mutate (the 100,000-deep nesting seed is not).
    static var mutationSeeds: [SweepFixture] {
        (ruleExamples + corpus).filter { $0.documents.allSatisfy { $0.bytes.count <= 8_192 } }
    }

    /// `perSeed` mutants of every seed, four times as many of seeds that have fixes other than
    /// ignore comments; of the workspaces, mutants with one document mutated.
    static func mutants(perSeed: Int) -> [SweepFixture] {
        var random = TestRandom(seed: 20_260_615)
        var result: [SweepFixture] = []
        for seed in mutationSeeds {
            let hasRepairs = Checker.check(seed.analyzed, settings: settings).allDiagnostics.contains { $0.fixes.contains { !$0.isSuppression } }
            for number in 0..<(hasRepairs ? 4 * perSeed : perSeed) {
                let mutated = ByteMutator.mutate(seed.documents[0].bytes, &random)
                result.append(SweepFixture(name: "\(seed.name) mutant \(number)", documents: [("a.icp.json", mutated)]))
            }
        }
        for (workspace, count) in [(sampleWorkspace, 4 * perSeed)] + typoWorkspaces.map({ ($0, 8 * perSeed) }) {
            for number in 0..<count {
                var documents = workspace.documents
                let which = random.below(documents.count)
                documents[which].bytes = ByteMutator.mutate(documents[which].bytes, &random)
                result.append(SweepFixture(name: "\(workspace.name) mutant \(number) (\(documents[which].name))", documents: documents))
            }
        }
        return result
    }
}

/// Deletes, duplicates, inserts and overwrites bytes: the slips of someone typing,
/// and bytes that are not UTF-8.
enum ByteMutator {
    static let insertions: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "/", "*", "\n", "\r\n", "\r", " ", "//", "/*", "*/", "\\", "null", "0",
        "\"n-1\"", "\"instance\": ", "\"serviceNumber\": \"x\", ", "// icp-ignore ICP201 ICP503", "杭州", "😀",
        "{ \"domain\": \"x.example.cn\" }, ", "\"status\": \"draft\", ", "\"hosting\": \"trustpass\", ",
    ].map { Array($0.utf8) } + [[0xFF], [0xE4, 0xB8], [0xC0, 0x80], [0x00], [0x09]]

    static func mutate(_ bytes: [UInt8], _ random: inout TestRandom) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + random.below(3)) {
            let position = random.below(result.count + 1)
            let length = min(result.count - position, 1 + random.below(random.below(4) == 0 ? 40 : 6))
            switch random.below(4) {
            case 0:
                result.removeSubrange(position..<(position + length))
            case 1:
                result.insert(contentsOf: Array(result[position..<(position + length)]), at: position)
            case 2:
                result.insert(contentsOf: insertions[random.below(insertions.count)], at: position)
            default:
                if position < result.count { result[position] = UInt8(truncatingIfNeeded: random.below(256)) }
            }
        }
        return result
    }
}
