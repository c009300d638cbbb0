import Foundation
import Testing
import IcplsJSONRPC

/// `check --fix` writes each file through a temporary file that is renamed over it. When
/// the write itself fails half-way — here the file size limit (`ulimit -f`), which stops
/// even root — the original stays byte for byte. Unlike a read-only file or folder (see
/// CLIFixTests), the temporary file is already made and partly written when this happens.
// ThreadSanitizer's runtime itself dies with SIGBUS under a file size limit of a few KiB
// (it maps files of its own), before icpls can show what it does with the failed write.
@Suite("Reliability: a write that fails half-way", .disabled(if: Sanitizer.current == .thread, "ThreadSanitizer cannot run under ulimit -f"))
struct ReliabilityWriteFailureTests {
    /// 400 accounts and one misspelt member at the end: about 19 KB, more than the limit below.
    static let big: String = {
        let accounts = (0..<400).map { #"    { "id": "acct-\#($0)", "name": "公司 \#($0)" },"# }
        return "{\n  \"accounts\": [\n" + accounts.joined(separator: "\n") + "\n    { \"id\": \"acct-x\", \"nmae\": \"typo\" }\n  ]\n}\n"
    }()
    static let small = #"{ "accounts": [ { "id": "acct-s", "nmae": "s" } ] }"# + "\n"
    /// In 512-byte blocks (POSIX `sh`): 8 KiB, above the small file and below the big one.
    static let sizeLimitBlocks = 16

    static func writeWorkspace(_ folder: TemporaryFolder) throws {
        try folder.write("ws/big.icp.json", big)
        try folder.write("ws/small.icp.json", small)
    }

    @Test("a write that fails with EFBIG: the original is kept byte for byte, no temporary file is left, the error names the file")
    func failedWriteKeepsTheOriginal() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            // With SIGXFSZ ignored, write(2) past the limit fails with EFBIG instead of ending the process.
            let result = try Self.runWithFileSizeLimit(["check", "--fix", "--format", "json"], in: folder.url("ws"), ignoreSignal: true)
            #expect(result.status == 2)
            #expect(result.standardError.contains("cannot write big.icp.json"), "\(result.standardError)")
            #expect(result.standardError.contains("File too large"))
            #expect(result.standardError.contains("left unchanged"))
            #expect(try folder.read("ws/big.icp.json") == Self.big)
            #expect(try folder.permissions("ws/big.icp.json") == 0o644)
            // The small file fits under the limit and is fixed; the report describes the files as they are now.
            #expect(try folder.read("ws/small.icp.json") == Self.small.replacingOccurrences(of: "nmae", with: "name"))
            #expect(try result.json().checkKeys == ["big.icp.json:403:23 ICP004"])
            #expect(folder.listing() == ["ws", "ws/big.icp.json", "ws/small.icp.json"], "the temporary file is removed")
        }
    }

    @Test(
        "killed half-way through a write: the original is intact, and the temporary file left behind is hidden from the next check",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/perl"), "needs Perl to unblock SIGXFSZ")
    )
    func killedWriteKeepsTheOriginal() throws {
        try TemporaryFolder.with { folder in
            try Self.writeWorkspace(folder)
            let result = try Self.runWithFileSizeLimit(["check", "--fix"], in: folder.url("ws"), ignoreSignal: false)
            #expect(result.signal == SIGXFSZ, "the process is ended by the file size limit")
            #expect(try folder.read("ws/big.icp.json") == Self.big)
            #expect(try folder.read("ws/small.icp.json") == Self.small, "the big file comes first, and nothing after it is written")
            let leftOver = folder.listing().filter { $0.hasPrefix("ws/.big.icp.json.icpls-") }
            #expect(leftOver.count == 1)
            let next = try CLI.run(["check", "--format", "json"], in: folder.url("ws"))
            #expect(next.status == 0)
            #expect(try next.json()["summary"]?["files"] == 2)
            #expect(try next.json().checkKeys == ["big.icp.json:403:23 ICP004", "small.icp.json:1:35 ICP004"])
        }
    }

    struct Run {
        var status: Int32
        var signal: Int32?
        var standardOutput: String
        var standardError: String

        func json() throws -> JSONValue {
            try JSONValue.decode(Array(standardOutput.utf8))
        }
    }

    /// Runs `icpls` through `/bin/sh` with `ulimit -f` set, SIGXFSZ ignored or not.
    static func runWithFileSizeLimit(_ arguments: [String], in folder: URL, ignoreSignal: Bool) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The thread that starts the process may block SIGXFSZ (as Dispatch's threads block most
        // signals), and a blocked SIGXFSZ acts as an ignored one. So it is ignored outright, or
        // unblocked and set to its default action by Perl, which `sh` cannot do.
        let restore = #"exec /usr/bin/perl -MPOSIX -e 'sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGXFSZ)); $SIG{XFSZ} = "DEFAULT"; exec @ARGV or die' "$@""#
        let script = "ulimit -f \(sizeLimitBlocks); " + (ignoreSignal ? "trap '' XFSZ; exec \"$@\"" : restore)
        process.arguments = ["-c", script, "sh", IcplsExecutable.url.path] + arguments
        process.currentDirectoryURL = folder
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorDrain = PipeDrain(error)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        _ = errorDrain.wait(until: .distantFuture)
        let errorData = errorDrain.data
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}
