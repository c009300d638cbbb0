import Testing
import IcplsJSONRPC

@Suite("JSON values and objects")
struct JSONValueTests {
    @Test("accessors read the matching case and nothing else")
    func accessors() {
        let value: JSONValue = ["s": "text", "i": 5, "d": 2.5, "b": true, "a": [1], "o": ["k": .null], "n": .null]
        #expect(value["s"]?.stringValue == "text")
        #expect(value["i"]?.intValue == 5)
        #expect(value["i"]?.doubleValue == 5)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["o"]?.objectValue == ["k": .null])
        #expect(value["n"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["s"]?.intValue == nil)
        #expect(value["i"]?.stringValue == nil)
        #expect(value["b"]?.intValue == nil)
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["a"]?[-1] == nil)
        #expect(value["s"]?["key"] == nil)
    }

    @Test("a whole number written as a double still reads as an integer")
    func integralDoubles() {
        #expect(JSONValue.number(3).intValue == 3)
        #expect(JSONValue.number(-0.0).intValue == 0)
        #expect(JSONValue.number(3.5).intValue == nil)
        #expect(JSONValue.number(9.3e18).int64Value == nil)
        #expect(JSONValue.number(-9_223_372_036_854_775_808).int64Value == .min)
        #expect(JSONValue.number(.nan).intValue == nil)
        #expect(JSONValue.number(.infinity).intValue == nil)
    }

    @Test("an object keeps insertion order through replacement and removal")
    func objectOrder() {
        var object: JSONObject = ["c": 1, "a": 2, "b": 3]
        object["a"] = 20
        object["d"] = 4
        object["c"] = nil
        object["missing"] = nil
        #expect(object.keys == ["a", "b", "d"])
        #expect(object.map(\.value) == [20, 3, 4])
        #expect(object.count == 3)
        #expect(object.contains("b"))
        #expect(!object.contains("c"))
    }

    @Test("large objects find every member, before and after removals")
    func largeObjectLookup() {
        var object = JSONObject((0..<100).map { ("key\($0)", JSONValue.integer(Int64($0))) })
        for position in 0..<100 {
            #expect(object["key\(position)"] == .integer(Int64(position)))
        }
        for position in stride(from: 0, to: 100, by: 2) {
            object["key\(position)"] = nil
        }
        #expect(object.count == 50)
        #expect(object["key0"] == nil)
        #expect(object["key99"] == 99)
        #expect(object.keys.first == "key1")
        object["key0"] = "back"
        #expect(object.keys.last == "key0")
        #expect(object["key0"] == "back")
    }

    @Test("objects are equal when their members are, whatever the order")
    func objectEquality() {
        let forward: JSONValue = ["a": 1, "b": [true]]
        let backward: JSONValue = ["b": [true], "a": 1]
        #expect(forward == backward)
        #expect(forward != ["a": 1, "b": [false]])
        #expect(forward != ["a": 1])
        #expect(forward != ["a": 1, "b": [true], "c": .null])
    }

    @Test("numbers are equal by value, whether written as integers or not")
    func numericEquality() {
        #expect(JSONValue.integer(1) == .number(1))
        #expect(JSONValue.number(-3) == .integer(-3))
        #expect(JSONValue.integer(1) != .number(1.5))
        #expect(JSONValue.integer(.max) != .number(0x1p63))
        #expect(JSONValue.integer(1) != .string("1"))
        #expect([JSONValue.integer(2)] == [JSONValue.number(2)])
    }
}
