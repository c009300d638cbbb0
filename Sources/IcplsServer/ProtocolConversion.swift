import IcplsCore
import IcplsDocument
import IcplsJSONRPC

/// Conversions between icpls's byte ranges and LSP positions: the one place
/// where positions are counted in the negotiated encoding.
struct PositionConverter {
    let text: [UInt8]
    let lineIndex: LineIndex
    let encoding: PositionEncoding

    func position(_ offset: Int) -> JSONValue {
        let position = lineIndex.position(of: offset, in: text, encoding: encoding)
        return ["line": .integer(Int64(position.line)), "character": .integer(Int64(position.character))]
    }

    func range(_ range: ByteRange) -> JSONValue {
        ["start": position(range.start), "end": position(range.end)]
    }

    /// The byte offset of an LSP position; positions past the end are clamped.
    func offset(_ position: JSONValue?) throws(ResponseError) -> Int {
        guard let line = position?["line"]?.int64Value, let character = position?["character"]?.int64Value else {
            throw ResponseError(.invalidParams, message: "a position needs integer `line` and `character`")
        }
        let clampedLine = Int(clamping: max(0, line))
        let clampedCharacter = Int(clamping: max(0, character))
        return lineIndex.offset(of: LinePosition(line: clampedLine, character: clampedCharacter), in: text, encoding: encoding)
    }

    func byteRange(_ range: JSONValue?) throws(ResponseError) -> ByteRange {
        let start = try offset(range?["start"])
        let end = try offset(range?["end"])
        return ByteRange(start: min(start, end), end: max(start, end))
    }
}

enum ProtocolConversion {
    static func severity(_ severity: Severity) -> Int64 {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .information: return 3
        case .hint: return 4
        }
    }

    /// One diagnostic as LSP sends it; its fixes travel in `data` so a code action needs no second run.
    static func diagnostic(
        _ diagnostic: Diagnostic, converter: PositionConverter,
        converters: (DocumentKey) -> PositionConverter?, uris: (DocumentKey) -> String
    ) -> JSONValue {
        var object: JSONObject = [
            "range": converter.range(diagnostic.range),
            "severity": .integer(severity(diagnostic.severity)),
            "code": .string(diagnostic.rule.rawValue),
            "source": "icpls",
            "message": .string(diagnostic.message),
        ]
        let related: [JSONValue] = diagnostic.related.compactMap { related in
            guard let other = converters(related.location.document) else { return nil }
            return [
                "location": ["uri": .string(uris(related.location.document)), "range": other.range(related.location.range)],
                "message": .string(related.message),
            ]
        }
        if !related.isEmpty { object["relatedInformation"] = .array(related) }
        let fixes: [JSONValue] = diagnostic.fixes.map { fix in
            ["title": .string(fix.title), "isPreferred": .bool(fix.isPreferred), "edits": .array(fix.edits.compactMap { edit in
                guard let other = converters(edit.location.document) else { return nil }
                return ["uri": .string(uris(edit.location.document)), "range": other.range(edit.location.range), "newText": .string(edit.newText)]
            })]
        }
        object["data"] = ["fixes": .array(fixes)]
        return .object(object)
    }
}
