import ArgumentParser
import WorkbenchCore
import WorkbenchProtocol

extension Workbench {
    /// `workbench validate`: every problem in workspace.json and pipeline.json, at once.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check workspace.json and pipeline.json and report every problem, with file:line:column.",
            discussion: """
                Checks types and fields, step ids, stages, inputs, cycles, and each step's config against its
                stage's schema; then starts each stage with its config, as a run would (--no-probe skips that).
                Exit status 65 when there are errors.
                """)

        @Argument(help: ArgumentHelp("The pipeline file (default: the workspace's pipeline.json).", valueName: "pipeline"))
        var pipeline: String?

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Flag(help: "Do not start the stages to check their configs.")
        var noProbe = false

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let file = try workspaceOptions.loadPipeline(pipeline, workspace: workspace)
            let registry = StageRegistry(searchPath: StageRegistry.searchPath(for: workspace))
            for problem in registry.problems { StandardError.print("warning: \(problem)") }
            do {
                let plan = try await PipelineValidator(registry: registry, probe: !noProbe, topic: try workspace.topic()).plan(file)
                for warning in plan.warnings { StandardError.print(warning.description) }
                print("ok: \(plan.steps.count) steps (\(plan.steps.map { "\($0.id): \($0.stageName) \($0.hello.version)" }.joined(separator: ", "))), \(workspace.corpus.count) corpus sources")
            } catch {
                StandardError.print(error.description)
                let count = error.errors.count
                StandardError.print("\(count) error\(count == 1 ? "" : "s")")
                throw ExitCode(65)
            }
        }
    }
}
