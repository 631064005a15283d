import WorkbenchProtocol
import Foundation

/// `workbench eval facts`: run the workspace's pipeline (or take an export), then score it against a gold file.
public enum FactsEval {
    public static func run(workspace: Workspace, gold: String?, facts: String?, corpus: String?, jobs: Int?) async throws -> EvalReport {
        guard let gold else { throw EvalError("facts: give the gold file with --gold FILE") }
        let goldValue = try load(Paths.resolve(gold, against: FileManager.default.currentDirectoryPath))
        let factsValue: JSONValue
        if let facts {
            factsValue = try load(Paths.resolve(facts, against: FileManager.default.currentDirectoryPath))
        } else {
            var sources: [CorpusSource]?
            if let corpus {
                guard let source = CorpusSource.inferred(path: Paths.absolute(corpus)) else { throw EvalError("--corpus \(corpus): not a folder, .jsonl or .csv") }
                sources = [source]
            }
            let pipeline = try Pipeline.load(path: workspace.pipelinePath)
            var options = RunOptions()
            options.progress = .none
            options.corpus = sources
            if let jobs { options.jobs = jobs }
            _ = try await RunEngine(workspace: workspace, pipeline: pipeline, options: options).run()
            factsValue = try await FactsExporter(workspace: workspace, pipeline: pipeline, corpus: sources).export()
        }
        return FactsScore.score(gold: goldValue, facts: factsValue)
    }

    static func load(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else { throw EvalError("cannot read \(path)") }
        do { return try JSONParser.parse(Array(data)) } catch { throw EvalError("\(path): not valid JSON: \(error)") }
    }
}
