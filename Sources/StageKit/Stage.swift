public import WorkbenchProtocol

/// What a stage says about itself in its hello (and with `--describe`).
public struct StageInfo: Sendable {
    public var name: String
    public var version: String
    public var consumes: [String]
    /// Per input, the only top-level members the stage reads (the host sends no others); see `StageHello.reads`.
    public var reads: [String: [String]]
    public var produces: String?
    public var summary: String?
    /// A JSON Schema subset for the step config; the host checks configs against it before running.
    public var configSchema: JSONValue?

    public init(
        name: String, version: String, consumes: [String] = [], reads: [String: [String]] = [:], produces: String? = nil,
        summary: String? = nil, configSchema: JSONValue? = nil
    ) {
        self.reads = reads
        self.name = name
        self.version = version
        self.consumes = consumes
        self.produces = produces
        self.summary = summary
        self.configSchema = configSchema
    }

    func hello(scope: StageScope) -> StageHello {
        StageHello(name: name, version: version, scope: scope, consumes: consumes, reads: reads, produces: produces,
                   summary: summary, configSchema: configSchema)
    }
}

/// A configuration for stages that take none.
public struct NoConfiguration: Codable, Sendable {
    public init() {}
}

/// A stage that answers each document on its own. Implement `process`; `StageMain.run` does the protocol.
public protocol DocumentStage {
    associatedtype Configuration: Decodable = NoConfiguration
    associatedtype Output: Encodable
    static var info: StageInfo { get }
    /// Called once per worker with the step's config. Throw `StageFailure(field:...)` to refuse it.
    init(configuration: Configuration, context: StageContext) throws
    /// Answers one task. Throw `StageFailure` (optionally retryable) to fail this task only.
    mutating func process(_ task: StageTask) throws -> Output
}

/// A stage that sees every document, then answers once for the corpus.
///
/// The work on one document that needs nothing of the stage's running state (parsing its inputs,
/// counting its words) can go in a `reader`: StageKit then reads the tasks in batches on all cores
/// and hands the items to `add` one by one, in the order the host sent them. Without a reader, `add`
/// takes each task as it arrives.
public protocol CorpusStage {
    associatedtype Configuration: Decodable = NoConfiguration
    associatedtype Output: Encodable
    associatedtype Reader: CorpusTaskReader = WholeTask
    static var info: StageInfo { get }
    init(configuration: Configuration, context: StageContext) throws
    /// Turns one task into what `add` takes; called on several threads at once.
    var reader: Reader { get }
    /// Takes one document (its task, or what `reader` made of it), in the host's order. Throwing
    /// (here or in the reader) fails that document only; the corpus answer goes on without it.
    mutating func add(_ item: Reader.Item) throws
    /// Called after the last document: the answer for the whole corpus.
    mutating func finish() throws -> Output
}

/// Reads one corpus task on any thread, independently of every other document.
public protocol CorpusTaskReader: Sendable {
    associatedtype Item
    func read(_ task: StageTask) throws -> Item
}

/// The default reader: `add` takes the task itself, as it arrives.
public struct WholeTask: CorpusTaskReader {
    public init() {}
    public func read(_ task: StageTask) -> StageTask { task }
}

extension CorpusStage where Reader == WholeTask {
    public var reader: WholeTask { WholeTask() }
}

/// Thrown by a stage to fail a task (or, from `init`, to refuse its configuration).
public struct StageFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var retryable: Bool
    /// For a refused configuration: the offending config field, e.g. `"stopwords[3]"`.
    public var field: String?

    public init(_ message: String, retryable: Bool = false, field: String? = nil) {
        self.message = message
        self.retryable = retryable
        self.field = field
    }

    public var description: String { message }
}

/// What a stage knows about the session it runs in, and where it logs.
public struct StageContext: Sendable {
    /// The pipeline step this worker serves.
    public var step: String
    /// The negotiated protocol version.
    public var protocolVersion: Int
    let emit: @Sendable ([UInt8]) -> Void

    /// Sends a `log` message to the host (shown prefixed with the stage name, kept with the run).
    public func log(_ message: String, level: StageLog.Level = .info, task: String? = nil) {
        emit(StageMessage.log(StageLog(level: level, message: message, id: task)).line)
    }
}
