import Foundation
import IcplsJSONRPC

/// A fixture text with `«name»` markers taken out: the clean text, and where each marker was.
struct MarkedText {
    let text: String
    /// Each marker's line and the text of that line before it.
    private(set) var markers: [String: (line: Int, prefix: Substring)] = [:]

    init(_ marked: String) {
        var clean = ""
        var rest = Substring(marked)
        while let open = rest.range(of: "«"), let close = rest[open.upperBound...].range(of: "»") {
            clean += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            let line = clean.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            let lineStart = clean.lastIndex(of: "\n").map { clean.index(after: $0) } ?? clean.startIndex
            markers[name] = (line, Substring(clean[lineStart...]))
            rest = rest[close.upperBound...]
        }
        clean += rest
        text = clean
    }

    /// The LSP position of a marker, counted in `encoding` ("utf-8", "utf-16" or "utf-32").
    func position(_ name: String, encoding: String = "utf-16") -> JSONValue {
        guard let marker = markers[name] else { preconditionFailure("no marker \(name)") }
        let character: Int
        switch encoding {
        case "utf-8": character = marker.prefix.utf8.count
        case "utf-32": character = marker.prefix.unicodeScalars.count
        default: character = marker.prefix.utf16.count
        }
        return ["line": .integer(Int64(marker.line)), "character": .integer(Int64(character))]
    }

    func range(_ start: String, _ end: String, encoding: String = "utf-16") -> JSONValue {
        ["start": position(start, encoding: encoding), "end": position(end, encoding: encoding)]
    }
}

/// A temporary folder of `*.icp.json` documents, removed by `remove()`.
struct TestWorkspace {
    let root: URL

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("icpls-server-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    func uri(_ path: String) -> String {
        ServerProcess.uri(url(path))
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// The documents most tests share: an inventory and two draft filings.
enum Fixtures {
    static let inventory = """
    {
      "accounts": [ { "id": "acct-a", "name": "杭州示例科技有限公司" } ],
      "instances": [
        { "id": "i-main", "product": "ecs", "account": "acct-a", "region": "cn-hangzhou", "billing": "subscription",
          "expiresOn": "2099-12-31", "publicBandwidthMbps": 5 },
        { "id": "i-short", "product": "simple-application-server", "account": "acct-a", "region": "cn-shanghai",
          "billing": "subscription", "expiresOn": "2027-01-15" }
      ],
      "serviceNumbers": [
        { "number": "n-1", "instance": "i-main", "appliedBy": "acct-a"«used» },
        { "number": "n-2", "instance": "i-main", "appliedBy": "acct-a" },
        { "number": "n-3", "instance": "i-short", "appliedBy": "acct-a"«n-3» }
      ]
    }
    """

    /// The first consumer of n-1.
    static let filingA = """
    {
      "filings": [ { "id": "F-1", "account": "acct-a", "websites": [
        { "domain": "a.example.cn", "serviceNumber": «a-number»"n-1"«a-number-end» }
      ] } ]
    }
    """

    /// n-1 again (ICP201), and n-3 on an instance that expires soon (ICP406 as of 2026-11-23).
    static let filingB = """
    {
      "filings": [ { "id": "F-2", "account": "acct-a", "websites": [
        { "domain": "b.example.cn", "serviceNumber": «b-number»"n-1"«b-number-end» },
        { "domain": "c.example.cn", "serviceNumber": «c-number»"n-3"«c-number-end» }
      ] } ]
    }
    """

    static let settings = #"{ "asOf": "2026-11-23" }"#

    /// A workspace with the inventory, both filings and `.icpls.json` setting the as-of date.
    static func workspace(settings: String? = Fixtures.settings) throws -> TestWorkspace {
        var files = [
            "inventory.icp.json": MarkedText(inventory).text,
            "filings/a.icp.json": MarkedText(filingA).text,
            "filings/b.icp.json": MarkedText(filingB).text,
        ]
        if let settings { files[".icpls.json"] = settings }
        return try TestWorkspace(files)
    }

    static func codes(_ diagnostics: [JSONValue]) -> [String] {
        diagnostics.compactMap { $0["code"]?.stringValue }.sorted()
    }
}

extension JSONValue {
    /// `{"textDocument": {"uri": …}}` and more members.
    static func document(_ uri: String, _ more: [(String, JSONValue)] = []) -> JSONValue {
        .object(JSONObject([("textDocument", ["uri": .string(uri)])] + more))
    }

    static func didOpen(_ uri: String, version: Int64 = 1, text: String) -> JSONValue {
        ["textDocument": ["uri": .string(uri), "languageId": "icp-filing", "version": .integer(version), "text": .string(text)]]
    }

    static func didChange(_ uri: String, version: Int64, _ changes: [JSONValue]) -> JSONValue {
        ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": .array(changes)]
    }

    static func change(_ range: JSONValue, _ text: String) -> JSONValue {
        ["range": range, "text": .string(text)]
    }
}
