import IcplsCore
import IcplsJSONRPC

extension LanguageServer {
    func initialize(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard params?.objectValue != nil else { throw ResponseError(.invalidParams, message: "initialize needs params") }
        client = ClientCapabilities(params?["capabilities"])
        workspace.setRoots(Self.roots(from: params))
        if let options = params?["initializationOptions"], !options.isNull {
            settings.initializationOptions = readSettings(options, source: "initializationOptions")
        }
        lifecycle = .running
        return [
            "capabilities": ServerCapabilities.json(for: client),
            "serverInfo": ["name": "icpls", "version": .string(IcplsVersion.current)],
        ]
    }

    /// Roots are `workspaceFolders`, else `rootUri`, else `rootPath` (older clients send only those).
    static func roots(from params: JSONValue?) -> [ServerWorkspace.Root] {
        if let folders = params?["workspaceFolders"]?.arrayValue {
            return folders.compactMap { folder in
                guard let uri = folder["uri"]?.stringValue, let path = FileURI.path(of: uri) else { return nil }
                return ServerWorkspace.Root(uri: uri, path: path)
            }
        }
        if let uri = params?["rootUri"]?.stringValue, let path = FileURI.path(of: uri) {
            return [ServerWorkspace.Root(uri: uri, path: path)]
        }
        if let path = params?["rootPath"]?.stringValue, path.hasPrefix("/") {
            return [ServerWorkspace.Root(uri: FileURI.uri(ofPath: path), path: FilePath.normalize(path))]
        }
        return []
    }

    /// After `initialized`: register file watching, ask for settings, read the workspace.
    func initialized() {
        if client.supportsWatchedFilesRegistration {
            request("client/registerCapability", ["registrations": [[
                "id": "icpls-watched-files",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": [["globPattern": "**/*.icp.json"], ["globPattern": "**/.icpls.json"]]],
            ]]])
        }
        requestConfiguration()
        indexWorkspace()
    }

    func indexWorkspace() {
        indexingCount += 1
        let token = JSONValue.string("icpls-indexing-\(indexingCount)")
        let reportsProgress = client.supportsWorkDoneProgress
        if reportsProgress {
            request("window/workDoneProgress/create", ["token": token])
            notifyClient("$/progress", ["token": token, "value": ["kind": "begin", "title": "icpls: reading the workspace", "percentage": 0]])
        }
        workspace.indexAll { done, total in
            guard reportsProgress, total > 0, done % 50 == 0 else { return }
            notifyClient("$/progress", ["token": token, "value": [
                "kind": "report", "message": .string("\(done)/\(total) documents"), "percentage": .integer(Int64(done * 100 / total)),
            ]])
        }
        for problem in workspace.readProblems { logToClient("icpls: \(problem)") }
        loadSettingsFile()
        isIndexed = true
        diagnostics.needsValidation = true
        if reportsProgress {
            notifyClient("$/progress", ["token": token, "value": ["kind": "end", "message": "done"]])
        }
    }

    func shutdown() -> JSONValue {
        lifecycle = .shutDown
        for (id, _) in heldRequests {
            send(OutgoingMessage.response(id: id, result: ["items": []]))
        }
        heldRequests.removeAll()
        return .null
    }
}
