import IcplsDocument
@testable import IcplsCore

/// A fixture text with `⟦…⟧` marking ranges: the text without markers and the marked byte ranges.
struct MarkedText {
    let text: String
    let ranges: [ByteRange]

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var ranges: [ByteRange] = []
        var open: [Int] = []
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": open.append(bytes.count)
            case "⟧": ranges.append(ByteRange(start: open.removeLast(), end: bytes.count))
            default: bytes += Array(String(scalar).utf8)
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        self.ranges = ranges.sorted()
    }
}

let exampleDate = CalendarDate(year: 2026, month: 6, day: 15)!

/// Checks documents given as (name, text) in workspace order.
func check(_ documents: [(String, String)], asOf: CalendarDate = exampleDate, settings: Settings = Settings()) -> CheckResult {
    let analyzed = documents.enumerated().map { offset, document in
        AnalyzedDocument(key: DocumentKey("/ws/\(document.0)"), order: DocumentOrder(rootIndex: 0, relativePath: document.0), text: Array(document.1.utf8))
    }
    var merged = settings
    if merged.asOf == nil { merged.asOf = asOf }
    return Checker.check(analyzed, settings: merged)
}

func check(_ text: String, asOf: CalendarDate = exampleDate) -> CheckResult {
    check([("a.icp.json", text)], asOf: asOf)
}

/// The rule IDs and covered texts of a single-document check, in text order.
func findings(_ text: String, asOf: CalendarDate = exampleDate) -> [String] {
    let bytes = Array(text.utf8)
    return check(text, asOf: asOf).allDiagnostics.map { diagnostic in
        "\(diagnostic.rule) \(String(decoding: bytes[diagnostic.range.start..<diagnostic.range.end], as: UTF8.self))"
    }
}

extension CheckResult {
    func rules(in document: String = "a.icp.json") -> [String] {
        diagnostics(for: DocumentKey("/ws/\(document)")).map(\.rule.rawValue)
    }
}

/// SplitMix64: the same numbers, and so the same mutants and edits, on every run.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }
}
