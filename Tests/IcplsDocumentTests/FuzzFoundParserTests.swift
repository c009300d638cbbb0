import Testing
import IcplsDocument

/// Inputs the fuzzers found (see Tests/FuzzCorpus), pinned down where they went wrong.
@Suite struct FuzzFoundParserTests {
    /// An object cut off by the `]` of its array still covers its last member, whose
    /// missing value sits at that `]`.
    @Test func aCutOffObjectCoversTheMemberWhoseValueIsMissing() throws {
        let text = Array("{ \"instances\": [ { \"product\":`\"ecs\" ] }".utf8)
        let tree = JSONCParser.parse(text)
        let array = try #require(tree.root?.object?.member("instances")?.value)
        let object = try #require(array.array?.first)
        let last = try #require(object.object?.members.last)
        #expect(last.key == "ecs" && last.value.isInvalid)
        #expect(last.value.range == .empty(at: text.firstIndex(of: UInt8(ascii: "]"))!))
        #expect(object.range.start <= last.range.start && last.range.end <= object.range.end)
        #expect(array.range.start <= object.range.start && object.range.end <= array.range.end)
    }
}
