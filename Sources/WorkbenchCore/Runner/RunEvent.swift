import WorkbenchProtocol

/// Everything the run loop reacts to, from every thread and task of a run.
enum RunEvent: Sendable {
    case batch(FeedBatch)
    case feedFinished(FeedSummary)
    case feedFailed(String)
    case worker(id: Int, WorkerEvent)
    case committed(Int)
    case writerFailed(String)
    case corpusFed(step: Int, documents: Int, excluded: [String])
    case corpusFeedFailed(step: Int, message: String)
    case interrupt
}

/// A document that still has work, as the feeder hands it to the loop.
struct DocumentWork: Sendable {
    let ordinal: Int
    let id: String
    let json: [UInt8]
    let hash: String
    /// Per plan step (document steps; "" for corpus steps).
    let keys: [String]
    /// Per plan step: true when the result is already stored.
    let cached: [Bool]
    /// Outputs of cached steps that pending steps read, by step index.
    let cachedOutputs: [Int: [UInt8]]
}

/// What the feeder found in one batch.
struct FeedBatch: Sendable {
    var work: [DocumentWork] = []
    /// Documents whose every document step was cached.
    var fullyCached = 0
    /// Per plan step: results found in the cache.
    var cachedCounts: [Int]
    /// Per plan step: cached results whose stage passed the document over, as (document, reason).
    var skipped: [[(document: String, reason: String)]] = []
    /// Per plan step (corpus steps): contributions of fully cached documents.
    var digests: [CorpusDigest]
}

/// The end of feeding.
struct FeedSummary: Sendable {
    var documents: Int
    var problems: [CorpusProblem]
}
