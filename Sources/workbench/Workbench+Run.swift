import ArgumentParser
import Foundation
import WorkbenchCore

extension Workbench {
    /// `workbench run`: the pipeline over the corpus, with progress, cache and summary.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline over the workspace's corpus.",
            discussion: """
                Results are cached: a re-run reuses everything whose inputs did not change, and a run that was
                killed resumes where it stopped. Progress goes to stderr; tables and run-summary.json to the
                output folder.

                Examples:
                  workbench run
                  workbench run other-pipeline.json --jobs 4
                  workbench run --corpus ../more-articles/ --out /tmp/out
                  workbench run --executor slurm        # workers as Slurm job steps (docs/CLUSTER.md)
                """)

        @Argument(help: ArgumentHelp("The pipeline file (default: the workspace's pipeline.json).", valueName: "pipeline"))
        var pipeline: String?

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("Read this folder, .jsonl or .csv instead of the workspace's corpus.", valueName: "path"))
        var corpus: String?

        @Option(help: ArgumentHelp("Write tables and the summary here instead of the workspace's output folder.", valueName: "dir"))
        var out: String?

        @Option(name: [.short, .long], help: "Workers per step (default: the number of cores).")
        var jobs: Int?

        @Option(help: "Tasks in flight per worker (default 8; slurm 64, ssh 32).")
        var inFlight: Int?

        @Option(help: ArgumentHelp("Where workers run: local, slurm or ssh (settings from pipeline.json or workspace.json; a step's own executor wins).",
                                   valueName: "name"))
        var executor: String?

        @Flag(help: "Skip checking that remote hosts or Slurm nodes see the stages before the run.")
        var noExecutorCheck = false

        @Option(help: ArgumentHelp("Seconds a task may take before its worker is killed (steps may set their own).", valueName: "seconds"))
        var timeout: Double?

        @Option(help: "Extra attempts after a crash, timeout or retryable error.")
        var retries: Int?

        @Option(help: ArgumentHelp("Progress display: auto, live, lines or none.", valueName: "style"))
        var progress: String = "auto"

        @Flag(name: [.short, .long], help: "No progress; only the summary and errors.")
        var quiet = false

        @Flag(help: "Skip starting each stage with its config before the run.")
        var noProbe = false

        @Flag(help: "Write the tables but not report.html (workbench report writes it later).")
        var noReport = false

        @Option(help: .hidden)
        var stopAfter: Double?

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let inFlight, inFlight < 1 { throw ValidationError("--in-flight must be at least 1") }
            if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive") }
            if ProgressStyle(rawValue: progress) == nil { throw ValidationError("--progress must be one of: auto, live, lines, none") }
            if let executor, ExecutorKind(rawValue: executor) == nil {
                let names = ExecutorKind.allCases.map(\.rawValue)
                throw ValidationError("--executor must be one of: \(names.joined(separator: ", "))"
                                      + (Suggestion.closest(to: executor, in: names).map { " (did you mean \"\($0)\"?)" } ?? ""))
            }
        }

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let pipelineFile = try workspaceOptions.loadPipeline(pipeline, workspace: workspace)
            var options = RunOptions()
            if let jobs { options.jobs = jobs }
            if let inFlight { options.inFlight = inFlight }
            if let timeout { options.taskTimeout = timeout }
            if let retries { options.retries = retries }
            options.progress = quiet ? .none : ProgressStyle(rawValue: progress)!
            options.probeStages = !noProbe
            options.writesReport = !noReport
            options.stopAfter = stopAfter
            options.executor = executor.flatMap(ExecutorKind.init(rawValue:))
            options.checksExecutors = !noExecutorCheck
            if let out { options.outputDirectory = Paths.absolute(out) }
            if let corpus {
                let path = Paths.absolute(corpus)
                guard let source = CorpusSource.inferred(path: path) else {
                    StandardError.print("error: --corpus \(corpus): not a folder, .jsonl or .csv file" + (FileManager.default.fileExists(atPath: path) ? "" : " (it does not exist)"))
                    throw ExitCode(64)
                }
                options.corpus = [source]
            }
            let summary: RunSummary
            do {
                summary = try await RunEngine(workspace: workspace, pipeline: pipelineFile, options: options).run()
            } catch {
                StandardError.print(error.description)
                switch error {
                case .configuration: throw ExitCode(65)
                case .cache, .executor: throw ExitCode(1)
                }
            }
            StandardError.print(summary.text)
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        }
    }
}
