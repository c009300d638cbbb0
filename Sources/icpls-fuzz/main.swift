import Foundation

// icpls-fuzz: random-mutation fuzzing of the parser and rules, the message framing and
// the document under edits. See FuzzOptions.usage.
let arguments = Array(CommandLine.arguments.dropFirst())
#if ICPLS_LIBFUZZER
exit(LibFuzzerEntry.run())
#else
if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
    print(FuzzOptions.usage)
    exit(arguments.isEmpty ? 2 : 0)
}
do {
    let options = try FuzzOptions(arguments)
    exit(FuzzDriver(options: options).run())
} catch {
    FileHandle.standardError.write(Data("icpls-fuzz: \(error)\n\(FuzzOptions.usage)\n".utf8))
    exit(2)
}
#endif
