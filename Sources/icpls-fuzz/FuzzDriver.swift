import Foundation

/// The fuzzing loop: every corpus file as it is, then mutants of the corpus and of
/// the inputs kept along the way, until the time or the count runs out or an input fails.
struct FuzzDriver {
    let options: FuzzOptions
    let target: any FuzzTarget

    /// Inputs kept for mutation, at most this many.
    static let poolLimit = 4_096

    init(options: FuzzOptions) {
        self.options = options
        target = FuzzTargets.target(named: options.target)!
    }

    func run() -> Int32 {
        do {
            try FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true)
        } catch {
            report("cannot create \(options.output): \(error)")
            return 2
        }
        CrashGuard.install(path: options.output + "/\(options.target)-crash.input", timeout: options.timeout)
        if !options.replay.isEmpty {
            return replay()
        }
        let corpus = Self.readCorpus(options.corpus ?? "Tests/FuzzCorpus/\(options.target)")
        for (name, input) in corpus {
            if let failure = CrashGuard.run(input, { target.run(input) }).failure {
                report("\(options.target): corpus file \(name) fails: \(failure)")
                return 1
            }
        }
        var pool = corpus.map(\.bytes)
        if pool.isEmpty { pool = [[]] }
        let mutator = Mutator(tokens: target.tokens, donors: pool, maximumLength: options.maximumLength)
        var random = FuzzRandom(seed: options.seed)
        var seen = Set<String>()
        var runs = 0
        let clock = ContinuousClock()
        let start = clock.now
        let duration = Duration.milliseconds(Int64((options.seconds ?? (options.runs == nil ? 60 : .infinity)).clamped * 1_000))
        var nextProgress = start + .seconds(10)
        while runs < options.runs ?? .max {
            let now = clock.now
            if now - start >= duration { break }
            if now >= nextProgress {
                report("\(options.target): \(runs) inputs, \(pool.count) kept, \(seen.count) behaviours")
                nextProgress = now + .seconds(10)
            }
            let base = random.pick(pool)
            let input = random.chance(20)
                ? target.structuredMutation(base, &random, mutator) ?? mutator.mutate(base, &random)
                : mutator.mutate(base, &random)
            runs += 1
            let outcome = CrashGuard.run(input) { target.run(input) }
            if let failure = outcome.failure {
                let path = save(input)
                report("\(options.target): input \(runs) (seed \(options.seed)) fails: \(failure)")
                report("written to \(path); replay with: icpls-fuzz \(options.target) --replay \(path)")
                return 1
            }
            if !outcome.features.isSubset(of: seen) {
                seen.formUnion(outcome.features)
                if pool.count < Self.poolLimit { pool.append(input) }
            }
        }
        let elapsed = clock.now - start
        report("\(options.target): \(runs) inputs in \(elapsed.seconds) s (seed \(options.seed)), \(pool.count) kept, \(seen.count) behaviours, no failure")
        return 0
    }

    private func replay() -> Int32 {
        var failed = false
        for path in options.replay {
            guard let data = FileManager.default.contents(atPath: path) else {
                report("cannot read \(path)")
                return 2
            }
            let input = [UInt8](data)
            if let failure = CrashGuard.run(input, { target.run(input) }).failure {
                report("\(path): \(failure)")
                failed = true
            } else {
                report("\(path): passes")
            }
        }
        return failed ? 1 : 0
    }

    /// The files of a folder, by name.
    static func readCorpus(_ folder: String) -> [(name: String, bytes: [UInt8])] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name, [UInt8]($0)) }
        }
    }

    private func save(_ input: [UInt8]) -> String {
        let hash = String(FuzzRandom.hash(input), radix: 16)
        let path = options.output + "/\(options.target)-\(hash).input"
        _ = FileManager.default.createFile(atPath: path, contents: Data(input))
        return path
    }

    private func report(_ line: String) {
        FileHandle.standardError.write(Data("icpls-fuzz: \(line)\n".utf8))
    }
}

extension Double {
    /// Seconds small enough to count in milliseconds.
    fileprivate var clamped: Double { Swift.min(self, 1e9) }
}

extension Duration {
    fileprivate var seconds: String {
        let (seconds, attoseconds) = components
        return String(format: "%.1f", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
