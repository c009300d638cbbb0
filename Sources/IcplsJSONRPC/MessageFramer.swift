/// Cuts a byte stream into message bodies, following the base protocol: a block of
/// `Name: value` header lines, an empty line, then exactly `Content-Length` bytes.
///
/// Feed it whatever the input delivers — one byte, half a header, several messages at
/// once — and it reports what became complete. Memory stays bounded whatever arrives:
/// a header block may not grow past `maximumHeaderBlockLength`, and a body longer than
/// `maximumBodyLength` is counted off as it streams by instead of being kept.
public struct MessageFramer: Sendable {
    public enum Event: Sendable, Equatable {
        /// A complete body, exactly `Content-Length` bytes long.
        case message([UInt8])
        /// A header block announced a body longer than the limit. Reported as soon as the
        /// header block ends; the body's bytes are then dropped as they arrive, and
        /// reading resumes with the header block after it.
        case oversizedBodySkipped(contentLength: Int)
        /// A header block without a usable `Content-Length`, or one that grew too long.
        /// It is dropped and reading resumes with the next header block.
        case invalidHeader(String)
    }

    public static let defaultMaximumBodyLength = 64 << 20
    public static let defaultMaximumHeaderBlockLength = 64 << 10

    public let maximumBodyLength: Int
    public let maximumHeaderBlockLength: Int

    private enum State: Sendable {
        case readingHeader
        /// After a header block overflowed in the middle of a line: the rest of that
        /// line is garbage too, and the next header block can only start after it.
        case discardingRestOfLine
        case readingBody(remaining: Int)
        case skippingBody(remaining: Int)
    }

    private var state = State.readingHeader
    private var header = HeaderBlock()
    /// The header line being received, without its line ending.
    private var partialLine: [UInt8] = []
    private var body: [UInt8] = []

    public init(
        maximumBodyLength: Int = defaultMaximumBodyLength,
        maximumHeaderBlockLength: Int = defaultMaximumHeaderBlockLength
    ) {
        self.maximumBodyLength = maximumBodyLength
        self.maximumHeaderBlockLength = maximumHeaderBlockLength
    }

    /// How many bytes are held while waiting for the rest of a header line or body.
    public var bufferedByteCount: Int {
        partialLine.count + body.count
    }

    /// Whether the bytes fed so far end inside a message (or inside garbage being
    /// skipped): true when the input ends here, something was cut off.
    public var isInsideMessage: Bool {
        guard case .readingHeader = state else { return true }
        return !partialLine.isEmpty || header.lineCount > 0
    }

    public mutating func feed(_ bytes: [UInt8]) -> [Event] {
        bytes.withUnsafeBytes { feed($0) }
    }

    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Event] {
        var events: [Event] = []
        var position = 0
        while position < chunk.count {
            switch state {
            case .readingHeader:
                position = readHeader(from: chunk, at: position, events: &events)
            case .discardingRestOfLine:
                if let lineFeed = firstLineFeed(in: chunk, from: position) {
                    state = .readingHeader
                    position = lineFeed + 1
                } else {
                    position = chunk.count
                }
            case .readingBody(let remaining):
                let taken = min(remaining, chunk.count - position)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[position..<position + taken]))
                position += taken
                if taken == remaining {
                    events.append(.message(body))
                    body = []
                    state = .readingHeader
                } else {
                    state = .readingBody(remaining: remaining - taken)
                }
            case .skippingBody(let remaining):
                let skipped = min(remaining, chunk.count - position)
                position += skipped
                state = skipped == remaining ? .readingHeader : .skippingBody(remaining: remaining - skipped)
            }
        }
        return events
    }

    /// Consumes header bytes up to the end of the current line (or of the chunk) and
    /// returns where it stopped.
    private mutating func readHeader(
        from chunk: UnsafeRawBufferPointer, at position: Int, events: inout [Event]
    ) -> Int {
        let lineFeed = firstLineFeed(in: chunk, from: position)
        let segmentEnd = lineFeed ?? chunk.count
        let blockLength = header.byteCount + partialLine.count + (segmentEnd - position)
        guard blockLength <= maximumHeaderBlockLength else {
            events.append(.invalidHeader("header block longer than \(maximumHeaderBlockLength) bytes"))
            header = HeaderBlock()
            partialLine = []
            if let lineFeed {
                return lineFeed + 1
            }
            state = .discardingRestOfLine
            return chunk.count
        }
        partialLine.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[position..<segmentEnd]))
        guard let lineFeed else {
            return chunk.count
        }
        if partialLine.last == ASCII.carriageReturn {
            partialLine.removeLast()
        }
        if partialLine.isEmpty {
            // Blank lines before any header line are tolerated, not taken as a block end.
            if header.lineCount > 0 {
                finishHeaderBlock(events: &events)
            }
        } else {
            if header.lineCount == 0, let start = Self.contentLengthStart(in: partialLine), start > 0 {
                // The body of a block dropped for its bad header ran into this header line:
                // the new block starts where `Content-Length` does.
                partialLine.removeFirst(start)
            }
            header.add(line: partialLine)
        }
        partialLine.removeAll(keepingCapacity: true)
        return lineFeed + 1
    }

    private mutating func finishHeaderBlock(events: inout [Event]) {
        defer { header = HeaderBlock() }
        let contentLength: Int
        switch header.contentLength {
        case .failure(let problem):
            events.append(.invalidHeader(problem.description))
            return
        case .success(let length):
            contentLength = length
        }
        if contentLength > maximumBodyLength {
            events.append(.oversizedBodySkipped(contentLength: contentLength))
            state = .skippingBody(remaining: contentLength)
        } else if contentLength == 0 {
            events.append(.message([]))
        } else {
            // Reserving the announced length at once saves regrowing a large body while
            // it arrives; the length is known to be within the limit.
            body.reserveCapacity(contentLength)
            state = .readingBody(remaining: contentLength)
        }
    }

    /// Where `Content-Length:` (any case) starts in a line, if it does.
    private static func contentLengthStart(in line: [UInt8]) -> Int? {
        let name = Array("content-length:".utf8)
        guard line.count >= name.count else { return nil }
        for start in 0...(line.count - name.count) {
            var matches = true
            for offset in 0..<name.count {
                let byte = line[start + offset]
                let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if lowered != name[offset] { matches = false; break }
            }
            if matches { return start }
        }
        return nil
    }

    private func firstLineFeed(in chunk: UnsafeRawBufferPointer, from position: Int) -> Int? {
        chunk[position...].firstIndex(of: ASCII.lineFeed)
    }
}

/// The header lines of one block, read as they arrive.
private struct HeaderBlock: Sendable {
    enum Problem: Error, Sendable, CustomStringConvertible {
        case missingContentLength(firstLine: String)
        case unreadableContentLength(String)
        case conflictingContentLengths

        var description: String {
            switch self {
            case .missingContentLength(let firstLine):
                return "header block without Content-Length (first line: \"\(firstLine)\")"
            case .unreadableContentLength(let value):
                return "Content-Length is not a byte count: \"\(value)\""
            case .conflictingContentLengths:
                return "header block with conflicting Content-Length values"
            }
        }
    }

    private(set) var lineCount = 0
    /// Bytes of the complete lines so far, counting one byte for each line ending.
    private(set) var byteCount = 0
    private var firstLine = ""
    private var announcedLength: Int?
    private var problem: Problem?

    var contentLength: Result<Int, Problem> {
        if let problem { return .failure(problem) }
        guard let announcedLength else { return .failure(.missingContentLength(firstLine: firstLine)) }
        return .success(announcedLength)
    }

    /// Takes one line. Lines that are not `Name: value` fields are ignored: when garbage
    /// precedes a real header on its own line, the message behind it is still read.
    mutating func add(line: [UInt8]) {
        if lineCount == 0 {
            firstLine = String(decoding: line.prefix(80), as: UTF8.self)
        }
        lineCount += 1
        byteCount += line.count + 1
        guard let colon = line.firstIndex(of: ASCII.colon),
              Self.isContentLengthName(line[..<colon])
        else { return }
        let value = line[(colon + 1)...].trimmingHeaderWhitespace()
        guard let length = Self.byteCount(value) else {
            problem = problem ?? .unreadableContentLength(String(decoding: value.prefix(80), as: UTF8.self))
            return
        }
        if let announcedLength, announcedLength != length {
            problem = problem ?? .conflictingContentLengths
        }
        announcedLength = length
    }

    private static func isContentLengthName(_ name: ArraySlice<UInt8>) -> Bool {
        let trimmed = name.trimmingHeaderWhitespace()
        let expected = "content-length".utf8
        guard trimmed.count == expected.count else { return false }
        return zip(trimmed, expected).allSatisfy { actual, wanted in
            let isUppercase = actual >= UInt8(ascii: "A") && actual <= UInt8(ascii: "Z")
            return (isUppercase ? actual + 0x20 : actual) == wanted
        }
    }

    /// A decimal byte count, or `nil` for anything else (signs, spaces, overflow).
    private static func byteCount(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18,
              digits.allSatisfy({ $0 >= ASCII.zero && $0 <= ASCII.nine })
        else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
    }
}

extension ArraySlice<UInt8> {
    fileprivate func trimmingHeaderWhitespace() -> ArraySlice<UInt8> {
        let isWhitespace = { (byte: UInt8) in byte == ASCII.space || byte == ASCII.tab }
        guard let first = firstIndex(where: { !isWhitespace($0) }),
              let last = lastIndex(where: { !isWhitespace($0) })
        else { return [] }
        return self[first...last]
    }
}
