import Foundation
import Testing
import IcplsJSONRPC

/// README.md's LSP method table (rows like "| `textDocument/hover` | ✅ |") says
/// what the server does: every provider it announces has a ✅ row, and every ✅
/// request is served.
@Suite("Editor features: the README's method table")
struct FeatureReadmeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The methods each announced capability stands for.
    static let providerMethods: [String: [String]] = [
        "textDocumentSync": ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave"],
        "diagnosticProvider": ["textDocument/diagnostic", "workspace/diagnostic"],
        "codeActionProvider": ["textDocument/codeAction"],
        "hoverProvider": ["textDocument/hover"],
        "completionProvider": ["textDocument/completion"],
        "definitionProvider": ["textDocument/definition"],
        "referencesProvider": ["textDocument/references"],
        "documentHighlightProvider": ["textDocument/documentHighlight"],
        "documentSymbolProvider": ["textDocument/documentSymbol"],
        "workspaceSymbolProvider": ["workspace/symbol"],
        "renameProvider": ["textDocument/prepareRename", "textDocument/rename"],
        "codeLensProvider": ["textDocument/codeLens"],
    ]

    /// Methods of the table that are not requests from the client: notifications, and what the server sends.
    static let notRequests: Set<String> = [
        "initialized", "exit", "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave",
        "textDocument/publishDiagnostics", "workspace/diagnostic/refresh", "workspace/didChangeWatchedFiles",
        "workspace/didChangeWorkspaceFolders", "workspace/didChangeConfiguration", "workspace/configuration",
        "$/cancelRequest", "$/progress",
    ]

    /// The methods of every table row marked ✅. A row names one or more methods in
    /// backticks; a short name (`didChange`) takes the namespace of the row's first
    /// method; words in parentheses are remarks, not methods.
    static func supportedMethods(in readme: String) -> [String] {
        var methods: [String] = []
        for line in readme.split(separator: "\n") where line.hasPrefix("|") && line.contains("✅") {
            let cell = line.split(separator: "|", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            let withoutRemarks = cell.replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
            var namespace: String?
            for (index, part) in withoutRemarks.split(separator: "`", omittingEmptySubsequences: false).enumerated() where index % 2 == 1 {
                if let slash = part.lastIndex(of: "/") {
                    methods.append(String(part))
                    namespace = namespace ?? String(part[..<slash])
                } else {
                    methods.append(namespace.map { "\($0)/\(part)" } ?? String(part))
                }
            }
        }
        return methods
    }

    @Test("every announced provider has a ✅ row, and every ✅ request gets an answer that is not -32601")
    func methodTable() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let supported = Self.supportedMethods(in: readme)
        #expect(supported.contains("textDocument/hover") && supported.contains("textDocument/didChange"))

        let capabilities: JSONValue = [
            "textDocument": ["diagnostic": [:], "documentSymbol": ["hierarchicalDocumentSymbolSupport": true]],
            "workspace": ["workspaceEdit": ["documentChanges": true]],
        ]
        let session = try FeatureSession(capabilities: capabilities)
        defer { session.close() }
        let announced = try #require(session.initializeResult["capabilities"]?.objectValue)
        for key in announced.keys where key.hasSuffix("Provider") || key == "textDocumentSync" {
            let methods = try #require(Self.providerMethods[key], "the test does not know what \(key) stands for")
            for method in methods {
                #expect(supported.contains(method), "\(key) is announced but README.md has no ✅ row for \(method)")
            }
        }
        for method in Set(Self.providerMethods.values.joined()).intersection(supported) {
            let provider = Self.providerMethods.first { $0.value.contains(method) }?.key ?? ""
            #expect(announced.contains(provider), "README.md marks \(method) ✅ but \(provider) is not announced")
        }

        let path = FeatureFixtures.draft
        let position: (String, JSONValue) = ("position", session.position(path, "reused"))
        let requests: [String: JSONValue] = [
            "initialize": ["processId": .null, "capabilities": [:]],
            "textDocument/diagnostic": .document(session.uri(path)),
            "workspace/diagnostic": ["previousResultIds": []],
            "textDocument/codeAction": .document(session.uri(path), [("range", session.range(path, "reused")), ("context", ["diagnostics": []])]),
            "textDocument/references": .document(session.uri(path), [position, ("context", ["includeDeclaration": true])]),
            "textDocument/rename": .document(session.uri(path), [position, ("newName", "n-main-9")]),
            "workspace/symbol": ["query": "n-"],
        ]
        for method in supported where !Self.notRequests.contains(method) && method != "shutdown" {
            let params = requests[method] ?? .document(session.uri(path), [position])
            let answer = try session.server.call(method, params)
            #expect(answer["error"]?["code"] != -32601, "\(method) is marked ✅ in README.md but the server does not know it")
            if method != "initialize" {
                #expect(answer["result"] != nil, "\(method): \(answer)")
            }
        }
        #expect(supported.contains("shutdown"))
    }
}
