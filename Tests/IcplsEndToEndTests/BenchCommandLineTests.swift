import Foundation
import IcplsJSONRPC
import Testing

/// `icpls-bench` says how it is used, refuses what it does not know, and writes the documents it measures.
@Suite struct BenchCommandLineTests {
    private func bench(_ arguments: [String]) throws -> CLIResult {
        try TemporaryFolder.with { folder in try CLI.runBench(arguments, in: folder.url) }
    }

    @Test func helpPrintsTheUsageAndRunsNothing() throws {
        let result = try bench(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("usage: icpls-bench"))
        #expect(result.standardOutput.contains("--sizes"))
    }

    @Test(arguments: [["--frob"], ["--runs"], ["--runs", "zero"], ["--sizes", ""], ["--json", "extra"]])
    func argumentsItDoesNotKnowAreUsageErrors(arguments: [String]) throws {
        let result = try bench(arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.standardError.hasPrefix("icpls-bench: "), "\(arguments)")
        #expect(result.standardError.contains("usage: icpls-bench"), "\(arguments)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func emitWritesTheSameWorkspaceDocumentEveryTime() throws {
        let first = try bench(["--emit", "20000"])
        let second = try bench(["--emit", "20000"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        let document = try first.json()
        for section in ["accounts", "instances", "serviceNumbers", "filings"] {
            #expect((document[section]?.arrayValue?.count ?? 0) > 0, "\(section)")
        }
        #expect(abs(first.outputBytes.count - 20_000) < 4_000)
    }
}
