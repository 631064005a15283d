internal import WorkbenchProtocol
internal import Foundation

/// Runs a stage over stdin/stdout: `StageMain.run(WordCount.self)` is a stage's whole `main.swift`.
///
/// It says hello first, handles `configure`, answers every `task`, handles `end` and `shutdown`,
/// prints the hello for `--describe`, and exits 0 when the host closes stdin.
public enum StageMain {
    /// Runs a document-scope stage as this process. Never returns.
    public static func run<S: DocumentStage>(_ stage: S.Type) -> Never {
        exit(main(hello: S.info.hello(scope: .document)) { io in
            var loop = SessionLoop(io: io, hello: S.info.hello(scope: .document), handler: DocumentHandler<S>())
            return loop.run()
        })
    }

    /// Runs a corpus-scope stage as this process. Never returns.
    public static func run<S: CorpusStage>(_ stage: S.Type) -> Never {
        exit(main(hello: S.info.hello(scope: .corpus)) { io in
            var loop = SessionLoop(io: io, hello: S.info.hello(scope: .corpus), handler: CorpusHandler<S>())
            return loop.run()
        })
    }

    /// Runs a document-scope stage over any channel and returns its exit status (for in-process tests).
    public static func session<S: DocumentStage>(_ stage: S.Type, io: some StageIO) -> (status: Int32, io: any StageIO) {
        var loop = SessionLoop(io: io, hello: S.info.hello(scope: .document), handler: DocumentHandler<S>())
        let status = loop.run()
        return (status, loop.io)
    }

    /// Runs a corpus-scope stage over any channel and returns its exit status (for in-process tests).
    public static func session<S: CorpusStage>(_ stage: S.Type, io: some StageIO) -> (status: Int32, io: any StageIO) {
        var loop = SessionLoop(io: io, hello: S.info.hello(scope: .corpus), handler: CorpusHandler<S>())
        let status = loop.run()
        return (status, loop.io)
    }

    private static func main(hello: StageHello, _ body: (StandardIO) -> Int32) -> Int32 {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.contains("--describe") {
            var io = StandardIO()
            return io.write(hello.line) ? 0 : 1
        }
        if arguments.contains("--help") || arguments.contains("-h") {
            print("""
                \(hello.name) \(hello.version) — a workbench stage (protocol \(hello.protocols.map(String.init).joined(separator: ", ")))
                \(hello.summary ?? "")
                It speaks JSON lines on stdin/stdout and is run by `workbench run`; see docs/PROTOCOL.md.
                  --describe   print the hello line and exit
                """)
            return 0
        }
        return body(StandardIO())
    }
}

/// Collects output lines and sends them in as few writes as possible.
final class OutputBuffer: @unchecked Sendable {
    var bytes: [UInt8] = []
    func append(_ line: [UInt8]) { bytes.append(contentsOf: line) }
    func emit(_ message: StageMessage) { append(message.line) }
}

/// What differs between document and corpus stages; the loop does the rest.
protocol SessionHandler {
    mutating func configure(config: JSONValue, context: StageContext) throws(StageFailure)
    /// Answers go to `output` (a class, not a closure: a closure over the session loop would hold
    /// a copy of the stage while it mutates its state, and copy that state once per document).
    mutating func handle(_ task: StageTask, output: OutputBuffer)
    mutating func end(output: OutputBuffer)
}

struct SessionLoop<IO: StageIO, Handler: SessionHandler> {
    var io: IO
    let hello: StageHello
    var handler: Handler
    private let output = OutputBuffer()
    private var configured = false
    private var framer = LineFramer()

    init(io: IO, hello: StageHello, handler: Handler) {
        self.io = io
        self.hello = hello
        self.handler = handler
    }

    mutating func run() -> Int32 {
        output.append(hello.line)
        guard flush() else { return 1 }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { io.read(into: $0) }
            if n == 0 { return flush() ? 0 : 1 }
            chunk.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            while let frame = framer.next() {
                guard case .line(let line) = frame else {
                    emit(.log(StageLog(level: .error, message: "ignored an oversized line from the host")))
                    continue
                }
                if let status = handle(line) {
                    _ = flush()
                    return status
                }
            }
            guard flush() else { return 1 }
        }
    }

    /// Handles one host line; returns an exit status when the session is over.
    private mutating func handle(_ line: [UInt8]) -> Int32? {
        let message: HostMessage
        do {
            message = try HostMessage.decode(line)
        } catch {
            if !configured {
                // Nothing can go on without a configuration: say why and stop, rather than leave the host waiting.
                emit(.error(StageError(id: nil, message: "cannot read the host's line before configure: \(error.message)")))
                return 1
            }
            emit(.log(StageLog(level: .warning, message: "ignored a host line: \(error.message)")))
            return nil
        }
        switch message {
        case .configure(let version, let step, let config):
            guard hello.protocols.contains(version) else {
                emit(.error(StageError(id: nil, message: "host chose protocol \(version); this stage speaks \(hello.protocols)")))
                return 1
            }
            let buffer = output
            let context = StageContext(step: step, protocolVersion: version, emit: { buffer.append($0) })
            do {
                try handler.configure(config: config, context: context)
                configured = true
                emit(.ready)
            } catch {
                emit(.error(StageError(id: nil, message: error.message, retryable: false, field: error.field)))
                return 1
            }
        case .task(let id, let document, let inputs):
            guard configured else {
                emit(.error(StageError(id: id, message: "task before configure")))
                return nil
            }
            do {
                let task = try StageTask(id: id, documentJSON: document, inputs: inputs)
                handler.handle(task, output: output)
            } catch {
                emit(.error(StageError(id: id, message: error.message)))
            }
        case .end:
            handler.end(output: output)
        case .shutdown:
            return 0
        }
        return nil
    }

    private func emit(_ message: StageMessage) { output.emit(message) }

    private mutating func flush() -> Bool {
        guard !output.bytes.isEmpty else { return true }
        defer { output.bytes.removeAll(keepingCapacity: true) }
        return io.write(output.bytes)
    }
}

// MARK: - Handlers

private let encoder: JSONEncoder = {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return e
}()

/// A configuration that takes the step config as the JSON it is, member order kept (a `Decodable`
/// decode goes through a keyed container, whose keys come in no defined order).
public protocol JSONConfiguration: Decodable {
    init(json: JSONValue) throws
}

func decodeConfiguration<C: Decodable>(_ type: C.Type, from config: JSONValue) throws(StageFailure) -> C {
    if let raw = C.self as? any JSONConfiguration.Type {
        do { return try raw.init(json: config) as! C } catch { throw StageFailure("config: \(error)") }
    }
    do {
        return try JSONDecoder().decode(C.self, from: Data(config.serialized()))
    } catch let error as DecodingError {
        let (path, reason): ([any CodingKey], String) = switch error {
        case .typeMismatch(let t, let c): (c.codingPath, "expected \(describe(t))")
        case .valueNotFound(let t, let c): (c.codingPath, "expected \(describe(t)), found null")
        case .keyNotFound(let k, let c): (c.codingPath + [k], "required")
        case .dataCorrupted(let c): (c.codingPath, c.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let field = JSONPath(path.map { $0.intValue.map(JSONPath.Component.index) ?? .key($0.stringValue) })
        throw StageFailure("config.\(field): \(reason)", field: field.components.isEmpty ? nil : field.description)
    } catch {
        throw StageFailure("config: \(error)")
    }
}

/// "an integer" rather than "Int": config errors are read by researchers, not Swift programmers.
func describe(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: "an integer"
    case is Double.Type, is Float.Type: "a number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default:
        String(describing: type).hasPrefix("Array") ? "an array"
            : String(describing: type).hasPrefix("Dictionary") ? "an object" : "\(type)"
    }
}

func encodeOutput<O: Encodable>(_ output: O) throws(StageFailure) -> [UInt8] {
    // Types that write themselves skip Codable's reflection (several times faster for large outputs).
    if let writable = output as? any JSONWritable {
        var writer = JSONWriter(reservingCapacity: 4096)
        writable.writeJSON(into: &writer)
        return writer.bytes
    }
    do {
        return Array(try encoder.encode(output))
    } catch {
        throw StageFailure("could not encode the output: \(error)")
    }
}

func failureMessage(_ error: any Error, id: String) -> StageMessage {
    if let failure = error as? StageFailure {
        return .error(StageError(id: id, message: failure.message, retryable: failure.retryable))
    }
    return .error(StageError(id: id, message: "\(error)", retryable: false))
}

struct DocumentHandler<S: DocumentStage>: SessionHandler {
    var stage: S?

    mutating func configure(config: JSONValue, context: StageContext) throws(StageFailure) {
        let configuration = try decodeConfiguration(S.Configuration.self, from: config)
        do {
            stage = try S(configuration: configuration, context: context)
        } catch let failure as StageFailure {
            throw failure
        } catch {
            throw StageFailure("\(error)")
        }
    }

    mutating func handle(_ task: StageTask, output: OutputBuffer) {
        do {
            output.emit(.result(id: task.id, output: try encodeOutput(try stage!.process(task))))
        } catch {
            output.emit(failureMessage(error, id: task.id))
        }
    }

    mutating func end(output: OutputBuffer) {}
}

struct CorpusHandler<S: CorpusStage>: SessionHandler {
    var stage: S?
    /// The stage's reader, taken once at configure (it is fixed for the session).
    private var reader: S.Reader?
    /// Tasks waiting to be read in parallel (only for a stage with a reader of its own).
    private var pending: [StageTask] = []
    private let batchSize = 64
    /// The cores this process may use, or `WORKBENCH_STAGE_THREADS` when set (1: no parallel reading).
    private let threads = max(1, min(Int(ProcessInfo.processInfo.environment["WORKBENCH_STAGE_THREADS"] ?? "")
                                         ?? ProcessInfo.processInfo.activeProcessorCount, 64))
    private static var readsInParallel: Bool { S.Reader.self != WholeTask.self }

    init() {}

    mutating func configure(config: JSONValue, context: StageContext) throws(StageFailure) {
        let configuration = try decodeConfiguration(S.Configuration.self, from: config)
        do {
            stage = try S(configuration: configuration, context: context)
            reader = stage!.reader
        } catch let failure as StageFailure {
            throw failure
        } catch {
            throw StageFailure("\(error)")
        }
    }

    mutating func handle(_ task: StageTask, output: OutputBuffer) {
        guard Self.readsInParallel else {
            do { try stage!.add(reader!.read(task)) } catch { output.emit(failureMessage(error, id: task.id)) }
            return
        }
        pending.append(task)
        if pending.count >= batchSize { addPending(output: output) }
    }

    mutating func end(output: OutputBuffer) {
        addPending(output: output)
        do {
            output.emit(.result(id: "corpus", output: try encodeOutput(try stage!.finish())))
        } catch {
            output.emit(failureMessage(error, id: "corpus"))
        }
    }

    /// Reads the pending tasks on `threads` threads, then adds them in order.
    private mutating func addPending(output: OutputBuffer) {
        guard !pending.isEmpty else { return }
        let reader = reader!
        let items = ParallelMap.map(pending, threads: threads) { task in Result { try reader.read(task) } }
        for (task, item) in zip(pending, items) {
            do { try stage!.add(item.get()) } catch { output.emit(failureMessage(error, id: task.id)) }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
