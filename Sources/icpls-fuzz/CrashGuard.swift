#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the input being run where a signal handler can reach it: when the input
/// crashes the process (a trap, a bad access, a stack overflow) or runs past the time
/// limit, the handler writes it to a file before the process dies.
///
/// Only async-signal-safe calls happen in the handlers: `open`, `write`, `close`,
/// `sigaction`, `raise`, `_exit`.
enum CrashGuard {
    // Set before any handler can run and changed only on the fuzzing thread; the
    // handlers only read them.
    nonisolated(unsafe) private static var input: UnsafeBufferPointer<UInt8>?
    nonisolated(unsafe) private static var crashPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var notice: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var timeoutSeconds: UInt32 = 0
    nonisolated(unsafe) fileprivate static var timeoutNotice: UnsafeMutablePointer<CChar>?
    /// The action each signal had before, indexed by signal number.
    nonisolated(unsafe) private static var previousActions: UnsafeMutablePointer<sigaction>?
    /// The handlers' own stack, kept for the life of the process (and so reachable, not leaked).
    nonisolated(unsafe) private static var signalStack: UnsafeMutableRawPointer?
    private static let signalCount: Int32 = 65

    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Installs the handlers. A crashing input goes to `path`; an input still running
    /// after `timeout` seconds (0: no limit) too.
    static func install(path: String, timeout: Int) {
        crashPath = strdup(path)
        notice = strdup("icpls-fuzz: the input that crashed or hung is in \(path)\n")
        timeoutNotice = strdup("icpls-fuzz: timeout: one input ran longer than \(timeout) s\n")
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(signalCount))
        actions.initialize(repeating: sigaction(), count: Int(signalCount))
        previousActions = actions
        timeoutSeconds = UInt32(clamping: timeout)
        // The handlers must run even when the stack overflowed: give them a stack of their own.
        let size = 256 << 10
        var stack = stack_t()
        signalStack = UnsafeMutableRawPointer(malloc(size))
        stack.ss_sp = signalStack
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        for signal in crashSignals where signal < signalCount {
            actions[Int(signal)] = setHandler(signal, crashed)
        }
        _ = setHandler(SIGALRM, timedOut)
    }

    /// Runs `body` with `bytes` recorded as the current input.
    static func run<Result>(_ bytes: [UInt8], _ body: () -> Result) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            input = buffer
            if timeoutSeconds > 0 { alarm(timeoutSeconds) }
            defer {
                if timeoutSeconds > 0 { alarm(0) }
                input = nil
            }
            return body()
        }
    }

    @discardableResult
    private static func setHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        action.sa_flags = Int32(SA_ONSTACK)
        sigemptyset(&action.sa_mask)
        var previous = sigaction()
        sigaction(signal, &action, &previous)
        return previous
    }

    fileprivate static func writeInput(_ message: UnsafeMutablePointer<CChar>?) {
        guard let crashPath else { return }
        let descriptor = open(crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor >= 0 {
            if let input, let base = input.baseAddress {
                _ = write(descriptor, base, input.count)
            }
            close(descriptor)
        }
        for text in [message, notice] {
            if let text { _ = write(2, text, strlen(text)) }
        }
    }

    /// Writes the input, then lets the handler that was there before (the Swift
    /// runtime's backtracer, or the default action) finish the process.
    fileprivate static func restorePreviousAction(_ signal: Int32) {
        guard let previousActions, signal < signalCount else { return }
        sigaction(signal, previousActions + Int(signal), nil)
    }
}

private func crashed(_ signal: Int32) {
    CrashGuard.writeInput(nil)
    CrashGuard.restorePreviousAction(signal)
    raise(signal)
}

private func timedOut(_ signal: Int32) {
    CrashGuard.writeInput(CrashGuard.timeoutNotice)
    _exit(3)
}
