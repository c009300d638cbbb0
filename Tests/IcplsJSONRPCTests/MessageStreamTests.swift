#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import IcplsJSONRPC

/// Both ends of a fresh pipe.
private func makePipe() throws -> (reading: Int32, writing: Int32) {
    var descriptors: [Int32] = [-1, -1]
    try #require(pipe(&descriptors) == 0)
    return (descriptors[0], descriptors[1])
}

/// Writes `bytes` to `descriptor` completely, as a client would.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    #expect(MessageWriter(fileDescriptor: descriptor).send(bytes))
}

/// Every event a reader of `descriptor` reports, read on the reader's own thread.
private func readEvents(from descriptor: Int32, chunkSize: Int = MessageReader.defaultChunkSize) async
    -> [MessageReader.Event] {
    await collect(startReadingEvents(from: descriptor, chunkSize: chunkSize))
}

/// Starts reading now, on the reader's own thread: a test that then blocks its own thread
/// (writing to the pipe) must not depend on a task being scheduled to start the reader.
private func startReadingEvents(from descriptor: Int32, chunkSize: Int = MessageReader.defaultChunkSize)
    -> AsyncStream<MessageReader.Event> {
    let (stream, continuation) = AsyncStream.makeStream(of: MessageReader.Event.self)
    MessageReader(fileDescriptor: descriptor, chunkSize: chunkSize).start { event in
        continuation.yield(event)
        if case .endOfInput = event {
            continuation.finish()
        }
    }
    return stream
}

private func collect(_ stream: AsyncStream<MessageReader.Event>) async -> [MessageReader.Event] {
    var events: [MessageReader.Event] = []
    for await event in stream {
        events.append(event)
    }
    return events
}

@Suite("Reading and writing streams")
struct MessageStreamTests {
    @Test("the writer puts exactly the framed bytes on the descriptor")
    func writerBytes() throws {
        let (reading, writing) = try makePipe()
        defer { close(reading) }
        let writer = MessageWriter(fileDescriptor: writing)
        #expect(writer.send(OutgoingMessage.response(id: .integer(1), result: .null)))
        #expect(writer.send(OutgoingMessage.notification(method: "exit", params: nil)))
        close(writing)

        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(reading, &chunk, chunk.count)
            guard count > 0 else { break }
            received += chunk[..<count]
        }
        let expected = "Content-Length: 38\r\n\r\n" + #"{"jsonrpc":"2.0","id":1,"result":null}"#
            + "Content-Length: 33\r\n\r\n" + #"{"jsonrpc":"2.0","method":"exit"}"#
        #expect(String(decoding: received, as: UTF8.self) == expected)
    }

    @Test("messages sent from many threads at once never interleave")
    func concurrentWriters() async throws {
        let (reading, writing) = try makePipe()
        defer { close(reading) }
        let writer = MessageWriter(fileDescriptor: writing)
        let filler = String(repeating: "0123456789", count: 2_000)
        let events = startReadingEvents(from: reading, chunkSize: 1_000)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<25 {
                let params: JSONValue = [
                    "thread": .integer(Int64(thread)), "index": .integer(Int64(index)), "filler": .string(filler),
                ]
                writer.send(OutgoingMessage.notification(method: "m", params: params))
            }
        }
        close(writing)

        var seen = Set<String>()
        for event in await collect(events) {
            guard case .message(let body) = event else {
                #expect(event == .endOfInput(interruptedMessage: false))
                continue
            }
            let message = try IncomingMessage(body: body)
            guard case .notification(_, let params?) = message, params["filler"]?.stringValue == filler else {
                Issue.record("damaged message: \(message)")
                continue
            }
            seen.insert("\(params["thread"]?.intValue ?? -1)/\(params["index"]?.intValue ?? -1)")
        }
        #expect(seen.count == 8 * 25)
    }

    @Test("writing to a closed pipe fails without ending the process")
    func brokenPipe() throws {
        MessageWriter.ignoreBrokenPipeSignal()
        let (reading, writing) = try makePipe()
        defer { close(writing) }
        close(reading)
        #expect(!MessageWriter(fileDescriptor: writing).send(framed("{}")))
    }

    @Test("the reader delivers framing events in order, then the end of input")
    func readerEvents() async throws {
        let (reading, writing) = try makePipe()
        defer { close(reading) }
        writeAll(framed(#"{"a":1}"#) + bytes("X: y\r\n\r\n") + framed("[]"), to: writing)
        close(writing)
        let events = await readEvents(from: reading, chunkSize: 3)
        #expect(events == [
            .message(bytes(#"{"a":1}"#)),
            .invalidHeader("header block without Content-Length (first line: \"X: y\")"),
            .message(bytes("[]")),
            .endOfInput(interruptedMessage: false),
        ])
    }

    @Test("input ending inside a message is reported as such", arguments: [
        "Content-Length: 10\r\n\r\n{\"a\"",
        "Content-Length: 10\r\n",
        "Content-Le",
    ])
    func endOfInputInsideMessage(tail: String) throws {
        let (reading, writing) = try makePipe()
        defer { close(reading) }
        writeAll(framed("{}") + bytes(tail), to: writing)
        close(writing)
        var events: [MessageReader.Event] = []
        MessageReader(fileDescriptor: reading).run { events.append($0) }
        #expect(events == [.message(bytes("{}")), .endOfInput(interruptedMessage: true)])
    }

    @Test("the reader skips an oversized body and serves the next message")
    func readerSkipsOversizedBody() throws {
        let (reading, writing) = try makePipe()
        defer { close(reading) }
        let oversized = framed(#"{"text":""# + String(repeating: "x", count: 5_000) + #""}"#)
        writeAll(oversized + framed("{}"), to: writing)
        close(writing)
        var events: [MessageReader.Event] = []
        MessageReader(fileDescriptor: reading, maximumBodyLength: 1_024, chunkSize: 512).run { events.append($0) }
        #expect(events == [
            .oversizedBodySkipped(contentLength: 5_011),
            .message(bytes("{}")),
            .endOfInput(interruptedMessage: false),
        ])
    }
}
