#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads framed messages from a file descriptor (standard input by default) and hands
/// each event to a callback, until the input ends.
public final class MessageReader: Sendable {
    public enum Event: Sendable, Equatable {
        /// A complete message body, not yet decoded.
        case message([UInt8])
        /// See `MessageFramer.Event.oversizedBodySkipped`.
        case oversizedBodySkipped(contentLength: Int)
        /// See `MessageFramer.Event.invalidHeader`.
        case invalidHeader(String)
        /// The input ended, or could no longer be read. `interruptedMessage` is true when
        /// it ended partway through a message, which is then lost. Always the last event.
        case endOfInput(interruptedMessage: Bool)
    }

    public static let defaultChunkSize = 64 << 10

    private let fileDescriptor: Int32
    private let maximumBodyLength: Int
    private let chunkSize: Int

    public init(
        fileDescriptor: Int32 = STDIN_FILENO,
        maximumBodyLength: Int = MessageFramer.defaultMaximumBodyLength,
        chunkSize: Int = defaultChunkSize
    ) {
        self.fileDescriptor = fileDescriptor
        self.maximumBodyLength = maximumBodyLength
        self.chunkSize = max(1, chunkSize)
    }

    /// Reads on the calling thread until the input ends, calling `handle` for each
    /// event in order; returns after handing over `.endOfInput`.
    public func run(_ handle: (Event) -> Void) {
        runInBatches { events in events.forEach(handle) }
    }

    /// Like `run`, but hands over the events of each read together (never an empty
    /// array), so that messages written at once can be handled as one batch.
    public func runInBatches(_ handle: ([Event]) -> Void) {
        var framer = MessageFramer(maximumBodyLength: maximumBodyLength)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while let count = readChunk(into: chunk) {
            let events = framer.feed(UnsafeRawBufferPointer(rebasing: chunk[..<count])).map(Event.init)
            if !events.isEmpty { handle(events) }
        }
        handle([.endOfInput(interruptedMessage: framer.isInsideMessage)])
    }

    /// Starts reading on a thread of its own and returns at once. `handle` is called on
    /// that thread, one event at a time, in order.
    public func start(_ handle: @escaping @Sendable (Event) -> Void) {
        startInBatches { events in events.forEach(handle) }
    }

    /// Starts reading on a thread of its own, handing over the events of each read together.
    public func startInBatches(_ handle: @escaping @Sendable ([Event]) -> Void) {
        let thread = Thread { [self] in
            runInBatches(handle)
        }
        thread.name = "message reader"
        thread.start()
    }

    /// Fills `chunk` with what is available; `nil` once the input has ended or failed.
    private func readChunk(into chunk: UnsafeMutableRawBufferPointer) -> Int? {
        while true {
            let count = read(fileDescriptor, chunk.baseAddress, chunk.count)
            if count > 0 {
                return count
            }
            if count == 0 {
                return nil
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // A non-blocking descriptor inherited from the parent: wait for data
                // instead of spinning.
                waitUntilReady(fileDescriptor, for: POLLIN)
            default:
                return nil
            }
        }
    }
}

extension MessageReader.Event {
    init(_ event: MessageFramer.Event) {
        switch event {
        case .message(let body): self = .message(body)
        case .oversizedBodySkipped(let contentLength): self = .oversizedBodySkipped(contentLength: contentLength)
        case .invalidHeader(let problem): self = .invalidHeader(problem)
        }
    }
}
