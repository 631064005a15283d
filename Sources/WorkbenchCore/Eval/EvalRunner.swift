import WorkbenchProtocol
import Foundation

/// Runs an evaluation dataset through the real host and scores the outputs.
public struct EvalRunner: Sendable {
    /// The workspace whose stages (and topic) are evaluated; the run itself happens in a folder of its own.
    public let workspace: Workspace
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    public var quiet = true

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Imports the dataset as a JSONL corpus in `.workbench/eval/<name>/`, runs its pipeline, scores it.
    /// - Throws: `EvalError` (dataset problems) or `RunError` (pipeline problems), as `any Error`.
    public func evaluate(_ dataset: some EvalDataset) async throws -> EvalReport {
        let name = type(of: dataset).name
        let directory = Paths.join(workspace.stateDirectory, "eval/\(name)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let documents = try dataset.documents()
        let corpusPath = Paths.join(directory, "corpus.jsonl")
        var corpus = [UInt8]()
        for document in documents {
            var row = JSONObject()
            row["id"] = .string(document.id)
            row["text"] = .string(document.text)
            for member in document.meta.json where member.key != "source_path" { row[member.key] = member.value }
            corpus += JSONValue.object(row).serialized() + [0x0A]
        }
        try Data(corpus).write(to: URL(fileURLWithPath: corpusPath))
        let pipelinePath = Paths.join(directory, "pipeline.json")
        try dataset.pipeline(topicPath: workspace.topicPath).write(toFile: pipelinePath, atomically: true, encoding: .utf8)

        var evalWorkspace = Workspace(directory: directory, corpus: [CorpusSource(kind: .jsonl, path: corpusPath)],
                                      stagePaths: workspace.stagePaths, cachePath: Paths.join(directory, "cache.sqlite"),
                                      outputDirectory: Paths.join(directory, "out"), pipelinePath: pipelinePath,
                                      topicPath: workspace.topicPath)
        evalWorkspace.outlets = workspace.outlets
        let pipeline = try Pipeline.load(path: pipelinePath)
        var options = RunOptions()
        options.jobs = jobs
        options.progress = quiet ? .none : .automatic
        let summary = try await RunEngine(workspace: evalWorkspace, pipeline: pipeline, options: options).run()

        let cache = try ResultCache(path: evalWorkspace.cachePath)
        var outputs: [String: [String: JSONValue]] = [:]
        // Only the steps of this pipeline: the cache may still hold results of steps an earlier version had.
        let stepIds = Set(pipeline.steps.map(\.id))
        for document in documents {
            for task in try cache.tasks(documentId: document.id) where stepIds.contains(task.stepId) {
                guard let result = try cache.result(key: task.key), let value = try? JSONValue(parsing: result.output) else { continue }
                outputs[document.id, default: [:]][task.stepId] = value
            }
        }
        var report = try dataset.score(outputs, documents: documents)
        if summary.failureCount > 0 { report.notes.append("\(summary.failureCount) tasks failed in the evaluation run (see \(Paths.display(directory)))") }
        return report
    }
}
