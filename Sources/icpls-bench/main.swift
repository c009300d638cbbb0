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
let options = BenchOptions(arguments)
let report = Benchmarks(options: options).run()
if options.json {
    print(report.json())
} else {
    print(report.table())
}
