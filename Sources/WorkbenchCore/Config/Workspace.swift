public import WorkbenchProtocol
import Foundation

/// A workspace: the folder with `workspace.json` — where the corpus is, which outlets exist,
/// where stages are found, where the cache and the outputs go.
public struct Workspace: Sendable {
    /// The folder holding `workspace.json`; relative paths in the file are resolved against it.
    public var directory: String
    public var name: String?
    public var corpus: [CorpusSource]
    public var outlets: OutletRegistry
    /// Extra folders searched for stages, before the folder of the `workbench` executable.
    public var stagePaths: [String]
    public var cachePath: String
    public var outputDirectory: String
    public var pipelinePath: String
    /// Topic knowledge (actors, aliases, contested terms) for the analysis stages, if any.
    public var topicPath: String?
    /// Where steps run unless pipeline.json, `--executor` or the step says otherwise (`executor`).
    public var executor: ExecutorSpec?
    /// Settings read but used by later subsystems (executors), kept as written.
    public var extra: JSONObject
    /// The parsed file, for locating later diagnostics (nil for a workspace made in code).
    public var file: JSONSourceFile?

    public static let fileName = "workspace.json"

    public init(
        directory: String, name: String? = nil, corpus: [CorpusSource] = [], outlets: OutletRegistry = OutletRegistry(),
        stagePaths: [String] = [], cachePath: String? = nil, outputDirectory: String? = nil,
        pipelinePath: String? = nil, topicPath: String? = nil, extra: JSONObject = JSONObject()
    ) {
        self.directory = directory
        self.name = name
        self.corpus = corpus
        self.outlets = outlets
        self.stagePaths = stagePaths
        self.cachePath = cachePath ?? Paths.join(directory, ".workbench/cache.sqlite")
        self.outputDirectory = outputDirectory ?? Paths.join(directory, "out")
        self.pipelinePath = pipelinePath ?? Paths.join(directory, "pipeline.json")
        self.topicPath = topicPath
        self.extra = extra
    }

    /// Loads `workspace.json` from `directory`.
    /// - Throws: `ConfigurationError` with every problem in the file.
    public static func load(directory: String) throws(ConfigurationError) -> Workspace {
        let directory = Paths.absolute(directory)
        let path = Paths.join(directory, fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError([.error(
                "no \(fileName) in \(directory)",
                hint: "run workbench in a workspace folder, pass --workspace DIR, or copy workspace.json from the project root")])
        }
        let file = try JSONSourceFile.load(path: path, displayName: Paths.display(path))
        return try load(file: file, directory: directory)
    }

    static let knownKeys = ["name", "corpus", "outlets", "stages", "cache", "output", "pipeline", "topic", "executor", "description"]

    /// Reads a parsed `workspace.json`.
    /// - Throws: `ConfigurationError` with every problem in the file.
    public static func load(file: JSONSourceFile, directory: String) throws(ConfigurationError) -> Workspace {
        var reader = ConfigReader(file: file)
        reader.warnAboutDuplicateKeys()
        guard let root = reader.object(file.value, at: .root) else { throw ConfigurationError(reader.collector.diagnostics) }
        reader.rejectUnknownKeys(root, at: .root, allowed: knownKeys, what: "workspace.json")

        var workspace = Workspace(directory: directory, name: reader.string(root, "name", at: .root))
        workspace.file = file
        func resolve(_ path: String) -> String { Paths.resolve(path, against: directory) }

        if let value = root["corpus"] {
            let path = JSONPath.root.appending("corpus")
            let items: [(JSONValue, JSONPath)]
            switch value {
            case .array(let array): items = array.enumerated().map { ($0.element, path.appending($0.offset)) }
            case .object, .string: items = [(value, path)]
            default:
                reader.expect("an array of corpus sources", at: path, found: value)
                items = []
            }
            for (item, itemPath) in items {
                if let source = CorpusSource.read(item, at: itemPath, reader: &reader, directory: directory) {
                    workspace.corpus.append(source)
                }
            }
        } else {
            reader.error("missing required field \"corpus\"", at: .root,
                         hint: #"add "corpus": [{"path": "corpus"}] naming a folder of .txt files, a .jsonl or a .csv file"#)
        }
        if let value = root["outlets"] {
            workspace.outlets = OutletRegistry.read(value, at: JSONPath.root.appending("outlets"), reader: &reader)
        }
        if let stages = reader.strings(root, "stages", at: .root, acceptSingle: true) {
            workspace.stagePaths = stages.map(resolve)
        }
        if let cache = reader.string(root, "cache", at: .root) { workspace.cachePath = resolve(cache) }
        if let output = reader.string(root, "output", at: .root) { workspace.outputDirectory = resolve(output) }
        if let pipeline = reader.string(root, "pipeline", at: .root) { workspace.pipelinePath = resolve(pipeline) }
        if let topic = reader.string(root, "topic", at: .root) {
            workspace.topicPath = resolve(topic)
            if !FileManager.default.fileExists(atPath: resolve(topic)) {
                reader.error("topic file \(topic) does not exist", at: JSONPath.root.appending("topic"))
            }
        }
        if let executor = root["executor"] {
            workspace.extra["executor"] = executor
            workspace.executor = ExecutorSpec.read(executor, at: JSONPath.root.appending("executor"), reader: &reader)
        }
        try reader.collector.throwIfErrors()
        return workspace
    }

    /// The topic file's JSON, if the workspace names one.
    /// - Throws: `ConfigurationError` when it cannot be read or parsed.
    public func topic() throws(ConfigurationError) -> JSONValue? {
        guard let topicPath else { return nil }
        return try JSONSourceFile.load(path: topicPath, displayName: Paths.display(topicPath)).value
    }

    /// The cache folder (holds the database, the run lock and temporary files).
    public var stateDirectory: String { (cachePath as NSString).deletingLastPathComponent }
}
