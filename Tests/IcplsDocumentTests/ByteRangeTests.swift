import Testing
import IcplsDocument

/// Ranges keep their offsets in 32 bits; what they read back is what was set, and an offset
/// beyond that (never one of a parsed text, which is far smaller) is held at the largest one.
@Suite struct ByteRangeTests {
    @Test func offsetsReadBackAsSetAcrossTheWholeParsedSize() {
        for offset in [0, 1, 255, 65_536, JSONCParser.sizeLimit, Int(Int32.max)] {
            var range = ByteRange(start: offset, end: offset)
            #expect(range.start == offset && range.end == offset && range.isEmpty)
            range.start -= offset
            #expect(range.length == offset)
        }
    }

    @Test func offsetsPastThirtyTwoBitsAreHeldAtTheLargest() {
        let range = ByteRange(start: 0, end: Int(Int32.max) + 10)
        #expect(range.end == Int(Int32.max))
        #expect(range.contains(Int(Int32.max) - 1))
    }

    @Test func rangesOrderByStartThenEndAndHashByBoth() {
        let ranges = [ByteRange(start: 3, end: 9), ByteRange(start: 3, end: 4), ByteRange(start: 1, end: 20)]
        #expect(ranges.sorted() == [ByteRange(start: 1, end: 20), ByteRange(start: 3, end: 4), ByteRange(start: 3, end: 9)])
        #expect(Set(ranges + ranges).count == 3)
    }
}
