import ArgumentParser
import Foundation
import WorkbenchCore

extension Workbench {
    /// `workbench cache stats|sql|clear|gc`.
    struct Cache: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inspect and maintain the workspace's cache.",
            discussion: "The cache is one SQLite file (default .workbench/cache.sqlite); docs/CACHE.md documents its tables for sqlite3.",
            subcommands: [Stats.self, SQL.self, Clear.self, GC.self])

        /// `workbench cache stats`.
        struct Stats: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "What the cache holds: results per step, failures, runs, size.")
            @OptionGroup var workspaceOptions: WorkspaceOptions

            func run() async throws {
                let workspace = try workspaceOptions.load()
                let cache = try openCache(workspace)
                let s = try cache.statistics()
                print("cache \(Paths.display(cache.path)) (SQLite \(cache.sqliteVersion)): \(megabytes(s.fileBytes + s.walBytes))")
                print("  \(s.documents) documents, \(s.results) results, \(s.failures) failures recorded, \(s.runs) runs")
                if s.staleResults > 0 { print("  \(s.staleResults) results no current task points to (`workbench cache gc` removes them)") }
                for step in s.steps {
                    print("  step \(step.stepId) (\(step.stage)): \(step.results) results, \(megabytes(step.outputBytes))" + (step.failures > 0 ? ", \(step.failures) failures" : ""))
                }
                if !s.failuresByKind.isEmpty { print("  failures by kind: " + s.failuresByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")) }
                for run in try cache.recentRuns(limit: 5) {
                    print("  run \(run.id): \(run.status), started \(run.startedAt)" + (run.documents.map { ", \($0) documents" } ?? ""))
                }
            }
        }

        /// `workbench cache sql`.
        struct SQL: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "sql",
                abstract: "Run a read-only SQL query on the cache and print the rows.",
                discussion: """
                    Tables are documented in docs/CACHE.md. Large outputs are stored compressed: read them with \
                    output_text(output), e.g. json_extract(output_text(r.output), '$.language').
                    """)
            @OptionGroup var workspaceOptions: WorkspaceOptions
            @Argument(help: "The query (SELECT …).") var query: String
            @Option(help: "tsv (tab-separated, with a header line) or csv.") var format: TableFormat = .tsv

            enum TableFormat: String, ExpressibleByArgument { case tsv, csv }

            func run() async throws {
                let workspace = try workspaceOptions.load()
                let cache = try openCache(workspace)
                let line: ([String?]) -> String = switch format {
                case .tsv: { $0.map { ($0 ?? "").replacing("\t", with: " ").replacing("\n", with: " ") }.joined(separator: "\t") }
                case .csv: { $0.map { TableRenderer.csvField($0 ?? "") }.joined(separator: ",") }
                }
                try cache.query(query, header: { print(line($0)) }, row: { print(line($0)) })
            }
        }

        /// `workbench cache clear`.
        struct Clear: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Delete cached results (all, or one step's), or only the recorded failures.")
            @OptionGroup var workspaceOptions: WorkspaceOptions
            @Option(help: "Only this step's results and failures.") var step: String?
            @Flag(help: "Only the recorded failures.") var failures = false

            func run() async throws {
                let workspace = try workspaceOptions.load()
                let cache = try openCache(workspace)
                let count = try cache.clear(stepId: step, failuresOnly: failures)
                print("deleted \(count) rows" + (step.map { " of step \($0)" } ?? ""))
            }
        }

        /// `workbench cache gc`.
        struct GC: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "gc",
                abstract: "Remove results no current task uses, and failures and runs older than the last N runs; compact the file.")
            @OptionGroup var workspaceOptions: WorkspaceOptions
            @Option(help: "Runs to keep.") var keepRuns: Int = 20

            func run() async throws {
                let workspace = try workspaceOptions.load()
                let cache = try openCache(workspace)
                let c = try cache.collectGarbage(keepRuns: keepRuns)
                print("removed \(c.staleResults) stale results, \(c.oldFailures) old failures, \(c.oldRuns) old runs; \(megabytes(c.bytesBefore)) → \(megabytes(c.bytesAfter))")
            }
        }
    }
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
