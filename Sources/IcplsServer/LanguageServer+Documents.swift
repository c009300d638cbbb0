import IcplsCore
import IcplsDocument
import IcplsJSONRPC

extension LanguageServer {
    func didOpen(_ params: JSONValue?) throws(ResponseError) {
        let uri = try params.requiredString("textDocument", "uri")
        let text = try params.requiredString("textDocument", "text")
        let version = params?["textDocument"]?["version"]?.int64Value ?? 0
        // The editor's text replaces the file's: the inventory read from the file goes now,
        // not after the new text is read, so that the two are never held at once.
        diagnostics.inventory = nil
        workspace.openDocument(uri: uri, version: version, text: Array(text.utf8))
        diagnostics.documentChanged(FileURI.documentKey(uri))
    }

    func didChange(_ params: JSONValue?) throws(ResponseError) {
        let uri = try params.requiredString("textDocument", "uri")
        let version = params?["textDocument"]?["version"]?.int64Value ?? 0
        guard let changes = params?["contentChanges"]?.arrayValue else {
            throw ResponseError(.invalidParams, message: "`contentChanges` must be an array")
        }
        var parsed: [(range: (start: LinePosition, end: LinePosition)?, text: String)] = []
        for change in changes {
            guard let text = change["text"]?.stringValue else { throw ResponseError(.invalidParams, message: "a change needs `text`") }
            if let range = change["range"], !range.isNull {
                guard let start = Self.linePosition(range["start"]), let end = Self.linePosition(range["end"]) else {
                    throw ResponseError(.invalidParams, message: "a change's range needs integer positions")
                }
                parsed.append(((start, end), text))
            } else {
                parsed.append((nil, text))
            }
        }
        // The last result is stale now (answers check again first), and letting it go leaves the
        // document's text and syntax tree with one owner, so the edit changes them in place
        // instead of copying them whole.
        if workspace.open[FileURI.documentKey(uri)] != nil { diagnostics.lastResult = nil }
        guard workspace.changeDocument(uri: uri, version: version, changes: parsed, encoding: client.positionEncoding) else {
            log("ignored a change to \(uri), which is not open")
            return
        }
        diagnostics.documentChanged(FileURI.documentKey(uri))
    }

    /// `icpls/documentText`: a document's text as the server has it (the editor's text when
    /// open, else the file as last read) and its version, to tell whether editor and server agree.
    func documentText(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let uri = try params.requiredString("textDocument", "uri")
        let key = FileURI.documentKey(uri)
        guard let text = workspace.text(of: key) else {
            throw ResponseError(.invalidParams, message: "\(uri) is neither open nor a document of the workspace")
        }
        return [
            "uri": .string(uri),
            "version": workspace.open[key].map { .integer($0.version) } ?? .null,
            "text": .string(String(decoding: text, as: UTF8.self)),
        ]
    }

    func didClose(_ params: JSONValue?) throws(ResponseError) {
        let uri = try params.requiredString("textDocument", "uri")
        workspace.closeDocument(uri: uri)
        diagnostics.documentChanged(FileURI.documentKey(uri))
    }

    func didChangeWatchedFiles(_ params: JSONValue?) throws(ResponseError) {
        guard let changes = params?["changes"]?.arrayValue else { throw ResponseError(.invalidParams, message: "`changes` must be an array") }
        for change in changes {
            guard let uri = change["uri"]?.stringValue, let path = FileURI.path(of: uri) else { continue }
            if FilePath.lastComponent(path) == ".icpls.json" {
                loadSettingsFile()
                diagnostics.needsValidation = true
            } else if workspace.reload(path: path) {
                diagnostics.documentChanged(DocumentKey(path))
            }
        }
    }

    func didChangeWorkspaceFolders(_ params: JSONValue?) throws(ResponseError) {
        let event = try params.required("event")
        var roots = workspace.roots
        for removed in event["removed"]?.arrayValue ?? [] {
            if let uri = removed["uri"]?.stringValue { roots.removeAll { $0.uri == uri } }
        }
        for added in event["added"]?.arrayValue ?? [] {
            if let uri = added["uri"]?.stringValue, let path = FileURI.path(of: uri), !roots.contains(where: { $0.uri == uri }) {
                roots.append(ServerWorkspace.Root(uri: uri, path: path))
            }
        }
        workspace.setRoots(roots)
        indexWorkspace()
    }

    static func linePosition(_ value: JSONValue?) -> LinePosition? {
        guard let line = value?["line"]?.int64Value, let character = value?["character"]?.int64Value else { return nil }
        return LinePosition(line: Int(clamping: max(0, line)), character: Int(clamping: max(0, character)))
    }
}
