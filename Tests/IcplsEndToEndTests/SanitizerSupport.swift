import Foundation
import Testing

/// The sanitizer the suite runs under: `.ci/sanitize` sets `ICPLS_SANITIZER` to `address`
/// or `thread`. The `icpls` that the tests spawn is the one built beside them, so it is
/// instrumented too; these helpers make its reports fail the test that spawned it.
enum Sanitizer: String {
    case address, thread

    static let current = ProcessInfo.processInfo.environment["ICPLS_SANITIZER"].flatMap(Sanitizer.init(rawValue:))

    /// The sanitizers' runtime options (suppressions, exit codes), passed on to `icpls`
    /// even where a test gives it a reduced environment.
    static let environment: [String: String] = ProcessInfo.processInfo.environment.filter { name, _ in
        ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"].contains(name)
    }

    /// Lines that start a report of AddressSanitizer, LeakSanitizer or ThreadSanitizer.
    static let reportMarkers = ["ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "WARNING: ThreadSanitizer"]

    /// Records an issue when a spawned process's standard error holds a sanitizer report.
    static func recordReports(in standardError: String, of what: String, sourceLocation: SourceLocation) {
        guard reportMarkers.contains(where: standardError.contains) else { return }
        Issue.record("\(what) had a sanitizer report:\n\(standardError.suffix(20_000))", sourceLocation: sourceLocation)
    }
}
