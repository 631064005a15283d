import Foundation
import DequeModule
import WorkbenchProtocol

/// Where one step stands for one document.
enum TaskStatus: Equatable {
    case cached, pending, queued, running, done, failed, skipped
    /// Corpus steps have no per-document status.
    case notApplicable

    var isAvailable: Bool { self == .cached || self == .done }
    var isSettled: Bool { self == .cached || self == .done || self == .failed || self == .skipped || self == .notApplicable }
}

/// A document while it moves through the document steps; dropped as soon as it is settled.
final class DocumentState {
    let ordinal: Int
    let id: String
    let json: [UInt8]
    let hash: String
    let keys: [String]
    var status: [TaskStatus]
    /// Outputs that downstream steps of this document still need, by step index.
    var outputs: [Int: [UInt8]]

    init(work: DocumentWork, scopes: [StageScope]) {
        ordinal = work.ordinal
        id = work.id
        json = work.json
        hash = work.hash
        keys = work.keys
        outputs = work.cachedOutputs
        status = scopes.enumerated().map { index, scope in
            scope == .corpus ? .notApplicable : (work.cached[index] ? .cached : .pending)
        }
    }
}

/// A task waiting to be sent: which document, how often it has been tried, and whether it must run alone.
struct QueuedTask {
    var document: Int
    var attempts = 0
    /// Run alone on a worker: it was in flight when a worker died, and the culprit is unknown.
    var suspect = false
    var notBefore: Double = 0
    /// Why it is being retried (for the final message if it keeps failing).
    var lastFault: String?
    /// Workers lost (by their executor) while it was in flight: not counted as attempts, but after three
    /// it runs alone, and lost again alone it counts as a crash.
    var losses = 0
}

/// A task on a worker.
struct InFlightTask {
    var task: QueuedTask
    var sentAt: Double
    var line: [UInt8]
}

/// A worker process of a step, and where its session stands.
final class WorkerState {
    enum Phase: Equatable { case awaitingHello, configuring, ready, stopping, dead }

    let id: Int
    let step: Int
    let process: StageProcess
    var phase: Phase = .awaitingHello
    var startedAt: Double
    var inFlight: [Int: InFlightTask] = [:]
    var lastProgress: Double
    var completed = 0
    var runningAlone = false
    /// Recently answered task ids, to tell "answered twice" from "unknown id".
    var answered = Deque<Int>()
    var unwrittenBytes = 0
    var killedForFault = false
    var shutdownSentAt: Double?
    /// The ssh host it runs on (index into the step's `HostPool`).
    var host: Int?
    /// A last stdout line cut short, kept until the exit says whether the transport or the stage ended it.
    var truncatedLine: [UInt8]?

    init(id: Int, step: Int, process: StageProcess, host: Int? = nil, at time: Double) {
        self.id = id
        self.step = step
        self.process = process
        self.host = host
        startedAt = time
        lastProgress = time
    }

    func remember(answered taskId: Int) {
        answered.append(taskId)
        if answered.count > 4096 { answered.removeFirst() }
    }
}

/// A step's queues, workers and counters for this run.
final class StepState {
    let plan: StepPlan
    var queue = Deque<QueuedTask>()
    var suspects = Deque<QueuedTask>()
    var delayed: [QueuedTask] = []
    var workers: [Int] = []
    var maximumWorkers: Int
    var inFlightLimit: Int
    var timeout: Double
    var retries: Int
    var consecutiveFaults = 0
    var everReady = false
    var nextSpawnAt: Double = 0
    /// Set when the step cannot run at all (its stage fails to start, or was abandoned).
    var fatal: String?
    var fatalKind: String?
    /// Downstream steps (document scope) that read this step's output in memory.
    var consumers: [Int] = []
    /// Where its workers run, and for ssh which host the next one goes to.
    var executor: ExecutorSpec
    let hosts: HostPool?
    /// Workers the executor lost (srun/ssh killed, node gone), and the last reason.
    var lostWorkers = 0
    var requeuedTasks = 0
    var lastLoss: String?
    var corpusRestarts = 0

    var total = 0
    var computed = 0
    var cached = 0
    var failed = 0
    var skipped = 0
    var violations = 0
    /// Documents the stage passed over (`{"skipped": {"reason": …}}`), by reason.
    var passedOver: [String: [String]] = [:]
    var taskSeconds = 0.0
    var firstDispatch: Double?
    var lastCompletion: Double?

    init(plan: StepPlan, options: RunOptions, executor: ExecutorSpec = .local, documentSteps: Int = 1) {
        self.plan = plan
        self.executor = executor
        if case .ssh(let ssh) = executor.settings { hosts = HostPool(hosts: ssh.hosts) } else { hosts = nil }
        maximumWorkers = plan.scope == .corpus ? 1 : (plan.step.options.jobs ?? options.jobs
            ?? executor.defaultWorkers(documentSteps: documentSteps, environment: options.environment)
            ?? ProcessInfo.processInfo.activeProcessorCount)
        inFlightLimit = plan.step.options.inFlight ?? options.inFlight ?? executor.defaultInFlight ?? 8
        timeout = plan.step.options.timeout ?? options.taskTimeout
        retries = plan.step.options.retries ?? options.retries
    }

    var pendingWork: Int { queue.count + suspects.count + delayed.count }
}

/// One failure as the run summary lists it.
struct FailureNote: Sendable {
    var step: String
    var document: String
    var kind: String
    var message: String
}
