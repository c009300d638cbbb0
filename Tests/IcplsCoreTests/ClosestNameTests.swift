import Testing
@testable import IcplsCore

@Suite struct ClosestNameTests {
    @Test func suggestsTheSingleNameWithinTwoEdits() {
        let names = ["acct-buy", "acct-sell", "32a43232-a888-88e8-b9ec-00888be80001"]
        #expect(ClosestName.find("acct-bye", among: names) == "acct-buy")
        #expect(ClosestName.find("32a43232-a888-88e8-b9ec-00888be8001", among: names) == "32a43232-a888-88e8-b9ec-00888be80001")
        #expect(ClosestName.find("ACCT-BUY", among: names) == "acct-buy", "case is ignored")
        #expect(ClosestName.find("acct-xyz", among: names) == nil, "three edits away")
        #expect(ClosestName.find("acct-buy", among: names) == nil, "the typed text itself is no suggestion")
    }

    @Test func anIdInAnotherUnicodeFormIsSuggestedAndTwoFormsAreTwoNames() {
        // Ids compare exactly: the other spelling is the one to suggest, and both spellings are names.
        let composed = "acct-caf\u{E9}", decomposed = "acct-cafe\u{301}"
        #expect(ClosestName.find(decomposed, among: [composed]).map { Array($0.utf8) } == Array(composed.utf8))
        #expect(ClosestName.closest("acct-cafe", among: [composed, decomposed]).count == 2, "one edit from each")
    }

    @Test func reportsTiesInTheOrderGiven() {
        #expect(ClosestName.closest("acct-b", among: ["acct-c", "acct-a", "acct-bb"]) == ["acct-c", "acct-a", "acct-bb"])
        #expect(ClosestName.find("acct-b", among: ["acct-c", "acct-a"]) == nil)
    }

    @Test func countsATranspositionAsOneEdit() {
        #expect(ClosestName.closest("i-bp1a2bc3", among: ["i-bp1a2b3c", "i-zz1a2b3c"]) == ["i-bp1a2b3c"])
    }

    /// The index must give exactly the answers of a scan over every name, for typed
    /// text near names (edits of every kind at every place) and far from them.
    @Test func indexAnswersAsAScanOfEveryName() {
        let (names, typed) = Self.namesAndTypedTexts()
        let index = ClosestNameIndex(names)
        var answered = 0
        for text in typed {
            let expected = ClosestName.closest(text, among: names)
            #expect(index.closest(text) == expected, "typed \(text)")
            if !expected.isEmpty { answered += 1 }
        }
        #expect(answered > 300, "most typed texts are near a name")
    }

    /// So must the scan of the names for many typed texts at once, texts typed twice included.
    @Test func scanForManyTextsAnswersAsAScanOfEveryNameForEach() {
        let (names, typed) = Self.namesAndTypedTexts()
        let texts = typed + typed.prefix(20) + ["", "ACCT-1", "acct-10000000000", "小店-1x"]
        let answers = ClosestNameScan.closest(to: texts, among: names)
        #expect(answers.count == texts.count)
        for (text, answer) in zip(texts, answers) {
            #expect(answer == ClosestName.closest(text, among: names), "typed \(text)")
        }
        #expect(ClosestNameScan.closest(to: [], among: names).isEmpty)
        #expect(ClosestNameScan.closest(to: ["acct-1x"], among: []) == [[]])
    }

    /// A thousand names of several shapes, near twins among them, and 600 texts typed near them.
    private static func namesAndTypedTexts() -> (names: [String], typed: [String]) {
        var random = TestRandom(seed: 42)
        let alphabet = Array("abcdef0123456789-".utf8)
        var names: [String] = []
        for number in 0..<1_000 {
            switch number % 6 {
            case 0: names.append("acct-\(number)")
            case 1: names.append("i-bp\(String(number, radix: 36))x\(random.next() % 1000)")
            case 2: names.append("小店-\(number)")
            default:
                let length = 8 + Int(random.next() % 30)
                names.append(String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self))
            }
        }
        // Near twins, so that ties and case folding are exercised.
        names += names.prefix(100).map { $0.uppercased() }
        names += names.prefix(100).map { $0 + "0" }
        var typed: [String] = []
        for trial in 0..<600 {
            var text = Array(names[Int(random.next() % UInt64(names.count))].unicodeScalars)
            for _ in 0..<(trial % 4) {
                let place = Int(random.next() % UInt64(text.count + 1))
                let scalar = Unicode.Scalar(alphabet[Int(random.next() % UInt64(alphabet.count))])
                switch random.next() % 4 {
                case 0: text.insert(scalar, at: place)
                case 1 where place < text.count: text.remove(at: place)
                case 2 where place < text.count: text[place] = scalar
                case 3 where place + 1 < text.count: text.swapAt(place, place + 1)
                default: break
                }
            }
            typed.append(String(String.UnicodeScalarView(text)))
        }
        return (names, typed)
    }

    /// The first check of an inventory scans its ids; a check that keeps it indexes them; the
    /// answers are the same either way.
    @Test func anInventoryScansItsIdsForOneCheckAndIndexesThemWhenKept() {
        let numbers = (0..<50).map { "32a43232-a888-88e8-b9ec-\(String(100_000_000_000 + $0))" }
        let text = #"{ "serviceNumbers": ["# + numbers.map { #"{ "number": "\#($0)" }"# }.joined(separator: ", ") + "] }"
        let document = AnalyzedDocument(key: DocumentKey("/ws/a.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "a.icp.json"), text: Array(text.utf8))
        let inventory = Inventory(documents: [document], asOf: CalendarDate(year: 2026, month: 6, day: 15)!)
        let typed = ["32a43232-a888-88e8-b9ec-100000000007x", "32a43232-a888-88e8-b9ec-1000000000", "acct-1"]
        let expected = typed.map { ClosestName.closest($0, among: numbers) }
        #expect(expected[0] == [numbers[7]] && expected[2].isEmpty)
        #expect(inventory.closestIDs(.serviceNumber, to: typed) == expected)
        #expect(!inventory.hasClosestIDIndex(.serviceNumber), "one check scans")
        #expect(inventory.closestIDs(.serviceNumber, to: typed) == expected)
        #expect(inventory.hasClosestIDIndex(.serviceNumber), "a second indexes")
        #expect(inventory.closestIDs(.serviceNumber, to: typed) == expected)
        #expect(!inventory.hasClosestIDIndex(.account))
    }
}
