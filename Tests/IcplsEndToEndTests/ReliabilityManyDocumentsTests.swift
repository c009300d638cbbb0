import Foundation
import Testing
import IcplsJSONRPC

@Suite("Reliability: fifty documents opened at once")
struct ReliabilityManyDocumentsTests {
    /// Two inventories and 48 filing drafts that use their numbers, opened in one burst
    /// without waiting, some changed again in the same burst (one inventory among them,
    /// which changes what other drafts find). Every document gets diagnostics for its final
    /// version, and they are what `icpls check` reports for the same texts on disk.
    @Test("50 documents opened in one burst: each is published for its final version, equal to icpls check")
    func fiftyDocumentsInOneBurst() throws {
        let documents = ManyDocuments.initial
        var files = Dictionary(uniqueKeysWithValues: documents.map { ($0.path, $0.text) })
        files[".icpls.json"] = #"{ "asOf": "2026-11-23" }"#
        let workspace = try TestWorkspace(files)
        defer { workspace.remove() }
        let server = try ServerProcess()
        defer { server.stop() }
        try server.initialize(roots: [workspace.root], sendInitialized: false)
        let before = try #require(server.memory())

        // One write: `initialized`, 50 opens, then changes to every sixth document.
        var burst = OutgoingMessage.notification(method: "initialized", params: [:])
        var final: [String: (version: Int64, text: String)] = [:]
        for document in documents {
            let uri = workspace.uri(document.path)
            burst += OutgoingMessage.notification(method: "textDocument/didOpen", params: .didOpen(uri, version: 1, text: document.text))
            final[document.path] = (1, document.text)
        }
        for (offset, document) in documents.enumerated() where offset % 6 == 0 {
            let uri = workspace.uri(document.path)
            // An insertion at the start, as an editor sends it, then the whole new text.
            let comment = "// 修改 \(offset)\n"
            let inserted: JSONValue = ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": .string(comment)]
            burst += OutgoingMessage.notification(method: "textDocument/didChange", params: .didChange(uri, version: 2, [inserted]))
            let changed = comment + ManyDocuments.changed(document, offset: offset)
            burst += OutgoingMessage.notification(method: "textDocument/didChange", params: .didChange(uri, version: 3, [["text": .string(changed)]]))
            final[document.path] = (3, changed)
        }
        let start = server.messages.count
        server.sendRaw(burst)

        for document in documents {
            let expected = try #require(final[document.path])
            try server.waitForDiagnostics(workspace.uri(document.path), version: expected.version, from: start, timeout: 120)
        }
        // Everything sent is handled once a later request is answered: the publications are complete.
        _ = try server.call("textDocument/hover", .document(workspace.uri(documents[1].path), [("position", ["line": 0, "character": 0])]))
        let after = try #require(server.memory())

        for (path, text) in final.mapValues(\.text) { try workspace.write(path, text) }
        let cli = try CLI.run(["check", "--format", "json"], in: workspace.root)
        #expect(cli.status == 1)
        let cliDiagnostics = try cli.json()["diagnostics"]?.arrayValue ?? []
        var rulesSeen = Set<String>()
        for document in documents {
            let uri = workspace.uri(document.path)
            let published = server.published(uri)
            let expected = try #require(final[document.path])
            #expect(published.last?["version"]?.int64Value == expected.version, "\(document.path)")
            let versions = published.compactMap { $0["version"]?.int64Value }
            #expect(versions == versions.sorted() && versions.count == published.count, "\(document.path): versions \(versions)")
            let fromServer = Self.serverSummary(published.last?["diagnostics"]?.arrayValue ?? [], workspace: workspace)
            let command = Self.cliSummary(cliDiagnostics, path: document.path)
            #expect(fromServer == command, "\(document.path), text:\n\(expected.text)")
            rulesSeen.formUnion(command.map { String($0.prefix(6)) })
        }
        // Nothing was published for anything but the 50 documents.
        let uris = Set(server.notifications("textDocument/publishDiagnostics").compactMap { $0["params"]?["uri"]?.stringValue })
        #expect(uris == Set(documents.map { workspace.uri($0.path) }))
        // A realistic mix: the burst had documents with each of these problems.
        #expect(rulesSeen.isSuperset(of: ["ICP001", "ICP004", "ICP006", "ICP101", "ICP103", "ICP201", "ICP406", "ICP504"]), "\(rulesSeen.sorted())")

        // Memory: the texts (about 14 KB here), their line indexes, syntax trees and a workspace
        // check take some hundred bytes per byte of text; 400 times the text plus 8 MiB for the
        // allocator's arenas, threads and the 50 messages' JSON is generous (the growth is under
        // 2 MiB), yet keeping every version or every check of the burst would pass it.
        // A sanitizer's shadow memory and quarantine of freed memory make the resident size say nothing.
        let textBytes = final.values.reduce(0) { $0 + $1.text.utf8.count }
        let boundKiB = (400 * textBytes) / 1024 + 8 * 1024
        if !Self.isSanitized {
            #expect(after.peak - before.resident < boundKiB, "peak \(after.peak) KiB, \(before.resident) KiB before the burst, \(textBytes) bytes of text")
        }
        #expect(try server.shutDown() == 0)
    }

    /// True when the tests (and so the server) are built with AddressSanitizer or ThreadSanitizer.
    static let isSanitized: Bool = {
        let program = dlopen(nil, RTLD_NOW)
        return ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(program, name) != nil }
    }()

    /// Rule, severity, range (zero-based line, UTF-16 column), message and related starts.
    static func serverSummary(_ diagnostics: [JSONValue], workspace: TestWorkspace) -> [String] {
        let severities: [Int64: String] = [1: "error", 2: "warning", 3: "information", 4: "hint"]
        let rootURI = workspace.uri("")
        return diagnostics.map { diagnostic in
            let range = diagnostic["range"]
            let numbers = [range?["start"]?["line"], range?["start"]?["character"], range?["end"]?["line"], range?["end"]?["character"]]
                .map { $0?.intValue ?? -1 }
            let related = (diagnostic["relatedInformation"]?.arrayValue ?? []).map { entry -> String in
                let location = entry["location"]
                let path = (location?["uri"]?.stringValue ?? "?").replacingOccurrences(of: rootURI + "/", with: "")
                let line = location?["range"]?["start"]?["line"]?.intValue ?? -1, column = location?["range"]?["start"]?["character"]?.intValue ?? -1
                return "\(path):\(line):\(column)"
            }
            return summary(
                diagnostic["code"]?.stringValue, severities[diagnostic["severity"]?.int64Value ?? 0], numbers,
                diagnostic["message"]?.stringValue, related
            )
        }.sorted()
    }

    /// The same from `check --format json` (one-based lines and columns).
    static func cliSummary(_ diagnostics: [JSONValue], path: String) -> [String] {
        diagnostics.filter { $0["path"]?.stringValue == path }.map { diagnostic in
            let numbers = ["line", "column", "endLine", "endColumn"].map { (diagnostic[$0]?.intValue ?? 0) - 1 }
            let related = (diagnostic["related"]?.arrayValue ?? []).map { entry in
                "\(entry["path"]?.stringValue ?? "?"):\((entry["line"]?.intValue ?? 0) - 1):\((entry["column"]?.intValue ?? 0) - 1)"
            }
            return summary(diagnostic["rule"]?.stringValue, diagnostic["severity"]?.stringValue, numbers, diagnostic["message"]?.stringValue, related)
        }.sorted()
    }

    private static func summary(_ rule: String?, _ severity: String?, _ numbers: [Int], _ message: String?, _ related: [String]) -> String {
        "\(rule ?? "?") \(severity ?? "?") \(numbers[0]):\(numbers[1])-\(numbers[2]):\(numbers[3]) \(message ?? "?") related \(related.sorted())"
    }
}

/// The fifty documents: generated, so that each draft's problem is plain from its number.
enum ManyDocuments {
    struct Document {
        var path: String
        var text: String
    }

    static let initial: [Document] = [Document(path: "inventory/main.icp.json", text: mainInventory(withoutInstance: nil)),
                                      Document(path: "inventory/short.icp.json", text: shortInventory)]
        + (1...48).map { Document(path: "filings/draft-\($0).icp.json", text: draft($0)) }

    /// Ten ECS instances with four numbers each, bought by acct-a (the company named in Chinese).
    static func mainInventory(withoutInstance removed: Int?) -> String {
        let instances = (0..<10).filter { $0 != removed }.map { index in
            """
                { "id": "i-\(index)", "product": "ecs", "account": "acct-a", "region": "cn-hangzhou", "billing": "subscription",
                  "expiresOn": "2099-12-31", "publicBandwidthMbps": 5 }
            """
        }
        let numbers = (0..<10).filter { $0 != removed }.flatMap { index -> [String] in
            (0..<4).map { slot in #"    { "number": "n-\#(index)-\#(slot)", "instance": "i-\#(index)", "appliedBy": "acct-a" }"# }
        }
        return """
        // 主库存
        {
          "accounts": [ { "id": "acct-a", "name": "杭州示例科技有限公司" }, { "id": "acct-b", "name": "上海示例 😀" } ],
          "instances": [
        \(instances.joined(separator: ",\n"))
          ],
          "serviceNumbers": [
        \(numbers.joined(separator: ",\n"))
          ]
        }

        """
    }

    /// An instance whose term ends too soon (ICP406 as of 2026-11-23), and one in a region that does not exist (ICP006).
    static let shortInventory = """
    {
      "instances": [
        { "id": "i-short", "product": "simple-application-server", "account": "acct-a", "region": "cn-shanghai",
          "billing": "subscription", "expiresOn": "2027-01-15" },
        { "id": "i-typo", "product": "ecs", "account": "acct-b", "region": "cn-hangzhuo", "billing": "subscription",
          "expiresOn": "2099-12-31", "publicBandwidthMbps": 1 }
      ],
      "serviceNumbers": [
        { "number": "s-1", "instance": "i-short", "appliedBy": "acct-a" },
        { "number": "s-2", "instance": "i-short", "appliedBy": "acct-a" }
      ]
    }

    """

    /// Draft `k`: a number of its own for k up to 40, one of drafts 1–8 again after that (ICP201),
    /// and now and then an unknown account, an unknown member, a missing comma, a number on an
    /// instance that expires too soon, an unknown number, a domain another draft has; every
    /// eighth file has `\r\n` line ends.
    static func draft(_ k: Int) -> String {
        let slot = (k % 10, (k / 10) % 4)
        var number = "n-\(slot.0)-\(slot.1)"
        if k % 10 == 3 { number = k % 20 == 3 ? "s-1" : "s-2" }
        if k % 11 == 8 { number = "n-99" }
        let account = k % 12 == 5 ? "acct-zz" : "acct-a"
        let domain = k == 20 || k == 21 ? "shared.example.cn" : "site-\(k).example.cn"
        let comma = k % 13 == 7 ? "" : ","
        let extra = k % 9 == 4 ? #", "note": "备注""# : ""
        let text = """
        // 备案草稿 \(k)
        {
          "filings": [ { "id": "F-\(k)", "account": "\(account)", "status": "draft", "websites": [
            { "domain": "\(domain)"\(comma) "serviceNumber": "\(number)"\(extra) }
          ] } ]
        }

        """
        return k % 8 == 2 ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }

    /// The text a changed document ends with: the main inventory loses instance 9 and its
    /// numbers (drafts that use them now find them unknown); a draft takes n-9-3, which is gone
    /// with it, or n-0-0, which draft 40 already has.
    static func changed(_ document: Document, offset: Int) -> String {
        if document.path == "inventory/main.icp.json" { return mainInventory(withoutInstance: 9) }
        let number = offset % 12 == 0 ? "n-9-3" : "n-0-0"
        return document.text
            .replacingOccurrences(of: #""serviceNumber": "[^"]*""#, with: #""serviceNumber": "\#(number)""#, options: .regularExpression)
    }
}
