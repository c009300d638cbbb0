import IcplsCore
import IcplsDocument
import IcplsJSONRPC

/// Hover, completion, navigation, rename, symbols and code lenses: the core's
/// pure functions over the current check, with positions converted here.
extension LanguageServer {
    /// Routes the editor features; unknown methods are -32601.
    func routeFeature(method: String, params: JSONValue?) throws(ResponseError) -> JSONValue? {
        switch method {
        case "textDocument/hover": return try hover(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/documentHighlight": return try documentHighlight(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "workspace/symbol": return try workspaceSymbols(params)
        case "textDocument/codeLens": return try codeLenses(params)
        default: throw ResponseError(.methodNotFound, message: "unknown method \(method)")
        }
    }

    /// The document, its converter, the cursor's byte offset and the current check.
    private func cursor(_ params: JSONValue?) throws(ResponseError) -> (key: DocumentKey, converter: PositionConverter, offset: Int, result: CheckResult)? {
        let uri = try params.requiredString("textDocument", "uri")
        let position = try params.required("position")
        ensureValidated()
        let key = FileURI.documentKey(uri)
        guard let converter = converter(for: key), let result = diagnostics.lastResult else { return nil }
        return (key, converter, try converter.offset(position), result)
    }

    private func location(_ location: Location) -> JSONValue? {
        guard let converter = converter(for: location.document) else { return nil }
        return ["uri": .string(uri(of: location.document)), "range": converter.range(location.range)]
    }

    /// How a hover names a place: the path within its root, and the line.
    private func describe(_ location: Location) -> String {
        let path = location.document.rawValue
        let shown = workspace.roots.lazy.compactMap { root -> String? in
            let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
        }.first ?? FilePath.lastComponent(path)
        guard let converter = converter(for: location.document) else { return shown }
        let line = converter.lineIndex.line(containing: location.range.start) + 1
        return "\(shown):\(line)"
    }

    func hover(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let cursor = try cursor(params) else { return .null }
        var sections: [String] = []
        var range: ByteRange?
        if let content = Hover.hover(at: cursor.offset, in: cursor.key, result: cursor.result, describe: describe) {
            sections.append(content.markdown)
            range = content.range
        }
        let rules = cursor.result.diagnostics(for: cursor.key).filter { $0.range.touches(cursor.offset) }.map(\.rule)
        for rule in Array(Set(rules)).sorted() {
            sections.append(Hover.ruleHover(rule))
            range = range ?? cursor.result.diagnostics(for: cursor.key).first { $0.rule == rule && $0.range.touches(cursor.offset) }?.range
        }
        guard !sections.isEmpty else { return .null }
        var answer: JSONObject = ["contents": ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))]]
        if let range { answer["range"] = cursor.converter.range(range) }
        return .object(answer)
    }

    func completion(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let cursor = try cursor(params),
              let list = Completion.completions(at: cursor.offset, in: cursor.key, result: cursor.result) else { return .null }
        let range = cursor.converter.range(list.replaceRange)
        let items: [JSONValue] = list.items.map { item in
            var object: JSONObject = [
                "label": .string(item.label),
                "kind": .integer(Self.completionKind(item.kind)),
                "sortText": .string(item.sortText),
                "filterText": .string(item.filterText),
            ]
            if let detail = item.detail { object["detail"] = .string(detail) }
            if let documentation = item.documentation { object["documentation"] = ["kind": "markdown", "value": .string(documentation)] }
            if client.supportsSnippets, let snippet = item.snippet {
                object["insertTextFormat"] = 2
                object["textEdit"] = ["range": range, "newText": .string(snippet)]
            } else {
                object["textEdit"] = ["range": range, "newText": .string(item.newText)]
            }
            return .object(object)
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    private static func completionKind(_ kind: CompletionItem.Kind) -> Int64 {
        switch kind {
        case .reference: return 18
        case .value: return 12
        case .member: return 10
        }
    }

    func definition(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let cursor = try cursor(params),
              let target = Navigation.definition(at: cursor.offset, in: cursor.key, result: cursor.result) else { return .null }
        return location(target) ?? .null
    }

    func references(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let cursor = try cursor(params) else { return .null }
        let includeDeclaration = params?["context"]?["includeDeclaration"]?.boolValue ?? true
        let found = Navigation.references(at: cursor.offset, in: cursor.key, result: cursor.result, includeDeclaration: includeDeclaration)
        return .array(found.compactMap(location))
    }

    func documentHighlight(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let cursor = try cursor(params) else { return .null }
        let found = Navigation.highlights(at: cursor.offset, in: cursor.key, result: cursor.result)
        return .array(found.map { occurrence in
            ["range": cursor.converter.range(occurrence.location.range), "kind": .integer(occurrence.isDeclaration ? 3 : 2)]
        })
    }

    func prepareRename(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let cursor = try cursor(params),
              let preparation = Rename.prepareRename(at: cursor.offset, in: cursor.key, result: cursor.result) else { return .null }
        return ["range": cursor.converter.range(preparation.range), "placeholder": .string(preparation.placeholder)]
    }

    func rename(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let newName = try params.requiredString("newName")
        guard let cursor = try cursor(params) else { return .null }
        switch Rename.rename(at: cursor.offset, in: cursor.key, result: cursor.result, newName: newName) {
        case .success(let edits):
            return workspaceEdit(edits)
        case .failure(.alreadyExists(let name)):
            throw ResponseError(Self.requestFailed, message: "\"\(name)\" is already declared; choose another name.")
        case .failure(.emptyName):
            throw ResponseError(Self.requestFailed, message: "An id or number cannot be empty.")
        case .failure(.notRenamable):
            throw ResponseError(Self.requestFailed, message: "Only ids and numbers can be renamed.")
        }
    }

    /// LSP's RequestFailed: a request that was valid but could not be carried out.
    static let requestFailed: ResponseError.Code = -32803

    func documentSymbols(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let uri = try params.requiredString("textDocument", "uri")
        ensureValidated()
        let key = FileURI.documentKey(uri)
        guard let converter = converter(for: key), let result = diagnostics.lastResult else { return [] }
        let symbols = DocumentSymbols.documentSymbols(in: key, result: result)
        if client.supportsHierarchicalSymbols {
            func convert(_ symbol: DocumentSymbol) -> JSONValue {
                var object: JSONObject = [
                    "name": .string(symbol.name), "kind": .integer(Self.symbolKind(symbol.kind)),
                    "range": converter.range(symbol.range), "selectionRange": converter.range(symbol.selectionRange),
                    "children": .array(symbol.children.map(convert)),
                ]
                if let detail = symbol.detail { object["detail"] = .string(detail) }
                return .object(object)
            }
            return .array(symbols.map(convert))
        }
        var flat: [JSONValue] = []
        func flatten(_ symbol: DocumentSymbol, container: String?) {
            var object: JSONObject = [
                "name": .string(symbol.name), "kind": .integer(Self.symbolKind(symbol.kind)),
                "location": ["uri": .string(uri), "range": converter.range(symbol.range)],
            ]
            if let container { object["containerName"] = .string(container) }
            flat.append(.object(object))
            for child in symbol.children { flatten(child, container: symbol.name) }
        }
        for symbol in symbols { flatten(symbol, container: nil) }
        return .array(flat)
    }

    func workspaceSymbols(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let query = params?["query"]?.stringValue ?? ""
        ensureValidated()
        guard let result = diagnostics.lastResult else { return [] }
        return .array(WorkspaceSymbols.workspaceSymbols(matching: query, in: result).compactMap { symbol in
            guard let location = location(symbol.location) else { return nil }
            var object: JSONObject = ["name": .string(symbol.name), "kind": .integer(Self.symbolKind(symbol.kind)), "location": location]
            if let container = symbol.containerName { object["containerName"] = .string(container) }
            return .object(object)
        })
    }

    func codeLenses(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let uri = try params.requiredString("textDocument", "uri")
        ensureValidated()
        let key = FileURI.documentKey(uri)
        guard let converter = converter(for: key), let result = diagnostics.lastResult else { return [] }
        return .array(CodeLenses.codeLenses(in: key, result: result).map { lens in
            ["range": converter.range(lens.range), "command": ["title": .string(lens.title), "command": ""]]
        })
    }

    /// LSP SymbolKind numbers.
    private static func symbolKind(_ kind: DocumentSymbol.Kind) -> Int64 {
        switch kind {
        case .group: return 18 // Array
        case .account: return 5 // Class
        case .instance: return 19 // Object
        case .serviceNumber: return 14 // Constant
        case .filing: return 2 // Module
        case .website: return 15 // String
        }
    }
}
