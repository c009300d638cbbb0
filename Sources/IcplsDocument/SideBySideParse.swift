import Dispatch

extension JSONCParser {
    /// Texts at least this large are parsed on two cores; below, starting a thread costs more than it saves.
    public static let sideBySideMinimum = 256 * 1024
}

/// Parses a large text on two cores, with the tree, errors and comments of a parse on one.
///
/// Another thread scans for an element of a top-level member's array a little past the middle
/// of the text (following strings, comments and brackets, reading no values), then parses from there
/// to the top-level object's closing brace: the rest of that array, then the object's members
/// after it. This thread parses from the start; when it reaches that element, in that array,
/// it takes the other thread's elements and members and goes on at the closing brace. Text
/// with no syntax error between a comma and a closing bracket reads the same wherever the
/// parse began, so the result is the one-thread parse's.
///
/// This thread parses all of it itself when the other meets anything else (an error, an
/// unclosed comment or string, no closing bracket), when the text has bad UTF-8 anywhere
/// (strings then decode byte by byte, which the other thread does not know), when this one
/// never reaches the element where the scan said, and when the other thread has not started
/// by the time this one gets there: it never waits for a thread that may not come.
enum SideBySideParse {
    /// Where the other thread starts looking for an element, before the middle: this thread
    /// indexes the lines before it takes the other's part (see `JSONCParser.parseIndexingLines`),
    /// and ends its own part with the top-level object. Measured at 10 MB, the two finish
    /// together about here. (A text not laid out in lines has the other thread scan up to here
    /// first, and this one finishes first.)
    static func splitOffset(ofTextOf count: Int) -> Int {
        count / 100 * 42
    }

    /// `beforeWaiting`: work this thread does when it would otherwise wait for the other's part
    /// (at the end when it does not wait).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, waitingForTheOtherCore: Bool, readingCleanContainers: Bool = true, beforeWaiting: (() -> Void)? = nil
    ) -> JSONSyntaxTree {
        let middle = splitOffset(ofTextOf: bytes.count)
        let tail = Tail(middle: middle, waitsForTheOtherCore: waitingForTheOtherCore)
        let bytesAddress = UInt(bitPattern: bytes.baseAddress)
        let count = bytes.count
        DispatchQueue.global().async(group: tail.done) {
            // Claimed first, so that it never starts once the parse from the start has gone on alone.
            guard tail.claimForWorker() else { return }
            // The text outlives this work: `parse` waits for it whenever this block has claimed it.
            let text = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: bytesAddress), count: count)
            // The scan runs here too, so that the parse from the start begins at once.
            let start = ElementBoundary.near(middle, in: text)
            tail.start = start
            tail.startFound.signal()
            tail.read = start.flatMap { Self.elements(of: text, from: $0, readingCleanContainers: readingCleanContainers) }
        }
        var parser = Parser(bytes: bytes)
        parser.readsCleanContainers = readingCleanContainers
        parser.tail = tail
        parser.beforeWaiting = beforeWaiting
        let tree = parser.parseDocument()
        parser.beforeWaiting.take()?()
        // When the other thread has the work, it reads the text: wait for it. When this thread
        // took the work (or takes it now), the other never starts it, and nothing is waited for.
        if !tail.isClaimedByParse && !tail.claimForParse() { tail.done.wait() }
        return tree
    }

    /// The elements of the array from the one at `start` to the array's closing bracket, and
    /// the members of the top-level object after that array's member.
    static func elements(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, readingCleanContainers: Bool = true) -> Tail.Read? {
        var parser = Parser(bytes: bytes, valueAt: start, enclosingClosers: [.endObject, .endArray])
        parser.readsCleanContainers = readingCleanContainers
        var elements: [JSONNode] = []
        while parser.current.canStartValue {
            // The depth a member array's elements are parsed at: the top-level object is 1.
            elements.append(parser.parseValue(depth: 3))
            guard parser.current.kind == .comma else { break }
            parser.advance()
            if parser.current.kind == .endArray { break }
        }
        guard parser.current.kind == .endArray else { return nil }
        let arrayEnd = parser.current.start
        parser.openClosers = [.endObject]
        parser.advance()
        var members: [JSONMember] = []
        while parser.current.kind == .comma {
            parser.advance()
            guard parser.current.kind == .string, let member = parser.parseMember(depth: 1) else { break }
            members.append(member)
        }
        guard parser.current.kind == .endObject, parser.errors.isEmpty, parser.unterminatedStrings.isEmpty,
              parser.lexer.unterminatedCommentStarts.isEmpty else { return nil }
        return Tail.Read(
            elements: elements, arrayEnd: arrayEnd, members: members, objectEnd: parser.current.start,
            lastTokenEnd: parser.lastTokenEnd, lineComments: parser.lexer.lineComments, blockComments: parser.lexer.blockComments
        )
    }

    /// The elements another thread parses. Unchecked: `start` and `read` are each written once
    /// by that thread, and read only after `startFound` and `done` have been waited for, which
    /// order the writes before.
    final class Tail: @unchecked Sendable {
        struct Read {
            var elements: [JSONNode]
            /// Where the array's closing bracket is.
            var arrayEnd: Int
            /// The members after the array's member, and where the top-level object's closing brace is.
            var members: [JSONMember]
            var objectEnd: Int
            var lastTokenEnd: Int
            var lineComments: [ByteRange]
            var blockComments: [ByteRange]
        }

        /// Where the scan starts looking: the parse from the start asks for the element only past it.
        let middle: Int
        /// Where the first element begins, written before `startFound` is signalled; nil when the scan found none.
        var start: Int?
        let startFound = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        var read: Read?
        /// One permit: the thread that takes it without waiting does the work. (Made with none
        /// and given one: libdispatch stops a program that frees a semaphore below its first value.)
        private let permit = DispatchSemaphore(value: 0)

        /// Whether the parse from the start waits for the other thread to start (tests) rather than going on alone.
        let waitsForTheOtherCore: Bool

        init(middle: Int, waitsForTheOtherCore: Bool) {
            self.middle = middle
            self.waitsForTheOtherCore = waitsForTheOtherCore
            permit.signal()
        }

        /// Set when the parse from the start took the work: only that thread writes and reads it.
        private(set) var isClaimedByParse = false

        /// True for the first to ask only: the other thread, when it starts in time, or the parse
        /// from the start, which then goes on alone instead of waiting for a thread that may not
        /// come (every worker busy).
        func claimForWorker() -> Bool {
            permit.wait(timeout: .now()) == .success
        }

        func claimForParse() -> Bool {
            isClaimedByParse = permit.wait(timeout: .now()) == .success
            return isClaimedByParse
        }

        /// Where the other thread begins, once its scan is done.
        func waitForStart() -> Int? {
            startFound.wait()
            // Signalled again for any later caller: the value stays valid.
            startFound.signal()
            return start
        }

        /// The other thread's elements, once it is done; nil when it could not read them all cleanly.
        func wait() -> Read? {
            done.wait()
            return read
        }
    }
}

extension Parser {
    /// The elements of `tail` when the parser stands at its first element, in a member of the
    /// top-level object: the parser then moves on to the array's closing bracket. Nil, and the
    /// parser reads on itself, anywhere else or when the other thread could not read them all.
    mutating func takeTail(at depth: Int) -> [JSONNode]? {
        guard let tail else { return nil }
        // Bad UTF-8 anywhere decodes strings byte by byte (see `stringValue`), which the other
        // thread, not knowing, does not; and a thread that has not started is not waited for.
        guard !hasBadBytes, tail.waitsForTheOtherCore || !tail.claimForParse(), let start = tail.waitForStart(),
              current.start <= start else {
            // The other thread found no element, or this parse is past it: it reads on alone.
            self.tail = nil
            return nil
        }
        guard current.start == start, depth == 2, openClosers == [.endObject, .endArray],
              !afterUnterminatedString, swallowedClosers.isEmpty else { return nil }
        self.tail = nil
        beforeWaiting.take()?()
        guard let read = tail.wait() else { return nil }
        lexer.adoptComments(line: read.lineComments, block: read.blockComments, upTo: read.objectEnd)
        lexer.position = read.arrayEnd
        current = lexer.next()
        restOfObject = (read.members, read.objectEnd, read.lastTokenEnd)
        return read.elements
    }

    /// The rest of the top-level object's members, when the other thread read them; the parser
    /// then stands at the object's closing brace.
    mutating func takeRestOfObject(at depth: Int) -> [JSONMember]? {
        guard depth == 1, let rest = restOfObject.take() else { return nil }
        lastTokenEnd = rest.lastTokenEnd
        lexer.position = rest.objectEnd
        current = lexer.next()
        return rest.members
    }
}

/// Where an element of a top-level member's array begins. A guess either way: the parse joins
/// the other thread's part only where it finds that element itself.
enum ElementBoundary {
    /// How far from the start the sample element for `byIndentation` is looked for, and how far
    /// past the offset a line like its own.
    static let sampleLimit = 64 * 1024
    static let searchLimit = 1024 * 1024

    /// An element of a top-level member's array at or after `offset`: found by its indentation
    /// when the text is laid out in lines, else by a scan from the start.
    static func near(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        byIndentation(offset, in: bytes) ?? scanned(offset, in: bytes)
    }

    /// The first line at or after `offset` laid out as the first element after a comma in the
    /// text's first such array: as far indented, opening with the same bracket, and after a line
    /// that ends with a comma. Looks at a few lines instead of every byte before `offset`; in a
    /// text whose deeper values are indented further (as printers lay JSON out), such a line is an
    /// element of a top-level member's array. Nil when the text is not laid out so.
    static func byIndentation(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let sampled = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, sampleLimit)])
        guard let sample = scanned(0, in: sampled), sample < offset else { return nil }
        var lineStart = sample
        while lineStart > 0, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
        guard lineStart > 0, bytes[lineStart - 1] == 0x0A else { return nil }
        let indentation = sample - lineStart
        var lineBreak = offset
        let end = min(bytes.count - indentation - 1, offset + searchLimit)
        while lineBreak < end {
            defer { lineBreak += 1 }
            guard bytes[lineBreak] == 0x0A, bytes[lineBreak + 1 + indentation] == bytes[sample] else { continue }
            var column = 0
            while column < indentation && bytes[lineBreak + 1 + column] == bytes[lineStart + column] { column += 1 }
            guard column == indentation else { continue }
            var before = lineBreak - 1
            while before > 0, bytes[before] == 0x0D || bytes[before] == 0x20 || bytes[before] == 0x09 { before -= 1 }
            if bytes[before] == UInt8(ascii: ",") { return lineBreak + 1 + indentation }
        }
        return nil
    }

    /// The first element that follows a comma at or after `offset`, in an array that is the
    /// value of a member of the top-level object, found by a scan from the start that follows
    /// strings, comments and brackets but reads no values; nil when there is none.
    static func scanned(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = 0
        var depth = 0
        // Whether each of the two outer levels is an array: the top-level object, then its member's value.
        var isArray = (false, false)
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position = endOfString(startingAt: position, in: bytes)
                continue
            case UInt8(ascii: "/") where position + 1 < count && bytes[position + 1] == UInt8(ascii: "/"):
                while position < count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
                continue
            case UInt8(ascii: "/") where position + 1 < count && bytes[position + 1] == UInt8(ascii: "*"):
                position += 2
                while position + 1 < count && !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/")) { position += 1 }
                position += 2
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth == 1 { isArray.0 = byte == UInt8(ascii: "[") }
                if depth == 2 { isArray.1 = byte == UInt8(ascii: "[") }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth < 0 { return nil }
            case UInt8(ascii: ",") where depth == 2 && !isArray.0 && isArray.1 && position >= offset:
                return nextValueStart(after: position + 1, in: bytes)
            default:
                break
            }
            position += 1
        }
        return nil
    }

    /// Past a string's closing quote, or at the end of its line when it has none (as the lexer reads it).
    private static func endOfString(startingAt quote: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        JSONCLexer.stringToken(bytes, at: quote).end
    }

    /// The first byte after whitespace and comments, when a value can begin there.
    private static func nextValueStart(after start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = start
        let count = bytes.count
        while position < count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D:
                position += 1
            case UInt8(ascii: "/"):
                // A comment right after the comma: the scan keeps it simple and gives up.
                return nil
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                return position
            default:
                return nil
            }
        }
        return nil
    }
}
