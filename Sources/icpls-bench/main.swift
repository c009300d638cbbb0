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
