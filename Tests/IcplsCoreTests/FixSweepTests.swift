import Testing
import IcplsDocument
@testable import IcplsCore

/// §4 "Quick fixes": each fix is a text edit that keeps everything else in the file byte
/// for byte and leaves valid JSONC. Swept over every fixture there is — the rules'
/// examples, the fuzz seed corpus, the sample workspace and a few hundred fixed-seed
/// mutants of them — for every fix of every diagnostic, and for `check --fix`.
@Suite("Fixes never lose data")
struct FixSweepTests {
    static let groups = ["rule examples", "fuzz corpus", "workspaces", "mutants"]
    static let mutantsPerSeed = 3

    static func fixtures(_ group: String) -> [SweepFixture] {
        switch group {
        case "rule examples": return SweepFixtures.ruleExamples
        case "fuzz corpus": return SweepFixtures.corpus
        case "workspaces": return [SweepFixtures.sampleWorkspace] + SweepFixtures.typoWorkspaces
        default: return SweepFixtures.mutants(perSeed: mutantsPerSeed)
        }
    }

    @Test("the sweep has what it sweeps")
    func theFixturesAreThere() {
        #expect(SweepFixtures.ruleExamples.count == 2 * RuleRegistry.all.count)
        #expect(SweepFixtures.corpus.count >= 60, "the fuzz seed corpus is read")
        #expect(SweepFixtures.sampleWorkspace.documents.count == 4)
        let mutants = SweepFixtures.mutants(perSeed: Self.mutantsPerSeed)
        #expect(mutants.count >= 500)
        #expect(mutants.map(\.documents.description) == SweepFixtures.mutants(perSeed: Self.mutantsPerSeed).map(\.documents.description))
        // Enough of them have fixes of every kind to be a sweep at all.
        var fixCount = 0, rules = Set<RuleID>()
        for fixture in Self.fixtures("rule examples") + Self.fixtures("workspaces") + mutants {
            for diagnostic in FixInvariants(fixture).result.allDiagnostics where diagnostic.fixes.contains(where: { !$0.isSuppression }) {
                fixCount += diagnostic.fixes.count
                rules.insert(diagnostic.rule)
            }
        }
        #expect(fixCount >= 1_000)
        #expect(rules.isSuperset(of: ["ICP003", "ICP004", "ICP101", "ICP102", "ICP103", "ICP201", "ICP302", "ICP402", "ICP501", "ICP503"]))
    }

    @Test("every fix of every diagnostic, applied alone, keeps every other byte, parses no worse and removes its diagnostic",
          arguments: groups)
    func everyFixAlone(group: String) {
        var failures: [String] = []
        for fixture in Self.fixtures(group) {
            failures += FixInvariants(fixture).everyFixAlone()
        }
        #expect(failures.isEmpty, "\(failures.count) problems; the first:\n\(failures.prefix(10).joined(separator: "\n\n"))")
    }

    @Test("applying all preferred fixes as check --fix does keeps every other byte and parses no worse, round by round",
          arguments: groups)
    func preferredFixesTogether(group: String) {
        var failures: [String] = []
        for fixture in Self.fixtures(group) {
            failures += Self.fixAllProblems(fixture).map { "\(fixture.name): \($0)" }
        }
        #expect(failures.isEmpty, "\(failures.count) problems; the first:\n\(failures.prefix(10).joined(separator: "\n\n"))")
    }

    /// Replays `FixApplication.applyPreferredFixes` round by round, checking each round's edits
    /// together, and compares the end result with what the function itself gives.
    static func fixAllProblems(_ fixture: SweepFixture) -> [String] {
        var documents = fixture.analyzed
        let outcome = FixApplication.applyPreferredFixes(to: documents, settings: SweepFixtures.settings, today: RuleDescription.exampleAsOf)
        var texts = Dictionary(uniqueKeysWithValues: documents.map { ($0.key, $0.text) })
        var changed = Set<DocumentKey>()
        var result = Checker.check(documents, settings: SweepFixtures.settings)
        var problems: [String] = []
        var applied = 0
        for round in 1...FixApplication.maximumRounds {
            let chosen = FixApplication.chooseFixes(result.allDiagnostics)
            if chosen.isEmpty { break }
            applied += chosen.count
            if chosen.contains(where: { !$0.isPreferred || $0.isSuppression }) {
                problems.append("round \(round) chose a fix that is not preferred, or an ignore comment")
            }
            let assigned = chosen.compactMap(\.assignsServiceNumber)
            if Set(assigned).count != assigned.count { problems.append("round \(round) gives one number to two websites: \(assigned)") }
            switch FixInvariants.apply(chosen.flatMap(\.edits), to: texts) {
            case .failure(let failure):
                problems.append("round \(round): \(failure)")
                return problems
            case .success(let next):
                problems += next.problems.map { "round \(round): \($0)" }
                for (key, text) in next.texts where texts[key] != text { changed.insert(key) }
                texts = next.texts
            }
            documents = documents.map { AnalyzedDocument(key: $0.key, order: $0.order, text: texts[$0.key]!) }
            result = Checker.check(documents, settings: SweepFixtures.settings)
            for number in assigned {
                let quoted = Array("\"\(number)\"".utf8)
                let reused = result.allDiagnostics.filter { diagnostic in
                    diagnostic.rule == "ICP201" && Array(texts[diagnostic.document]![diagnostic.range.start..<diagnostic.range.end]) == quoted
                }
                if !reused.isEmpty { problems.append("round \(round): number \(number), given as unused, now backs two websites") }
            }
        }
        if applied != outcome.appliedFixCount {
            problems.append("applyPreferredFixes applied \(outcome.appliedFixCount) fixes, the replay \(applied)")
        }
        for key in changed.union(outcome.changedTexts.keys) where outcome.changedTexts[key] != texts[key] {
            problems.append("applyPreferredFixes gives another text for \(key) than its rounds replayed")
        }
        return problems
    }

    /// The sweep's checks catch what they are meant to.
    @Test("the invariants reject an edit that eats a neighbour, splits a character or breaks the syntax")
    func theInvariantsRejectWrongEdits() throws {
        let key = DocumentKey("/ws/a.icp.json")
        let text = Array(#"{ "accounts": [ { "id": "杭州", "nmae": "x" } ] }"#.utf8)
        func edit(_ start: Int, _ end: Int, _ newText: String) -> TextEdit {
            TextEdit(location: Location(document: key, range: ByteRange(start: start, end: end)), newText: newText)
        }
        func problems(_ edits: [TextEdit]) -> String {
            switch FixInvariants.apply(edits, to: [key: text]) {
            case .failure(let failure): return failure.description
            case .success(let applied): return applied.problems.joined(separator: "; ")
            }
        }
        let name = try #require(text.indices.first { text[$0...].starts(with: Array("nmae".utf8)) })
        #expect(problems([edit(name, name + 4, "name")]) == "")
        #expect(problems([edit(name, name + 4, "name"), edit(name + 2, name + 6, "x")]).contains("overlap"))
        #expect(problems([edit(name, name + 4, "name"), edit(name, name, "x")]).contains("overlap"))
        #expect(problems([edit(26, 27, "x")]).contains("splits a character"))
        #expect(problems([edit(0, 1, "")]).contains("syntax errors went from 0 to"))
        #expect(problems([edit(0, text.count + 1, "")]).contains("outside the text"))
        #expect(problems([edit(name, name, "")]).contains("change nothing"))
        let moved = [edit(2, 4, "abcdef"), edit(10, 10, "xy")]
        #expect(FixInvariants.map(1, moved, isEnd: false) == 1)
        #expect(FixInvariants.map(3, moved, isEnd: false) == 2)
        #expect(FixInvariants.map(3, moved, isEnd: true) == 8)
        #expect(FixInvariants.map(10, moved, isEnd: false) == 16)
        #expect(FixInvariants.map(12, moved, isEnd: true) == 18)
    }
}
