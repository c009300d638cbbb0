#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes framed messages to a file descriptor (standard output by default), one whole
/// message at a time: callers on different threads never interleave their bytes.
public final class MessageWriter: Sendable {
    private let fileDescriptor: Int32
    /// Held for the whole of each message, partial writes included.
    private let lock = NSLock()

    public init(fileDescriptor: Int32 = STDOUT_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    /// Writes one framed message (see `OutgoingMessage`) completely.
    ///
    /// - Returns: `false` when the output is gone — the other side closed it — or failed;
    ///   the message is then lost, and the caller decides whether to carry on.
    @discardableResult
    public func send(_ framedMessage: [UInt8]) -> Bool {
        lock.withLock {
            framedMessage.withUnsafeBytes { writeCompletely($0) }
        }
    }

    /// Makes writing to a closed pipe fail with `EPIPE` instead of killing the process
    /// with `SIGPIPE`. Call once, early, from the executable: a client that quits
    /// without waiting for the last answer must not take the server down abruptly.
    public static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    private func writeCompletely(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var written = 0
        while written < bytes.count {
            let result = write(fileDescriptor, base + written, bytes.count - written)
            if result > 0 {
                written += result
                continue
            }
            switch result < 0 ? errno : 0 {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // A descriptor left non-blocking by whoever started us: wait until the
                // reader has made room rather than dropping the rest of the message.
                waitUntilReady(fileDescriptor, for: POLLOUT)
            default:
                return false
            }
        }
        return true
    }
}

/// Blocks until `fileDescriptor` is ready for `event` (or reports an error or hang-up,
/// which the next read or write will then return).
func waitUntilReady(_ fileDescriptor: Int32, for event: Int32) {
    var request = pollfd(fd: fileDescriptor, events: Int16(event), revents: 0)
    while poll(&request, 1, -1) < 0, errno == EINTR {}
}
