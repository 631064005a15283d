import Foundation
import Testing
import StageKit
import WorkbenchProtocol

/// A tiny document stage for in-process tests.
struct Shout: DocumentStage {
    struct Configuration: Decodable { var suffix: String = "!" }
    struct Output: Encodable { var text: String; var length: Int }
    static let info = StageInfo(name: "shout", version: "1.0.0", produces: "shout/1")
    let suffix: String
    init(configuration: Configuration, context: StageContext) throws {
        guard !configuration.suffix.isEmpty else { throw StageFailure("must not be empty", field: "suffix") }
        suffix = configuration.suffix
        context.log("configured")
    }
    func process(_ task: StageTask) throws -> Output {
        if task.document.text == "fail" { throw StageFailure("cannot shout that", retryable: true) }
        return Output(text: task.document.text.uppercased() + suffix, length: ScalarText(task.document.text).count)
    }
}

/// A tiny corpus stage: counts documents.
struct Tally: CorpusStage {
    struct Output: Encodable { var documents: [String] }
    static let info = StageInfo(name: "tally", version: "1.0.0")
    var ids: [String] = []
    init(configuration: NoConfiguration, context: StageContext) throws {}
    mutating func add(_ task: StageTask) throws {
        if task.document.text == "bad" { throw StageFailure("bad document") }
        ids.append(task.document.id)
    }
    func finish() throws -> Output { Output(documents: ids) }
}

/// A corpus stage with a reader: texts are parsed as numbers on several threads, summed in order.
struct OrderedSum: CorpusStage {
    struct Reader: CorpusTaskReader {
        func read(_ task: StageTask) throws -> (id: String, value: Int, thread: String) {
            guard let value = Int(task.document.text) else { throw StageFailure("not a number: \(task.document.text)") }
            return (task.document.id, value, String(UInt(bitPattern: Int(bitPattern: pthread_self()))))
        }
    }
    struct Output: Encodable { var order: [String]; var sum: Int; var threads: Int }
    static let info = StageInfo(name: "ordered-sum", version: "1.0.0")
    let reader = Reader()
    var order: [String] = []
    var sum = 0
    var threads: Set<String> = []
    init(configuration: NoConfiguration, context: StageContext) throws {}
    mutating func add(_ item: (id: String, value: Int, thread: String)) throws {
        if item.value == 13 { throw StageFailure("unlucky") }
        order.append(item.id)
        sum += item.value
        threads.insert(item.thread)
    }
    func finish() throws -> Output { Output(order: order, sum: sum, threads: threads.count) }
}

/// A corpus stage that echoes the keys of its config, in the order it received them.
struct ConfigKeys: CorpusStage {
    struct Configuration: JSONConfiguration {
        var raw: JSONValue
        init(json: JSONValue) { raw = json }
        init(from decoder: any Decoder) throws { raw = try JSONValue(from: decoder) }
    }
    struct Output: Encodable { var keys: [String] }
    static let info = StageInfo(name: "config-keys", version: "1.0.0")
    let keys: [String]
    init(configuration: Configuration, context: StageContext) throws { keys = configuration.raw.objectValue?.members.map(\.key) ?? [] }
    mutating func add(_ task: StageTask) throws {}
    func finish() throws -> Output { Output(keys: keys) }
}

@Suite("StageKit, in process")
struct StageKitSessionTests {
    static func lines(_ messages: [String]) -> [UInt8] { Array((messages.joined(separator: "\n") + "\n").utf8) }
    static let configure = #"{"type":"configure","protocol":1,"step":"s","config":{"suffix":"?"}}"#
    static func task(_ id: String, _ text: String) -> String {
        #"{"type":"task","id":"\#(id)","document":{"id":"d\#(id)","meta":{},"text":"\#(text)"},"inputs":{}}"#
    }

    @Test("Hello first, then ready, then answers in order, at any read size", arguments: [1, 3, 17, 65536])
    func session(chunkSize: Int) throws {
        let input = Self.lines([Self.configure, Self.task("1", "héllo 🙂"), Self.task("2", "fail"), #"{"type":"shutdown"}"#])
        let (status, io) = StageMain.session(Shout.self, io: MemoryIO(input: input, chunkSize: chunkSize))
        let out = (io as! MemoryIO).outputLines
        #expect(status == 0)
        #expect(out.count == 5)
        #expect(out[0].hasPrefix(#"{"type":"hello","protocols":[1],"name":"shout""#))
        #expect(out[1].contains(#""type":"log""#) && out[1].contains("configured"))
        #expect(out[2] == #"{"type":"ready"}"#)
        #expect(out[3] == #"{"type":"result","id":"1","output":{"length":7,"text":"HÉLLO 🙂?"}}"#)
        #expect(out[4] == #"{"type":"error","id":"2","message":"cannot shout that","retryable":true}"#)
    }

    @Test("A refused config is an error naming the field, and the stage exits 1")
    func refusedConfig() {
        let input = Self.lines([#"{"type":"configure","protocol":1,"step":"s","config":{"suffix":""}}"#])
        let (status, io) = StageMain.session(Shout.self, io: MemoryIO(input: input))
        #expect(status == 1)
        #expect((io as! MemoryIO).outputLines.last == #"{"type":"error","message":"must not be empty","retryable":false,"field":"suffix"}"#)
    }

    @Test("A config of the wrong type is refused with its path")
    func wrongType() {
        let input = Self.lines([#"{"type":"configure","protocol":1,"step":"s","config":{"suffix":3}}"#])
        let (status, io) = StageMain.session(Shout.self, io: MemoryIO(input: input))
        #expect(status == 1)
        #expect((io as! MemoryIO).outputLines.last?.contains(#""field":"suffix""#) == true)
        #expect((io as! MemoryIO).outputLines.last?.contains("expected a string") == true)
    }

    @Test("End of input ends the session cleanly")
    func endOfInput() {
        let (status, _) = StageMain.session(Shout.self, io: MemoryIO(input: Self.lines([Self.configure])))
        #expect(status == 0)
    }

    @Test("A corpus stage answers once after end; a failing document is reported by its id")
    func corpus() {
        let input = Self.lines([#"{"type":"configure","protocol":1,"step":"t","config":{}}"#, Self.task("a", "x"), Self.task("b", "bad"),
                                Self.task("c", "y"), #"{"type":"end"}"#, #"{"type":"shutdown"}"#])
        let (status, io) = StageMain.session(Tally.self, io: MemoryIO(input: input))
        let out = (io as! MemoryIO).outputLines
        #expect(status == 0)
        #expect(out[1] == #"{"type":"ready"}"#)
        #expect(out[2] == #"{"type":"error","id":"b","message":"bad document","retryable":false}"#)
        #expect(out[3] == #"{"type":"result","id":"corpus","output":{"documents":["da","dc"]}}"#)
    }

    @Test("A corpus stage's reader runs on several threads; add sees the documents in the host's order; failures of either keep their ids")
    func parallelReader() throws {
        // 150 documents: two full batches and a partial one read at end.
        var messages = [#"{"type":"configure","protocol":1,"step":"t","config":{}}"#]
        messages += (1...150).map { Self.task(String($0), $0 == 7 ? "seven" : String($0)) }
        messages += [#"{"type":"end"}"#, #"{"type":"shutdown"}"#]
        let (status, io) = StageMain.session(OrderedSum.self, io: MemoryIO(input: Self.lines(messages), chunkSize: 4096))
        let out = (io as! MemoryIO).outputLines
        #expect(status == 0)
        #expect(out.filter { $0.contains(#""type":"error""#) } == [
            #"{"type":"error","id":"7","message":"not a number: seven","retryable":false}"#,
            #"{"type":"error","id":"13","message":"unlucky","retryable":false}"#,
        ])
        let result = try JSONParser.parse(Array(try #require(out.last).utf8))
        let output = try #require(result["output"])
        let expected = (1...150).filter { $0 != 7 && $0 != 13 }
        #expect(output["order"]?.arrayValue?.compactMap(\.stringValue) == expected.map { "d\($0)" })
        #expect(output["sum"]?.intValue == expected.reduce(0, +))
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect((output["threads"]?.intValue ?? 0) > 1, "read on more than one thread")
        }
    }

    @Test("A JSONConfiguration gets the config with its member order; a Decodable JSONValue has its keys sorted")
    func configOrder() throws {
        let input = Self.lines([#"{"type":"configure","protocol":1,"step":"t","config":{"zeta":1,"alpha":2,"mu":3,"beta":4}}"#,
                                #"{"type":"end"}"#, #"{"type":"shutdown"}"#])
        let (status, io) = StageMain.session(ConfigKeys.self, io: MemoryIO(input: input))
        #expect(status == 0)
        #expect((io as! MemoryIO).outputLines.last == #"{"type":"result","id":"corpus","output":{"keys":["zeta","alpha","mu","beta"]}}"#)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"zeta":1,"alpha":2,"mu":3,"beta":4}"#.utf8))
        #expect(decoded.objectValue?.members.map(\.key) == ["alpha", "beta", "mu", "zeta"])
    }

    @Test("An unsupported protocol version is refused")
    func version() {
        let (status, io) = StageMain.session(Shout.self, io: MemoryIO(input: Self.lines([#"{"type":"configure","protocol":7,"step":"s","config":{}}"#])))
        #expect(status == 1)
        #expect((io as! MemoryIO).outputLines.last?.contains("protocol 7") == true)
    }

    @Test("Scalar offsets agree with Python's str indices")
    func scalarOffsets() {
        let text = ScalarText("«Ça» 🙂 said")
        #expect(text.count == 11)
        #expect(text[5..<6] == "🙂")
    }
}
