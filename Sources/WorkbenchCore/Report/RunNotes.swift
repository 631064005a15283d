public import WorkbenchProtocol

/// What the overview says about the run behind the report: which run, documents passed over and why,
/// failures, and notes (from the run's summary, plus anything the loader found).
public struct RunNotes: Sendable {
    /// Documents that steps passed over for one reason (e.g. `language fr: English-only analysis`).
    public struct PassedOver: Hashable, Sendable {
        public var reason: String
        /// The steps that gave this reason, in pipeline order.
        public var steps: [String]
        public var documents: [String]

        public init(reason: String, steps: [String], documents: [String]) {
            self.reason = reason
            self.steps = steps
            self.documents = documents
        }
    }

    /// A task that failed.
    public struct Failure: Hashable, Sendable {
        public var step: String
        public var document: String
        public var kind: String
        public var message: String

        public init(step: String, document: String, kind: String, message: String) {
            self.step = step
            self.document = document
            self.kind = kind
            self.message = message
        }
    }

    public var runId: Int64?
    /// `succeeded`, `failed`, `interrupted`.
    public var status: String?
    public var finishedAt: String?
    public var passedOver: [PassedOver]
    /// The first failures (the summary keeps a sample); `failureCount` is the total.
    public var failures: [Failure]
    public var failureCount: Int
    public var notes: [String]

    public init(runId: Int64? = nil, status: String? = nil, finishedAt: String? = nil, passedOver: [PassedOver] = [],
                failures: [Failure] = [], failureCount: Int? = nil, notes: [String] = []) {
        self.runId = runId
        self.status = status
        self.finishedAt = finishedAt
        self.passedOver = passedOver
        self.failures = failures
        self.failureCount = failureCount ?? failures.count
        self.notes = notes
    }

    /// Reads a `workbench-run-summary/1` object (`run-summary.json`, or the `run` table's `summary`).
    /// Unknown or missing members are ignored.
    public init(summary: JSONValue, finishedAt: String? = nil) {
        self.init(finishedAt: finishedAt)
        runId = summary["run"]?.intValue.map(Int64.init)
        status = summary["status"]?.stringValue
        var byReason: [(reason: String, steps: [String], documents: [String], seen: Set<String>)] = []
        for step in summary["steps"]?.arrayValue ?? [] {
            let stepId = step["id"]?.stringValue ?? "?"
            for member in step["passed_over"]?.objectValue?.members ?? [] {
                let documents = member.value.arrayValue?.compactMap(\.stringValue) ?? []
                if let index = byReason.firstIndex(where: { $0.reason == member.key }) {
                    byReason[index].steps.append(stepId)
                    for document in documents where byReason[index].seen.insert(document).inserted {
                        byReason[index].documents.append(document)
                    }
                } else {
                    byReason.append((member.key, [stepId], documents, Set(documents)))
                }
            }
            if let error = step["error"]?.stringValue { notes.append("step \(stepId): \(error)") }
        }
        passedOver = byReason.map { PassedOver(reason: $0.reason, steps: $0.steps, documents: $0.documents) }
        failures = (summary["failures"]?.arrayValue ?? []).map { f in
            Failure(step: f["step"]?.stringValue ?? "?", document: f["document"]?.stringValue ?? "?",
                    kind: f["kind"]?.stringValue ?? "error", message: f["message"]?.stringValue ?? "")
        }
        failureCount = summary["failure_count"]?.intValue ?? failures.count
        for problem in summary["corpus_problems"]?.arrayValue ?? [] where problem["skipped"]?.boolValue == true {
            let line = problem["line"]?.intValue.map { ":\($0)" } ?? ""
            notes.append("corpus: \(problem["source"]?.stringValue ?? "?")\(line) skipped: \(problem["reason"]?.stringValue ?? "")")
        }
        notes += summary["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
