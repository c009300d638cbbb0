import Foundation
import IcplsCore
import IcplsDocument

let arguments = Array(CommandLine.arguments.dropFirst())
let options = BenchOptions(arguments)
let report = Benchmarks(options: options).run()
if options.json {
    print(report.json())
} else {
    print(report.table())
}
