import IcplsCore
import IcplsJSONRPC

/// What the server has validated and told the client.
struct DiagnosticsState {
    var needsValidation = false
    /// Documents edited since the last validation: pushed for their new version even when their list is the same.
    var changedDocuments = Set<DocumentKey>()
    var lastResult: CheckResult?
    /// Each document's diagnostics as last computed, encoded, with the result id they carry.
    var reports: [DocumentKey: (resultId: String, items: JSONValue, encoded: [UInt8])] = [:]
    /// What was last pushed for each document (encoded items).
    var pushed: [DocumentKey: [UInt8]] = [:]
    var nextResultNumber = 1
    /// After the client's first `workspace/diagnostic`, documents that are not open are no longer pushed.
    var clientPullsWorkspace = false
    /// Held `workspace/diagnostic` requests and the result ids they already have, answered when something changes.
    var heldWorkspacePulls: [RequestID: [String: String]] = [:]
    /// How many times the workspace was validated, for the log.
    var validationCount = 0

    mutating func documentChanged(_ key: DocumentKey) {
        needsValidation = true
        changedDocuments.insert(key)
    }
}

extension LanguageServer {
    /// Checks the whole workspace and tells the client what changed, unless
    /// newer messages are already waiting (`isStale`): then nothing computed
    /// for the old versions is published and the next batch validates again.
    func validateAndPublish(isStale: () -> Bool) {
        guard lifecycle == .running else { return }
        let today = CalendarDate.today()
        // Let the previous check's trees go before the new ones are built, so two never live at once.
        diagnostics.lastResult = nil
        let result = Checker.check(workspace.analyzedDocuments(), settings: settings.effective, today: today)
        diagnostics.validationCount += 1
        if isStale() { return }
        diagnostics.needsValidation = false
        lastCheckDay = today
        diagnostics.lastResult = result
        let changedByEdit = diagnostics.changedDocuments
        diagnostics.changedDocuments.removeAll()
        var changedReports = Set<DocumentKey>()
        var present = Set<DocumentKey>()
        for document in result.index.documents {
            let key = document.key
            present.insert(key)
            let converter = PositionConverter(text: document.text, lineIndex: document.lineIndex, encoding: client.positionEncoding)
            let items = JSONValue.array(result.diagnostics(for: key).map { diagnostic in
                ProtocolConversion.diagnostic(diagnostic, converter: converter, converters: converter(for:))
            })
            let encoded = items.encoded()
            if diagnostics.reports[key]?.encoded != encoded {
                diagnostics.reports[key] = ("\(diagnostics.nextResultNumber)", items, encoded)
                diagnostics.nextResultNumber += 1
                changedReports.insert(key)
            }
            let isOpen = workspace.open[key] != nil
            let pushes = !client.supportsPullDiagnostics || (!isOpen && !diagnostics.clientPullsWorkspace)
            if pushes && (diagnostics.pushed[key] != encoded || (isOpen && changedByEdit.contains(key))) {
                push(key, items: items)
                diagnostics.pushed[key] = encoded
            } else if !pushes && diagnostics.pushed.removeValue(forKey: key) != nil {
                // The client pulls this document now: take back what was pushed, or it would show twice.
                push(key, items: [])
            }
        }
        for key in Array(diagnostics.reports.keys) where !present.contains(key) {
            diagnostics.reports[key] = nil
            changedReports.insert(key)
            if diagnostics.pushed.removeValue(forKey: key) != nil { push(key, items: []) }
        }
        if client.supportsPullDiagnostics {
            answerHeldWorkspacePulls()
            if client.supportsDiagnosticRefresh && !changedReports.subtracting(changedByEdit).isEmpty {
                request("workspace/diagnostic/refresh", nil)
            }
        }
    }

    private func push(_ key: DocumentKey, items: JSONValue) {
        var params: JSONObject = ["uri": .string(uri(of: key)), "diagnostics": items]
        if let open = workspace.open[key] { params["version"] = .integer(open.version) }
        notifyClient("textDocument/publishDiagnostics", .object(params))
    }

    func uri(of key: DocumentKey) -> String {
        workspace.open[key]?.uri ?? FileURI.uri(of: key)
    }

    /// Validates now when an answer needs current results.
    func ensureValidated() {
        if diagnostics.needsValidation || diagnostics.lastResult == nil { validateAndPublish(isStale: { false }) }
    }

    func documentDiagnostic(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let uri = try params.requiredString("textDocument", "uri")
        ensureValidated()
        let key = FileURI.documentKey(uri)
        guard let report = diagnostics.reports[key] else {
            return ["kind": "full", "items": []]
        }
        if params?["previousResultId"]?.stringValue == report.resultId {
            return ["kind": "unchanged", "resultId": .string(report.resultId)]
        }
        return ["kind": "full", "resultId": .string(report.resultId), "items": report.items]
    }

    func workspaceDiagnostic(_ params: JSONValue?, id: RequestID) throws(ResponseError) -> JSONValue? {
        if !diagnostics.clientPullsWorkspace {
            diagnostics.clientPullsWorkspace = true
            // Validating again takes back what was pushed for documents that are not open.
            diagnostics.needsValidation = true
        }
        ensureValidated()
        var previous: [String: String] = [:]
        for entry in params?["previousResultIds"]?.arrayValue ?? [] {
            if let uri = entry["uri"]?.stringValue, let value = entry["value"]?.stringValue { previous[uri] = value }
        }
        if let answer = workspaceReport(previous: previous) { return answer }
        // Nothing changed: hold the request until something does, so the client does not poll in a loop.
        diagnostics.heldWorkspacePulls[id] = previous
        heldRequests[id] = "workspace/diagnostic"
        return nil
    }

    /// The workspace report, or nil when every document is unchanged.
    private func workspaceReport(previous: [String: String]) -> JSONValue? {
        var items: [JSONValue] = []
        var anyChanged = false
        let documents = diagnostics.lastResult?.index.documents ?? []
        for document in documents {
            guard let report = diagnostics.reports[document.key] else { continue }
            let uri = uri(of: document.key)
            var item: JSONObject = ["uri": .string(uri), "resultId": .string(report.resultId)]
            item["version"] = workspace.open[document.key].map { .integer($0.version) } ?? .null
            if previous[uri] == report.resultId {
                item["kind"] = "unchanged"
            } else {
                anyChanged = true
                item["kind"] = "full"
                item["items"] = report.items
            }
            items.append(.object(item))
        }
        let currentURIs = Set(documents.map { uri(of: $0.key) })
        for (uri, _) in previous where !currentURIs.contains(uri) {
            anyChanged = true
            items.append(["uri": .string(uri), "kind": "full", "items": [], "version": .null])
        }
        return anyChanged ? ["items": .array(items)] : nil
    }

    private func answerHeldWorkspacePulls() {
        for (id, previous) in diagnostics.heldWorkspacePulls {
            guard let answer = workspaceReport(previous: previous) else { continue }
            diagnostics.heldWorkspacePulls[id] = nil
            heldRequests[id] = nil
            send(OutgoingMessage.response(id: id, result: answer))
        }
    }
}
