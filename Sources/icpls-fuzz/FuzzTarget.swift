/// One thing to fuzz: a function of the input bytes alone, so that a saved input
/// replays exactly.
protocol FuzzTarget {
    /// Byte strings the mutator inserts whole.
    var tokens: [[UInt8]] { get }
    /// Mutations that know the input's structure, tried now and then besides the byte-level ones.
    func structuredMutation(_ input: [UInt8], _ random: inout FuzzRandom, _ mutator: Mutator) -> [UInt8]?
    func run(_ input: [UInt8]) -> FuzzOutcome
}

extension FuzzTarget {
    func structuredMutation(_ input: [UInt8], _ random: inout FuzzRandom, _ mutator: Mutator) -> [UInt8]? {
        nil
    }
}

/// What one run of an input found.
struct FuzzOutcome {
    /// What went wrong, when something did.
    var failure: String?
    /// What the input reached (rules that fired, kinds of syntax error, message
    /// classes): an input that reaches something new is kept to be mutated further.
    var features: Set<String> = []

    static func checking(_ body: (inout Set<String>) throws(InvariantFailure) -> Void) -> FuzzOutcome {
        var features: Set<String> = []
        do {
            try body(&features)
            return FuzzOutcome(failure: nil, features: features)
        } catch {
            return FuzzOutcome(failure: error.description, features: features)
        }
    }
}

/// A property that did not hold.
struct InvariantFailure: Error, CustomStringConvertible {
    let description: String
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantFailure) {
    if !condition { throw InvariantFailure(description: message()) }
}

/// The targets by name.
enum FuzzTargets {
    static let names = ["jsonc", "framing", "edits"]

    static func target(named name: String) -> (any FuzzTarget)? {
        switch name {
        case "jsonc": return JSONCTarget()
        case "framing": return FramingTarget()
        case "edits": return EditsTarget()
        default: return nil
        }
    }
}
