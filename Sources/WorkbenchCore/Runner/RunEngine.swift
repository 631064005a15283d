import WorkbenchProtocol
import Foundation
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Why a run could not start.
public enum RunError: Error, CustomStringConvertible {
    /// The pipeline or workspace is wrong (exit 65).
    case configuration(ConfigurationError)
    /// The cache cannot be used (locked, unwritable).
    case cache(CacheError)
    /// Remote workers cannot start: a host or Slurm unreachable, stage files missing on the other side.
    case executor(ExecutorError)

    public var description: String {
        switch self {
        case .configuration(let e): e.description
        case .cache(let e): e.description
        case .executor(let e): e.description
        }
    }
}

/// Runs a pipeline over a corpus: plans, feeds, schedules, supervises, caches, summarizes.
public final class RunEngine: Sendable {
    public let workspace: Workspace
    public let pipeline: Pipeline
    public let options: RunOptions

    public init(workspace: Workspace, pipeline: Pipeline, options: RunOptions = RunOptions()) {
        self.workspace = workspace
        self.pipeline = pipeline
        self.options = options
    }

    /// The corpus this run reads: `--corpus` if given, else the workspace's.
    public var corpusSources: [CorpusSource] { options.corpus ?? workspace.corpus }

    /// Runs the pipeline to the end (or to Ctrl-C) and returns the summary.
    /// - Throws: `RunError` when the pipeline is invalid or the cache cannot be used; failed tasks are
    ///   not errors, they are in the summary.
    public func run() async throws(RunError) -> RunSummary {
        let registry = StageRegistry(searchPath: StageRegistry.searchPath(for: workspace))
        let plan: RunPlan
        do {
            plan = try await PipelineValidator(registry: registry, probe: options.probeStages, topic: try workspace.topic()).plan(pipeline)
        } catch {
            throw .configuration(error)
        }
        if corpusSources.isEmpty {
            throw .configuration(ConfigurationError([.error("the workspace has no corpus sources", hint: "add \"corpus\" to workspace.json or pass --corpus PATH")]))
        }
        let executors: [ExecutorSpec]
        do {
            executors = try self.executors(for: plan)
        } catch {
            throw .configuration(error)
        }
        if options.checksExecutors {
            let quiet = options.progress == .none
            do {
                try await ExecutorPreflight.check(zip(executors, plan.steps).map { ($0, $1.descriptor) }) { note in
                    if !quiet { FileHandle.standardError.write(Data((note + "\n").utf8)) }
                }
            } catch {
                throw .executor(error)
            }
        }
        let cache: ResultCache
        let lock: RunLock
        do {
            lock = try RunLock(directory: workspace.stateDirectory)
            cache = try ResultCache(path: workspace.cachePath)
        } catch {
            throw .cache(error)
        }
        let workspaceDirectory = workspace.directory
        let sources = corpusSources
        let outlets = workspace.outlets
        let reader = CorpusReader(sources: sources, outlets: outlets)
        let total = reader.count()
        let corpusText = sources.map { Paths.display($0.path) }.joined(separator: ", ")
        let began: (id: Int64, staleRuns: [Int64])
        do {
            began = try cache.beginRun(pipeline: Paths.display(workspace.pipelinePath), corpus: corpusText, hostVersion: options.hostVersion, pid: getpid())
        } catch {
            throw .cache(error)
        }
        let runId = began.id
        let console = Console(style: options.progress, logPath: Paths.join(workspace.stateDirectory, "logs/run-\(runId).log"))
        for warning in plan.warnings { console.note(warning.description) }
        if !began.staleRuns.isEmpty {
            console.note("run \(began.staleRuns.map(String.init).joined(separator: ", ")) did not finish (killed?); resuming from what it committed")
        }

        let events = EventQueue<RunEvent>()
        let writer = CacheWriter(cache: cache) { count, error in
            if let error { events.push(.writerFailed(error.message)) } else { events.push(.committed(count)) }
        }
        let stopFeeding = OnceFlag()
        let gate = Gate(permits: options.maximumActiveDocuments)
        let loop = RunLoop(plan: plan, options: options, cache: cache, writer: writer, events: events, gate: gate, stopFeeding: stopFeeding,
                           console: console, runId: runId, totalDocuments: total, workspaceDirectory: workspaceDirectory,
                           executors: executors, corpusReader: { CorpusReader(sources: sources, outlets: outlets) })
        let feeder = Feeder(plan: plan, reader: reader, cache: cache, writer: writer, runId: runId, events: events, gate: gate, stop: stopFeeding,
                            batchSize: options.batchSize, workspaceDirectory: workspaceDirectory)
        let signals = SignalWatcher { events.push(.interrupt) }
        let started = Date()
        feeder.start()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                loop.run()
                continuation.resume()
            }
            thread.name = "workbench.run-loop"
            thread.stackSize = 8 << 20
            thread.start()
        }
        signals.cancel()
        writer.close()
        if ProcessInfo.processInfo.environment["WORKBENCH_DEBUG_WRITER"] != nil {
            console.note("cache writer: peak backlog \(writer.peakBacklog) writes")
        }

        let summary = summarize(loop: loop, plan: plan, runId: runId, seconds: Date().timeIntervalSince(started), cache: cache)
        do {
            try cache.finishRun(id: runId, status: summary.status, documents: summary.documents, summary: summary.json.jsonString(),
                                steps: loop.steps.map { step in
                                    var record = RunStepRecord(runId: runId, stepId: step.plan.id, stage: step.plan.stageName,
                                                               stageVersion: step.plan.hello.version, scope: step.plan.scope.rawValue)
                                    record.total = step.total
                                    record.computed = step.computed
                                    record.cached = step.cached
                                    record.failed = step.failed
                                    record.skipped = step.skipped
                                    record.wallSeconds = step.firstDispatch.map { (step.lastCompletion ?? $0) - $0 }
                                    record.taskSeconds = step.taskSeconds
                                    return record
                                })
        } catch {
            console.note("could not record the end of the run: \(error)")
        }
        cache.checkpoint()
        withExtendedLifetime(lock) {}
        return summary
    }

    /// Each step's executor, in plan order (see `ExecutorResolution`).
    /// - Throws: `ConfigurationError` when `--executor` names an executor no file configures (ssh without hosts).
    public func executors(for plan: RunPlan) throws(ConfigurationError) -> [ExecutorSpec] {
        var result: [ExecutorSpec] = []
        for step in plan.steps {
            result.append(try ExecutorResolution.executor(for: step.step, commandLine: options.executor,
                                                          pipeline: plan.pipeline.executor, workspace: workspace.executor))
        }
        return result
    }

    private func summarize(loop: RunLoop, plan: RunPlan, runId: Int64, seconds: Double, cache: ResultCache) -> RunSummary {
        let status = loop.interruptedAt != nil || loop.fatalError != nil ? "interrupted" : "succeeded"
        var steps: [RunSummary.Step] = []
        for state in loop.steps {
            steps.append(RunSummary.Step(
                id: state.plan.id, stage: state.plan.stageName, version: state.plan.hello.version, scope: state.plan.scope.rawValue,
                total: state.total, computed: state.computed, cached: state.cached, failed: state.failed, skipped: state.skipped,
                protocolErrors: state.violations, wallSeconds: state.firstDispatch.map { (state.lastCompletion ?? $0) - $0 },
                taskSeconds: state.taskSeconds, error: state.fatal, excluded: loop.excluded[state.plan.index] ?? [], passedOver: state.passedOver))
        }
        var summary = RunSummary(
            runId: runId, status: status, seconds: seconds, workspace: workspace.directory, pipeline: Paths.display(workspace.pipelinePath),
            documents: loop.feedSummary?.documents ?? loop.documentsRead, steps: steps,
            failures: loop.failures.map { ($0.step, $0.document, $0.kind, $0.message) }, failureCount: loop.failureCount,
            corpusProblems: loop.feedSummary?.problems ?? [], outputs: [], notes: [])
        if let fatal = loop.fatalError { summary.notes.append(fatal) }
        summary.notes += loop.lostWorkerNotes
        if summary.status == "succeeded" && summary.hasFailures { summary.status = "failed" }

        // Tables from corpus steps (computed now or cached), then the summary itself.
        let output = options.outputDirectory ?? workspace.outputDirectory
        for state in loop.steps where state.plan.scope == .corpus {
            guard let key = loop.corpusKeys[state.plan.index], let bytes = cache.output(for: key) else { continue }
            let tables = TableRenderer.tables(in: bytes)
            guard !tables.isEmpty else { continue }
            do {
                summary.outputs += try TableRenderer.write(tables, step: state.plan.id, formats: plan.pipeline.tableFormats,
                                                           to: Paths.join(output, "tables")).map(Paths.display)
            } catch {
                summary.notes.append("could not write the tables of \(state.plan.id): \(error.localizedDescription)")
            }
        }
        if options.writesReport {
            do {
                let report = try ReportWriter.write(workspace: workspace, pipeline: plan.pipeline, outputDirectory: output,
                                                    corpus: options.corpus, runNotes: RunNotes(summary: summary.json))
                summary.outputs.append(Paths.display(report))
            } catch {
                summary.notes.append("could not write the report: \(error.description)")
            }
        }
        let summaryPath = Paths.join(output, "run-summary.json")
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            summary.outputs.append(Paths.display(summaryPath))
            try (summary.json.jsonString() + "\n").write(toFile: summaryPath, atomically: true, encoding: .utf8)
        } catch {
            summary.notes.append("could not write \(summaryPath): \(error.localizedDescription)")
        }
        return summary
    }
}

/// Turns SIGINT and SIGTERM into a callback while a run is on, then restores the defaults.
final class SignalWatcher: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    init(_ handler: @escaping @Sendable () -> Void) {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
