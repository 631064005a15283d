import Testing
import WorkbenchProtocol

@Suite("Protocol messages")
struct MessageCodecTests {
    static let hello = StageHello(name: "attribution", version: "1.2.0", scope: .document, consumes: ["extract"], produces: "attribution/1",
                                  summary: "who said what", configSchema: ["type": "object"])

    @Test("Every stage message round-trips through its line")
    func stageMessages() throws {
        let messages: [StageMessage] = [
            .hello(Self.hello), .ready, .result(id: "17", output: Array(#"{"a":[1,2]}"#.utf8)),
            .error(StageError(id: "17", message: "bad \"input\"", retryable: true)),
            .error(StageError(id: nil, message: "config.cues: must be a list", field: "cues")),
            .log(StageLog(level: .warning, message: "slow", id: "3")),
        ]
        for message in messages {
            let line = message.line
            #expect(line.last == 0x0A)
            #expect(!line.dropLast().contains(0x0A), "one line per message")
            let decoded = try StageMessage.decode(Array(line.dropLast()))
            #expect(Array(decoded.line) == line)
        }
    }

    @Test("Host messages round-trip, task inputs stay raw")
    func hostMessages() throws {
        let task = HostMessage.task(id: "9", document: Array(#"{"id":"d","meta":{},"text":"t"}"#.utf8),
                                    inputs: [("extract", Array(#"{"sentences":[]}"#.utf8)), ("quotes", Array("[1]".utf8))])
        guard case .task(let id, let document, let inputs) = try HostMessage.decode(Array(task.line.dropLast())) else {
            Issue.record("not a task")
            return
        }
        #expect(id == "9")
        #expect(String(decoding: document, as: UTF8.self) == #"{"id":"d","meta":{},"text":"t"}"#)
        #expect(inputs.map(\.name) == ["extract", "quotes"])
        #expect(inputs.map { String(decoding: $0.output, as: UTF8.self) } == [#"{"sentences":[]}"#, "[1]"])
        for message in [HostMessage.end, .shutdown, .configure(protocolVersion: 1, step: "s", config: ["k": 1])] {
            _ = try HostMessage.decode(Array(message.line.dropLast()))
        }
    }

    @Test("Bad lines yield the specific violation", arguments: [
        ("loading model weights...", ProtocolViolation.Kind.notJSON),
        (#"{"type":"result","id":"1","output":{"x":1}"#, .notJSON),
        (#"[1,2]"#, .notAnObject),
        (#"{"id":"1"}"#, .missingType),
        (#"{"type":7}"#, .missingType),
        (#"{"type":"progress","done":3}"#, .unknownType),
        (#"{"type":"result","output":{}}"#, .missingField),
        (#"{"type":"result","id":1,"output":{}}"#, .wrongFieldType),
        (#"{"type":"result","id":"1"}"#, .missingField),
        (#"{"type":"error","id":"1","message":"m","retryable":"yes"}"#, .wrongFieldType),
        (#"{"type":"hello","name":"x","version":"1"}"#, .missingField),
    ])
    func violations(line: String, kind: ProtocolViolation.Kind) {
        do {
            _ = try StageMessage.decode(Array(line.utf8))
            Issue.record("accepted: \(line)")
        } catch {
            #expect(error.kind == kind, "\(line): \(error.message)")
        }
    }

    @Test("Invalid UTF-8 is its own violation")
    func invalidUTF8() {
        let line = Array(#"{"type":"result","id":"1","output":{"x":""#.utf8) + [0xFF, 0xFE] + Array(#""}}"#.utf8)
        #expect(throws: ProtocolViolation(.invalidUTF8, "line is not valid UTF-8 (at byte 41)")) { try StageMessage.decode(line) }
    }

    @Test("A 16 MiB result decodes with its output untouched")
    func bigResult() throws {
        let text = String(repeating: "é", count: 8 << 20)
        let line = StageMessage.result(id: "1", output: JSONValue.object(JSONObject(["text": JSONValue.string(text)])).serialized()).line
        #expect(line.count > 16 << 20)
        guard case .result(_, let output) = try StageMessage.decode(Array(line.dropLast())) else {
            Issue.record("not a result")
            return
        }
        #expect(try JSONParser.parse(output)["text"]?.stringValue?.count == 8 << 20)
    }

    @Test("Unknown members are ignored (forward compatibility)")
    func unknownMembers() throws {
        guard case .hello(let hello) = try StageMessage.decode(Array(#"{"type":"hello","protocols":[1,2],"name":"n","version":"1","gpu":true}"#.utf8)) else {
            Issue.record("not a hello")
            return
        }
        #expect(hello.extra["gpu"] == .bool(true))
        #expect(hello.scope == .document)
    }

    @Test("Version negotiation picks the highest common version, or none", arguments: [
        ([1], [1], 1), ([1], [1, 2], 1), ([1, 2], [2, 3], 2), ([1], [2, 3], nil),
    ] as [([Int], [Int], Int?)])
    func negotiation(host: [Int], stage: [Int], expected: Int?) {
        #expect(StageProtocol.negotiate(host: host, stage: stage) == expected)
    }
}
