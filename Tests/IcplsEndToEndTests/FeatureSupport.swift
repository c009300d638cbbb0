import Foundation
import Testing
import IcplsDocument
import IcplsJSONRPC

/// A fixture text with position markers taken out. `‸` marks a point and
/// `⟦…⟧` a range (which is also a point, just inside it); either may be named by `(name)` right after its opening
/// mark (`‸(cursor)`, `⟦(fix)"n-1"⟧`); unnamed ones are named "". Offsets are
/// bytes of the clean text, turned into LSP positions of any encoding.
struct MarkedDocument {
    let text: String
    let bytes: [UInt8]
    private var points: [String: Int] = [:]
    private var ranges: [String: ByteRange] = [:]

    init(_ marked: String) {
        var clean: [UInt8] = []
        var open: [(name: String, start: Int)] = []
        var rest = Substring(marked)
        func name() -> String {
            guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return "" }
            let name = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            return name
        }
        while let character = rest.first {
            rest = rest.dropFirst()
            switch character {
            case "‸":
                let name = name()
                precondition(points[name] == nil, "two points named \"\(name)\"")
                points[name] = clean.count
            case "⟦":
                open.append((name(), clean.count))
            case "⟧":
                guard let (name, start) = open.popLast() else { preconditionFailure("⟧ without ⟦") }
                precondition(ranges[name] == nil, "two ranges named \"\(name)\"")
                ranges[name] = ByteRange(start: start, end: clean.count)
            default:
                clean.append(contentsOf: String(character).utf8)
            }
        }
        precondition(open.isEmpty, "⟦ without ⟧")
        bytes = clean
        text = String(decoding: clean, as: UTF8.self)
    }

    /// A text without markers, taken as it is.
    init(plain text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    /// A point's offset, else just inside the range of that name (after a string's
    /// opening quote); an unknown name is a test failure, and the start of the text.
    func offset(_ name: String = "") -> Int {
        if points[name] == nil, let range = ranges[name] { return min(range.start + 1, range.end) }
        guard let offset = points[name] else {
            Issue.record("no point named \"\(name)\"")
            return 0
        }
        return offset
    }

    /// A range's bytes; an unknown name is a test failure, and an empty range at the start.
    func byteRange(_ name: String = "") -> ByteRange {
        guard let range = ranges[name] else {
            Issue.record("no range named \"\(name)\"")
            return .empty(at: 0)
        }
        return range
    }

    func position(_ name: String = "", _ encoding: PositionEncoding) -> JSONValue {
        LSPText.position(of: offset(name), in: bytes, encoding)
    }

    func range(_ name: String = "", _ encoding: PositionEncoding) -> JSONValue {
        LSPText.range(byteRange(name), in: bytes, encoding)
    }
}

/// LSP positions and text edits over UTF-8 text, counted with the document layer's line index.
enum LSPText {
    static func position(of offset: Int, in bytes: [UInt8], _ encoding: PositionEncoding) -> JSONValue {
        let position = LineIndex(bytes).position(of: offset, in: bytes, encoding: encoding)
        return ["line": .integer(Int64(position.line)), "character": .integer(Int64(position.character))]
    }

    static func range(_ range: ByteRange, in bytes: [UInt8], _ encoding: PositionEncoding) -> JSONValue {
        ["start": position(of: range.start, in: bytes, encoding), "end": position(of: range.end, in: bytes, encoding)]
    }

    static func offset(of position: JSONValue?, in bytes: [UInt8], _ encoding: PositionEncoding) -> Int {
        let line = Int(position?["line"]?.int64Value ?? -1), character = Int(position?["character"]?.int64Value ?? -1)
        return LineIndex(bytes).offset(of: LinePosition(line: line, character: character), in: bytes, encoding: encoding)
    }

    /// The byte range an LSP range names in `text`.
    static func byteRange(_ range: JSONValue?, in text: String, _ encoding: PositionEncoding) -> ByteRange {
        let bytes = Array(text.utf8)
        return ByteRange(start: offset(of: range?["start"], in: bytes, encoding), end: offset(of: range?["end"], in: bytes, encoding))
    }

    /// `text` with LSP `TextEdit`s applied, as a client applies them: all
    /// positions refer to the original text.
    static func apply(_ edits: [JSONValue], to text: String, _ encoding: PositionEncoding) -> String {
        var bytes = Array(text.utf8)
        let resolved = edits.map { edit in
            (range: byteRange(edit["range"], in: text, encoding), newText: edit["newText"]?.stringValue ?? "")
        }
        for edit in resolved.sorted(by: { $0.range.start > $1.range.start }) {
            bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same edits as `didChange` content changes: last first, so each range is still true when it is applied.
    static func contentChanges(_ edits: [JSONValue], in text: String, _ encoding: PositionEncoding) -> [JSONValue] {
        edits.sorted { byteRange($0["range"], in: text, encoding).start > byteRange($1["range"], in: text, encoding).start }
            .map { .change($0["range"]!, $0["newText"]?.stringValue ?? "") }
    }
}

/// A test that asks for something its fixture does not have.
struct FixtureMistake: Error, CustomStringConvertible {
    let description: String
}

/// One `icpls lsp` on a temporary workspace of marked documents, with the
/// client capabilities of a current editor (unless told otherwise) and the
/// position encoding it negotiated.
final class FeatureSession {
    let workspace: TestWorkspace
    let server: ServerProcess
    let encoding: PositionEncoding
    let initializeResult: JSONValue
    private(set) var documents: [String: MarkedDocument]
    private(set) var versions: [String: Int64] = [:]

    /// A client that takes `documentChanges`, hierarchical symbols and only `encoding`.
    static func capabilities(
        encoding: PositionEncoding = .utf16, documentChanges: Bool = true, hierarchicalSymbols: Bool = true
    ) -> JSONValue {
        [
            "general": ["positionEncodings": [.string(encoding.rawValue)]],
            "workspace": ["workspaceEdit": ["documentChanges": .bool(documentChanges)]],
            "textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": .bool(hierarchicalSymbols)]],
        ]
    }

    init(
        _ files: [String: String] = FeatureFixtures.files, encoding: PositionEncoding = .utf16,
        capabilities: JSONValue? = nil, settings: String? = FeatureFixtures.settings
    ) throws {
        documents = files.mapValues { MarkedDocument($0) }
        var clean = documents.mapValues(\.text)
        if let settings { clean[".icpls.json"] = settings }
        workspace = try TestWorkspace(clean)
        do {
            server = try ServerProcess()
        } catch {
            workspace.remove()
            throw error
        }
        do {
            initializeResult = try server.initialize(roots: [workspace.root], capabilities: capabilities ?? Self.capabilities(encoding: encoding))
        } catch {
            server.stop()
            workspace.remove()
            throw error
        }
        // Positions are counted as the server said it would count them.
        let negotiated = initializeResult["capabilities"]?["positionEncoding"]?.stringValue ?? ""
        self.encoding = PositionEncoding(rawValue: negotiated) ?? .utf16
    }

    /// Shuts the server down cleanly and removes the workspace.
    func close() {
        #expect((try? server.shutDown()) == 0)
        server.stop()
        workspace.remove()
    }

    func uri(_ path: String) -> String { workspace.uri(path) }

    func document(_ path: String) -> MarkedDocument {
        guard let document = documents[path] else {
            Issue.record("no document \(path)")
            return MarkedDocument(plain: "")
        }
        return document
    }

    func position(_ path: String, _ point: String = "") -> JSONValue {
        document(path).position(point, encoding)
    }

    func range(_ path: String, _ name: String = "") -> JSONValue {
        document(path).range(name, encoding)
    }

    /// `{"textDocument": …, "position": …}` at a point of a document.
    func at(_ path: String, _ point: String = "", _ more: [(String, JSONValue)] = []) -> JSONValue {
        .document(uri(path), [("position", position(path, point))] + more)
    }

    /// Opens a document with its fixture text (or a new marked text) and waits for its diagnostics.
    @discardableResult
    func open(_ path: String, marked: String? = nil) throws -> [JSONValue] {
        if let marked { documents[path] = MarkedDocument(marked) }
        let version = (versions[path] ?? 0) + 1
        versions[path] = version
        let start = server.messages.count
        server.notify("textDocument/didOpen", .didOpen(uri(path), version: version, text: document(path).text))
        return try server.waitForDiagnostics(uri(path), version: version, from: start).diagnostics
    }

    /// Sends edits of an open document as one `didChange`; returns its new text and diagnostics.
    @discardableResult
    func change(_ path: String, edits: [JSONValue]) throws -> (text: String, diagnostics: [JSONValue]) {
        guard let version = versions[path] else { throw FixtureMistake(description: "\(path) is not open") }
        let old = document(path).text
        let new = LSPText.apply(edits, to: old, encoding)
        versions[path] = version + 1
        documents[path] = MarkedDocument(plain: new)
        let start = server.messages.count
        server.notify("textDocument/didChange", .didChange(uri(path), version: version + 1, LSPText.contentChanges(edits, in: old, encoding)))
        return (new, try server.waitForDiagnostics(uri(path), version: version + 1, from: start).diagnostics)
    }

    /// Replaces an open document's whole text with a new marked text; returns its diagnostics.
    @discardableResult
    func replaceText(_ path: String, marked: String) throws -> [JSONValue] {
        guard let version = versions[path] else { throw FixtureMistake(description: "\(path) is not open") }
        documents[path] = MarkedDocument(marked)
        versions[path] = version + 1
        let start = server.messages.count
        server.notify("textDocument/didChange", .didChange(uri(path), version: version + 1, [["text": .string(document(path).text)]]))
        return try server.waitForDiagnostics(uri(path), version: version + 1, from: start).diagnostics
    }

    /// The code actions over a marked range, optionally only of some kinds.
    func codeActions(_ path: String, _ name: String, only: [String]? = nil) throws -> [JSONValue] {
        try codeActions(path, range: document(path).byteRange(name), only: only)
    }

    /// The code actions over a byte range of a document's current text.
    func codeActions(_ path: String, range: ByteRange, only: [String]? = nil) throws -> [JSONValue] {
        var context: JSONObject = ["diagnostics": []]
        if let only { context["only"] = .array(only.map { .string($0) }) }
        let params: JSONValue = .document(uri(path), [
            ("range", LSPText.range(range, in: document(path).bytes, encoding)), ("context", .object(context)),
        ])
        return try server.result("textDocument/codeAction", params).arrayValue ?? []
    }

    /// A document's whole text.
    func wholeText(_ path: String) -> ByteRange {
        ByteRange(start: 0, end: document(path).bytes.count)
    }

    /// The code actions over where `needle` first occurs in a document's current text.
    func codeActions(_ path: String, on needle: String, only: [String]? = nil) throws -> [JSONValue] {
        try codeActions(path, range: byteRange(of: needle, in: path), only: only)
    }

    /// Where `needle` first occurs in a document's current text.
    func byteRange(of needle: String, in path: String) throws -> ByteRange {
        let text = document(path).text
        guard let found = text.range(of: needle) else { throw FixtureMistake(description: "\(path) does not hold \(needle)") }
        let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        return ByteRange(start: start, end: start + needle.utf8.count)
    }

    /// The text edits a workspace edit makes to one document, from `documentChanges` or `changes`.
    func edits(_ workspaceEdit: JSONValue?, for path: String) -> [JSONValue] {
        let uri = uri(path)
        if let changes = workspaceEdit?["documentChanges"]?.arrayValue {
            return changes.filter { $0["textDocument"]?["uri"]?.stringValue == uri }.flatMap { $0["edits"]?.arrayValue ?? [] }
        }
        return workspaceEdit?["changes"]?[uri]?.arrayValue ?? []
    }

    /// A document's text with a workspace edit applied.
    func applying(_ workspaceEdit: JSONValue?, to path: String) -> String {
        LSPText.apply(edits(workspaceEdit, for: path), to: document(path).text, encoding)
    }
}

extension Array where Element == JSONValue {
    /// The diagnostics of one rule.
    func withCode(_ code: String) -> [JSONValue] {
        filter { $0["code"]?.stringValue == code }
    }

    /// The titles of code actions or the labels of completion items.
    var titles: [String] { compactMap { $0["title"]?.stringValue } }
    var labels: [String] { compactMap { $0["label"]?.stringValue } }

    /// The code action with this title.
    func titled(_ title: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        try #require(first { $0["title"]?.stringValue == title }, "no action \"\(title)\" among \(titles)", sourceLocation: sourceLocation)
    }
}
