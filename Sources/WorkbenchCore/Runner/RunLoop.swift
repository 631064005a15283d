import Foundation
import WorkbenchProtocol

/// The scheduler. One thread owns every piece of run state and reacts to events: batches from the
/// feeder, lines and exits from workers, commits from the cache writer, ticks, Ctrl-C.
///
/// Documents stream through the DAG: a document's next step is queued the moment its inputs exist.
/// Memory is bounded by the documents in the loop (the feeder's gate), not by the corpus.
final class RunLoop: @unchecked Sendable {  // confined to the loop thread
    enum Phase: Equatable { case documents, corpus(Int), shuttingDown, finished }

    let plan: RunPlan
    let options: RunOptions
    let cache: ResultCache
    let writer: CacheWriter
    let events: EventQueue<RunEvent>
    let gate: Gate
    let stopFeeding: OnceFlag
    let console: Console
    let runId: Int64
    let corpusReader: () -> CorpusReader
    let workspaceDirectory: String

    var steps: [StepState] = []
    var documents: [Int: DocumentState] = [:]
    var workers: [Int: WorkerState] = [:]
    var nextWorkerId = 1
    var nextTaskId = 1
    var phase: Phase = .documents
    var feedFinished = false
    var feedSummary: FeedSummary?
    var documentsRead = 0
    var totalDocuments: Int
    var digests: [CorpusDigest]
    var excluded: [Int: [String]] = [:]
    var interruptedAt: Double?
    var interruptCount = 0
    var fatalError: String?
    var failures: [FailureNote] = []
    var failureCount = 0
    var startedAt = now()
    var lastProgressAt = 0.0
    var shutdownStartedAt: Double?
    var corpusFeeders: [Int: CorpusFeeder] = [:]
    var corpusKeys: [Int: String] = [:]
    var corpusEndSentAt: [Int: Double] = [:]
    var committed = 0

    init(plan: RunPlan, options: RunOptions, cache: ResultCache, writer: CacheWriter, events: EventQueue<RunEvent>, gate: Gate,
         stopFeeding: OnceFlag, console: Console, runId: Int64, totalDocuments: Int, workspaceDirectory: String,
         executors: [ExecutorSpec] = [], corpusReader: @escaping () -> CorpusReader) {
        self.plan = plan
        self.options = options
        self.cache = cache
        self.writer = writer
        self.events = events
        self.gate = gate
        self.stopFeeding = stopFeeding
        self.console = console
        self.runId = runId
        self.totalDocuments = totalDocuments
        self.workspaceDirectory = workspaceDirectory
        self.corpusReader = corpusReader
        digests = [CorpusDigest](repeating: CorpusDigest(), count: plan.steps.count)
        let documentSteps = plan.documentSteps.count
        steps = plan.steps.map { StepState(plan: $0, options: options, executor: $0.index < executors.count ? executors[$0.index] : .local,
                                           documentSteps: documentSteps) }
        shareAllocationIfNeeded()
        for step in plan.steps {
            for input in step.inputs where step.scope == .document { steps[input.stepIndex].consumers.append(step.index) }
            steps[step.index].total = step.scope == .document ? totalDocuments : 1
        }
    }

    /// Inside a Slurm allocation, the document steps' workers run at the same time, each a job step with its
    /// CPUs. When they need more CPUs than the allocation has, the later steps would wait for CPUs that the
    /// earlier ones hold until the end: then every Slurm step shares CPUs (`--overlap`), and the run says so.
    func shareAllocationIfNeeded() {
        guard let available = ExecutorSpec.allocationCPUs(options.environment) else { return }
        let onSlurm = steps.filter { $0.executor.kind == .slurm }
        let needed = onSlurm.filter { $0.plan.scope == .document }.reduce(0) { $0 + $1.maximumWorkers * $1.executor.cpusPerWorker }
        guard needed > available else { return }
        for step in onSlurm { step.executor = step.executor.overlapping() }
        console.note("the Slurm workers need \(needed) CPUs and the allocation has \(available): their job steps share CPUs (--overlap); "
                     + "give the steps fewer \"jobs\" or ask for more tasks to give each its own")
    }

    /// Runs until every step is settled (or the run is interrupted) and all workers are gone.
    func run() {
        startedAt = now()
        while phase != .finished {
            for event in events.popAll(timeout: 0.05) { handle(event) }
            let t = now()
            tick(t)
            dispatch(at: t)
            advancePhase(at: t)
        }
        showProgress(at: now(), final: true)
    }

    // MARK: - Events

    func handle(_ event: RunEvent) {
        switch event {
        case .batch(let batch):
            documentsRead += batch.work.count + batch.fullyCached
            for (index, count) in batch.cachedCounts.enumerated() { steps[index].cached += count }
            for (index, items) in batch.skipped.enumerated() { for item in items { steps[index].notePassedOver(item.document, reason: item.reason) } }
            for (index, digest) in batch.digests.enumerated() where digest.count > 0 { digests[index].merge(digest) }
            for work in batch.work { admit(work) }
        case .feedFinished(let summary):
            feedFinished = true
            feedSummary = summary
            if summary.documents != totalDocuments {
                totalDocuments = summary.documents
                for step in steps where step.plan.scope == .document { step.total = totalDocuments }
            }
        case .feedFailed(let message):
            fatalError = "reading the corpus failed: \(message)"
            console.note(fatalError!)
            feedFinished = true
            interrupt(kill: false)
        case .worker(let id, let event):
            handleWorker(id, event)
        case .committed(let count):
            committed += count
        case .writerFailed(let message):
            fatalError = message
            console.note("the cache cannot be written: \(message); stopping")
            interrupt(kill: false)
        case .corpusFed(let step, let count, let excludedIds):
            corpusFeedFinished(step: step, documents: count, excluded: excludedIds)
        case .corpusFeedFailed(let step, let message):
            failCorpusStep(step, kind: "error", message: "feeding the corpus step failed: \(message)")
        case .interrupt:
            interruptCount += 1
            if interruptCount == 1 {
                console.note("interrupted: finishing tasks in flight (Ctrl-C again to stop at once)")
                interrupt(kill: false)
            } else {
                console.note("stopping now")
                interrupt(kill: true)
            }
        }
    }

    func interrupt(kill: Bool) {
        stopFeeding.set()
        if interruptedAt == nil { interruptedAt = now() }
        for feeder in corpusFeeders.values { feeder.stop.set() }
        if kill {
            for worker in workers.values { worker.process.kill() }
            beginShutdown(at: now())
        }
    }

    // MARK: - Documents

    /// A document from the feeder enters the loop; its ready steps are queued.
    func admit(_ work: DocumentWork) {
        let document = DocumentState(work: work, scopes: plan.steps.map(\.scope))
        // A cached input whose output could not be loaded is recomputed.
        for step in plan.steps where step.scope == .document && document.status[step.index] == .pending {
            for input in step.inputs where document.status[input.stepIndex] == .cached && document.outputs[input.stepIndex] == nil {
                document.status[input.stepIndex] = .pending
                steps[input.stepIndex].cached -= 1
            }
        }
        documents[work.ordinal] = document
        advance(document)
    }

    /// Queues every step whose inputs now exist, skips steps whose inputs failed, and lets the
    /// document go once nothing is left.
    func advance(_ document: DocumentState) {
        var open = 0
        for step in plan.steps where step.scope == .document {
            let index = step.index
            switch document.status[index] {
            case .pending:
                let inputs = step.inputs.map { document.status[$0.stepIndex] }
                if inputs.contains(where: { $0 == .failed || $0 == .skipped }) {
                    document.status[index] = .skipped
                    steps[index].skipped += 1
                } else if inputs.allSatisfy(\.isAvailable) {
                    if let fatal = steps[index].fatal {
                        document.status[index] = .failed
                        steps[index].failed += 1
                        _ = fatal
                    } else {
                        document.status[index] = .queued
                        steps[index].queue.append(QueuedTask(document: document.ordinal))
                        open += 1
                    }
                } else {
                    open += 1
                }
            case .queued, .running:
                open += 1
            default:
                break
            }
        }
        // Outputs no remaining step of this document needs are dropped at once.
        for (index, _) in document.outputs where steps[index].consumers.allSatisfy({ document.status[$0].isSettled }) {
            document.outputs[index] = nil
        }
        if open == 0 { finish(document) }
    }

    /// A settled document: count it toward the corpus steps it qualifies for, free its slot.
    func finish(_ document: DocumentState) {
        for step in plan.steps where step.scope == .corpus {
            if step.inputs.allSatisfy({ document.status[$0.stepIndex].isAvailable }) {
                digests[step.index].add(documentId: document.id, documentHash: document.hash,
                                        inputKeys: step.inputs.map { document.keys[$0.stepIndex] })
            } else {
                excluded[step.index, default: []].append(document.id)
            }
        }
        documents[document.ordinal] = nil
        gate.release()
    }

    // MARK: - Phases

    func advancePhase(at t: Double) {
        switch phase {
        case .documents:
            if interruptedAt != nil {
                let busy = workers.values.contains { !$0.inFlight.isEmpty && $0.phase != .dead }
                if !busy || t - interruptedAt! > options.interruptGrace { beginShutdown(at: t) }
            } else if feedFinished && documents.isEmpty {
                for step in steps where step.plan.scope == .document { stopWorkers(of: step) }
                writer.flush()
                startCorpusPhase(from: 0)
            }
        case .corpus(let index):
            if interruptedAt != nil {
                let t0 = interruptedAt!
                if t - t0 > options.interruptGrace || workers.isEmpty { beginShutdown(at: t) }
            } else if index >= plan.steps.count {
                beginShutdown(at: t)
            }
        case .shuttingDown:
            let live = workers.values.filter { $0.phase != .dead || $0.process.processID != nil }
            if live.isEmpty {
                phase = .finished
            } else if let start = shutdownStartedAt, t - start > options.shutdownGrace {
                for worker in live { worker.process.kill() }
                if t - start > options.shutdownGrace + 5 { phase = .finished }
            }
        case .finished:
            break
        }
    }

    func beginShutdown(at t: Double) {
        guard phase != .shuttingDown && phase != .finished else { return }
        phase = .shuttingDown
        shutdownStartedAt = t
        stopFeeding.set()
        for step in steps { stopWorkers(of: step) }
    }

    /// Asks a step's workers to exit (shutdown, then end of input).
    func stopWorkers(of step: StepState) {
        for id in step.workers {
            guard let worker = workers[id], worker.phase != .dead, worker.phase != .stopping else { continue }
            worker.phase = .stopping
            worker.shutdownSentAt = now()
            worker.process.send(HostMessage.shutdown.line)
            worker.process.closeInput()
        }
    }

    // MARK: - Ticks

    func tick(_ t: Double) {
        if let stopAfter = options.stopAfter, interruptedAt == nil, t - startedAt > stopAfter {
            console.note("stopping after \(stopAfter) s (--stop-after)")
            interrupt(kill: true)
        }
        for step in steps {
            if !step.delayed.isEmpty {
                let due = step.delayed.filter { $0.notBefore <= t }
                step.delayed.removeAll { $0.notBefore <= t }
                for task in due { if task.suspect { step.suspects.append(task) } else { step.queue.append(task) } }
            }
            for id in step.workers {
                guard let worker = workers[id] else { continue }
                checkTimeouts(worker, step: step, at: t)
            }
        }
        checkCorpusTimeout(at: t)
        let interval = console.live ? 0.25 : options.progressInterval
        if t - lastProgressAt >= interval {
            lastProgressAt = t
            showProgress(at: t, final: false)
        }
    }

    func showProgress(at t: Double, final: Bool) {
        let figures = steps.map { step -> StepProgress in
            let running = step.workers.compactMap { workers[$0]?.inFlight.count }.reduce(0, +)
            let elapsed = max(0.001, (step.lastCompletion ?? t) - (step.firstDispatch ?? t))
            var state: String?
            if let fatal = step.fatal { state = "— " + (fatal.split(separator: "\n").first.map(String.init) ?? fatal) }
            else if step.plan.scope == .corpus {
                switch phase {
                case .corpus(let i) where i == step.plan.index: state = corpusFeeders[i] == nil ? "starting" : "running"
                case .documents: state = "waiting for the documents"
                default: break
                }
                if step.computed + step.cached + step.failed > 0 { state = nil }
            }
            return StepProgress(id: step.plan.id, stage: step.plan.stageName, scope: step.plan.scope.rawValue, total: step.total,
                                computed: step.computed, cached: step.cached, failed: step.failed, skipped: step.skipped,
                                running: running, rate: step.firstDispatch == nil ? 0 : Double(step.computed + step.failed) / elapsed,
                                state: state)
        }
        console.progress(elapsed: t - startedAt, documents: documentsRead, total: totalDocuments, steps: figures, final: final)
    }

    // MARK: - Failures

    /// Records a failed task: a row in `failure` with everything needed to replay it.
    func recordFailure(step: StepState, documentId: String, key: String?, kind: String, message: String, retryable: Bool = false,
                       attempts: Int = 1, exitStatus: String? = nil, line: [UInt8]? = nil, taskLine: [UInt8]? = nil, stderrTail: String? = nil) {
        var record = FailureRecord(runId: runId, stepId: step.plan.id, stage: step.plan.stageName, documentId: documentId, key: key,
                                   kind: kind, message: message)
        record.retryable = retryable
        record.attempts = attempts
        record.exitStatus = exitStatus
        record.line = line.map { String(decoding: $0.prefix(65536), as: UTF8.self) }
        record.taskLine = taskLine.map { String(decoding: $0, as: UTF8.self) }
        record.config = String(decoding: step.plan.configCanonical, as: UTF8.self)
        record.stderrTail = stderrTail
        writer.enqueue(.failure(record))
        failureCount += 1
        if failures.count < 1000 { failures.append(FailureNote(step: step.plan.id, document: documentId, kind: kind, message: message)) }
    }
}
