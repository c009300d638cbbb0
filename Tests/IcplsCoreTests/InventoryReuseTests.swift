import Testing
import IcplsDocument
@testable import IcplsCore

/// A check takes the previous check's inventory only while no inventory section changed,
/// and its diagnostics (fixes included) are always those of a check that builds everything.
@Suite struct InventoryReuseTests {
    static let key = DocumentKey("/ws/a.icp.json")
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    @Test func randomEditsAnywhereGiveTheDiagnosticsOfAFreshCheck() throws {
        var random = TestRandom(seed: 11)
        var text = Array(IncrementalReparseTests.workspaceText(websites: 24).utf8)
        var analysis = IncrementalAnalysis()
        var document = AnalyzedDocument(key: Self.key, order: IncrementalReparseTests.order, text: text)
        analysis.remember(document)
        var inventory = Checker.check([document], today: Self.asOf).index.inventory
        var reused = 0
        var rebuilt = 0
        for step in 0..<160 {
            // Half the edits land in a filing's website, half in a string of the inventory.
            let edit = random.below(2) == 0
                ? IncrementalReparseTests.randomEdit(in: document.tree, text: text, &random)
                : Self.inventoryEdit(in: document.tree, &random)
            guard let (replacement, inserted) = edit else { continue }
            text.replaceSubrange(replacement.replaced.start..<replacement.replaced.end, with: inserted)
            analysis.apply(replacement, newText: text)
            if analysis.tree == nil || analysis.reading == nil {
                document = AnalyzedDocument(key: Self.key, order: IncrementalReparseTests.order, text: text)
                analysis.remember(document)
            } else {
                document = analysis.analyze(key: Self.key, order: IncrementalReparseTests.order, text: text, lineIndex: nil)
            }
            let kept = Checker.check([document], today: Self.asOf, reusing: inventory)
            let fresh = Checker.check([AnalyzedDocument(key: Self.key, order: IncrementalReparseTests.order, text: text)], today: Self.asOf)
            let same = kept.allDiagnostics == fresh.allDiagnostics
            try #require(same, "step \(step): diagnostics differ from a fresh check after replacing \(replacement.replaced)")
            if kept.index.inventory === inventory { reused += 1 } else { rebuilt += 1 }
            inventory = kept.index.inventory
        }
        #expect(reused > 40, "edits in filings keep the inventory: \(reused)")
        #expect(rebuilt > 40, "edits in the inventory replace it: \(rebuilt)")
    }

    @Test func aFilingEditKeepsTheInventoryAndAnInventoryEditReplacesIt() {
        let text = """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-web", "product": "ecs", "account": "acct-buy", "region": "cn-hangzhou", "billing": "subscription",
                           "expiresOn": "2027-06-30", "publicBandwidthMbps": 5 } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" },
                              { "number": "SN-2", "instance": "i-web", "appliedBy": "acct-buy" },
                              { "number": "SN-3", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [
            { "domain": "a.example.cn", "serviceNumber": "SN-1" }, { "domain": "b.example.cn", "serviceNumber": "SN-1" },
            { "domain": "c.example.cn", "serviceNumber": "SN-3" } ] } ]
        }
        """
        let first = Checker.check([analyzed(text)], today: Self.asOf)
        #expect(first.allDiagnostics.map(\.rule) == ["ICP201"])
        #expect(first.allDiagnostics.first?.fixes.first?.assignsServiceNumber == "SN-2")
        let filingEdited = text.replacingOccurrences(of: #""c.example.cn", "serviceNumber": "SN-3""#, with: #""c.example.cn", "serviceNumber": "SN-2""#)
        let afterFilingEdit = Checker.check([analyzed(filingEdited)], today: Self.asOf, reusing: first.index.inventory)
        #expect(afterFilingEdit.index.inventory === first.index.inventory)
        // The fix offers the number the edit left unused: usage is found per check, not kept with the inventory.
        #expect(afterFilingEdit.allDiagnostics.map(\.rule) == ["ICP201"])
        #expect(afterFilingEdit.allDiagnostics.first?.fixes.first?.assignsServiceNumber == "SN-3")

        let instanceEdited = text.replacingOccurrences(of: "\"cn-hangzhou\"", with: "\"cn-hongkong\"")
        let afterInstanceEdit = Checker.check([analyzed(instanceEdited)], today: Self.asOf, reusing: first.index.inventory)
        #expect(afterInstanceEdit.index.inventory !== first.index.inventory)
        #expect(afterInstanceEdit.allDiagnostics.map(\.rule).sorted() == ["ICP201", "ICP402", "ICP402", "ICP402"])
    }

    @Test func anIdWrittenInAnotherUnicodeFormIsAnInventoryEdit() {
        // Equal as Swift strings (two accents in either order), as many bytes, so every range stays the
        // same; still different ids: the kept inventory must not be taken for the new one.
        func text(_ account: String) -> String {
            "{ \"accounts\": [ { \"id\": \"\(account)\" } ], \"filings\": [ { \"id\": \"F-1\", \"account\": \"e\u{323}\u{301}\" } ] }"
        }
        let first = Checker.check([analyzed(text("e\u{323}\u{301}"))], today: Self.asOf)
        #expect(first.allDiagnostics.isEmpty)
        let edited = Checker.check([analyzed(text("e\u{301}\u{323}"))], today: Self.asOf, reusing: first.index.inventory)
        #expect(edited.index.inventory !== first.index.inventory)
        #expect(edited.allDiagnostics.map(\.rule) == ["ICP101"])
    }

    @Test func anotherDayOrAnotherDocumentSetBuildsTheInventoryAgain() {
        let text = #"{ "instances": [ { "id": "i-web", "product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2026-12-31" } ] }"#
        let document = analyzed(text)
        let first = Checker.check([document], today: Self.asOf)
        #expect(Checker.check([document], today: Self.asOf, reusing: first.index.inventory).index.inventory === first.index.inventory)
        let nextYear = CalendarDate(year: 2027, month: 1, day: 5)!
        #expect(Checker.check([document], today: nextYear, reusing: first.index.inventory).index.inventory !== first.index.inventory)
        let other = AnalyzedDocument(key: DocumentKey("/ws/b.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "b.icp.json"), text: Array("{}".utf8))
        #expect(Checker.check([document, other], today: Self.asOf, reusing: first.index.inventory).index.inventory !== first.index.inventory)
    }

    private func analyzed(_ text: String) -> AnalyzedDocument {
        AnalyzedDocument(key: Self.key, order: IncrementalReparseTests.order, text: Array(text.utf8))
    }

    /// Types a character into, or deletes one from, a string value of an account, instance or number.
    static func inventoryEdit(in tree: JSONSyntaxTree, _ random: inout TestRandom) -> (TextReplacement, [UInt8])? {
        let sections = ["accounts", "instances", "serviceNumbers"].compactMap { tree.root?.object?.member($0)?.value.array }
        let strings = sections.joined().flatMap { element in
            element.object?.members.compactMap { $0.value.string != nil && $0.value.range.length > 2 ? $0.value.range : nil } ?? []
        }
        guard !strings.isEmpty else { return nil }
        let value = strings[random.below(strings.count)]
        let place = value.start + 1 + random.below(value.length - 2)
        if random.below(3) == 0 {
            return (TextReplacement(replaced: ByteRange(start: place, end: place + 1), insertedCount: 0), [])
        }
        let letter = Array(["x", "9", "-", "中"][random.below(4)].utf8)
        return (TextReplacement(replaced: ByteRange(start: place, end: place), insertedCount: letter.count), letter)
    }
}
