import IcplsDocument
import IcplsJSONRPC

/// What the client said it can do, read once from `initialize`.
struct ClientCapabilities {
    var positionEncoding = PositionEncoding.utf16
    var supportsPullDiagnostics = false
    var supportsDiagnosticRefresh = false
    var supportsWorkDoneProgress = false
    var supportsWatchedFilesRegistration = false
    var supportsConfigurationRequests = false
    var supportsDocumentChanges = false
    var supportsHierarchicalSymbols = false
    var supportsWorkspaceFolders = false
    var supportsSnippets = false

    init() {}

    init(_ capabilities: JSONValue?) {
        let offered = capabilities?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        positionEncoding = offered.lazy.compactMap { PositionEncoding(rawValue: $0) }.first ?? .utf16
        supportsPullDiagnostics = capabilities?["textDocument"]?["diagnostic"]?.objectValue != nil
        supportsDiagnosticRefresh = capabilities?["workspace"]?["diagnostics"]?["refreshSupport"]?.boolValue ?? false
        supportsWorkDoneProgress = capabilities?["window"]?["workDoneProgress"]?.boolValue ?? false
        supportsWatchedFilesRegistration = capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        supportsConfigurationRequests = capabilities?["workspace"]?["configuration"]?.boolValue ?? false
        supportsDocumentChanges = capabilities?["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
        supportsHierarchicalSymbols = capabilities?["textDocument"]?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.boolValue ?? false
        supportsWorkspaceFolders = capabilities?["workspace"]?["workspaceFolders"]?.boolValue ?? false
        supportsSnippets = capabilities?["textDocument"]?["completion"]?["completionItem"]?["snippetSupport"]?.boolValue ?? false
    }
}

enum ServerCapabilities {
    /// The LSP methods icpls answers, beyond the lifecycle and document sync; the README's table is checked against it.
    static let providers = [
        "diagnosticProvider", "codeActionProvider", "hoverProvider", "completionProvider", "definitionProvider",
        "referencesProvider", "documentHighlightProvider", "documentSymbolProvider", "workspaceSymbolProvider",
        "renameProvider", "codeLensProvider",
    ]

    static func json(for client: ClientCapabilities) -> JSONValue {
        var capabilities: JSONObject = [
            "positionEncoding": .string(client.positionEncoding.rawValue),
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "codeActionProvider": [
                "codeActionKinds": ["quickfix", "source.fixAll.icpls"],
                "resolveProvider": false,
            ],
            "hoverProvider": true,
            "completionProvider": ["triggerCharacters": ["\"", ":"], "resolveProvider": false],
            "definitionProvider": true,
            "referencesProvider": true,
            "documentHighlightProvider": true,
            "documentSymbolProvider": true,
            "workspaceSymbolProvider": true,
            "renameProvider": ["prepareProvider": true],
            "codeLensProvider": ["resolveProvider": false],
            "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
        ]
        if client.supportsPullDiagnostics {
            capabilities["diagnosticProvider"] = ["identifier": "icpls", "interFileDependencies": true, "workspaceDiagnostics": true]
        }
        return .object(capabilities)
    }
}

extension Optional where Wrapped == JSONValue {
    /// A member that must be there, or an invalid-params error naming it.
    func required(_ path: String...) throws(ResponseError) -> JSONValue {
        var current = self
        for key in path { current = current?[key] }
        guard let current, !current.isNull else {
            throw ResponseError(.invalidParams, message: "missing `\(path.joined(separator: "."))`")
        }
        return current
    }

    func requiredString(_ path: String...) throws(ResponseError) -> String {
        var current = self
        for key in path { current = current?[key] }
        guard let string = current?.stringValue else {
            throw ResponseError(.invalidParams, message: "`\(path.joined(separator: "."))` must be a string")
        }
        return string
    }
}
