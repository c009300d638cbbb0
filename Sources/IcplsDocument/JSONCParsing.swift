/// A JSONC parser that never fails.
///
/// It accepts `//` and `/* */` comments and one trailing comma before `]` or
/// `}`, and reports everything else JSON forbids as a `SyntaxError`. After an
/// error it resumes at the next member or element, so the rest of the
/// document is still read. At most one error starts at any offset.
public enum JSONCParser {
    /// Arrays and objects nested deeper than this are skipped (the top-level object is level 1).
    public static let nestingLimit = 1_000
    /// Files larger than this are not parsed.
    public static let sizeLimit = 32 * 1024 * 1024

    public static func parse(_ bytes: [UInt8]) -> JSONSyntaxTree {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONSyntaxTree {
        parse(bytes, sideBySideFrom: sideBySideMinimum)
    }

    /// `sideBySideFrom`: the size from which a text is parsed on two cores (see `SideBySideParse`);
    /// the result is the same either way, which the tests and the fuzzer check by choosing it.
    /// `waitingForTheOtherCore`: the parse from the start waits for the other thread even when it
    /// has not started yet, instead of going on alone, so that a test surely joins the two parts.
    /// `readingCleanContainers`: off, every container is read token by token (see
    /// `readCleanContainer`), for tests and the fuzzer to compare with.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, sideBySideFrom minimum: Int, waitingForTheOtherCore: Bool = false,
        readingCleanContainers: Bool = true
    ) -> JSONSyntaxTree {
        parse(bytes, sideBySideFrom: minimum, waitingForTheOtherCore: waitingForTheOtherCore, readingCleanContainers: readingCleanContainers, beforeWaiting: nil)
    }

    /// The tree and the line index of a text. When the text is parsed on two cores, the thread
    /// that parses from the start indexes the lines while it waits for the other's part, which
    /// it usually does, so that neither core spends time on them apart.
    public static func parseIndexingLines(
        _ bytes: UnsafeBufferPointer<UInt8>, sideBySideFrom minimum: Int, waitingForTheOtherCore: Bool = false
    ) -> (JSONSyntaxTree, LineIndex) {
        var lineIndex: LineIndex?
        let tree = parse(bytes, sideBySideFrom: minimum, waitingForTheOtherCore: waitingForTheOtherCore, readingCleanContainers: true) {
            lineIndex = LineIndex(bytes)
        }
        return (tree, lineIndex ?? LineIndex(bytes))
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, sideBySideFrom minimum: Int, waitingForTheOtherCore: Bool,
        readingCleanContainers: Bool, beforeWaiting: (() -> Void)?
    ) -> JSONSyntaxTree {
        if bytes.count > sizeLimit {
            let error = SyntaxError(range: .empty(at: 0), kind: .fileTooLarge(byteLimit: sizeLimit))
            return JSONSyntaxTree(root: nil, nonObjectRoot: nil, errors: [error], lineComments: [], isEmpty: false)
        }
        if bytes.count >= minimum {
            return SideBySideParse.parse(
                bytes, waitingForTheOtherCore: waitingForTheOtherCore, readingCleanContainers: readingCleanContainers, beforeWaiting: beforeWaiting
            )
        }
        var parser = Parser(bytes: bytes)
        parser.readsCleanContainers = readingCleanContainers
        return parser.parseDocument()
    }
}
