import ArgumentParser
import WorkbenchCore

extension Workbench {
    /// `workbench why DOC STEP`: reused or recomputed, and which part of the key changed.
    struct Why: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether a step's result for a document is reused or recomputed, and what changed.",
            discussion: """
                The cache key of a task is a hash of the stage's name, version and files, the step's config,
                the document, and the keys of the upstream results it reads. `why` recomputes the key as the
                next run would and compares it, part by part, with the one recorded.

                Example:
                  workbench why 004_1175d99892e37792 attribution
                """)

        @Argument(help: ArgumentHelp("The document id.", valueName: "document"))
        var document: String

        @Argument(help: ArgumentHelp("The pipeline step id.", valueName: "step"))
        var step: String

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("The pipeline file (default: the workspace's).", valueName: "pipeline"))
        var pipeline: String?

        @Option(help: ArgumentHelp("Look the document up in this corpus instead of the workspace's.", valueName: "path"))
        var corpus: String?

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let pipelineFile = try workspaceOptions.loadPipeline(pipeline, workspace: workspace)
            do {
                let context = try await TaskContext.make(workspace: workspace, pipeline: pipelineFile, corpus: try corpusSources(corpus),
                                                         documentId: document, stepId: step)
                print(try TaskExplanation(context: context).text)
            } catch let problem as TaskContext.Problem {
                StandardError.print(problem.description)
                if case .configuration = problem { throw ExitCode(65) }
                throw ExitCode(1)
            }
        }
    }
}

/// `--corpus PATH` as sources, or nil for the workspace's.
func corpusSources(_ path: String?) throws -> [CorpusSource]? {
    guard let path else { return nil }
    guard let source = CorpusSource.inferred(path: Paths.absolute(path)) else {
        StandardError.print("error: --corpus \(path): not a folder, .jsonl or .csv file")
        throw ExitCode(64)
    }
    return [source]
}
