#if canImport(Glibc)
import Glibc
#endif
import Foundation
import IcplsCLI
import IcplsServer

let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment
let currentDirectory = FileManager.default.currentDirectoryPath

if arguments.first == "lsp" {
    let rest = arguments.dropFirst().filter { $0 != "--stdio" }
    if rest.contains("--help") || rest.contains("-h") {
        print("Usage: icpls lsp [--stdio]\n\nRuns the language server on standard input and output.")
        exit(0)
    }
    exit(LanguageServerMain.run(environment: environment))
}
exit(CommandLineTool.run(arguments, environment: environment, currentDirectory: currentDirectory, console: .process(environment: environment)))
