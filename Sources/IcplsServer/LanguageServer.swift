import Foundation
import IcplsCore
import IcplsDocument
import IcplsJSONRPC

/// The language server's state and its message handling. It runs on one
/// thread: the loop hands it each batch of messages that arrived together,
/// then lets it validate once.
final class LanguageServer {
    enum Lifecycle { case waitingForInitialize, running, shutDown }

    let send: ([UInt8]) -> Void
    let log: (String) -> Void
    var lifecycle = Lifecycle.waitingForInitialize
    var client = ClientCapabilities()
    let workspace = ServerWorkspace()
    var settings = ServerSettings()
    var diagnostics = DiagnosticsState()
    /// Set when the process should end, with its exit code.
    var exitCode: Int32?
    private var nextRequestNumber: Int64 = 1
    private var responseHandlers: [RequestID: (Result<JSONValue, ResponseError>) -> Void] = [:]
    /// Requests answered later (a held `workspace/diagnostic`), so `$/cancelRequest` can answer them.
    var heldRequests: [RequestID: String] = [:]
    /// True once the workspace folders have been read.
    var isIndexed = false
    /// How many times the workspace folders were read: each reading's progress gets a token of its own.
    var indexingCount = 0
    /// The day the last check was judged on, to judge again when the local date changes.
    var lastCheckDay: CalendarDate?

    init(send: @escaping ([UInt8]) -> Void, log: @escaping (String) -> Void) {
        self.send = send
        self.log = log
    }

    // MARK: - Dispatch

    /// Handles one batch; a cancellation anywhere in it applies to its requests.
    func handle(batch: [MessageReader.Event]) {
        // Each body is decoded once: a large didOpen costs one parse, not two.
        let decoded = batch.map { event -> Result<IncomingMessage, RejectedMessage>? in
            guard case .message(let body) = event else { return nil }
            return Result { () throws(RejectedMessage) in try IncomingMessage(body: body) }
        }
        var cancelled = Set<RequestID>()
        for case .success(.notification("$/cancelRequest", let params))? in decoded {
            if let id = params?["id"].flatMap(RequestID.init) { cancelled.insert(id) }
        }
        for (event, message) in zip(batch, decoded) {
            switch event {
            case .message:
                switch message {
                case .success(let message)?: handle(message, cancelled: cancelled)
                case .failure(let error)?: send(error.errorResponse)
                case nil: break
                }
            case .oversizedBodySkipped(let length):
                showMessage(type: 1, "icpls skipped a message of \(length) bytes: larger than the 64 MiB limit.")
            case .invalidHeader(let reason):
                log("dropped a header block: \(reason)")
            case .endOfInput:
                exitCode = lifecycle == .shutDown ? 0 : 1
            }
            if exitCode != nil { return }
        }
    }

    private func handle(_ message: IncomingMessage, cancelled: Set<RequestID>) {
        switch message {
        case .request(let id, let method, let params):
            if cancelled.contains(id) {
                send(OutgoingMessage.errorResponse(id: id, error: ResponseError(.requestCancelled, message: "cancelled")))
                return
            }
            do {
                let result = try answer(method: method, params: params, id: id)
                if let result { send(OutgoingMessage.response(id: id, result: result)) }
            } catch {
                send(OutgoingMessage.errorResponse(id: id, error: error))
            }
        case .notification(let method, let params):
            do {
                try notify(method: method, params: params)
            } catch {
                log("ignored \(method): \(error.message)")
            }
        case .response(let id, let outcome):
            guard let id, let handler = responseHandlers.removeValue(forKey: id) else { return }
            handler(outcome)
        }
    }

    /// The result of a request; nil when it is answered later.
    private func answer(method: String, params: JSONValue?, id: RequestID) throws(ResponseError) -> JSONValue? {
        switch lifecycle {
        case .waitingForInitialize where method != "initialize":
            throw ResponseError(.serverNotInitialized, message: "the server has not been initialized")
        case .running where method == "initialize":
            throw ResponseError(.invalidRequest, message: "the server is already initialized")
        case .shutDown:
            throw ResponseError(.invalidRequest, message: "the server is shutting down")
        default:
            break
        }
        return try route(method: method, params: params, id: id)
    }

    private func notify(method: String, params: JSONValue?) throws(ResponseError) {
        if method == "exit" {
            exitCode = lifecycle == .shutDown ? 0 : 1
            return
        }
        if method == "$/cancelRequest" {
            if let id = params?["id"].flatMap(RequestID.init), heldRequests.removeValue(forKey: id) != nil {
                diagnostics.heldWorkspacePulls[id] = nil
                send(OutgoingMessage.errorResponse(id: id, error: ResponseError(.requestCancelled, message: "cancelled")))
            }
            return
        }
        guard lifecycle == .running else { return }
        try routeNotification(method: method, params: params)
    }

    // MARK: - Talking to the client

    func request(_ method: String, _ params: JSONValue?, onResponse: @escaping (Result<JSONValue, ResponseError>) -> Void = { _ in }) {
        let id = RequestID.string("icpls-\(nextRequestNumber)")
        nextRequestNumber += 1
        responseHandlers[id] = onResponse
        send(OutgoingMessage.request(id: id, method: method, params: params))
    }

    func notifyClient(_ method: String, _ params: JSONValue?) {
        send(OutgoingMessage.notification(method: method, params: params))
    }

    /// `window/showMessage`: 1 error, 2 warning, 3 info.
    func showMessage(type: Int64, _ message: String) {
        notifyClient("window/showMessage", ["type": .integer(type), "message": .string(message)])
    }

    func logToClient(_ message: String) {
        notifyClient("window/logMessage", ["type": 4, "message": .string(message)])
    }

    func converter(for key: DocumentKey) -> PositionConverter? {
        if let open = workspace.open[key] {
            return PositionConverter(text: open.text, lineIndex: open.lineIndex, encoding: client.positionEncoding)
        }
        guard let document = diagnostics.lastResult?.index.document(key) else { return nil }
        return PositionConverter(text: document.text, lineIndex: document.lineIndex, encoding: client.positionEncoding)
    }

    // MARK: - Routing

    /// Routes a request; nil when it is answered later. Unknown methods are -32601.
    private func route(method: String, params: JSONValue?, id: RequestID) throws(ResponseError) -> JSONValue? {
        switch method {
        case "initialize": return try initialize(params)
        case "shutdown": return shutdown()
        case "textDocument/diagnostic": return try documentDiagnostic(params)
        case "workspace/diagnostic": return try workspaceDiagnostic(params, id: id)
        case "textDocument/codeAction": return try codeActions(params)
        case "icpls/documentText": return try documentText(params)
        default: return try routeFeature(method: method, params: params)
        }
    }

    private func routeNotification(method: String, params: JSONValue?) throws(ResponseError) {
        switch method {
        case "initialized": initialized()
        case "textDocument/didOpen": try didOpen(params)
        case "textDocument/didChange": try didChange(params)
        case "textDocument/didClose": try didClose(params)
        case "workspace/didChangeWatchedFiles": try didChangeWatchedFiles(params)
        case "workspace/didChangeWorkspaceFolders": try didChangeWorkspaceFolders(params)
        case "workspace/didChangeConfiguration": didChangeConfiguration(params)
        default: break // textDocument/didSave and unknown notifications need nothing.
        }
    }
}
