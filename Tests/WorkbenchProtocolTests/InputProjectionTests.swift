import Testing
import WorkbenchProtocol

/// A stage's hello `reads` names the members of an input it uses; the host sends only those, and the
/// stage splits the task line (with its nested inputs) in one pass.
@Suite("Input projections")
struct InputProjectionTests {
    static let extract = Array(#"{"language":"en","tokens":[0,3,4,9],"sentences":[[0,9,0]],"entities":[{"start":0,"end":3,"text":"Foo"}],"numbers":[]}"#.utf8)

    @Test("`reads` survives a hello round trip; a wrong shape is named")
    func helloRoundTrip() throws {
        let hello = StageHello(name: "s", version: "1", consumes: ["extract"], reads: ["extract": ["sentences", "entities"]])
        let decoded = try StageHello(json: hello.json)
        #expect(decoded.reads == ["extract": ["sentences", "entities"]])
        var bad = hello.json
        bad["reads"] = .array([.string("extract")])
        #expect(throws: ProtocolViolation.self) { try StageHello(json: bad) }
        var badList = hello.json
        badList["reads"] = .object(JSONObject(["extract": .string("sentences")]))
        #expect(throws: ProtocolViolation.self) { try StageHello(json: badList) }
    }

    @Test("A task keeps only the members read, in the output's order, and decodes to them")
    func projectedTask() throws {
        var writer = JSONWriter()
        HostMessage.writeTask(into: &writer, id: "7", document: Array(#"{"id":"d","text":"Foo bar."}"#.utf8),
                              inputs: [("extract", Self.extract, ["entities", "sentences", "absent"]), ("other", Array("[1,2]".utf8), nil)])
        guard case .task(let id, _, let inputs) = try HostMessage.decode(writer.bytes) else {
            Issue.record("not a task")
            return
        }
        #expect(id == "7")
        #expect(inputs.map(\.0) == ["extract", "other"])
        let extract = try JSONParser.parse(inputs[0].1)
        #expect(extract.objectValue?.members.map(\.key) == ["sentences", "entities"])
        #expect(extract["entities"] == (try JSONParser.parse(Array(#"[{"start":0,"end":3,"text":"Foo"}]"#.utf8))))
        #expect(String(decoding: inputs[1].1, as: UTF8.self) == "[1,2]")
    }

    @Test("Without `reads` the input arrives byte for byte")
    func wholeInput() throws {
        var writer = JSONWriter()
        HostMessage.writeTask(into: &writer, id: "1", document: Array(#"{"id":"d","text":""}"#.utf8), inputs: [("extract", Self.extract, nil)])
        guard case .task(_, _, let inputs) = try HostMessage.decode(writer.bytes) else {
            Issue.record("not a task")
            return
        }
        #expect(inputs[0].1 == Self.extract)
    }

    @Test("Splitting a nested object in the same pass gives the ranges a second pass would")
    func nestedSplit() throws {
        let line = Array(#"{"type":"task","id":"1","document":{"id":"d","text":"a\"}"},"inputs":{"a":{"x":[1,{"y":"}"}]},"b":"s","c":null},"z":1}"#.utf8)
        let scanned = ScannedLine(trusting: line, splitting: "inputs")
        let raw = try #require(scanned.raw("inputs"))
        let rawBytes = Array(raw)
        let twoPass: [JSONParser.ScannedMember] = rawBytes.withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0) }
        let nested: [JSONParser.ScannedMember] = try #require(scanned.nested)
        #expect(nested.map(\.key) == twoPass.map(\.key))
        let nestedValues: [[UInt8]] = nested.map { Array(line[$0.range]) }
        let twoPassValues: [[UInt8]] = twoPass.map { Array(rawBytes[$0.range]) }
        #expect(nestedValues == twoPassValues)
        #expect(scanned.members.map(\.key) == ["type", "id", "document", "inputs", "z"])
    }
}
