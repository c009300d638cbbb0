import Testing
import IcplsJSONRPC

/// The bytes of `text`, to keep expectations readable.
func bytes(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// `body` behind a minimal header block.
func framed(_ body: String) -> [UInt8] {
    bytes("Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
}

@Suite("Framing messages")
struct MessageFramerTests {
    private let first = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#
    private let second = #"{"jsonrpc":"2.0","method":"initialized","params":{"text":"é😀\r\n\r\n"}}"#
    private let third = #"{"jsonrpc":"2.0","id":"x","method":"shutdown"}"#

    /// Feeds `input` in pieces of `pieceLength` bytes and collects every event.
    private func events(
        _ input: [UInt8], pieceLength: Int = .max, framer: MessageFramer = MessageFramer()
    ) -> [MessageFramer.Event] {
        var framer = framer
        var events: [MessageFramer.Event] = []
        var start = 0
        while start < input.count {
            let end = start + min(pieceLength, input.count - start)
            events += framer.feed(Array(input[start..<end]))
            start = end
        }
        return events
    }

    @Test("a message fed one byte at a time arrives once, whole", arguments: [1, 2, 3, 7, 64])
    func splitIntoPieces(pieceLength: Int) {
        let input = framed(first) + framed(second)
        #expect(events(input, pieceLength: pieceLength) == [.message(bytes(first)), .message(bytes(second))])
    }

    @Test("several messages in one chunk all arrive, in order")
    func joinedInOneChunk() {
        let input = framed(first) + framed(second) + framed(third)
        #expect(events(input) == [.message(bytes(first)), .message(bytes(second)), .message(bytes(third))])
    }

    @Test("a chunk may end anywhere and carry the start of the next message")
    func chunkBoundaryInsideNextMessage() {
        var framer = MessageFramer()
        let input = framed(first) + framed(second)
        let cut = framed(first).count + 5
        #expect(framer.feed(Array(input[..<cut])) == [.message(bytes(first))])
        #expect(framer.isInsideMessage)
        #expect(framer.feed(Array(input[cut...])) == [.message(bytes(second))])
        #expect(!framer.isInsideMessage)
    }

    @Test("other headers, any letter case and bare line feeds are accepted", arguments: [
        "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}",
        "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}",
        "content-length: 2\r\n\r\n{}",
        "CONTENT-LENGTH:2\r\n\r\n{}",
        "Content-Length: \t2 \r\n\r\n{}",
        "Content-Length: 2\n\n{}",
        "Content-Length: 2\r\n\n{}",
        "X-Custom: a: b\r\nContent-Length: 02\r\n\r\n{}",
        "\r\n\r\nContent-Length: 2\r\n\r\n{}",
    ])
    func headerVariants(input: String) {
        #expect(events(bytes(input)) == [.message(bytes("{}"))])
        #expect(events(bytes(input), pieceLength: 1) == [.message(bytes("{}"))])
    }

    @Test("a header block without a valid Content-Length is dropped, and the next message read", arguments: [
        "Content-Type: application/json\r\n\r\n",
        "hello\r\n\r\n",
        "Content-Length: ten\r\n\r\n",
        "Content-Length: -2\r\n\r\n",
        "Content-Length: +2\r\n\r\n",
        "Content-Length:\r\n\r\n",
        "Content-Length: 2 3\r\n\r\n",
        "Content-Length: 99999999999999999999999\r\n\r\n",
        "Content-Length: 2\r\nContent-Length: 3\r\n\r\n",
    ])
    func invalidHeaderBlock(header: String) throws {
        let received = events(bytes(header) + framed(first))
        try #require(received.count == 2)
        guard case .invalidHeader = received[0] else {
            Issue.record("expected an invalid header, got \(received[0])")
            return
        }
        #expect(received[1] == .message(bytes(first)))
    }

    @Test("the problem with a header block is described")
    func invalidHeaderDescription() {
        #expect(events(bytes("Content-Type: x\r\n\r\n")) == [
            .invalidHeader("header block without Content-Length (first line: \"Content-Type: x\")"),
        ])
        #expect(events(bytes("Content-Length: ten\r\n\r\n")) == [
            .invalidHeader("Content-Length is not a byte count: \"ten\""),
        ])
    }

    @Test("garbage on a line before the header does not lose the message")
    func garbageLineBeforeHeader() {
        #expect(events(bytes("garbage\r\n") + framed(first)) == [.message(bytes(first))])
    }

    @Test("header-like text inside a body is part of the body")
    func headerTextInsideBody() {
        let body = #"{"text":"Content-Length: 5\r\n\r\nabcde"}"#
        let raw = "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        #expect(events(bytes(raw) + framed(first)) == [.message(bytes(body)), .message(bytes(first))])
    }

    @Test("an empty body is delivered as an empty message")
    func emptyBody() {
        #expect(events(bytes("Content-Length: 0\r\n\r\n") + framed(first)) == [.message([]), .message(bytes(first))])
    }

    @Test("a body over the limit is skipped as it streams, then the next message is read")
    func oversizedBody() {
        var framer = MessageFramer(maximumBodyLength: 1024)
        let oversized = bytes("Content-Length: 10240\r\n\r\n") + [UInt8](repeating: UInt8(ascii: "x"), count: 10240)
        let input = oversized + framed(first)
        var received: [MessageFramer.Event] = []
        var largestBuffer = 0
        for start in stride(from: 0, to: input.count, by: 100) {
            received += framer.feed(Array(input[start..<min(start + 100, input.count)]))
            largestBuffer = max(largestBuffer, framer.bufferedByteCount)
        }
        #expect(received == [.oversizedBodySkipped(contentLength: 10240), .message(bytes(first))])
        #expect(largestBuffer < 200)
    }

    @Test("a body exactly at the limit is delivered")
    func bodyAtLimit() {
        let body = String(repeating: "y", count: 1024)
        #expect(events(framed(body), framer: MessageFramer(maximumBodyLength: 1024)) == [.message(bytes(body))])
    }

    @Test("endless input without a line break stays within the header limit")
    func unterminatedGarbage() {
        var framer = MessageFramer(maximumHeaderBlockLength: 1024)
        var received: [MessageFramer.Event] = []
        let garbage = [UInt8](repeating: UInt8(ascii: "z"), count: 500)
        for _ in 0..<100 {
            received += framer.feed(garbage)
            #expect(framer.bufferedByteCount <= 1024)
        }
        #expect(received == [.invalidHeader("header block longer than 1024 bytes")])
        received = framer.feed(bytes("\r\n") + framed(first))
        #expect(received == [.message(bytes(first))])
    }

    @Test("endless header lines without a blank line stay within the header limit")
    func endlessHeaderLines() {
        var framer = MessageFramer(maximumHeaderBlockLength: 1024)
        var received: [MessageFramer.Event] = []
        for _ in 0..<1000 {
            received += framer.feed(bytes("X-Filler: 123456789\r\n"))
            #expect(framer.bufferedByteCount <= 1024)
        }
        #expect(!received.isEmpty)
        #expect(received.allSatisfy { $0 == .invalidHeader("header block longer than 1024 bytes") })
        received = framer.feed(bytes("\r\n") + framed(first))
        #expect(received.last == .message(bytes(first)))
    }

    @Test("the framer reports whether input ending now would cut a message off")
    func insideMessage() {
        var framer = MessageFramer()
        #expect(!framer.isInsideMessage)
        _ = framer.feed(bytes("Content-Len"))
        #expect(framer.isInsideMessage)
        _ = framer.feed(bytes("gth: 2\r\n\r\n{"))
        #expect(framer.isInsideMessage)
        _ = framer.feed(bytes("}"))
        #expect(!framer.isInsideMessage)
        _ = framer.feed(bytes("\r\n"))
        #expect(!framer.isInsideMessage)
    }
}

@Suite struct MessageFramerResynchronisationTests {
    @Test func aBodyAfterABadContentLengthDoesNotSwallowTheNextMessages() {
        var framer = MessageFramer()
        let good = Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}".utf8)
        let bad = Array("Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\"}".utf8)
        let next = Array("Content-Length: \(good.count)\r\n\r\n".utf8) + good
        for chunking in [1, 7, 1_000] {
            var events: [MessageFramer.Event] = []
            let stream = bad + next + next
            var position = 0
            while position < stream.count {
                let end = min(stream.count, position + chunking)
                events += framer.feed(Array(stream[position..<end]))
                position = end
            }
            #expect(events.filter { if case .invalidHeader = $0 { return true } else { return false } }.count == 1)
            #expect(events.filter { $0 == .message(good) }.count == 2)
        }
    }
}
