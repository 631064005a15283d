import Foundation

/// How a run behaves (none of this is part of a cache key).
public struct RunOptions: Sendable {
    /// Workers per document step (`--jobs`); nil: the executor's default (ssh: hosts × workers per host;
    /// slurm inside an allocation: its tasks shared among the document steps), else the number of cores.
    public var jobs: Int?
    /// Tasks in flight per worker (`--in-flight`); nil: the executor's default (slurm 64, ssh 32), else 8.
    public var inFlight: Int?
    /// Where steps run unless the step sets its own `executor` (`--executor`); nil: pipeline.json's, then
    /// workspace.json's, then local.
    public var executor: ExecutorKind?
    /// Check before the run that remote executors are reachable and see the stages (see `ExecutorPreflight`).
    public var checksExecutors = true
    /// Environment used for executor defaults (`SLURM_NTASKS` inside an allocation); the process's by default.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Seconds one task may take (per step: `timeout` in pipeline.json).
    public var taskTimeout: Double = 600
    /// Extra attempts after a crash, timeout or retryable error (per step: `retries`).
    public var retries: Int = 2
    /// Consecutive worker failures with no success in between after which a step is abandoned.
    public var abandonAfter: Int = 8
    public var progress: ProgressStyle = .automatic
    /// Seconds between progress lines when stderr is not a terminal.
    public var progressInterval: Double = 5
    /// Documents in the loop at once; bounds memory.
    public var maximumActiveDocuments: Int = 512
    public var batchSize: Int = 256
    /// Documents to read instead of the workspace's corpus (`--corpus`).
    public var corpus: [CorpusSource]?
    /// Output folder instead of the workspace's (`--out`).
    public var outputDirectory: String?
    /// Write `report.html` after the tables (`--no-report` turns it off).
    public var writesReport = true
    /// Start each stage with its config before running (fails early, exit 65, on a refused config).
    public var probeStages = true
    /// Seconds workers get to exit after `shutdown`, and in-flight tasks to finish after Ctrl-C.
    public var shutdownGrace: Double = 5
    public var interruptGrace: Double = 3
    /// Stop after this many seconds with the run marked interrupted (tests of resumption use it).
    public var stopAfter: Double?
    public var hostVersion = WorkbenchVersion.current

    public init() {}
}

/// How progress is shown on stderr.
public enum ProgressStyle: String, Sendable, CaseIterable {
    /// A live block on a terminal; plain periodic lines otherwise.
    case automatic = "auto"
    case live
    case lines
    case none
}

/// The host's own version (the protocol's is separate: `StageProtocol.supportedVersions`).
public enum WorkbenchVersion {
    public static let current = "0.1.0"
}
