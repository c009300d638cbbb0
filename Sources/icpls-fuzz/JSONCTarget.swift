import IcplsCore
import IcplsDocument

/// The input as one document of a two-document workspace: parsed, read and checked
/// with every rule, the companion document declaring what the input may refer to.
struct JSONCTarget: FuzzTarget {
    static let fuzzedKey = DocumentKey("/fuzz/filings/fuzzed.icp.json")
    static let companionKey = DocumentKey("/fuzz/inventory.icp.json")
    /// The as-of date is fixed: the same input gives the same diagnostics on any day.
    static let asOf = CalendarDate(year: 2026, month: 11, day: 20)!

    private let companion = AnalyzedDocument(
        key: companionKey, order: DocumentOrder(rootIndex: 0, relativePath: "inventory.icp.json"),
        text: Array(Companion.inventory.utf8)
    )

    var tokens: [[UInt8]] {
        FuzzTokens.bytes(FuzzTokens.syntax + Companion.names)
    }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        FuzzOutcome.checking { features throws(InvariantFailure) in
            let fuzzed = AnalyzedDocument(
                key: Self.fuzzedKey, order: DocumentOrder(rootIndex: 0, relativePath: "filings/fuzzed.icp.json"), text: input
            )
            try DocumentInvariants.checkTree(fuzzed.tree, count: input.count)
            let sideBySide = input.withUnsafeBufferPointer { JSONCParser.parse($0, sideBySideFrom: 0, waitingForTheOtherCore: true) }
            try expect(sideBySide == fuzzed.tree, "a parse on two cores differs from the parse on one")
            let byTokens = input.withUnsafeBufferPointer { JSONCParser.parse($0, sideBySideFrom: .max, readingCleanContainers: false) }
            try expect(byTokens == fuzzed.tree, "reading clean containers from their bytes differs from reading their tokens")
            var counts: [String: Int] = [:]
            for error in fuzzed.tree.errors {
                counts["syntax:" + String(String(describing: error.kind).prefix { $0 != "(" }), default: 0] += 1
            }
            let result = Checker.check([companion, fuzzed], settings: Settings(asOf: Self.asOf), today: Self.asOf)
            try DocumentInvariants.checkDiagnostics(result, texts: [Self.fuzzedKey: input, Self.companionKey: companion.text])
            for diagnostic in result.diagnostics(for: Self.fuzzedKey) {
                counts["rule:\(diagnostic.rule)", default: 0] += 1
                if !diagnostic.related.isEmpty { features.insert("related:\(diagnostic.rule)") }
                if diagnostic.fixes.count > 1 { features.insert("fix:\(diagnostic.rule)") }
            }
            // How often, roughly, as well as what: 1, 2, 3–4, 5–8 … times are different behaviours.
            for (name, count) in counts {
                features.insert("\(name)×\(Int.bitWidth - (count - 1).leadingZeroBitCount)")
            }
            var random = FuzzRandom(hashing: input)
            try DocumentInvariants.checkLineIndex(fuzzed.lineIndex, text: input, random: &random)
        }
    }
}
