import IcplsCore
import IcplsJSONRPC

/// What the server has validated and told the client.
struct DiagnosticsState {
    /// Set when something the diagnostics depend on changed; cleared once they are published.
    var needsValidation = false {
        didSet { if needsValidation { generation &+= 1 } }
    }
    /// Counts the changes, so a check made to answer a request can be published later unless more came.
    private(set) var generation = 0
    /// The generation `lastResult` was computed for.
    var checkedGeneration = -1
    /// Documents whose reports changed since the last publication, for `workspace/diagnostic/refresh`.
    var unpublishedReportChanges = Set<DocumentKey>()
    /// Documents edited since the last validation: pushed for their new version even when their list is the same.
    var changedDocuments = Set<DocumentKey>()
    var lastResult: CheckResult?
    /// The last check's inventory, which the next check uses again when no inventory section changed.
    var inventory: Inventory?
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
        guard lifecycle == .running, check(isStale: isStale) else { return }
        publish()
    }

    /// Makes `lastResult` and the reports current, checking only when something changed
    /// since the last check; false when newer messages made the new check stale.
    private func check(isStale: () -> Bool) -> Bool {
        let today = CalendarDate.today()
        if diagnostics.lastResult != nil, diagnostics.checkedGeneration == diagnostics.generation, lastCheckDay == today {
            return true
        }
        // Let the previous check's trees go before the new ones are built, so two never live at once.
        diagnostics.lastResult = nil
        let generation = diagnostics.generation
        let result = Checker.check(
            workspace.analyzedDocuments(), settings: settings.effective, today: today, reusing: diagnostics.inventory.take()
        )
        diagnostics.inventory = result.index.inventory
        diagnostics.validationCount += 1
        if isStale() { return false }
        lastCheckDay = today
        diagnostics.lastResult = result
        diagnostics.checkedGeneration = generation
        var present = Set<DocumentKey>()
        for document in result.index.documents {
            let key = document.key
            present.insert(key)
            let converter = PositionConverter(text: document.text, lineIndex: document.lineIndex, encoding: client.positionEncoding)
            let items = JSONValue.array(result.diagnostics(for: key).map { diagnostic in
                ProtocolConversion.diagnostic(diagnostic, converter: converter, converters: converter(for:), uris: uri(of:))
            })
            let encoded = items.encoded()
            if diagnostics.reports[key]?.encoded != encoded {
                diagnostics.reports[key] = ("\(diagnostics.nextResultNumber)", items, encoded)
                diagnostics.nextResultNumber += 1
                diagnostics.unpublishedReportChanges.insert(key)
            }
        }
        for key in Array(diagnostics.reports.keys) where !present.contains(key) {
            diagnostics.reports[key] = nil
            diagnostics.unpublishedReportChanges.insert(key)
        }
        return true
    }

    /// Tells the client what the last check found: pushes, withdrawals, held pulls, refresh.
    /// Only the loop calls this, after a whole batch, so no version older than the newest is published.
    private func publish() {
        guard let result = diagnostics.lastResult else { return }
        diagnostics.needsValidation = false
        let changedByEdit = diagnostics.changedDocuments
        diagnostics.changedDocuments.removeAll()
        for document in result.index.documents {
            let key = document.key
            guard let report = diagnostics.reports[key] else { continue }
            let isOpen = workspace.open[key] != nil
            let pushes = !client.supportsPullDiagnostics || (!isOpen && !diagnostics.clientPullsWorkspace)
            if pushes && (diagnostics.pushed[key] != report.encoded || (isOpen && changedByEdit.contains(key))) {
                push(key, items: report.items)
                diagnostics.pushed[key] = report.encoded
            } else if !pushes && diagnostics.pushed.removeValue(forKey: key) != nil {
                // The client pulls this document now: take back what was pushed, or it would show twice.
                push(key, items: [])
            }
        }
        for key in Array(diagnostics.pushed.keys) where diagnostics.reports[key] == nil {
            diagnostics.pushed[key] = nil
            push(key, items: [])
        }
        if client.supportsPullDiagnostics {
            answerHeldWorkspacePulls()
            if client.supportsDiagnosticRefresh && !diagnostics.unpublishedReportChanges.subtracting(changedByEdit).isEmpty {
                request("workspace/diagnostic/refresh", nil)
            }
        }
        diagnostics.unpublishedReportChanges.removeAll()
    }

    private func push(_ key: DocumentKey, items: JSONValue) {
        var params: JSONObject = ["uri": .string(uri(of: key)), "diagnostics": items]
        if let open = workspace.open[key] { params["version"] = .integer(open.version) }
        notifyClient("textDocument/publishDiagnostics", .object(params))
    }

    func uri(of key: DocumentKey) -> String {
        workspace.open[key]?.uri ?? FileURI.uri(of: key)
    }

    /// Checks now when an answer needs current results; what it finds is published after the batch.
    func ensureValidated() {
        guard lifecycle == .running else { return }
        _ = check(isStale: { false })
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
