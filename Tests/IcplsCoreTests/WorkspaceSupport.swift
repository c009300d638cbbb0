import IcplsDocument
@testable import IcplsCore

/// A place in one fixture document: its name and a byte range.
struct Place: Hashable, CustomStringConvertible {
    let document: String
    let range: ByteRange

    init(_ document: String, _ range: ByteRange) {
        self.document = document
        self.range = range
    }

    init(_ location: Location) {
        self.init(String(location.document.rawValue.dropFirst("/ws/".count)), location.range)
    }

    var description: String { "\(document)@\(range)" }
}

/// Several fixture documents with `⟦…⟧` markers, checked together in the order given
/// (which is also workspace order when the names sort that way).
struct MarkedWorkspace {
    let names: [String]
    let documents: [String: MarkedText]
    let result: CheckResult

    init(_ documents: [(String, String)], asOf: CalendarDate = exampleDate, settings: Settings = Settings()) {
        names = documents.map(\.0)
        var marked: [String: MarkedText] = [:]
        for (name, text) in documents { marked[name] = MarkedText(text) }
        self.documents = marked
        result = check(documents.map { ($0.0, marked[$0.0]!.text) }, asOf: asOf, settings: settings)
    }

    init(_ text: String, asOf: CalendarDate = exampleDate, settings: Settings = Settings()) {
        self.init([("a.icp.json", text)], asOf: asOf, settings: settings)
    }

    /// The `index`th marked range of a document, in text order.
    func marker(_ index: Int, in document: String = "a.icp.json") -> Place {
        Place(document, documents[document]!.ranges[index])
    }

    func markers(in document: String = "a.icp.json") -> [Place] {
        documents[document]!.ranges.map { Place(document, $0) }
    }

    /// Every diagnostic of one rule, in workspace order.
    func diagnostics(_ rule: String) -> [Diagnostic] {
        result.allDiagnostics.filter { $0.rule.rawValue == rule }
    }

    func places(_ rule: String) -> [Place] {
        diagnostics(rule).map { Place($0.location) }
    }

    /// The rule IDs that fired, sorted and without repeats.
    var rules: [String] {
        Array(Set(result.allDiagnostics.map(\.rule.rawValue))).sorted()
    }

    /// The text a place covers.
    func text(_ place: Place) -> String {
        let bytes = Array(documents[place.document]!.text.utf8)
        return String(decoding: bytes[place.range.start..<place.range.end], as: UTF8.self)
    }

    func text(of document: String = "a.icp.json") -> String {
        documents[document]!.text
    }
}

/// Applies a fix's edits (all in one document) to that document's text, last edit first.
func applying(_ fix: Fix, to text: String) -> String {
    var bytes = Array(text.utf8)
    for edit in fix.edits.sorted(by: { $0.location.range.start > $1.location.range.start }) {
        let range = edit.location.range
        bytes.replaceSubrange(range.start..<range.end, with: Array(edit.newText.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

extension Diagnostic {
    /// The fixes that repair something: all but "ignore ICPxxx on this line".
    var repairs: [Fix] { fixes.filter { !$0.isSuppression } }
    var ignoreFix: Fix? { fixes.last { $0.isSuppression } }
}

/// An ECS instance that can host a filing as of `exampleDate`, with `extra` members appended.
func eligibleECS(_ id: String = "i-web", account: String = "acct-buy", extra: String = "") -> String {
    """
    { "id": "\(id)", "product": "ecs", "account": "\(account)", "region": "cn-hangzhou", "billing": "subscription", \
    "expiresOn": "2027-06-30", "publicBandwidthMbps": 5\(extra) }
    """
}
