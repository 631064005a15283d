import Testing
import WorkbenchProtocol

/// Splitting a validated object into its members gives the same names and ranges as the validating scan.
@Suite("Member splitting")
struct MemberSplitTests {
    static let objects = [
        #"{}"#,
        #"{"a":1}"#,
        #"{ "a" : 1 , "b" : [1, {"c": "}"}], "d": "x\"y\\", "e": null, "f": -2.5e3 }"#,
        #"{"nested":{"deep":[[[]]],"s":"{[\""},"t":true,"u":false,"v":"é✓"}"#,
        "{\n  \"k\": \"line\\nbreak\",\n  \"n\": 0\n}\n",
    ]

    @Test("Same members as JSONParser.scanObject", arguments: objects)
    func sameAsScan(text: String) throws {
        let bytes = Array(text.utf8)
        let scanned = try bytes.withUnsafeBufferPointer { try JSONParser.scanObject($0) }
        let split = bytes.withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0) }
        #expect(split.map(\.key) == scanned.map(\.key))
        #expect(split.map(\.range) == scanned.map(\.range))
    }

    @Test("Not an object, or cut short: no crash, no members beyond the bytes")
    func malformed() {
        for text in ["", "[1,2]", #"{"a":"#, #"{"a":"unterminated"#, #"{"a":[1,2"#] {
            let bytes = Array(text.utf8)
            let split = bytes.withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0) }
            #expect(split.allSatisfy { $0.range.upperBound <= bytes.count })
        }
    }
}

/// Splitting a validated array into its elements.
@Suite("Element splitting")
struct ElementSplitTests {
    @Test("Elements of arrays, nested and with strings holding brackets")
    func elements() throws {
        for (text, expected) in [("[]", [String]()), ("[1]", ["1"]), (#"[ 1 , "a]" , {"b":[2,3]}, [[]], null ]"#, ["1", #""a]""#, #"{"b":[2,3]}"#, "[[]]", "null"])] {
            let bytes = Array(text.utf8)
            let ranges = bytes.withUnsafeBufferPointer { JSONParser.elementsOfValidatedArray($0) }
            #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == expected)
        }
    }
}
