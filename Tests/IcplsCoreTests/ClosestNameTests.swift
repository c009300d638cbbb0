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
        let index = ClosestNameIndex(names)
        var answered = 0
        for trial in 0..<600 {
            var typed = Array(names[Int(random.next() % UInt64(names.count))].unicodeScalars)
            for _ in 0..<(trial % 4) {
                let place = Int(random.next() % UInt64(typed.count + 1))
                let scalar = Unicode.Scalar(alphabet[Int(random.next() % UInt64(alphabet.count))])
                switch random.next() % 4 {
                case 0: typed.insert(scalar, at: place)
                case 1 where place < typed.count: typed.remove(at: place)
                case 2 where place < typed.count: typed[place] = scalar
                case 3 where place + 1 < typed.count: typed.swapAt(place, place + 1)
                default: break
                }
            }
            let text = String(String.UnicodeScalarView(typed))
            let expected = ClosestName.closest(text, among: names)
            #expect(index.closest(text) == expected, "typed \(text)")
            if !expected.isEmpty { answered += 1 }
        }
        #expect(answered > 300, "most typed texts are near a name")
    }
}

