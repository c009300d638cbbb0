#if canImport(Glibc)
import Glibc
#endif

/// Where a command writes: standard output and standard error, buffered and
/// flushed in large writes.
public final class Console {
    public private(set) var standardOutput: [UInt8] = []
    public private(set) var standardError: [UInt8] = []
    let writesToDescriptors: Bool
    /// True when standard output is a terminal and colour is allowed.
    public let usesColour: Bool

    /// A console on the process's standard output and error.
    public static func process(environment: [String: String]) -> Console {
        // SPEC §6: never with NO_COLOR, whatever its value.
        let noColour = environment["NO_COLOR"] != nil
        return Console(writesToDescriptors: true, usesColour: isatty(1) == 1 && !noColour && environment["TERM"] != "dumb")
    }

    /// A console that only collects what is written.
    public static func capturing(colour: Bool = false) -> Console {
        Console(writesToDescriptors: false, usesColour: colour)
    }

    private init(writesToDescriptors: Bool, usesColour: Bool) {
        self.writesToDescriptors = writesToDescriptors
        self.usesColour = usesColour
    }

    public func out(_ text: String) {
        standardOutput += Array(text.utf8)
        if standardOutput.count > 1 << 16 { flush() }
    }

    public func error(_ text: String) {
        standardError += Array(text.utf8)
        if writesToDescriptors { flush() }
    }

    public func flush() {
        guard writesToDescriptors else { return }
        Self.writeAll(standardOutput, to: 1)
        Self.writeAll(standardError, to: 2)
        standardOutput.removeAll(keepingCapacity: true)
        standardError.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            written += count
        }
    }
}
