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
