import ArgumentParser
import Foundation
import WorkbenchCore
import WorkbenchProtocol

extension Workbench {
    /// `workbench export facts`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export results in an exchange format.",
            discussion: """
                Formats:
                  facts    workbench-facts/1: per document the clean text, attributions, casualty claims, historical
                           figures, contested terms, first voice and editorializing (../shared/eval/README.md)

                The documents are those of the corpus (the workspace's, or --corpus), as the last run of the
                pipeline left them in the cache.

                Example:
                  workbench export facts --corpus ../shared/seeds -o facts.json
                """)

        @Argument(help: "The format: facts.")
        var format: String

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("The corpus (default: the workspace's).", valueName: "path"))
        var corpus: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here instead of stdout.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("The pipeline file (default: the workspace's).", valueName: "pipeline"))
        var pipeline: String?

        func validate() throws {
            guard format == "facts" else { throw ValidationError("unknown format \"\(format)\"; known: facts") }
        }

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let pipelineFile = try workspaceOptions.loadPipeline(pipeline, workspace: workspace)
            let value: JSONValue
            do {
                value = try await FactsExporter(workspace: workspace, pipeline: pipelineFile, corpus: try corpusSources(corpus)).export()
            } catch let error as ConfigurationError {
                StandardError.print(error.description)
                throw ExitCode(65)
            } catch {
                StandardError.print("error: \(error)")
                throw ExitCode(1)
            }
            let text = PrettyJSON.render(value) + "\n"
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
                let count = value["documents"]?.arrayValue?.count ?? 0
                StandardError.print("wrote \(count) documents to \(output)" + ((value["missing"]?.arrayValue?.isEmpty == false) ? "; \(value["missing"]!.arrayValue!.count) documents have no extract result (run the pipeline first)" : ""))
            } else {
                print(text, terminator: "")
            }
        }
    }
}
