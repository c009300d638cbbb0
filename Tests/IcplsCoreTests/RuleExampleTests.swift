import Testing
import IcplsDocument
@testable import IcplsCore

/// Every rule's own examples: the failing one fires exactly at its marked
/// ranges, the passing one does not fire; both again behind a multi-byte
/// prefix, so byte offsets that assume one byte per character show up.
@Suite struct RuleExampleTests {
    static let prefixes = ["", "/* 杭州示例😀 */ ", "// 备案 🚀\r\n"]

    @Test(arguments: RuleRegistry.all.map(\.id.rawValue), prefixes)
    func failingExampleFiresAtItsMarkers(rule: String, prefix: String) throws {
        let description = try #require(RuleRegistry.rule(RuleID(rawValue: rule))).description
        let marked = MarkedText(prefix + description.failingExample)
        #expect(!marked.ranges.isEmpty, "the failing example marks where the rule fires")
        let result = check(marked.text, asOf: RuleDescription.exampleAsOf)
        let fired = result.allDiagnostics.filter { $0.rule.rawValue == rule }.map(\.range).sorted()
        #expect(fired == marked.ranges)
    }

    @Test(arguments: RuleRegistry.all.map(\.id.rawValue), prefixes)
    func passingExampleDoesNotFire(rule: String, prefix: String) throws {
        let description = try #require(RuleRegistry.rule(RuleID(rawValue: rule))).description
        let result = check(prefix + description.passingExample, asOf: RuleDescription.exampleAsOf)
        #expect(result.allDiagnostics.filter { $0.rule.rawValue == rule }.isEmpty)
    }

    @Test func registryHoldsTheTwentySevenRulesOfTheSpecOnce() {
        let ids = RuleRegistry.all.map(\.id.rawValue)
        #expect(ids == [
            "ICP001", "ICP002", "ICP003", "ICP004", "ICP005", "ICP006", "ICP101", "ICP102", "ICP103", "ICP104",
            "ICP201", "ICP202", "ICP301", "ICP302", "ICP303", "ICP401", "ICP402", "ICP403", "ICP404", "ICP405",
            "ICP406", "ICP407", "ICP408", "ICP501", "ICP502", "ICP503", "ICP504",
        ].sorted { a, b in
            // Keep the registry's §4 order: eligibility rules follow the judging order.
            ids.firstIndex(of: a)! < ids.firstIndex(of: b)!
        })
        #expect(Set(ids).count == 27)
        let catalog = EnglishCatalog()
        for id in ids {
            #expect(catalog.title(of: RuleID(rawValue: id)) != id)
            #expect(!catalog.rationale(of: RuleID(rawValue: id)).isEmpty)
        }
    }

    @Test func aCheckStartsEveryRuleOnceTheLongestFirst() {
        let started = RuleRegistry.startOrder.map { RuleRegistry.all[$0].id.rawValue }
        #expect(started.prefix(2) == ["ICP103", "ICP503"])
        #expect(RuleRegistry.startOrder.sorted() == Array(RuleRegistry.all.indices))
    }
}
