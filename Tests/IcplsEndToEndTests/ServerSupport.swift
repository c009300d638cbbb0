#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import IcplsJSONRPC

/// Something the server did not do in time, with what it did say.
struct ServerTimeout: Error, CustomStringConvertible {
    let description: String
}

/// One running `icpls lsp` and the client side of its pipes: framed messages in,
/// every message the server writes collected in order, stderr kept for the log.
final class ServerProcess: @unchecked Sendable {
    // Safe to share: `received`, `stderrBytes`, `outputEnded` and `stderrEnded` are used only while
    // `condition` is locked; `nextID` and `ended` only from the test's own thread.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let condition = NSCondition()
    private var received: [JSONValue] = []
    private var stderrBytes: [UInt8] = []
    private var outputEnded = false
    private var stderrEnded = false
    private var ended = false
    private var nextID: Int64 = 1
    static let defaultTimeout: TimeInterval = 20

    init(environment: [String: String] = [:]) throws {
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = IcplsExecutable.url
        process.arguments = ["lsp", "--stdio"]
        var merged = ProcessInfo.processInfo.environment
        merged["ICPLS_LOG"] = nil
        for (name, value) in environment { merged[name] = value }
        process.environment = merged
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputDescriptor = output.fileHandleForReading.fileDescriptor
        let errorDescriptor = errors.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [self] in readMessages(from: outputDescriptor) }
        Thread.detachNewThread { [self] in readStderr(from: errorDescriptor) }
    }

    var pid: Int32 { process.processIdentifier }

    // MARK: - Sending

    /// Writes bytes as they are, in pieces of `chunkSize` when given.
    func sendRaw(_ bytes: [UInt8], chunkSize: Int? = nil) {
        let descriptor = input.fileHandleForWriting.fileDescriptor
        let size = chunkSize ?? max(1, bytes.count)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let end = min(offset + size, buffer.count)
                guard Self.writeAll(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]), to: descriptor) else { return }
                offset = end
            }
        }
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    static func frame(_ body: [UInt8]) -> [UInt8] {
        OutgoingMessage.framed(body: body)
    }

    static func frame(_ message: JSONValue) -> [UInt8] {
        OutgoingMessage.framed(message)
    }

    func send(_ message: JSONValue) {
        sendRaw(Self.frame(message))
    }

    /// The framed bytes of a request with the next integer id.
    func requestBytes(_ method: String, _ params: JSONValue? = nil) -> (id: RequestID, bytes: [UInt8]) {
        let id = RequestID.integer(nextID)
        nextID += 1
        return (id, OutgoingMessage.request(id: id, method: method, params: params))
    }

    @discardableResult
    func request(_ method: String, _ params: JSONValue? = nil) -> RequestID {
        let (id, bytes) = requestBytes(method, params)
        sendRaw(bytes)
        return id
    }

    func notify(_ method: String, _ params: JSONValue? = nil) {
        sendRaw(OutgoingMessage.notification(method: method, params: params))
    }

    /// Sends a request and waits for its response message (result or error).
    func call(_ method: String, _ params: JSONValue? = nil, timeout: TimeInterval = defaultTimeout) throws -> JSONValue {
        try response(to: request(method, params), timeout: timeout)
    }

    /// Sends a request and returns its `result`, failing on an error response.
    func result(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        let message = try call(method, params)
        guard let result = message["result"] else { throw ServerTimeout(description: "error response: \(message)") }
        return result
    }

    /// Closes the server's standard input.
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    // MARK: - Receiving

    /// Every message the server has written so far.
    var messages: [JSONValue] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    var stderr: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: stderrBytes, as: UTF8.self)
    }

    /// The first message from index `start` on that matches, waiting for it.
    @discardableResult
    func waitFor(
        from start: Int = 0, timeout: TimeInterval = defaultTimeout, _ what: String = "a message",
        where matches: (JSONValue) -> Bool
    ) throws -> (index: Int, message: JSONValue) {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        var checked = start
        while true {
            while checked < received.count {
                if matches(received[checked]) { return (checked, received[checked]) }
                checked += 1
            }
            if outputEnded || !condition.wait(until: deadline) {
                let recent = received.suffix(8).map { String($0.description.prefix(400)) }.joined(separator: "\n")
                let log = String(decoding: stderrBytes.suffix(2000), as: UTF8.self)
                throw ServerTimeout(description: "no \(what) from the server; last messages:\n\(recent)\nstderr:\n\(log)")
            }
        }
    }

    /// Waits until the server has logged `text` on stderr.
    func waitForStderr(containing text: String, timeout: TimeInterval = defaultTimeout) throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !String(decoding: stderrBytes, as: UTF8.self).contains(text) {
            guard condition.wait(until: deadline) else {
                throw ServerTimeout(description: "stderr never said \"\(text)\":\n\(String(decoding: stderrBytes, as: UTF8.self))")
            }
        }
    }

    func response(to id: RequestID, timeout: TimeInterval = defaultTimeout) throws -> JSONValue {
        try waitFor(timeout: timeout, "response to \(id)") { $0["id"] == id.jsonValue && $0["method"] == nil }.message
    }

    /// The next notification (or server request) of `method` from index `start` on.
    @discardableResult
    func waitForMessage(_ method: String, from start: Int = 0, timeout: TimeInterval = defaultTimeout) throws -> (index: Int, message: JSONValue) {
        try waitFor(from: start, timeout: timeout, method) { $0["method"]?.stringValue == method }
    }

    /// The first `publishDiagnostics` of `uri` (with `version` when given) from index `start` on.
    @discardableResult
    func waitForDiagnostics(
        _ uri: String, version: Int64? = nil, from start: Int = 0, timeout: TimeInterval = defaultTimeout,
        where matches: ([JSONValue]) -> Bool = { _ in true }
    ) throws -> (index: Int, diagnostics: [JSONValue]) {
        let found = try waitFor(from: start, timeout: timeout, "publishDiagnostics of \(uri) version \(version.map(String.init) ?? "-")") {
            guard $0["method"] == "textDocument/publishDiagnostics", let params = $0["params"], params["uri"]?.stringValue == uri else { return false }
            if let version, params["version"]?.int64Value != version { return false }
            return matches(params["diagnostics"]?.arrayValue ?? [])
        }
        return (found.index, found.message["params"]?["diagnostics"]?.arrayValue ?? [])
    }

    /// Every notification of `method` received so far.
    func notifications(_ method: String) -> [JSONValue] {
        messages.filter { $0["method"]?.stringValue == method && $0["id"] == nil }
    }

    /// Every `publishDiagnostics` params of `uri` received so far.
    func published(_ uri: String) -> [JSONValue] {
        notifications("textDocument/publishDiagnostics").compactMap(\.["params"]).filter { $0["uri"]?.stringValue == uri }
    }

    // MARK: - Lifecycle

    /// `initialize` then `initialized`; returns the initialize result.
    @discardableResult
    func initialize(
        roots: [URL] = [], capabilities: JSONValue = [:], options: JSONValue? = nil, sendInitialized: Bool = true
    ) throws -> JSONValue {
        var params: JSONObject = [
            "processId": .integer(Int64(getpid())),
            "capabilities": capabilities,
            "workspaceFolders": .array(roots.map { ["uri": .string(Self.uri($0)), "name": .string($0.lastPathComponent)] }),
        ]
        if let options { params["initializationOptions"] = options }
        let answer = try call("initialize", .object(params))
        guard let result = answer["result"] else { throw ServerTimeout(description: "initialize failed: \(answer)") }
        if sendInitialized { notify("initialized", [:]) }
        return result
    }

    /// `shutdown`, `exit`, and the exit code.
    func shutDown() throws -> Int32 {
        let answer = try call("shutdown")
        #expect(answer["result"] == .null)
        notify("exit")
        return try waitForExit()
    }

    func waitForExit(timeout: TimeInterval = defaultTimeout) throws -> Int32 {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning {
            guard Date() < deadline else { throw ServerTimeout(description: "the server did not exit; stderr:\n\(stderr)") }
            usleep(5_000)
        }
        checkEnd()
        return process.terminationStatus
    }

    /// Ends the process if a test left it running.
    func stop() {
        closeInput()
        if process.isRunning {
            // Under a sanitizer the exit takes longer: LeakSanitizer looks for leaks first.
            let deadline = Date(timeIntervalSinceNow: Sanitizer.current == nil ? 2 : 10)
            while process.isRunning && Date() < deadline { usleep(5_000) }
            if process.isRunning { process.terminate() }
        }
        checkEnd()
    }

    /// Once the process has ended: fails the test if a sanitizer reported on its stderr.
    private func checkEnd() {
        guard !ended else { return }
        let exitDeadline = Date(timeIntervalSinceNow: 5)
        while process.isRunning && Date() < exitDeadline { usleep(5_000) }
        guard !process.isRunning else { return }
        ended = true
        // Returns at once for an ended process, and lets Foundation release it: until then its
        // run loop source, on the run loop of the thread that started it, keeps it alive.
        process.waitUntilExit()
        let deadline = Date(timeIntervalSinceNow: 5)
        condition.lock()
        while !stderrEnded && condition.wait(until: deadline) {}
        let log = String(decoding: stderrBytes, as: UTF8.self)
        condition.unlock()
        Sanitizer.recordReports(in: log, of: "icpls lsp", sourceLocation: #_sourceLocation)
    }

    /// `VmHWM` and `VmRSS` of the server, in KiB, from /proc.
    func memory() -> (peak: Int, resident: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func value(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        guard let peak = value("VmHWM"), let resident = value("VmRSS") else { return nil }
        return (peak, resident)
    }

    static func uri(_ url: URL) -> String {
        "file://" + url.standardizedFileURL.path
    }

    // MARK: - Reader threads

    private func readMessages(from descriptor: Int32) {
        var framer = MessageFramer(maximumBodyLength: 1 << 30)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            let decoded = framer.feed(Array(chunk[..<count])).compactMap { event -> JSONValue? in
                guard case .message(let body) = event else { return nil }
                return try? JSONValue.decode(body)
            }
            condition.lock()
            received.append(contentsOf: decoded)
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        outputEnded = true
        condition.broadcast()
        condition.unlock()
    }

    private func readStderr(from descriptor: Int32) {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            condition.lock()
            stderrBytes.append(contentsOf: chunk[..<count])
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        stderrEnded = true
        condition.broadcast()
        condition.unlock()
    }
}
