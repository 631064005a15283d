/// What a task key was computed from; stored with each task so `workbench why` can say what changed.
public struct KeyParts: Hashable, Sendable {
    public var stage: String
    public var version: String
    public var fingerprint: String
    public var configHash: String
    /// The document's hash (document steps) or the corpus digest (corpus steps).
    public var documentHash: String
    /// Upstream inputs, by the name the stage receives them under: (name, step id, key).
    public var inputs: [InputKey]

    /// One consumed upstream result.
    public struct InputKey: Hashable, Sendable {
        public var name: String
        public var step: String
        public var key: String
    }

    public init(stage: String, version: String, fingerprint: String, configHash: String, documentHash: String, inputs: [InputKey]) {
        self.stage = stage
        self.version = version
        self.fingerprint = fingerprint
        self.configHash = configHash
        self.documentHash = documentHash
        self.inputs = inputs
    }
}

/// A row of the `task` table: the key a (step, document) pair had when last planned.
public struct TaskRecord: Hashable, Sendable {
    public var stepId: String
    public var documentId: String
    public var key: String
    public var parts: KeyParts
    public var previousKey: String?
    public var previousParts: KeyParts?
    public var runId: Int64?
}

/// A row of the `failure` table: everything needed to understand and replay a failed task.
public struct FailureRecord: Hashable, Sendable {
    public var runId: Int64?
    public var stepId: String
    public var stage: String
    public var documentId: String
    public var key: String?
    /// `error`, `crash`, `timeout`, `protocol`, `quarantined`, `start`.
    public var kind: String
    public var message: String
    public var retryable: Bool = false
    public var attempts: Int = 1
    public var exitStatus: String?
    public var line: String?
    public var taskLine: String?
    public var config: String?
    public var stderrTail: String?

    public init(runId: Int64?, stepId: String, stage: String, documentId: String, key: String?, kind: String, message: String) {
        self.runId = runId
        self.stepId = stepId
        self.stage = stage
        self.documentId = documentId
        self.key = key
        self.kind = kind
        self.message = message
    }
}

/// Per-step figures of one run.
public struct RunStepRecord: Hashable, Sendable {
    public var runId: Int64
    public var stepId: String
    public var stage: String
    public var stageVersion: String?
    public var scope: String
    public var total = 0
    public var computed = 0
    public var cached = 0
    public var failed = 0
    public var skipped = 0
    public var wallSeconds: Double?
    public var taskSeconds: Double?
}

/// One change to the cache; the writer applies them in batches, one transaction per batch.
public enum CacheWrite: Sendable {
    case result(key: String, stage: String, stepId: String, documentId: String, output: [UInt8], runId: Int64, seconds: Double?, skipped: String?)
    case failure(FailureRecord)
    case task(TaskRecord)
    case document(id: String, hash: String, meta: String, source: String?, length: Int, runId: Int64)
    case config(hash: String, canonical: String)
    case deleteResult(key: String)
    case runStep(RunStepRecord)
}
