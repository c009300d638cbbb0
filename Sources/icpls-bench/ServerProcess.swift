import Foundation
import IcplsJSONRPC

/// A running `icpls lsp` and a minimal client for it.
final class ServerProcess: @unchecked Sendable {
    // Shared with the reading thread only through `condition`.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var messages: [JSONValue] = []
    private var nextID: Int64 = 1
    private(set) var startToInitialize: Double = 0
    private let started: UInt64

    /// The `icpls` built next to this benchmark.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("icpls")
    }

    static func start() -> ServerProcess? {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { return nil }
        return ServerProcess()
    }

    private init() {
        process.executableURL = Self.executable
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        started = DispatchTime.now().uptimeNanoseconds
        try? process.run()
        let handle = output.fileHandleForReading
        let thread = Thread { [self] in
            var framer = MessageFramer()
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                for event in framer.feed([UInt8](data)) {
                    guard case .message(let body) = event, let value = try? JSONValue.decode(body) else { continue }
                    condition.lock()
                    messages.append(value)
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
        thread.start()
    }

    func notify(_ method: String, _ params: JSONValue?) {
        input.fileHandleForWriting.write(Data(OutgoingMessage.notification(method: method, params: params)))
    }

    func roundTrip(method: String, params: JSONValue?) -> JSONValue? {
        let id = RequestID.integer(nextID)
        nextID += 1
        input.fileHandleForWriting.write(Data(OutgoingMessage.request(id: id, method: method, params: params)))
        let answer = waitFor { $0["id"] == id.jsonValue && $0["method"] == nil }
        if method == "initialize" { startToInitialize = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        return answer
    }

    func waitForDiagnostics(uri: String, version: Int64) -> JSONValue? {
        waitFor { message in
            message["method"]?.stringValue == "textDocument/publishDiagnostics"
                && message["params"]?["uri"]?.stringValue == uri && message["params"]?["version"]?.int64Value == version
        }
    }

    /// Waits up to 60 s for a message, dropping those before it.
    private func waitFor(_ matches: (JSONValue) -> Bool) -> JSONValue? {
        let deadline = Date(timeIntervalSinceNow: 60)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = messages.firstIndex(where: matches) {
                let found = messages[index]
                messages.removeSubrange(0...index)
                return found
            }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    /// Resident and peak memory of the server, in bytes.
    func memory() -> (resident: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return (0, 0) }
        func kilobytes(_ field: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "") ?? 0
        }
        return (kilobytes("VmRSS:") * 1024, kilobytes("VmHWM:") * 1024)
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
