/// `icpls-fuzz TARGET [options]`, read from the command line.
struct FuzzOptions {
    var target = ""
    /// How long to fuzz; with neither this nor `runs`, 60 seconds.
    var seconds: Double?
    /// How many mutated inputs to run: the same count with the same seed runs the same inputs.
    var runs: Int?
    var seed: UInt64 = 1
    /// The seed corpus; `Tests/FuzzCorpus/TARGET` when it exists.
    var corpus: String?
    /// Where failing inputs are written.
    var output = ".build/fuzz-failures"
    /// An input that runs longer than this many seconds is a failure (0: no limit).
    var timeout = 10
    var maximumLength = 16 << 10
    /// Files to run once each instead of fuzzing.
    var replay: [String] = []

    static let usage = """
    usage: icpls-fuzz TARGET [--seconds N | --runs N] [--seed S] [--corpus DIR] [--out DIR]
                             [--timeout SECONDS] [--max-length BYTES]
           icpls-fuzz TARGET --replay FILE...
    targets: \(FuzzTargets.names.joined(separator: ", "))
      jsonc    the input as a document: JSONC parser, every rule, line positions
      framing  the input as a client's byte stream: framing in random pieces, JSON-RPC messages
      edits    the input as an open document under random incremental changes
    Mutated inputs come from the corpus with a generator seeded by --seed. A failing
    input is written to the --out folder (default .build/fuzz-failures) and the exit
    status is 1; a crash or a timeout writes the input before the process ends.
    """

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        guard let target = rest.popFirst(), FuzzTargets.names.contains(target) else {
            throw UsageError(description: "name a target: \(FuzzTargets.names.joined(separator: ", "))")
        }
        self.target = target
        while let option = rest.popFirst() {
            if option == "--replay" {
                while let file = rest.first, !file.hasPrefix("--") {
                    replay.append(file)
                    rest.removeFirst()
                }
                guard !replay.isEmpty else { throw UsageError(description: "--replay needs files") }
                continue
            }
            guard let value = rest.popFirst() else { throw UsageError(description: "\(option) needs a value") }
            switch option {
            case "--seconds": seconds = try Self.number(option, value, Double.init)
            case "--runs": runs = try Self.number(option, value, Int.init)
            case "--seed": seed = try Self.number(option, value, UInt64.init)
            case "--corpus": corpus = value
            case "--out": output = value
            case "--timeout": timeout = try Self.number(option, value, Int.init)
            case "--max-length": maximumLength = try Self.number(option, value, Int.init)
            default: throw UsageError(description: "unknown option \(option)")
            }
        }
    }

    private static func number<Number: Comparable & ExpressibleByIntegerLiteral>(
        _ option: String, _ text: String, _ parse: (String) -> Number?
    ) throws(UsageError) -> Number {
        guard let value = parse(text), value >= 0 else { throw UsageError(description: "\(option) needs a number, not \(text)") }
        return value
    }
}
