import Foundation
import IcplsDocument
import Testing
@testable import icpls_fuzz

/// Every input of the fuzz corpus passes its target's checks: the seeds made from the
/// fixtures, and each input a fuzzer found, kept under `Tests/FuzzCorpus/TARGET`
/// (named `found-…`) so that what once failed stays fixed.
@Suite struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    @Test(arguments: FuzzTargets.names)
    func everyCorpusInputPasses(targetName: String) throws {
        let target = try #require(FuzzTargets.target(named: targetName))
        let inputs = FuzzDriver.readCorpus(Self.corpus.appendingPathComponent(targetName).path)
        #expect(inputs.count >= 10, "the \(targetName) corpus has its seeds")
        for (name, bytes) in inputs {
            let failure = target.run(bytes).failure
            #expect(failure == nil, "\(targetName)/\(name): \(failure ?? "")")
        }
    }

    @Test func theSameSeedMutatesTheSameWay() {
        let mutator = Mutator(tokens: JSONCTarget().tokens, donors: [Array("{\"a\": [1, 2]}".utf8)], maximumLength: 1 << 16)
        func mutants(seed: UInt64) -> [[UInt8]] {
            var random = FuzzRandom(seed: seed)
            return (0..<200).map { _ in mutator.mutate(Array("{ \"accounts\": [] }".utf8), &random) }
        }
        #expect(mutants(seed: 7) == mutants(seed: 7))
        #expect(mutants(seed: 7) != mutants(seed: 8))
    }

    /// The checks catch what they are meant to: a line index that is off, a range past the end.
    @Test func theInvariantsRejectWrongAnswers() throws {
        let text = Array("{\n  \"a\": \"😀\"\r\n}".utf8)
        var random = FuzzRandom(seed: 1)
        #expect(throws: InvariantFailure.self) {
            try DocumentInvariants.checkLineIndex(LineIndexOfAnotherText.index, text: text, random: &random)
        }
        var tree = JSONCParser.parse(text)
        tree.errors.append(SyntaxError(range: ByteRange(start: 2, end: text.count + 1), kind: .missingComma))
        #expect(throws: InvariantFailure.self) { try DocumentInvariants.checkTree(tree, count: text.count) }
        // The emoji is bytes 10..<14.
        #expect(!DocumentInvariants.isCharacterBoundary(11, in: text) && !DocumentInvariants.isCharacterBoundary(13, in: text))
        #expect(DocumentInvariants.isCharacterBoundary(10, in: text) && DocumentInvariants.isCharacterBoundary(14, in: text))
    }
}

private enum LineIndexOfAnotherText {
    static let index = LineIndex(Array("{\n  \"a\": \"x\"\n}".utf8))
}
