import ArgumentParser
import Foundation
import WorkbenchCore

extension Workbench {
    /// `workbench report`: the tables and report.html again, from the cache, without running a stage.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write report.html and the tables from the cache, without running any stage.",
            discussion: """
                Reads the latest results of the pipeline's corpus steps and the articles their evidence cites,
                and writes the tables (in the formats pipeline.json asks for) to <output>/tables/ and a
                self-contained report.html: an overview, every table with its charts, the sentences behind each
                cell, and the articles with attributions, casualty claims and contested terms marked. It opens
                from disk in a browser; see docs/REPORT.md.

                Examples:
                  workbench report
                  workbench report --out /tmp/report.html
                  workbench report --max-articles 2000
                """)

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("Write the report here (default: <output dir>/report.html).", valueName: "file"))
        var out: String?

        @Option(help: ArgumentHelp("The pipeline file (default: the workspace's).", valueName: "pipeline"))
        var pipeline: String?

        @Option(help: ArgumentHelp("The corpus the run read, if not the workspace's (for the articles' text).", valueName: "path"))
        var corpus: String?

        @Option(help: ArgumentHelp("Embed at most this many articles (default: 500).", valueName: "n"))
        var maxArticles: Int?

        @Option(help: ArgumentHelp("Evidence spans listed per table cell (default: 20).", valueName: "n"))
        var evidencePerCell: Int?

        @Flag(help: "Write only report.html, not the tables.")
        var noTables = false

        func validate() throws {
            if let maxArticles, maxArticles < 0 { throw ValidationError("--max-articles must be 0 or more") }
            if let evidencePerCell, evidencePerCell < 0 { throw ValidationError("--evidence-per-cell must be 0 or more") }
        }

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let pipelineFile = try workspaceOptions.loadPipeline(pipeline, workspace: workspace)
            var options = ReportOptions()
            if let maxArticles { options.maxArticles = maxArticles }
            if let evidencePerCell { options.evidencePerCell = evidencePerCell }
            var sources: [CorpusSource]?
            if let corpus {
                let path = Paths.absolute(corpus)
                guard let source = CorpusSource.inferred(path: path) else {
                    StandardError.print("error: --corpus \(corpus): not a folder, .jsonl or .csv file" + (FileManager.default.fileExists(atPath: path) ? "" : " (it does not exist)"))
                    throw ExitCode(64)
                }
                sources = [source]
            }

            let started = Date()
            let input: ReportInput
            do {
                input = try ReportLoader(workspace: workspace, pipeline: pipelineFile, corpus: sources, options: options).load()
            } catch {
                StandardError.print(error.description)
                throw ExitCode(1)
            }
            if !noTables {
                let directory = Paths.join(workspace.outputDirectory, "tables")
                var written: [String] = []
                do {
                    for step in input.tables {
                        written += try TableRenderer.write(step.tables, step: step.stepId, formats: pipelineFile.tableFormats, to: directory)
                    }
                } catch {
                    StandardError.print("error: cannot write the tables to \(Paths.display(directory)): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
                let tableCount = input.tables.map(\.tables.count).reduce(0, +)
                if written.isEmpty {
                    print("no tables: no corpus step of the pipeline has returned any")
                } else {
                    print("wrote \(written.count) files for \(tableCount) table\(tableCount == 1 ? "" : "s") (\(pipelineFile.tableFormats.joined(separator: ", "))) to \(Paths.display(directory))/")
                }
            }
            let path = out.map(Paths.absolute) ?? Paths.join(workspace.outputDirectory, ReportWriter.fileName)
            let bytes: Int
            do {
                bytes = try ReportRenderer.write(input, to: path, options: options)
            } catch {
                StandardError.print("error: cannot write \(Paths.display(path)): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            let articles = min(input.articles.count, options.maxArticles)
            print("wrote \(Paths.display(path)) (\(Self.size(bytes)), \(input.tables.map(\.tables.count).reduce(0, +)) tables, \(articles) article\(articles == 1 ? "" : "s"), \(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
        }

        static func size(_ bytes: Int) -> String {
            bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : String(format: "%.0f KB", Double(bytes) / 1024)
        }
    }
}
