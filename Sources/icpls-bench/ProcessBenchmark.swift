import Foundation

/// `icpls check` on the 10 MB document as a whole process, against parsing and
/// validating the same file with orjson and jsonschema-rs when they are installed.
struct ProcessBenchmark {
    let runs: Int

    func measure(_ document: [UInt8], into report: inout BenchReport) {
        // Without it, every run would time a spawn that fails, and reading its schema would wait forever.
        guard FileManager.default.isExecutableFile(atPath: ServerProcess.executable.path) else {
            report.add(Measurement(name: "process: icpls check, 10 MB", value: .nan, unit: "", target: "build icpls first", meetsTarget: false))
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("icpls-bench-process-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("workspace.icp.json")
        try? Data(document).write(to: file)
        let icpls = median(runs) {
            run(ServerProcess.executable.path, ["check", "--format", "json", "--as-of", "2026-11-23", file.path])
        } * 1000
        let baselineScript = """
        import sys, orjson, jsonschema_rs
        schema = orjson.loads(open(sys.argv[1], 'rb').read())
        validator = jsonschema_rs.validator_for(schema)
        data = orjson.loads(open(sys.argv[2], 'rb').read())
        list(validator.iter_errors(data))
        """
        let schemaFile = folder.appendingPathComponent("schema.json")
        let schemaRun = Process()
        schemaRun.executableURL = ServerProcess.executable
        schemaRun.arguments = ["schema"]
        let schemaPipe = Pipe()
        schemaRun.standardOutput = schemaPipe
        try? schemaRun.run()
        let schemaData = schemaPipe.fileHandleForReading.readDataToEndOfFile()
        schemaRun.waitUntilExit()
        try? schemaData.write(to: schemaFile)
        // The generated documents are strict JSON, so Python reads the very same file.
        let strictPath = file.path
        // The interpreter itself is timed, not a launcher in front of it (pyenv's shim, a shell
        // script, added 80 ms to every run here).
        if let python = pythonWithBaseline() {
            let baseline = median(runs) { run(python, ["-c", baselineScript, schemaFile.path, strictPath]) } * 1000
            report.add(Measurement(name: "process: orjson + jsonschema-rs, 10 MB", value: baseline, unit: "ms"))
            report.add(Measurement(name: "process: icpls check, 10 MB (27 rules)", value: icpls, unit: "ms",
                                   target: "< baseline", meetsTarget: icpls < baseline))
        } else {
            report.add(Measurement(name: "process: icpls check, 10 MB (27 rules)", value: icpls, unit: "ms",
                                   target: "≈160 ms", meetsTarget: icpls < 160))
        }
    }

    /// The path of the Python interpreter `python3` runs, when it has orjson and jsonschema-rs.
    private func pythonWithBaseline() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, orjson, jsonschema_rs; print(sys.executable)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        return process.terminationStatus == 0 && path.hasPrefix("/") ? path : nil
    }

    /// Runs a program to its end with its output thrown away. Spawned and waited for directly:
    /// `Foundation.Process` notices an exit only on its run loop's next turn, which added up to
    /// 50 ms to a run here (it takes 50 ms to run `/bin/true`).
    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally: the exit code; otherwise (a signal) -1.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
    }
}
