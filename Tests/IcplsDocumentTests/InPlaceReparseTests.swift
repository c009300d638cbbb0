import Testing
import IcplsDocument

/// An edit re-parses one element and moves what follows in place: when nothing else holds
/// the tree, the arrays after the edit keep their storage instead of being copied (a copy
/// of every later array would make an edit near the top of a large document cost as much
/// as a parse).
@Suite struct InPlaceReparseTests {
    @Test func arraysAfterTheEditKeepTheirStorage() throws {
        var text = Array(#"""
        { "filings": [
          { "id": "F-1", "websites": [ { "domain": "siteA.cn" } ] },
          { "id": "F-2", "websites": [ { "domain": "siteB.cn" }, { "domain": "siteC.cn" } ] } ] }
        """#.utf8)
        var tree = JSONCParser.parse(text)
        let before = try storage(of: tree)
        let at = try #require(text.firstIndex(of: UInt8(ascii: "A")))
        text.insert(UInt8(ascii: "x"), at: at)
        let reparsed = text.withUnsafeBufferPointer {
            JSONCParser.reparse(&tree, after: TextReplacement(replaced: ByteRange(start: at, end: at), insertedCount: 1), newText: $0)
        }
        #expect(reparsed != nil)
        #expect(tree == JSONCParser.parse(text))
        #expect(try storage(of: tree) == before, "the filings, the later filing's members and its websites")
    }

    /// Where the elements of three arrays are stored: the filings, the members of the last
    /// filing and its websites, all of which lie after the edit.
    private func storage(of tree: JSONSyntaxTree) throws -> [Int] {
        let filings = try #require(tree.root?.object?.member("filings")?.value.array)
        let laterFiling = try #require(filings.last?.object?.members)
        let laterWebsites = try #require(filings.last?.object?.member("websites")?.value.array)
        return [
            filings.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) },
            laterFiling.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) },
            laterWebsites.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) },
        ]
    }
}
