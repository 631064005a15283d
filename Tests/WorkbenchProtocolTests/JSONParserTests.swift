import Testing
import WorkbenchProtocol

@Suite("JSON parser and writer")
struct JSONParserTests {
    @Test("Values survive a write-and-parse round trip", arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":-2.5e-3,"g":"\"quoted\" \\ back\nline\ttab é 🙂"}"#,
        #"[]"#, #"{}"#, #""just a string""#, #"0"#, #"[1,2,[3,[4,[5]]]]"#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        let again = try JSONParser.parse(value.serialized())
        #expect(again == value)
    }

    @Test("Canonical form sorts keys and drops earlier duplicates")
    func canonical() throws {
        let value = try JSONValue(parsing: #"{"b":1,"a":{"z":1,"y":2},"b":3}"#)
        #expect(value.jsonString(sortedKeys: true) == #"{"a":{"y":2,"z":1},"b":3}"#)
    }

    @Test("Malformed JSON is rejected with the offset of the problem", arguments: [
        (#"{"a":1,}"#, "trailing comma"), (#"[1,2,]"#, "trailing comma"), (#"{'a':1}"#, "double quotes"),
        (#"{"a":01}"#, "leading zeros"), (#"{"a":"x\q"}"#, "invalid escape"), ("{\"a\":\"x\u{01}\"}", "control character"),
        (#"{"a":1"#, "end of input"), (#"{"a":1} x"#, "after the end"), (#"nul"#, "end of input"), (#"{"a":"\u12"}"#, "four hex digits"),
    ])
    func malformed(text: String, expected: String) {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test("Invalid UTF-8 inside a string is rejected")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(bytes) }
        let line = bytes.withUnsafeBufferPointer { buffer in Result { try JSONParser.scanObject(buffer) } }
        #expect((try? line.get()) == nil)
    }

    @Test("Surrogate pairs decode to one scalar; lone surrogates become U+FFFD")
    func surrogates() throws {
        #expect(try JSONValue(parsing: #""\ud83d\ude42""#).stringValue == "🙂")
        #expect(try JSONValue(parsing: #""\ud83d x""#).stringValue == "\u{FFFD} x")
    }

    @Test("Nesting deeper than the limit is an error, not a crash")
    func depth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)) }
    }

    @Test("Locations point at values and keys")
    func locations() throws {
        let text = "{\n  \"steps\": [\n    {\"id\": \"a\", \"stage\": \"x\"}\n  ]\n}"
        let (_, locations) = try JSONParser.parseWithLocations(Array(text.utf8))
        let path = JSONPath([.key("steps"), .index(0), .key("stage")])
        let offset = try #require(locations.valueStart[path])
        #expect(Array(text.utf8)[offset] == UInt8(ascii: "\""))
        #expect(String(decoding: Array(text.utf8)[offset...].prefix(3), as: UTF8.self) == "\"x\"")
        #expect(locations.keyStart[path] != nil)
    }

    @Test("Paths print and parse back", arguments: ["steps[2].config.threshold", "a[\"x y\"].b", "top"])
    func paths(text: String) throws {
        let path = try #require(JSONPath(parsing: text))
        #expect(path.description == text)
    }

    @Test("The scanner finds top-level members without decoding them")
    func scan() throws {
        let bytes = Array(#"{"type":"result","id":"7","output":{"x":[1,2,{"y":"}"}]}}"#.utf8)
        let members = try bytes.withUnsafeBufferPointer { try JSONParser.scanObject($0) }
        #expect(members.map(\.key) == ["type", "id", "output"])
        #expect(String(decoding: bytes[members[2].range], as: UTF8.self) == #"{"x":[1,2,{"y":"}"}]}"#)
    }

    @Test("Writer escapes only what JSON requires")
    func escaping() {
        var writer = JSONWriter()
        writer.writeString("a\"b\\c\n\u{01}é/")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\"b\\c\n\u0001é/""#)
    }
}
