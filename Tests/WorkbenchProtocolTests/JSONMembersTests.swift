import Testing
import WorkbenchProtocol

/// Reading members of a validated object straight from its bytes gives what a full parse gives.
@Suite("JSONMembers")
struct JSONMembersTests {
    static let text = #"""
        { "s": "plain", "e": "a \"quoted\" \\ name", "u": "é✓", "i": 42, "n": -7, "big": 12345678901234567, "f": 2.5, "x": 1e2,
          "t": true, "no": false, "null": null, "ints": [1, -2, 30], "mixed": [1, 2.5], "floats": [1.0, 2],
          "list": ["a", 1, "b"], "objects": [{"k": 1}, 2, {"k": "v", "nested": {"start": 3, "end": 4}}], "empty": [] }
        """#

    func members() throws -> JSONMembers { try JSONMembers(Array(Self.text.utf8), input: "test") }

    @Test("Scalars: strings with and without escapes, integers, numbers, booleans")
    func scalars() throws {
        let m = try members()
        let parsed = try JSONParser.parse(Array(Self.text.utf8))
        for key in ["s", "e", "u", "i", "null", "missing"] { #expect(m.string(key) == parsed[key]?.stringValue) }
        for key in ["i", "n", "big", "f", "x", "s", "missing"] {
            #expect(m.int(key) == parsed[key]?.intValue, "int \(key)")
            #expect(m.double(key) == parsed[key]?.doubleValue, "double \(key)")
        }
        #expect(m.bool("t") == true && m.bool("no") == false && m.bool("null") == nil && m.bool("i") == nil)
        #expect(m.isPresent("i") && !m.isPresent("null") && !m.isPresent("missing"))
    }

    @Test("Arrays: elements, integer lists, strings, objects")
    func arrays() throws {
        let m = try members()
        #expect(m.integers("ints") == [1, -2, 30])
        #expect(m.integers("mixed") == nil)
        #expect(m.integers("floats") == [1, 2])
        #expect(m.integers("empty") == [])
        #expect(m.integers("s") == nil && m.integers("missing") == nil)
        #expect(m.strings("list") == ["a", "b"])
        #expect(m.elements("list").map { String(decoding: m.bytes[$0], as: UTF8.self) } == [#""a""#, "1", #""b""#])
        let objects = m.objects("objects")
        #expect(objects.map { $0.string("k") } == [nil, "v"] && objects.first?.int("k") == 1)
        let nested = try #require(objects.last?.object("nested"))
        #expect(nested.int("start") == 3 && nested.int("end") == 4 && objects.last?.object("k") == nil)
        #expect(try m.value("objects")?.arrayValue?.count == 3)
    }

    @Test("forEachObject visits the same objects as objects(), one member list reused")
    func forEachObject() throws {
        let m = try members()
        var seen: [(k: String?, kInt: Int?, start: Int?)] = []
        m.forEachObject("objects") { o in seen.append((o.string("k"), o.int("k"), o.object("nested")?.int("start"))) }
        #expect(seen.map(\.k) == m.objects("objects").map { $0.string("k") })
        #expect(seen.map(\.kInt) == [1, nil] && seen.map(\.start) == [nil, 3], "the second object's members are its own, not the first's")
        var none = 0
        m.forEachObject("ints") { _ in none += 1 }
        m.forEachObject("missing") { _ in none += 1 }
        #expect(none == 0)
    }

    @Test("Not an object: a failure naming the input")
    func notAnObject() {
        #expect(throws: JSONMembers.Failure.self) { try JSONMembers(Array("[1, 2]".utf8), input: "extract") }
        do {
            _ = try JSONMembers(Array(" 3".utf8), input: "extract")
        } catch {
            #expect(error.description == #"input "extract" is not a JSON object"#)
        }
    }
}
