import Foundation
import IcplsJSONRPC
import Testing

/// The `icpls` executable that `swift test` built next to the test bundle.
enum IcplsExecutable {
    static let url: URL = {
        var folders: [URL] = [Bundle.main.bundleURL]
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in folders {
            // On Linux the bundle is the test executable's folder; on macOS it is the `.xctest` bundle inside it.
            for candidate in [folder, folder.deletingLastPathComponent()] {
                let binary = candidate.appendingPathComponent("icpls")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            }
        }
        return folders[0].appendingPathComponent("icpls")
    }()
}

/// What one run of `icpls` gave.
struct CLIResult {
    var status: Int32
    var standardOutput: String
    var standardError: String

    var outputBytes: [UInt8] { Array(standardOutput.utf8) }

    /// Standard output decoded as one JSON value.
    func json() throws -> JSONValue {
        try JSONValue.decode(Array(standardOutput.utf8))
    }
}

/// Collects a pipe's bytes on a thread of its own, so that a full pipe never blocks the child.
///
/// Not on Dispatch's shared threads: a read waits for every process holding the pipe to end,
/// and blocked shared threads starve the work Foundation needs to notice a child's exit.
final class PipeDrain: @unchecked Sendable {
    /// Written by the reading thread before it signals `done`; read only after.
    private(set) var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait(until deadline: DispatchTime) -> Bool {
        guard done.wait(timeout: deadline) == .success else { return false }
        done.signal()
        return true
    }
}

enum CLI {
    /// Tests that spawn a process as another user need root and `runuser`.
    static var canRunAsNobody: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
    }

    /// Runs `icpls` with `arguments` in `folder`, standard input empty, the environment
    /// reduced to `PATH` plus `environment`. `asNobody` runs it through `runuser -u nobody`.
    static func run(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:],
        asNobody: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        if asNobody {
            return try spawn("/usr/sbin/runuser", ["-u", "nobody", "--", IcplsExecutable.url.path] + arguments, folder, environment, sourceLocation)
        }
        return try spawn(IcplsExecutable.url.path, arguments, folder, environment, sourceLocation)
    }

    /// Runs `icpls` on a pseudo-terminal through `script`, so that standard output is a terminal.
    static func runOnTerminal(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> CLIResult {
        let command = ([IcplsExecutable.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try spawn("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"], folder, environment, #_sourceLocation)
    }

    static var hasScript: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

    /// Runs the `icpls-bench` built beside `icpls`.
    static func runBench(_ arguments: [String], in folder: URL) throws -> CLIResult {
        let bench = IcplsExecutable.url.deletingLastPathComponent().appendingPathComponent("icpls-bench")
        return try spawn(bench.path, arguments, folder, [:], #_sourceLocation)
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], _ folder: URL, _ environment: [String: String], _ sourceLocation: SourceLocation
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var fullEnvironment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        fullEnvironment.merge(Sanitizer.environment) { $1 }
        fullEnvironment.merge(environment) { $1 }
        process.environment = fullEnvironment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputDrain = PipeDrain(output), errorDrain = PipeDrain(error)
        let deadline = DispatchTime.now() + .seconds(60)
        if !outputDrain.wait(until: deadline) || !errorDrain.wait(until: deadline) {
            process.terminate()
            Issue.record("icpls \(arguments.joined(separator: " ")) did not finish within 60 seconds", sourceLocation: sourceLocation)
            _ = outputDrain.wait(until: .now() + .seconds(5))
            _ = errorDrain.wait(until: .now() + .seconds(5))
        }
        process.waitUntilExit()
        let standardError = String(decoding: errorDrain.data, as: UTF8.self)
        Sanitizer.recordReports(in: standardError, of: "icpls \(arguments.joined(separator: " "))", sourceLocation: sourceLocation)
        return CLIResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputDrain.data, as: UTF8.self),
            standardError: standardError
        )
    }
}

/// A fresh folder under the system's temporary folder, removed when the body returns.
struct TemporaryFolder {
    let url: URL
    var path: String { url.path }

    static func with<T>(_ body: (TemporaryFolder) throws -> T) throws -> T {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath()
        let url = base.appendingPathComponent("icpls-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let folder = TemporaryFolder(url: url)
        defer {
            // A test may have left a folder read-only; make it removable again.
            chmod(url.path, 0o755)
            try? FileManager.default.removeItem(at: url)
        }
        return try body(folder)
    }

    func url(_ relativePath: String) -> URL {
        relativePath.isEmpty ? url : url.appendingPathComponent(relativePath)
    }

    /// Writes `text` at a path relative to the folder, creating the folders on the way.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try writeBytes(relativePath, Array(text.utf8))
    }

    @discardableResult
    func writeBytes(_ relativePath: String, _ bytes: [UInt8]) throws -> URL {
        let file = url(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    func makeFolder(_ relativePath: String) throws {
        try FileManager.default.createDirectory(at: url(relativePath), withIntermediateDirectories: true)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    func readBytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    func permissions(_ relativePath: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url(relativePath).path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func setPermissions(_ relativePath: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url(relativePath).path)
    }

    func symlink(_ relativePath: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relativePath).path, withDestinationPath: destination)
    }

    /// Every entry under the folder, hidden ones included, relative and sorted.
    func listing() -> [String] {
        (FileManager.default.subpaths(atPath: path) ?? []).sorted()
    }
}

/// Small builders for the expected `--format json` output.
enum ExpectedJSON {
    static func diagnostic(
        _ path: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int, _ rule: String, _ severity: String,
        _ message: String, related: [JSONValue] = [], fixes: [JSONValue] = []
    ) -> JSONValue {
        [
            "path": .string(path), "line": .integer(Int64(line)), "column": .integer(Int64(column)),
            "endLine": .integer(Int64(endLine)), "endColumn": .integer(Int64(endColumn)),
            "rule": .string(rule), "severity": .string(severity), "message": .string(message),
            "related": .array(related), "fixes": .array(fixes),
        ]
    }

    static func related(_ path: String, _ line: Int, _ column: Int, _ message: String) -> JSONValue {
        ["path": .string(path), "line": .integer(Int64(line)), "column": .integer(Int64(column)), "message": .string(message)]
    }

    static func fix(_ title: String, _ edits: [JSONValue]) -> JSONValue {
        ["title": .string(title), "edits": .array(edits)]
    }

    static func edit(_ path: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int, _ newText: String) -> JSONValue {
        [
            "path": .string(path), "line": .integer(Int64(line)), "column": .integer(Int64(column)),
            "endLine": .integer(Int64(endLine)), "endColumn": .integer(Int64(endColumn)), "newText": .string(newText),
        ]
    }

    static func summary(files: Int, errors: Int, warnings: Int, information: Int = 0, hints: Int = 0) -> JSONValue {
        [
            "files": .integer(Int64(files)), "errors": .integer(Int64(errors)), "warnings": .integer(Int64(warnings)),
            "information": .integer(Int64(information)), "hints": .integer(Int64(hints)),
        ]
    }

    static func output(_ diagnostics: [JSONValue], _ summary: JSONValue) -> JSONValue {
        ["diagnostics": .array(diagnostics), "summary": summary]
    }
}

/// Summaries of `check --format json` output that most tests compare.
extension JSONValue {
    /// `path:line:column rule` per diagnostic, in output order.
    var checkKeys: [String] {
        (self["diagnostics"]?.arrayValue ?? []).map { entry in
            let path = entry["path"]?.stringValue ?? "?"
            let line = entry["line"]?.intValue ?? 0, column = entry["column"]?.intValue ?? 0
            return "\(path):\(line):\(column) \(entry["rule"]?.stringValue ?? "?")"
        }
    }

    /// The rule ID per diagnostic, in output order.
    var checkRules: [String] {
        (self["diagnostics"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
    }
}
