import Foundation
#if canImport(Glibc)
import Glibc
#endif
import IcplsCore

/// `icpls check [PATH...]`: checks the workspace under the paths and reports in one format.
enum CheckCommand {
    static let usage = """
    Usage: icpls check [PATH...] [options]

    Checks every *.icp.json document under the paths (default: the current folder).

    Options:
      --format text|json|sarif|github   how to report (default: text)
      --as-of YYYY-MM-DD                judge time rules on this date (default: asOf setting, else today)
      --config FILE                     settings file (default: the nearest .icpls.json)
      --fix                             apply the preferred fixes and report what remains

    Exit status: 0 no errors, 1 errors found, 2 usage, settings or read error.

    """

    enum Format: String, CaseIterable {
        case text, json, sarif, github
    }

    struct Options {
        var paths: [String] = []
        var format = Format.text
        var asOf: CalendarDate?
        var configPath: String?
        var fix = false
    }

    static func run(_ arguments: [String], environment: [String: String], currentDirectory: String, console: Console) -> Int32 {
        let options: Options
        switch parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let error): return CommandLineTool.usageError(error.message, console)
        }
        var hadProblem = false
        guard var settings = loadSettings(options, currentDirectory: currentDirectory, console: console, hadProblem: &hadProblem) else {
            return 2
        }
        if let asOf = options.asOf { settings.asOf = asOf }
        let roots = options.paths.isEmpty ? ["."] : options.paths
        let discovery = WorkspaceDiscovery.discover(roots: roots, currentDirectory: currentDirectory)
        for problem in discovery.problems {
            console.error("icpls: \(displayPath(problem.path, currentDirectory)): \(problem.reason)\n")
            hadProblem = true
        }
        var documents: [AnalyzedDocument] = []
        for file in discovery.files {
            do {
                let text = try FileIO.readFile(file.path)
                documents.append(AnalyzedDocument(key: DocumentKey(file.path), order: file.order, text: text))
            } catch {
                console.error("icpls: \(displayPath(file.path, currentDirectory)): \(error.reason)\n")
                hadProblem = true
            }
        }
        let today = CalendarDate.today()
        var result: CheckResult
        if options.fix {
            let outcome = FixApplication.applyPreferredFixes(to: documents, settings: settings, today: today)
            result = outcome.result
            var written = 0
            for document in documents {
                guard let text = outcome.changedTexts[document.key] else { continue }
                do {
                    try FileIO.writeAtomically(text, to: document.key.rawValue)
                    written += 1
                } catch {
                    console.error("icpls: cannot write \(displayPath(document.key.rawValue, currentDirectory)): \(error.reason); it is left unchanged\n")
                    hadProblem = true
                }
            }
            if written != outcome.changedTexts.count {
                // Report against what is on disk: re-check with the files that could not be written as they were.
                let onDisk = documents.map { document -> AnalyzedDocument in
                    guard let text = outcome.changedTexts[document.key], wasWritten(document.key, text) else { return document }
                    return AnalyzedDocument(key: document.key, order: document.order, text: text)
                }
                result = Checker.check(onDisk, settings: settings, today: today)
            }
            if options.format == .text {
                console.error("icpls: applied \(outcome.appliedFixCount) fix\(outcome.appliedFixCount == 1 ? "" : "es") in \(written) file\(written == 1 ? "" : "s")\n")
            }
        } else {
            result = Checker.check(documents, settings: settings, today: today)
        }
        let report = Report(result: result, currentDirectory: currentDirectory)
        switch options.format {
        case .text: TextFormatter.write(report, console: console)
        case .json: JSONFormatter.write(report, console: console)
        case .sarif: SARIFFormatter.write(report, console: console)
        case .github: GitHubFormatter.write(report, console: console)
        }
        // The process ends right after this: what the check built is left to the exit, which
        // frees it all at once, instead of being freed piece by piece on the way out.
        KeptUntilExit.keep((documents, result, report))
        if hadProblem { return 2 }
        return report.diagnostics.contains { $0.diagnostic.severity == .error } ? 1 : 0
    }

    private static func wasWritten(_ key: DocumentKey, _ text: [UInt8]) -> Bool {
        (try? FileIO.readFile(key.rawValue)) == text
    }

    struct UsageError: Error { var message: String }

    static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var index = 0
        var onlyPaths = false
        func value(_ name: String) -> Result<String, UsageError> {
            index += 1
            guard index < arguments.count else { return .failure(UsageError(message: "\(name) needs a value")) }
            return .success(arguments[index])
        }
        while index < arguments.count {
            var argument = arguments[index]
            var inlineValue: String?
            if !onlyPaths, argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            func optionValue() -> Result<String, UsageError> {
                inlineValue.map { .success($0) } ?? value(argument)
            }
            switch argument {
            case "--" where !onlyPaths:
                onlyPaths = true
            case "--format" where !onlyPaths:
                guard case .success(let text) = optionValue() else { return .failure(UsageError(message: "--format needs a value")) }
                guard let format = Format(rawValue: text) else {
                    return .failure(UsageError(message: "unknown format `\(text)` (use text, json, sarif or github)"))
                }
                options.format = format
            case "--as-of" where !onlyPaths:
                guard case .success(let text) = optionValue() else { return .failure(UsageError(message: "--as-of needs a date")) }
                guard let date = CalendarDate(parsing: text) else {
                    return .failure(UsageError(message: "--as-of `\(text)` is not a real date (YYYY-MM-DD)"))
                }
                options.asOf = date
            case "--config" where !onlyPaths:
                guard case .success(let text) = optionValue() else { return .failure(UsageError(message: "--config needs a file")) }
                options.configPath = text
            case "--fix" where !onlyPaths:
                options.fix = true
            default:
                if !onlyPaths && argument.hasPrefix("-") && argument != "-" {
                    return .failure(UsageError(message: "unknown option `\(argument)`"))
                }
                options.paths.append(arguments[index])
            }
            index += 1
        }
        return .success(options)
    }

    /// The settings file's settings; nil (after saying why) when `--config` names no readable file.
    private static func loadSettings(_ options: Options, currentDirectory: String, console: Console, hadProblem: inout Bool) -> Settings? {
        let path: String
        if let configPath = options.configPath {
            path = FilePath.absolute(configPath, relativeTo: currentDirectory)
        } else if let found = nearestSettingsFile(from: currentDirectory) {
            path = found
        } else {
            return Settings()
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readFile(path)
        } catch {
            console.error("icpls: settings \(displayPath(path, currentDirectory)): \(error.reason)\n")
            if options.configPath != nil { return nil }
            hadProblem = true
            return Settings()
        }
        let (settings, problems) = SettingsReader.read(jsonc: bytes)
        for problem in problems {
            console.error("icpls: settings \(displayPath(path, currentDirectory)): \(problem.message); ignored\n")
            hadProblem = true
        }
        return settings
    }

    /// The nearest `.icpls.json` from `directory` up. One that exists but cannot be read
    /// is still the nearest: reading it then fails and is reported, rather than a
    /// settings file further up being used in its place.
    static func nearestSettingsFile(from directory: String) -> String? {
        var current = FilePath.normalize(directory)
        while true {
            let candidate = (current == "/" ? "" : current) + "/.icpls.json"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { return candidate }
            if current == "/" { return nil }
            current = FilePath.parent(current)
        }
    }

    static func displayPath(_ path: String, _ currentDirectory: String) -> String {
        path.hasPrefix("/") ? FilePath.relative(path, to: currentDirectory) : path
    }
}

/// Values the command line tool never frees: the process exits right after, and the system takes
/// back its memory at once. Freeing a large workspace's trees and tables one object at a time
/// takes longer than checking the rules does. (The `icpls` executable runs one command per
/// process; something that ran many in one would keep them all.)
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        lock.lock()
        defer { lock.unlock() }
        kept.append(value)
    }
}
