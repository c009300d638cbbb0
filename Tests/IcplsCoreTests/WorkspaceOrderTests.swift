import Testing
import IcplsDocument
@testable import IcplsCore

/// Workspace order decides who keeps a number: roots in the order given, then paths byte-wise.
@Suite struct WorkspaceOrderTests {
    static func draft(_ domain: String) -> String {
        #"{ "filings": [ { "id": "F-\#(domain)", "account": "acct-buy", "websites": [ { "domain": "\#(domain).example.cn", "serviceNumber": "SN-1" } ] } ] }"#
    }

    /// The domain of the website that keeps SN-1 when these documents are checked in any given order.
    static func keeper(_ documents: [(root: Int, path: String, domain: String)]) -> [String] {
        let analyzed = documents.map { document in
            AnalyzedDocument(key: DocumentKey("/root\(document.root)/\(document.path)"),
                             order: DocumentOrder(rootIndex: document.root, relativePath: document.path),
                             text: Array(draft(document.domain).utf8))
        }
        let result = Checker.check(analyzed.reversed(), settings: Settings(asOf: exampleDate))
        let losers = Set(result.allDiagnostics.filter { $0.rule == "ICP201" }.map(\.document))
        return analyzed.filter { !losers.contains($0.key) }.compactMap { $0.model.filings.first?.websites.first?.domain?.value }
    }

    @Test func anEarlierRootComesFirstWhateverThePath() {
        #expect(Self.keeper([(1, "a.icp.json", "late"), (0, "z.icp.json", "early")]) == ["early.example.cn"])
    }

    @Test func pathsCompareByteWise() {
        // "/" is 0x2F and "-" is 0x2D: "dir-x" sorts before "dir/x"; upper case before lower case.
        #expect(Self.keeper([(0, "dir/x.icp.json", "slash"), (0, "dir-x.icp.json", "dash")]) == ["dash.example.cn"])
        #expect(Self.keeper([(0, "b.icp.json", "lower"), (0, "B.icp.json", "upper")]) == ["upper.example.cn"])
        #expect(Self.keeper([(0, "é.icp.json", "accent"), (0, "z.icp.json", "plain")]) == ["plain.example.cn"])
    }

    @Test func documentsOutsideEveryRootComeLast() {
        let inside = AnalyzedDocument(key: DocumentKey("/root0/z.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "z.icp.json"),
                                      text: Array(Self.draft("inside").utf8))
        let outside = AnalyzedDocument(key: DocumentKey("untitled:a"), order: .outsideRoots(uri: "untitled:a"), text: Array(Self.draft("outside").utf8))
        let result = Checker.check([outside, inside], settings: Settings(asOf: exampleDate))
        #expect(result.allDiagnostics.filter { $0.rule == "ICP201" }.map(\.document) == [outside.key])
    }
}
