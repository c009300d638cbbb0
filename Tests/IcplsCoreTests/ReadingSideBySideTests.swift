import Testing
import IcplsDocument
@testable import IcplsCore

/// A large document is read on two cores (the filings, and the inventory);
/// the model and the findings, in their order, are those of one walk after another.
@Suite struct ReadingSideBySideTests {
    @Test func everyRuleExampleReadsTheSameOnTwoCores() {
        for rule in RuleRegistry.all {
            for example in [rule.description.failingExample, rule.description.passingExample] {
                expectSameReading(MarkedText(example).text, rule.id.description)
            }
        }
    }

    @Test func findingsOfEveryKindComeInTheOrderOfOneWalk() {
        // An unknown top-level member, a wrong element, repeated keys, and findings in each section.
        let text = """
        { "extra": 1, "accounts": [ 7, { "id": "a", "id": "b" } ],
          "instances": [ { "id": "i", "product": "ecs", "region": "mars-1", "billing": "subscription" } ],
          "serviceNumbers": [ { "number": "SN", "instance": "i", "appliedBy": "a", "used": "yes" } ],
          "filings": [ { "id": "F", "account": "a", "status": "done", "websites": [ { "domain": "x.cn", "domain": "y.cn" } ] } ] }
        """
        let tree = JSONCParser.parse(Array(text.utf8))
        let findings = DocumentReader.read(tree, sideBySide: false).1
        // The top-level object, then each section in the order of the format, each object's
        // repeated keys as it is read.
        #expect(findings.map(\.rule.description) == ["ICP004", "ICP003", "ICP005", "ICP002", "ICP002", "ICP006", "ICP003", "ICP003", "ICP005"])
        expectSameReading(text, "every kind")
    }

    @Test func brokenAndMutatedDocumentsReadTheSameOnTwoCores() {
        var random = TestRandom(seed: 23)
        let base = Array(IncrementalReparseTests.workspaceText(websites: 12).utf8)
        let snippets = ["\"id\": 1,", "{", "}", "[", "]", ",", "\"extra\": true,", "\"status\": \"x\",", "7", "\"", "/*", "\"accounts\": [],"]
        for _ in 0..<300 {
            var text = base
            for _ in 0..<(1 + random.below(4)) {
                let place = random.below(text.count)
                if random.below(3) == 0 {
                    text.removeSubrange(place..<min(text.count, place + 1 + random.below(6)))
                } else {
                    text.insert(contentsOf: Array(snippets[random.below(snippets.count)].utf8), at: place)
                }
            }
            expectSameReading(String(decoding: text, as: UTF8.self), "mutant")
        }
    }

    private func expectSameReading(_ text: String, _ label: String) {
        let tree = JSONCParser.parse(Array(text.utf8))
        let serial = DocumentReader.read(tree, sideBySide: false)
        let parallel = DocumentReader.read(tree, sideBySide: true)
        #expect(serial.0 == parallel.0, "\(label): the model differs")
        #expect(serial.1 == parallel.1, "\(label): the findings or their order differ")
    }
}
