import ArgumentParser
import Foundation
import WorkbenchCore
import WorkbenchProtocol

extension Workbench {
    /// `workbench eval DATASET`: score the analysis stages against a public benchmark.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the analysis stages against a public benchmark or a hand-annotated gold file.",
            discussion: """
                Datasets:
                \(EvalDatasets.all.map { "  \($0.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))
                  facts              a workbench-facts/1 export against a gold file (precision/recall/F1 per field)

                The dataset is imported as a corpus in .workbench/eval/<dataset>/ and run through the real stages
                with a cache of its own, so scoring again after a change recomputes only what changed. Figures
                are reported on held-out data only.

                Examples:
                  workbench eval nyt-editorials
                  workbench eval newsmtsc --path ../shared/eval/datasets/newsmtsc --json
                  workbench eval facts --gold ../shared/eval/seeds.gold.json --corpus ../shared/seeds
                  workbench eval facts --gold gold.json --facts facts.json --require attr_side_kind.f1=0.85
                """)

        @Argument(help: "The dataset.")
        var dataset: String

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("Where the dataset is (default: under ../shared/eval/datasets).", valueName: "path"))
        var path: String?

        @Option(help: ArgumentHelp("facts: the gold file.", valueName: "file"))
        var gold: String?

        @Option(help: ArgumentHelp("facts: an existing export to score (default: run the pipeline and export).", valueName: "file"))
        var facts: String?

        @Option(help: ArgumentHelp("facts: the corpus to run (default: the workspace's).", valueName: "path"))
        var corpus: String?

        @Option(help: ArgumentHelp("Fail (exit 1) when a figure is below a minimum, e.g. f1.macro_f1=0.55.", valueName: "name=min"))
        var require: [String] = []

        @Flag(help: "Print the report as JSON.")
        var json = false

        @Option(name: [.short, .long], help: "Workers per step.")
        var jobs: Int?

        func validate() throws {
            for requirement in require {
                let parts = requirement.split(separator: "=")
                guard parts.count == 2, Double(parts[1]) != nil else {
                    throw ValidationError("--require takes NAME=MIN, e.g. attr_side_kind.f1=0.85")
                }
            }
            if dataset != "facts" && EvalDatasets.named(dataset) == nil {
                throw ValidationError("unknown dataset \"\(dataset)\"; known: \(EvalDatasets.all.map { $0.name }.joined(separator: ", ")), facts")
            }
        }

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let report: EvalReport
            do {
                if dataset == "facts" {
                    report = try await FactsEval.run(workspace: workspace, gold: gold, facts: facts, corpus: corpus, jobs: jobs)
                } else {
                    let type = EvalDatasets.named(dataset)!
                    let location = Paths.resolve(path ?? type.defaultPath, against: workspace.directory)
                    var runner = EvalRunner(workspace: workspace)
                    if let jobs { runner.jobs = jobs }
                    report = try await runner.evaluate(try type.init(path: location))
                }
            } catch let error as EvalError {
                StandardError.print("error: \(error)")
                throw ExitCode(1)
            } catch let error as RunError {
                StandardError.print(error.description)
                throw ExitCode(65)
            }
            print(json ? PrettyJSON.render(report.json) : report.text)
            var failed = false
            for requirement in require {
                let parts = requirement.split(separator: "=")
                let name = String(parts[0]), minimum = Double(parts[1])!
                let value = report.figures[name]
                if value == nil || value! < minimum {
                    StandardError.print("below requirement: \(name) = \(value.map { String(format: "%.3f", $0) } ?? "missing") < \(minimum)")
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
