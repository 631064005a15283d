import ArgumentParser
import Foundation
import WorkbenchCore
import WorkbenchProtocol

extension Workbench {
    /// `workbench replay DOC STEP`: one task again, with the stage's stderr shown.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run exactly one task and show what the stage does, stderr included.",
            discussion: """
                The task is built as a run builds it: the document as the corpus has it now and the upstream
                results from the cache. With --failure, the task line recorded with the last failure is sent
                instead. Nothing is written to the cache.

                Examples:
                  workbench replay 004_1175d99892e37792 attribution
                  workbench replay 004_1175d99892e37792 attribution --protocol
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

        @Flag(name: .customLong("protocol"), help: "Print every protocol line exchanged.")
        var showProtocol = false

        @Flag(help: "Send the task line recorded with the last failure of this task.")
        var failure = false

        @Option(help: ArgumentHelp("Seconds to wait for the answer.", valueName: "seconds"))
        var timeout: Double = 600

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let pipelineFile = try workspaceOptions.loadPipeline(pipeline, workspace: workspace)
            let context: TaskContext
            let sources = try corpusSources(corpus)
            do {
                context = try await TaskContext.make(workspace: workspace, pipeline: pipelineFile, corpus: sources,
                                                     documentId: document, stepId: step)
            } catch {
                StandardError.print(error.description)
                if case .configuration = error { throw ExitCode(65) }
                throw ExitCode(1)
            }
            let replay = TaskReplay(context: context)
            var line: [UInt8]
            if failure {
                guard let recorded = try context.cache.failures(documentId: context.document.id, stepId: step, limit: 1).first?.taskLine else {
                    StandardError.print("error: no recorded failure with a task line for \(document) / \(step)")
                    throw ExitCode(1)
                }
                line = Array(recorded.utf8)
                if line.last != 0x0A { line.append(0x0A) }
            } else {
                do { line = try replay.taskLine() } catch {
                    StandardError.print("error: \(error)")
                    throw ExitCode(1)
                }
            }
            StandardError.print("replaying \(context.document.id) through step \(step) (stage \(context.step.stageName) \(context.step.hello.version), \(context.step.descriptor.location))")
            let stage = context.step.stageName
            var trace: (@Sendable (String, [UInt8]) -> Void)?
            if showProtocol {
                trace = { (direction: String, bytes: [UInt8]) in
                    let text = String(decoding: bytes.prefix(2000), as: UTF8.self)
                    let arrow = direction == ">" ? "host → stage" : "stage → host"
                    let more = bytes.count > 2000 ? "… (\(bytes.count) bytes)" : ""
                    StandardError.print("\(arrow) \(text)\(more)")
                }
            }
            let outcome = await replay.run(line: line, timeout: timeout, stderr: { StandardError.print("[\(stage) stderr] \($0)") }, trace: trace)
            switch outcome {
            case .result(let output, let seconds):
                print((try? JSONParser.parse(output)).map(PrettyJSON.render) ?? String(decoding: output, as: UTF8.self))
                StandardError.print(String(format: "result in %.1f ms", seconds * 1000))
            case .error(let error, let seconds):
                StandardError.print(String(format: "the stage answered with an error after %.1f ms%@: %@", seconds * 1000,
                                           error.retryable ? " (retryable)" : "", error.message))
                throw ExitCode(1)
            case .failed(let message):
                StandardError.print("error: \(message)")
                throw ExitCode(1)
            }
        }
    }
}
