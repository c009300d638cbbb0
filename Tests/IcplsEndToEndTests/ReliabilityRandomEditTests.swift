import Foundation
import Testing
import IcplsJSONRPC

@Suite("Reliability: random incremental edits")
struct ReliabilityRandomEditTests {
    static let editCount = 2_000
    static let checkpointEvery = 100
    static let edited = "filings/b.icp.json"
    static let other = "filings/a.icp.json"

    /// Thousands of changes of the kind editors send — CJK, emoji, `\r\n`, deletions
    /// across lines, positions at line ends, several changes in one notification —
    /// and at checkpoints the server's diagnostics of the edited document, and of the
    /// filing that shares its numbers, are those `icpls check` gives for the client's
    /// text written to disk.
    @Test("after 2,000 random changes the server agrees with the CLI on the client's text", arguments: ["utf-16", "utf-8", "utf-32"])
    func randomEditsAgreeWithTheCommandLine(encoding: String) throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        let capabilities: JSONValue = ["general": ["positionEncodings": [.string(encoding)]]]
        let initialized = try server.initialize(roots: [workspace.root], capabilities: capabilities)
        #expect(initialized["capabilities"]?["positionEncoding"] == .string(encoding))
        let uri = workspace.uri(Self.edited), otherURI = workspace.uri(Self.other)
        try server.waitForDiagnostics(otherURI)
        var client = ClientText(MarkedText(Fixtures.filingB).text, encoding: encoding)
        server.notify("textDocument/didOpen", .didOpen(uri, version: 1, text: client.text))
        var version: Int64 = 1
        var random = SeededRandom(seed: UInt64(7 + encoding.count))
        var applied = 0
        while applied < Self.editCount {
            var changes: [JSONValue] = []
            for _ in 0..<(random.below(4) == 0 ? 1 + random.below(3) : 1) {
                let (range, text) = client.randomChange(&random)
                changes.append(.change(range, text))
                applied += 1
            }
            version += 1
            let start = server.messages.count
            server.notify("textDocument/didChange", .didChange(uri, version: version, changes))
            if applied / Self.checkpointEvery != (applied - changes.count) / Self.checkpointEvery || applied >= Self.editCount {
                try checkpoint(server, workspace, client, uri: uri, otherURI: otherURI, version: version, from: start)
            }
        }
        #expect(try server.shutDown() == 0)
    }

    private func checkpoint(
        _ server: ServerProcess, _ workspace: TestWorkspace, _ client: ClientText,
        uri: String, otherURI: String, version: Int64, from start: Int
    ) throws {
        let published = try server.waitForDiagnostics(uri, version: version, from: start).diagnostics
        // A request answered after the check's other publications: the other filing's list is current.
        _ = try server.call("textDocument/hover", .document(uri, [("position", ["line": 0, "character": 0])]))
        let otherPublished = server.published(otherURI).last?["diagnostics"]?.arrayValue ?? []
        // The server's text is the client's, byte for byte.
        let held = try server.result("icpls/documentText", ["textDocument": ["uri": .string(uri)]])
        #expect(held["version"]?.int64Value == version)
        #expect(Array((held["text"]?.stringValue ?? "").utf8) == Array(client.text.utf8), "version \(version)")
        try workspace.write(Self.edited, client.text)
        let result = try CLI.run(["check", "--format", "json", "--as-of", "2026-11-23"], in: workspace.root)
        let cli = try result.json()["diagnostics"]?.arrayValue ?? []
        let context = "version \(version), text:\n\(client.text)"
        #expect(Self.serverSummary(published, client.utf16Column) == Self.cliSummary(cli, path: Self.edited), "\(context)")
        // The other filing is not edited and is ASCII: its columns are the same in every encoding.
        #expect(Self.serverSummary(otherPublished) { $1 } == Self.cliSummary(cli, path: Self.other), "\(context)")
    }

    /// Rule, then the range as zero-based lines and UTF-16 columns, converted from the
    /// negotiated encoding by `utf16Column(line, character)`.
    static func serverSummary(_ diagnostics: [JSONValue], _ utf16Column: (Int, Int) -> Int) -> [String] {
        diagnostics.map { diagnostic in
            let range = diagnostic["range"]
            let numbers = [range?["start"], range?["end"]].flatMap { position -> [Int] in
                let line = position?["line"]?.intValue ?? -1
                return [line, utf16Column(line, position?["character"]?.intValue ?? -1)]
            }
            return summary(diagnostic["code"]?.stringValue, numbers)
        }.sorted()
    }

    /// The same from the CLI's one-based lines and columns.
    static func cliSummary(_ diagnostics: [JSONValue], path: String) -> [String] {
        diagnostics.filter { $0["path"]?.stringValue == path }.map { diagnostic in
            let numbers = ["line", "column", "endLine", "endColumn"].map { (diagnostic[$0]?.intValue ?? 0) - 1 }
            return summary(diagnostic["rule"]?.stringValue, numbers)
        }.sorted()
    }

    private static func summary(_ rule: String?, _ numbers: [Int]) -> String {
        "\(rule ?? "?") \(numbers[0]):\(numbers[1])-\(numbers[2]):\(numbers[3])"
    }
}

/// The editor's copy of the document: Unicode scalars, lines ending at `\n`, `\r\n` or `\r`,
/// positions counted in the negotiated encoding.
fileprivate struct ClientText {
    private(set) var scalars: [Unicode.Scalar]
    let encoding: String

    static let insertions = [
        "a", "\"", "{", "}", "[", "]", ",", ":", " ", "\n", "\r\n", "\r", "//", "/*", "*/",
        "杭州", "示例科技有限公司", "😀", "👨‍👩‍👧", "𠀋", "e\u{301}", "\"n-1\"", "\"n-2\"", "\"serviceNumber\": ",
        "{ \"domain\": \"d.example.cn\", \"serviceNumber\": \"n-2\" },\r\n", "// icp-ignore ICP201\n",
        "\"instance\": \"i-short\"", "\"id\": \"F-2\",",
    ]

    /// The lines of the text it started as, pasted back now and then, as editors paste
    /// and undo: the document keeps members the rules look at.
    private let originalLines: [String]

    init(_ text: String, encoding: String) {
        scalars = Array(text.unicodeScalars)
        self.encoding = encoding
        originalLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" }
    }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Where each line's scalars start and end, line breaks left out.
    private var lines: [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0, index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                lines.append(start..<index)
                index += scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(start..<scalars.count)
        return lines
    }

    /// A change an editor could send, applied to this copy: its range and its text.
    mutating func randomChange(_ random: inout SeededRandom) -> (range: JSONValue, text: String) {
        let lines = lines
        let startLine = random.below(lines.count)
        let start = Self.index(in: lines[startLine], &random)
        var end = start
        var kind = random.below(20)
        if scalars.count > 1_500 && kind >= 4 { kind = random.below(4) }
        if kind == 19 {
            // Back to the whole original text, as after "revert file": the rules have members to look at again.
            let range: JSONValue = ["start": position(of: 0, lines), "end": position(of: scalars.count, lines)]
            let original = originalLines.joined().dropLast()
            scalars = Array(original.unicodeScalars)
            return (range, String(original))
        }
        if kind < 4 {
            // A deletion or a replacement, within a line or across one or two line breaks.
            let endLine = min(lines.count - 1, startLine + (kind < 2 ? 0 : 1 + random.below(2)))
            end = max(start, Self.index(in: lines[endLine], &random))
        }
        let text: String
        switch kind {
        case 0..<3: text = ""
        case 17, 18: text = pastedLines(&random)
        default: text = Self.insertions[random.below(Self.insertions.count)]
        }
        let range: JSONValue = ["start": position(of: start, lines), "end": position(of: end, lines)]
        scalars.replaceSubrange(start..<end, with: Array(text.unicodeScalars))
        return (range, text)
    }

    /// A few lines of the original text, sometimes with `\r\n` endings.
    private func pastedLines(_ random: inout SeededRandom) -> String {
        let first = random.below(originalLines.count)
        let pasted = originalLines[first..<min(originalLines.count, first + 1 + random.below(6))].joined()
        return random.below(3) == 0 ? pasted.replacingOccurrences(of: "\n", with: "\r\n") : pasted
    }

    /// A scalar index on a line: often its end, sometimes its start, else anywhere.
    private static func index(in line: Range<Int>, _ random: inout SeededRandom) -> Int {
        switch random.below(10) {
        case 0..<3: return line.upperBound
        case 3: return line.lowerBound
        default: return line.lowerBound + random.below(line.count + 1)
        }
    }

    private func position(of index: Int, _ lines: [Range<Int>]) -> JSONValue {
        let line = lines.lastIndex { $0.lowerBound <= index } ?? 0
        let character = scalars[lines[line].lowerBound..<index].reduce(0) { $0 + width($1) }
        return ["line": .integer(Int64(line)), "character": .integer(Int64(character))]
    }

    private func width(_ scalar: Unicode.Scalar) -> Int {
        switch encoding {
        case "utf-8": return scalar.utf8.count
        case "utf-32": return 1
        default: return scalar.utf16.count
        }
    }

    /// The UTF-16 column of a column in the negotiated encoding, on the text as it is now.
    func utf16Column(line: Int, character: Int) -> Int {
        let lines = lines
        guard lines.indices.contains(line) else { return character }
        var units = 0, utf16 = 0
        for scalar in scalars[lines[line]] where units < character {
            units += width(scalar)
            utf16 += scalar.utf16.count
        }
        return utf16
    }
}

/// SplitMix64, so that every run sends the same changes.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((mixed ^ (mixed >> 31)) % UInt64(max(1, bound)))
    }
}
