#if ICPLS_LIBFUZZER
import Foundation

// Built only with `-sanitize=fuzzer,address -DICPLS_LIBFUZZER` (see the README): the
// toolchain's libFuzzer then drives the same targets with coverage feedback.

@_silgen_name("LLVMFuzzerRunDriver")
private func runLibFuzzer(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

enum LibFuzzerEntry {
    // Set once before libFuzzer starts calling back, on the same thread.
    nonisolated(unsafe) private static var target: (any FuzzTarget)?

    /// Runs libFuzzer on the target named by `ICPLS_FUZZ_TARGET`, with libFuzzer's own arguments.
    static func run() -> Int32 {
        guard let name = ProcessInfo.processInfo.environment["ICPLS_FUZZ_TARGET"], let named = FuzzTargets.target(named: name) else {
            FileHandle.standardError.write(Data("icpls-fuzz: set ICPLS_FUZZ_TARGET to \(FuzzTargets.names.joined(separator: ", "))\n".utf8))
            return 2
        }
        target = named
        var count = CommandLine.argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return runLibFuzzer(&count, &arguments) { data, size in
            let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            if let failure = LibFuzzerEntry.target?.run(input).failure {
                FileHandle.standardError.write(Data("icpls-fuzz: \(failure)\n".utf8))
                // libFuzzer's handler writes the input as crash-… and stops.
                abort()
            }
            return 0
        }
    }
}
#endif
