import Foundation
import IcplsCore
import IcplsDocument

struct BenchOptions {
    static let usage = """
    usage: icpls-bench [--json] [--stages] [--quick] [--runs N] [--sizes BYTES,BYTES,...]
           icpls-bench --emit BYTES
           icpls-bench --repeat-check BYTES RUNS

      --json           the report as JSON instead of a table
      --stages         also time the stages of a check of the largest size
      --quick          3 runs, 50 edits, 100 KB and 1 MB only
      --runs N         runs per figure, whose median is reported (default 7; times
                       1 MB ÷ size below 1 MB for the parse and check figures)
      --sizes LIST     document sizes in bytes (default 100000,1000000,10000000)
      --emit BYTES     write one generated document of about that size to standard output
      --repeat-check BYTES RUNS
                       check one generated document RUNS times (for a profiler), then print
                       the median time of a check
    """

    var json = false
    /// Also time the stages of a check (`--stages`).
    var stages = false
    var runs = 7
    var edits = 200
    var sizes = [100_000, 1_000_000, 10_000_000]

    /// The options, or why the arguments are no options.
    static func parse(_ arguments: [String]) -> Result<BenchOptions, UsageError> {
        var options = BenchOptions()
        var index = 0
        func nextValue() -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--json": options.json = true
            case "--stages": options.stages = true
            case "--quick": options.runs = 3; options.edits = 50; options.sizes = [100_000, 1_000_000]
            case "--runs":
                guard let runs = nextValue().flatMap({ Int($0) }), runs > 0 else {
                    return .failure(UsageError(message: "--runs needs a positive number"))
                }
                options.runs = runs
            case "--sizes":
                let sizes = nextValue()?.split(separator: ",").compactMap { Int($0) } ?? []
                guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else {
                    return .failure(UsageError(message: "--sizes needs byte counts separated by commas"))
                }
                options.sizes = sizes
            default:
                return .failure(UsageError(message: "unknown argument \(arguments[index])"))
            }
            index += 1
        }
        return .success(options)
    }

    struct UsageError: Error {
        var message: String
    }
}

/// One figure of the report, with the target it is held against.
struct Measurement {
    var name: String
    var value: Double
    var unit: String
    var target: String = ""
    /// nil when the figure has no target.
    var meetsTarget: Bool?
}

struct Benchmarks {
    let options: BenchOptions

    func run() -> BenchReport {
        var report = BenchReport()
        var checkMilliseconds: [Int: Double] = [:]
        var generator = WorkspaceGenerator()
        var documents: [Int: [UInt8]] = [:]
        for size in options.sizes {
            let bytes = generator.document(targetBytes: size)
            documents[size] = bytes
            let label = Self.label(size)
            let megabytes = Double(bytes.count) / 1_000_000
            let runs = Self.runs(options.runs, forSize: size)
            let data = Data(bytes)
            let (ours, foundation) = alternatingMedians(runs, { JSONCParser.parse(bytes) }, { try? JSONSerialization.jsonObject(with: data) })
            report.add(Measurement(name: "parse \(label): icpls", value: megabytes / ours, unit: "MB/s"))
            report.add(Measurement(name: "parse \(label): JSONSerialization", value: megabytes / foundation, unit: "MB/s"))
            let ratio = foundation / ours
            report.add(Measurement(name: "parse \(label): icpls ÷ JSONSerialization", value: ratio, unit: "×", target: "≥ 5×", meetsTarget: ratio >= 5))
            let fullCheck = {
                let document = AnalyzedDocument(key: DocumentKey("/bench/w.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "w.icp.json"), text: bytes)
                return Checker.check([document], settings: Settings(asOf: CalendarDate(year: 2026, month: 11, day: 23)))
            }
            let check = median(runs, fullCheck) * 1000
            checkMilliseconds[size] = check
            let isTenMegabytes = size == 10_000_000
            report.add(Measurement(
                name: "full check \(label) (parse + 27 rules)", value: check, unit: "ms",
                target: isTenMegabytes ? "≤ 60 ms" : "", meetsTarget: isTenMegabytes ? check <= 60 : nil
            ))
            report.add(Measurement(name: "full check \(label): freeing what it made", value: medianFreeing(runs, fullCheck) * 1000, unit: "ms"))
        }
        if options.stages, let largest = options.sizes.max(), let bytes = documents[largest] {
            StageBenchmark(runs: options.runs).measure(bytes, label: Self.label(largest), into: &report)
        }
        if let small = checkMilliseconds[1_000_000], let large = checkMilliseconds[10_000_000] {
            let growth = large / small
            report.add(Measurement(name: "full check growth 1 MB → 10 MB", value: growth, unit: "×", target: "≤ 11×", meetsTarget: growth <= 11))
        }
        let server = ServerBenchmark(edits: options.edits)
        for size in options.sizes where size >= 1_000_000 {
            if let bytes = documents[size] { server.measure(bytes, label: Self.label(size), into: &report) }
        }
        if let tenMegabytes = documents[10_000_000] {
            ProcessBenchmark(runs: options.runs).measure(tenMegabytes, into: &report)
        }
        return report
    }

    static func label(_ size: Int) -> String {
        size >= 1_000_000 ? "\(size / 1_000_000) MB" : "\(size / 1_000) KB"
    }
}

extension Benchmarks {
    /// The runs for a figure of a text of `size` bytes: more below a megabyte, so that a figure
    /// of a small text, whose runs each take a fraction of a millisecond, is no noisier.
    static func runs(_ runs: Int, forSize size: Int) -> Int {
        runs * max(1, 1_000_000 / max(1, size))
    }
}

/// The median wall times of two pieces of work, in seconds, timed in turn run by run (after
/// one warm-up run each), so that the machine's changes of speed weigh on both alike.
func alternatingMedians<First, Second>(_ runs: Int, _ first: () -> First, _ second: () -> Second) -> (Double, Double) {
    _ = first()
    _ = second()
    var times: ([Double], [Double]) = ([], [])
    for _ in 0..<max(1, runs) {
        times.0.append(seconds(first))
        times.1.append(seconds(second))
    }
    return (times.0.sorted()[times.0.count / 2], times.1.sorted()[times.1.count / 2])
}

/// The wall time of one run of `body`, in seconds. What it made is freed once the clock has
/// stopped, for every piece of work alike: freeing is timed on its own (`medianFreeing`).
private func seconds<Result>(_ body: () -> Result) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = body()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    withExtendedLifetime(result) {}
    return elapsed
}

/// The median wall time of `runs` runs, in seconds, after one warm-up run.
func median<Result>(_ runs: Int, _ body: () -> Result) -> Double {
    _ = body()
    var times: [Double] = []
    for _ in 0..<max(1, runs) { times.append(seconds(body)) }
    return times.sorted()[times.count / 2]
}

/// A result held where the optimizer cannot tell when it is emptied, so that it is freed between two readings of the clock.
private final class Held<Result> {
    var value: Result?
}

/// The median wall time, in seconds, of freeing what `make` made (after one warm-up run).
func medianFreeing<Result>(_ runs: Int, _ make: () -> Result) -> Double {
    let held = Held<Result>()
    var times: [Double] = []
    for run in 0...max(1, runs) {
        held.value = make()
        let start = DispatchTime.now().uptimeNanoseconds
        held.value = nil
        if run > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
    }
    withExtendedLifetime(held) {}
    return times.sorted()[times.count / 2]
}

struct BenchReport {
    private(set) var measurements: [Measurement] = []

    mutating func add(_ measurement: Measurement) {
        measurements.append(measurement)
    }

    func table() -> String {
        let nameWidth = max(10, measurements.map(\.name.count).max() ?? 10)
        var lines = [
            "icpls-bench — \(ProcessInfo.processInfo.activeProcessorCount) cores; medians; compare ratios within one run",
            "",
            "measurement".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "   figure        target    ",
            String(repeating: "-", count: nameWidth + 30),
        ]
        for measurement in measurements {
            let figure = String(format: measurement.unit == "×" ? "%.1f %@" : "%.2f %@", measurement.value, measurement.unit)
            let verdict = measurement.meetsTarget.map { $0 ? "ok" : "MISSED" } ?? ""
            lines.append(
                measurement.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "   "
                    + figure.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + measurement.target.padding(toLength: 10, withPad: " ", startingAt: 0) + verdict
            )
        }
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        let entries = measurements.map { measurement -> String in
            let meets = measurement.meetsTarget.map { $0 ? "true" : "false" } ?? "null"
            let value = measurement.value.isFinite ? String(format: "%.4f", measurement.value) : "null"
            return "{\"name\":\"\(measurement.name)\",\"value\":\(value),\"unit\":\"\(measurement.unit)\",\"target\":\"\(measurement.target)\",\"meetsTarget\":\(meets)}"
        }
        return "{\"measurements\":[" + entries.joined(separator: ",") + "]}"
    }
}
