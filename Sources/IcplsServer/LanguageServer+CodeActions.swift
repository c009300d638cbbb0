import IcplsCore
import IcplsDocument
import IcplsJSONRPC

extension LanguageServer {
    static let fixAllKind = "source.fixAll.icpls"

    /// Quick fixes for the diagnostics under the range, and `source.fixAll.icpls`.
    func codeActions(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let uri = try params.requiredString("textDocument", "uri")
        let requestedRange = try params.required("range")
        ensureValidated()
        let key = FileURI.documentKey(uri)
        guard let converter = converter(for: key), let result = diagnostics.lastResult else { return [] }
        let range = try converter.byteRange(requestedRange)
        let only = params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        var actions: [JSONValue] = []
        if wanted("quickfix") {
            // One action per distinct fix: two diagnostics of a rule on one line share the same
            // "ignore" edit, which is offered once, naming both.
            var fixes: [Fix] = []
            var diagnosticsOfFix: [Fix: [JSONValue]] = [:]
            for diagnostic in result.diagnostics(for: key) where diagnostic.range.start <= range.end && range.start <= diagnostic.range.end {
                let protocolDiagnostic = ProtocolConversion.diagnostic(diagnostic, converter: converter, converters: self.converter(for:), uris: self.uri(of:))
                for fix in diagnostic.fixes {
                    if diagnosticsOfFix[fix] == nil { fixes.append(fix) }
                    diagnosticsOfFix[fix, default: []].append(protocolDiagnostic)
                }
            }
            for fix in fixes {
                actions.append([
                    "title": .string(fix.title),
                    "kind": "quickfix",
                    "diagnostics": .array(diagnosticsOfFix[fix] ?? []),
                    "isPreferred": .bool(fix.isPreferred),
                    "edit": workspaceEdit(fix.edits),
                ])
            }
        }
        if wanted(Self.fixAllKind), let edit = fixAllEdit(for: key, result: result) {
            actions.append(["title": "Fix all auto-fixable icpls problems", "kind": .string(Self.fixAllKind), "edit": edit])
        }
        return .array(actions)
    }

    /// All preferred fixes of one document, applied in rounds, as one edit of the changed span.
    private func fixAllEdit(for key: DocumentKey, result: CheckResult) -> JSONValue? {
        let outcome = FixApplication.applyPreferredFixes(
            to: result.index.documents, settings: settings.effective, today: CalendarDate.today(), only: [key]
        )
        guard let newText = outcome.changedTexts[key], let oldText = workspace.text(of: key) else { return nil }
        let (replaced, inserted) = Self.changedSpan(from: oldText, to: newText)
        return workspaceEdit([TextEdit(location: Location(document: key, range: replaced), newText: inserted)])
    }

    /// The bytes of `old` that differ from `new` (the common prefix and suffix
    /// left out), and what replaces them. The span starts and ends on whole
    /// UTF-8 characters and never between the `\r` and `\n` of a line break,
    /// where an LSP position cannot point.
    static func changedSpan(from old: [UInt8], to new: [UInt8]) -> (replaced: ByteRange, inserted: String) {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        func splits(_ offset: Int) -> Bool {
            guard offset > 0 && offset < old.count else { return false }
            return old[offset] & 0xC0 == 0x80 || (old[offset - 1] == UInt8(ascii: "\r") && old[offset] == UInt8(ascii: "\n"))
        }
        // Moving either end outwards keeps the two texts equal outside the span.
        while splits(prefix) { prefix -= 1 }
        while suffix > 0 && splits(old.count - suffix) { suffix -= 1 }
        let inserted = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
        return (ByteRange(start: prefix, end: old.count - suffix), inserted)
    }

    /// A workspace edit, with `documentChanges` and versions when the client supports them.
    func workspaceEdit(_ edits: [TextEdit]) -> JSONValue {
        var byDocument: [(DocumentKey, [JSONValue])] = []
        for edit in edits {
            guard let converter = converter(for: edit.location.document) else { continue }
            let json: JSONValue = ["range": converter.range(edit.location.range), "newText": .string(edit.newText)]
            if let index = byDocument.firstIndex(where: { $0.0 == edit.location.document }) {
                byDocument[index].1.append(json)
            } else {
                byDocument.append((edit.location.document, [json]))
            }
        }
        if client.supportsDocumentChanges {
            return ["documentChanges": .array(byDocument.map { key, edits in
                let version: JSONValue = workspace.open[key].map { .integer($0.version) } ?? .null
                return ["textDocument": ["uri": .string(uri(of: key)), "version": version], "edits": .array(edits)]
            })]
        }
        return ["changes": .object(JSONObject(byDocument.map { (uri(of: $0.0), JSONValue.array($0.1)) }))]
    }
}
