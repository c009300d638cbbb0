import Foundation
import IcplsCore
import IcplsDocument

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--emit", arguments.count == 2, let size = Int(arguments[1]) {
    // Writes one generated document to standard output, for profiling by hand.
    var generator = WorkspaceGenerator()
    FileHandle.standardOutput.write(Data(generator.document(targetBytes: size)))
    exit(0)
}
if arguments.first == "--repeat-check", arguments.count == 3, let size = Int(arguments[1]), let runs = Int(arguments[2]) {
    // Checks one generated document over and over, for a profiler to watch; then prints the
    // median time of a check (freeing its result not included), to compare two builds by.
    var generator = WorkspaceGenerator()
    let bytes = generator.document(targetBytes: size)
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let document = AnalyzedDocument(key: DocumentKey("/bench/w.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "w.icp.json"), text: bytes)
        let result = Checker.check([document], settings: Settings(asOf: CalendarDate(year: 2026, month: 11, day: 23)))
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        withExtendedLifetime(result) {}
    }
    print(String(format: "median check %.2f ms of %d", times.sorted()[times.count / 2], runs))
    exit(0)
}
if arguments.contains("--help") || arguments.contains("-h") {
    print(BenchOptions.usage)
    exit(0)
}
let options: BenchOptions
switch BenchOptions.parse(arguments) {
case .success(let parsed):
    options = parsed
case .failure(let error):
    FileHandle.standardError.write(Data("icpls-bench: \(error.message)\n\n\(BenchOptions.usage)\n".utf8))
    exit(2)
}
let report = Benchmarks(options: options).run()
if options.json {
    print(report.json())
} else {
    print(report.table())
}
