public import WorkbenchProtocol
import Foundation

/// One step of a pipeline: which stage runs, with which config, on which steps' outputs.
public struct PipelineStep: Hashable, Sendable {
    public var id: String
    public var stage: String
    /// The config sent in `configure`, after `{"$file": ...}` references are inlined.
    public var config: JSONValue
    /// Upstream step ids; nil when the file gives none (they are then inferred from what the stage consumes).
    public var inputs: [String]?
    public var options: StepOptions
    /// Index in `steps`, for locating diagnostics.
    public var index: Int

    public var path: JSONPath { JSONPath.root.appending("steps").appending(index) }

    public init(id: String, stage: String, config: JSONValue = .object(JSONObject()), inputs: [String]? = nil,
                options: StepOptions = StepOptions(), index: Int = 0) {
        self.id = id
        self.stage = stage
        self.config = config
        self.inputs = inputs
        self.options = options
        self.index = index
    }
}

/// How a step is run (not part of its cache key: they change how, not what, is computed).
public struct StepOptions: Hashable, Sendable {
    /// Seconds a task may take before its worker is killed and the task retried.
    public var timeout: Double?
    /// Workers for this step (default: `--jobs`, which defaults to the number of cores).
    public var jobs: Int?
    /// Tasks in flight per worker.
    public var inFlight: Int?
    /// Extra attempts after a crash, a timeout or a retryable error.
    public var retries: Int?
    /// Where this step's workers run (`executor` in the step); nil: the pipeline's, `--executor`'s or the workspace's.
    public var executor: ExecutorSpec?

    public init(timeout: Double? = nil, jobs: Int? = nil, inFlight: Int? = nil, retries: Int? = nil, executor: ExecutorSpec? = nil) {
        self.timeout = timeout
        self.jobs = jobs
        self.inFlight = inFlight
        self.retries = retries
        self.executor = executor
    }
}

/// A parsed `pipeline.json`: steps forming a DAG, plus what to write.
public struct Pipeline: Sendable {
    public var steps: [PipelineStep]
    /// Table formats to write (`markdown`, `csv`, `json`, `latex`, `html`).
    public var tableFormats: [String]
    public var extra: JSONObject
    /// Where the steps run unless a step says otherwise (`executor` at the top of pipeline.json).
    public var executor: ExecutorSpec?
    public var file: JSONSourceFile?

    public static let allTableFormats = ["markdown", "csv", "json", "latex", "html"]

    public init(steps: [PipelineStep], tableFormats: [String] = Pipeline.allTableFormats, extra: JSONObject = JSONObject()) {
        self.steps = steps
        self.tableFormats = tableFormats
        self.extra = extra
    }

    public func step(_ id: String) -> PipelineStep? { steps.first { $0.id == id } }

    static let knownKeys = ["steps", "tables", "description", "executor", "report"]
    static let stepKeys = ["id", "stage", "config", "inputs", "timeout", "jobs", "in_flight", "retries", "executor", "description"]

    /// Loads and structurally checks `pipeline.json` (stage-aware checks are `PipelineValidator`'s).
    /// - Throws: `ConfigurationError` only when the file cannot be read or parsed; other problems are kept
    ///   in `diagnostics`.
    public static func load(path: String) throws(ConfigurationError) -> Pipeline {
        let file = try JSONSourceFile.load(path: path, displayName: Paths.display(path))
        return try load(file: file, baseDirectory: (path as NSString).deletingLastPathComponent)
    }

    /// Reads a parsed pipeline file. `baseDirectory` resolves `$file` references.
    /// - Throws: `ConfigurationError` when the top level is not an object.
    public static func load(file: JSONSourceFile, baseDirectory: String) throws(ConfigurationError) -> Pipeline {
        var reader = ConfigReader(file: file)
        reader.warnAboutDuplicateKeys()
        guard let root = reader.object(file.value, at: .root) else { throw ConfigurationError(reader.collector.diagnostics) }
        reader.rejectUnknownKeys(root, at: .root, allowed: knownKeys, what: "pipeline.json")
        var steps: [PipelineStep] = []
        let stepsPath = JSONPath.root.appending("steps")
        switch root["steps"] {
        case nil:
            reader.error("missing required field \"steps\"", at: .root,
                         hint: #"add "steps": [{"id": "words", "stage": "wordcount"}]"#)
        case .array(let items)?:
            if items.isEmpty { reader.error("a pipeline needs at least one step", at: stepsPath) }
            for (i, item) in items.enumerated() {
                if let step = readStep(item, index: i, reader: &reader, baseDirectory: baseDirectory) { steps.append(step) }
            }
        case let other?:
            reader.expect("an array of steps", at: stepsPath, found: other)
        }
        var formats = allTableFormats
        if let given = reader.strings(root, "tables", at: .root) {
            formats = []
            for (i, format) in given.enumerated() {
                if allTableFormats.contains(format) { formats.append(format) } else {
                    reader.error("unknown table format \"\(format)\"", at: JSONPath.root.appending("tables").appending(i),
                                 hint: Suggestion.hint(for: format, in: allTableFormats, kind: "formats"))
                }
            }
        }
        var pipeline = Pipeline(steps: steps, tableFormats: formats)
        for key in ["executor", "report"] { if let value = root[key] { pipeline.extra[key] = value } }
        if let value = root["executor"] { pipeline.executor = ExecutorSpec.read(value, at: JSONPath.root.appending("executor"), reader: &reader) }
        pipeline.file = file
        pipeline.diagnostics = reader.collector.diagnostics
        return pipeline
    }

    /// Problems found while reading the file (wrong types, unknown fields). They do not stop loading, so
    /// that `PipelineValidator` can report them together with the stage-aware ones; it throws them all.
    public var diagnostics: [Diagnostic] = []

    private static func readStep(_ value: JSONValue, index: Int, reader: inout ConfigReader, baseDirectory: String) -> PipelineStep? {
        let path = JSONPath.root.appending("steps").appending(index)
        guard let object = reader.object(value, at: path) else { return nil }
        reader.rejectUnknownKeys(object, at: path, allowed: stepKeys, what: "a step")
        let stage = reader.string(object, "stage", at: path, required: true, hint: "the name of a stage; `workbench stages` lists them")
        let id = reader.string(object, "id", at: path) ?? stage
        var config: JSONValue = .object(JSONObject())
        if let given = object["config"] {
            if case .object = given {
                config = inlineFiles(given, at: path.appending("config"), reader: &reader, baseDirectory: baseDirectory)
            } else {
                reader.expect("an object", at: path.appending("config"), found: given)
            }
        }
        var options = StepOptions()
        options.timeout = reader.number(object, "timeout", at: path, minimum: 0.001)
        options.jobs = reader.int(object, "jobs", at: path, minimum: 1)
        options.inFlight = reader.int(object, "in_flight", at: path, minimum: 1)
        options.retries = reader.int(object, "retries", at: path, minimum: 0)
        options.executor = object["executor"].flatMap { ExecutorSpec.read($0, at: path.appending("executor"), reader: &reader) }
        let inputs = reader.strings(object, "inputs", at: path, acceptSingle: true)
        guard let stage, let id else { return nil }
        return PipelineStep(id: id, stage: stage, config: config, inputs: inputs, options: options, index: index)
    }

    /// Replaces every `{"$file": "path.json"}` in a config with that file's JSON content, so the
    /// content (not the path) is part of the step's config and of its cache key.
    private static func inlineFiles(_ value: JSONValue, at path: JSONPath, reader: inout ConfigReader, baseDirectory: String) -> JSONValue {
        switch value {
        case .object(let object):
            if object.count == 1, let reference = object["$file"] {
                guard case .string(let relative) = reference else {
                    reader.expect("a file path", at: path.appending("$file"), found: reference)
                    return .null
                }
                let absolute = Paths.resolve(relative, against: baseDirectory)
                guard let bytes = FileReading.readAll(absolute) else {
                    reader.error("cannot read \(relative) (looked in \(Paths.display(absolute)))", at: path.appending("$file"))
                    return .null
                }
                if absolute.hasSuffix(".json") {
                    do { return try JSONParser.parse(bytes) } catch {
                        reader.error("\(relative) is not valid JSON: \(error.message) (byte \(error.offset))", at: path.appending("$file"))
                        return .null
                    }
                }
                return .string(String(decoding: bytes, as: UTF8.self))
            }
            var result = JSONObject()
            for member in object.members {
                result.members.append(.init(key: member.key, value: inlineFiles(member.value, at: path.appending(member.key), reader: &reader, baseDirectory: baseDirectory)))
            }
            return .object(result)
        case .array(let items):
            return .array(items.enumerated().map { inlineFiles($0.element, at: path.appending($0.offset), reader: &reader, baseDirectory: baseDirectory) })
        default:
            return value
        }
    }
}
