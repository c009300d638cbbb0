/// One parse of a text by `JSONCParser`: the lexer, the containers open, what went wrong.
struct Parser {
    typealias Token = JSONCLexer.Token

    let bytes: UnsafeBufferPointer<UInt8>
    let textStart: Int
    var lexer: JSONCLexer
    var current: Token
    var errors: [SyntaxError] = []
    var errorStarts = Set<Int>()
    let hasBadBytes: Bool
    /// Set right after an unterminated string is consumed: whatever it swallowed
    /// (a comma, a colon, a closing bracket) is not reported missing again.
    var afterUnterminatedString = false
    /// Closing brackets of the containers being parsed, innermost last.
    var openClosers: [JSONCLexer.Kind] = []
    /// Closing brackets an unterminated string swallowed: they are not reported
    /// missing again until the parser moves on past the next comma.
    var swallowedClosers: [JSONCLexer.Kind: Int] = [:]
    /// Elements another thread parses, from an element of a top-level array on (see `SideBySideParse`).
    var tail: SideBySideParse.Tail?
    /// The top-level object's members after the joined array's member, and where the object
    /// closes: taken once the member holding the array is read.
    var restOfObject: (members: [JSONMember], objectEnd: Int, lastTokenEnd: Int)?
    /// Work of this thread's own done when it would otherwise wait for the other thread's part;
    /// done at the end when it never waits.
    var beforeWaiting: (() -> Void)?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        textStart = hasByteOrderMark ? 3 : 0
        lexer = JSONCLexer(bytes: bytes, start: textStart)
        current = Token(kind: .endOfText, start: 0, end: 0)
        let badRuns = UTF8Decoding.badByteRuns(bytes)
        hasBadBytes = !badRuns.isEmpty
        for run in badRuns { report(run, .invalidUTF8) }
        current = lexer.next()
    }

    /// A parser that reads one value at `start` of text known to be valid UTF-8
    /// there (or whose strings are of no use when it is not, as for `SideBySideParse`),
    /// inside containers closed by `enclosingClosers` (outermost first).
    init(bytes: UnsafeBufferPointer<UInt8>, valueAt start: Int, enclosingClosers: [JSONCLexer.Kind]) {
        self.bytes = bytes
        textStart = start
        lexer = JSONCLexer(bytes: bytes, start: start)
        current = Token(kind: .endOfText, start: 0, end: 0)
        hasBadBytes = false
        openClosers = enclosingClosers
        current = lexer.next()
    }

    /// Reads the value the parser stands at: the node, its syntax errors (unterminated
    /// comments included) and the comments inside it.
    mutating func parseLoneValue(depth: Int) -> (node: JSONNode, errors: [SyntaxError], lineComments: [ByteRange], blockComments: [ByteRange]) {
        let node = parseValue(depth: depth)
        for start in lexer.unterminatedCommentStarts {
            report(ByteRange(start: start, end: start + 2), .unterminatedComment)
        }
        // Reading the value looked one token past it: comments there are not its own.
        let end = node.range.end
        return (node, errors, lexer.lineComments.filter { $0.end <= end }, lexer.blockComments.filter { $0.end <= end })
    }

    mutating func parseDocument() -> JSONSyntaxTree {
        var root: JSONNode?
        var nonObjectRoot: JSONNode?
        if current.kind == .endOfText {
            return finish(root: nil, nonObjectRoot: nil, isEmpty: true)
        }
        var restartNeeded = true
        var firstPassEnd = 0
        if current.canStartValue {
            let errorCountBefore = errors.count
            let node = parseValue(depth: 1)
            if node.object != nil {
                root = node
                restartNeeded = false
            } else if errors.count == errorCountBefore && !node.isInvalid {
                nonObjectRoot = node
                restartNeeded = false
            }
            firstPassEnd = current.start
        } else {
            report(current.range, .unexpectedToken(describe(current)))
            firstPassEnd = current.end
        }
        if restartNeeded {
            // Broken top-level text: the first `{` token of the text is taken as the top-level object.
            lexer.position = textStart
            current = lexer.next()
            while current.kind != .beginObject && current.kind != .endOfText {
                recordIfUnterminated(current)
                current = lexer.next()
            }
            if current.kind == .beginObject {
                openClosers.removeAll()
                swallowedClosers.removeAll()
                afterUnterminatedString = false
                root = parseValue(depth: 1)
            }
        }
        if current.kind != .endOfText && current.start >= firstPassEnd {
            report(current.range, .textAfterTopLevelValue)
        }
        // The rest is not read as values, but its comments count: they may ignore that very error.
        while current.kind != .endOfText { advance() }
        return finish(root: root, nonObjectRoot: nonObjectRoot, isEmpty: false)
    }

    private mutating func finish(root: JSONNode?, nonObjectRoot: JSONNode?, isEmpty: Bool) -> JSONSyntaxTree {
        for start in lexer.unterminatedCommentStarts {
            report(ByteRange(start: start, end: start + 2), .unterminatedComment)
        }
        errors.sort { $0.range < $1.range }
        var tree = JSONSyntaxTree(
            root: root, nonObjectRoot: nonObjectRoot, errors: errors,
            lineComments: lexer.lineComments, blockComments: lexer.blockComments, isEmpty: isEmpty && errors.isEmpty
        )
        tree.unterminatedStrings = unterminatedStrings.sorted()
        return tree
    }

    // MARK: - Values

    mutating func parseValue(depth: Int) -> JSONNode {
        let token = current
        switch token.kind {
        case .beginObject, .beginArray:
            if depth > JSONCParser.nestingLimit {
                report(token.range, .nestingTooDeep(limit: JSONCParser.nestingLimit))
                return JSONNode(range: ByteRange(start: token.start, end: skipContainer()), value: .invalid)
            }
            guard triesCleanReading(depth: depth) else { return parseContainer(token, depth: depth) }
            if let node = readCleanContainer(depth: depth) { return node }
            // Something in it needs tokens, and so may what it holds: nothing inside is tried again.
            cleanReadingPaused += 1
            defer { cleanReadingPaused -= 1 }
            return parseContainer(token, depth: depth)
        case .string:
            advance()
            return JSONNode(range: token.range, value: stringValue(token).map { .string($0) } ?? .invalid)
        case .number:
            advance()
            if token.isBadNumber {
                report(token.range, .invalidNumber(text(token.range)))
                return JSONNode(range: token.range, value: .invalid)
            }
            return JSONNode(range: token.range, value: .number(JSONNumberScanner.value(bytes, start: token.start, end: token.end)))
        case .trueLiteral: advance(); return JSONNode(range: token.range, value: .bool(true))
        case .falseLiteral: advance(); return JSONNode(range: token.range, value: .bool(false))
        case .nullLiteral: advance(); return JSONNode(range: token.range, value: .null)
        case .invalid, .badBytes:
            advance()
            report(token.range, .invalidToken(text(token.range)))
            return JSONNode(range: token.range, value: .invalid)
        default:
            report(token.range, .missingValue(found: describe(token)))
            return JSONNode(range: .empty(at: token.start), value: .invalid)
        }
    }

    private mutating func parseContainer(_ open: Token, depth: Int) -> JSONNode {
        open.kind == .beginObject ? parseObject(depth: depth) : parseArray(depth: depth)
    }

    private mutating func parseObject(depth: Int) -> JSONNode {
        let open = current
        advance()
        openClosers.append(.endObject)
        defer { openClosers.removeLast() }
        let firstMember = memberStack.count
        while true {
            // Expecting a member or the closing brace.
            switch current.kind {
            case .endObject:
                let end = current.end
                advance()
                return object(from: open, to: end, firstMember: firstMember)
            case .endOfText:
                reportMissing("}")
                return object(from: open, cutOffAfter: firstMember)
            case .endArray where closesEnclosing(.endArray):
                reportMissing("}")
                return object(from: open, cutOffAfter: firstMember)
            case .string:
                if let member = parseMember(depth: depth) { memberStack.push(member) }
                if restOfObject != nil, let rest = takeRestOfObject(at: depth) {
                    for member in rest { memberStack.push(member) }
                    continue
                }
            default:
                report(current.range, .expectedMemberName(found: describe(current)))
                if current.kind == .comma { advance() } else { skipToSync(inObject: true) }
                continue
            }
            // After a member: a comma, the closing brace, or something missing.
            switch current.kind {
            case .comma:
                advance()
            case .endObject, .endOfText:
                continue
            case .endArray where closesEnclosing(.endArray):
                continue
            case .beginObject where openClosers.dropLast().last == .endArray,
                 .beginArray where openClosers.dropLast().last == .endArray:
                // The next element of the enclosing array begins: this object was never closed.
                reportMissing("}")
                return object(from: open, cutOffAfter: firstMember)
            case .string:
                reportMissingSeparator(.missingComma)
            default:
                report(current.range, .unexpectedToken(describe(current)))
                skipToSync(inObject: true)
            }
        }
    }

    /// The object that opened at `open` and ends at `end`, with the members parsed since `firstMember`.
    private mutating func object(from open: Token, to end: Int, firstMember: Int) -> JSONNode {
        JSONNode(range: ByteRange(start: open.start, end: end), value: .object(JSONObjectSyntax(members: memberStack.pop(since: firstMember))))
    }

    /// The object that opened at `open` and was never closed (see `lastEnd`).
    private mutating func object(from open: Token, cutOffAfter firstMember: Int) -> JSONNode {
        object(from: open, to: lastEnd(open, memberStack.last(since: firstMember)?.range.end), firstMember: firstMember)
    }

    mutating func parseMember(depth: Int) -> JSONMember? {
        let keyToken = current
        advance()
        if keyToken.isUnterminated {
            // The key swallowed the rest of its line: nothing more to read for this member.
            report(keyToken.range, .unterminatedString)
            return nil
        }
        let key = stringValue(keyToken)
        if current.kind == .colon {
            advance()
        } else {
            reportMissingSeparator(.missingColon)
            guard current.canStartValue && current.kind != .string || current.kind == .string && !nextIsColon() else {
                return key.map { JSONMember(key: $0, keyRange: keyToken.range, value: JSONNode(range: .empty(at: current.start), value: .invalid)) }
            }
        }
        let value = parseValue(depth: depth + 1)
        return key.map { JSONMember(key: $0, keyRange: keyToken.range, value: value) }
    }

    private mutating func parseArray(depth: Int) -> JSONNode {
        let open = current
        advance()
        openClosers.append(.endArray)
        defer { openClosers.removeLast() }
        let firstElement = elementStack.count
        while true {
            switch current.kind {
            case .endArray:
                let end = current.end
                advance()
                return array(from: open, to: end, firstElement: firstElement)
            case .endOfText:
                reportMissing("]")
                return array(from: open, cutOffAfter: firstElement)
            case .endObject where closesEnclosing(.endObject):
                reportMissing("]")
                return array(from: open, cutOffAfter: firstElement)
            case .string where openClosers.dropLast().last == .endObject && nextIsColon():
                // A member name of the enclosing object: this array was never closed.
                reportMissing("]")
                return array(from: open, cutOffAfter: firstElement)
            case .comma, .colon, .endObject:
                report(current.range, .missingValue(found: describe(current)))
                advance()
                continue
            default:
                if let tail, current.start >= tail.middle, let taken = takeTail(at: depth) {
                    for element in taken { elementStack.push(element) }
                    continue
                }
                elementStack.push(parseValue(depth: depth + 1))
            }
            switch current.kind {
            case .comma:
                advance()
            case .endArray, .endOfText:
                continue
            case .endObject where closesEnclosing(.endObject):
                continue
            default:
                if current.canStartValue {
                    reportMissingSeparator(.missingComma)
                } else {
                    report(current.range, .unexpectedToken(describe(current)))
                    skipToSync(inObject: false)
                }
            }
        }
    }

    /// The array that opened at `open` and ends at `end`, with the elements parsed since `firstElement`.
    private mutating func array(from open: Token, to end: Int, firstElement: Int) -> JSONNode {
        JSONNode(range: ByteRange(start: open.start, end: end), value: .array(elementStack.pop(since: firstElement)))
    }

    /// The array that opened at `open` and was never closed (see `lastEnd`).
    private mutating func array(from open: Token, cutOffAfter firstElement: Int) -> JSONNode {
        array(from: open, to: lastEnd(open, elementStack.last(since: firstElement)?.range.end), firstElement: firstElement)
    }

    // MARK: - Tokens and strings (recovery and error reports: JSONCParserRecovery.swift)

    mutating func advance() {
        afterUnterminatedString = current.kind == .string && current.isUnterminated
        if afterUnterminatedString {
            recordIfUnterminated(current)
            for byte in bytes[current.start..<current.end] {
                if byte == UInt8(ascii: "}") { swallowedClosers[.endObject, default: 0] += 1 }
                if byte == UInt8(ascii: "]") { swallowedClosers[.endArray, default: 0] += 1 }
            }
        } else if current.kind == .comma && !swallowedClosers.isEmpty {
            swallowedClosers.removeAll()
        }
        lastTokenEnd = current.end
        current = lexer.next()
    }

    var lastTokenEnd = 0
    /// Whether containers with nothing unusual in them are read straight from the bytes
    /// (`readCleanContainer`); off only to compare with the token parser.
    var readsCleanContainers = true
    /// Above zero inside a container that could not be read that way.
    var cleanReadingPaused = 0
    let recentStrings = RecentShortStrings()
    // Shared by reference: a parser is never copied (a look ahead copies only the lexer), or two
    // copies would push onto one stack.
    let memberStack = ScratchStack<JSONMember>()
    let elementStack = ScratchStack<JSONNode>()

    /// Keeps an unclosed string once, also when the text is read a second time after a broken start.
    private mutating func recordIfUnterminated(_ token: Token) {
        guard token.kind == .string, token.isUnterminated else { return }
        if token.start > unterminatedStrings.last?.start ?? -1 || !unterminatedStrings.contains(token.range) {
            unterminatedStrings.append(token.range)
        }
    }
    var unterminatedStrings: [ByteRange] = []

    private func lastEnd(_ open: Token) -> Int { max(open.end, lastTokenEnd) }

    /// Where a container that was cut off ends: after its last token, and never before
    /// its last child, whose missing value may sit at the token that cut it off.
    private func lastEnd(_ open: Token, _ lastChildEnd: Int?) -> Int { max(lastEnd(open), lastChildEnd ?? 0) }

    /// The decoded string, or nil (after reporting why) when the token is no valid string.
    private mutating func stringValue(_ token: Token) -> String? {
        if token.isUnterminated {
            report(token.range, .unterminatedString)
            return nil
        }
        if token.isMalformed {
            report(token.range, .controlCharacterInString)
            return nil
        }
        let contentStart = token.start + 1
        let contentEnd = token.end - 1
        if !token.hasEscapes {
            if hasBadBytes { return UTF8Decoding.decode(UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])) }
            return recentStrings.string(bytes, from: contentStart, to: contentEnd)
        }
        guard let decoded = JSONStringUnescaper.unescape(bytes, from: contentStart, to: contentEnd) else {
            report(token.range, .invalidEscape)
            return nil
        }
        return decoded
    }

    private func text(_ range: ByteRange) -> String {
        let limited = ByteRange(start: range.start, end: min(range.end, range.start + 40))
        return UTF8Decoding.decode(UnsafeBufferPointer(rebasing: bytes[limited.start..<limited.end]))
    }

    private func describe(_ token: Token) -> String {
        token.kind == .endOfText ? "end of text" : text(token.range)
    }
}
