import Foundation
import WorkbenchProtocol

/// Reads the corpus on its own thread, computes every step's key for each document before anything
/// runs, looks the batch up in the cache in one read, and hands the loop only documents with work left.
///
/// Keys depend on upstream keys, never on upstream outputs, so a whole pipeline's keys are known
/// up front; a warm run is reading, hashing and one lookup per batch.
final class Feeder: @unchecked Sendable {
    let plan: RunPlan
    let reader: CorpusReader
    let cache: ResultCache
    let writer: CacheWriter
    let runId: Int64
    let events: EventQueue<RunEvent>
    let gate: Gate
    let stop: OnceFlag
    let batchSize: Int
    let workspaceDirectory: String

    init(plan: RunPlan, reader: CorpusReader, cache: ResultCache, writer: CacheWriter, runId: Int64, events: EventQueue<RunEvent>,
         gate: Gate, stop: OnceFlag, batchSize: Int, workspaceDirectory: String) {
        self.plan = plan
        self.reader = reader
        self.cache = cache
        self.writer = writer
        self.runId = runId
        self.events = events
        self.gate = gate
        self.stop = stop
        self.batchSize = batchSize
        self.workspaceDirectory = workspaceDirectory
    }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "workbench.feeder"
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func run() {
        var ordinal = 0
        var documents = 0
        let stream = KeyedBatchStream(reader: reader, keyer: DocumentKeys(plan: plan, workspaceDirectory: workspaceDirectory), batchSize: batchSize)
        stream.start(name: "workbench.reader")
        do {
            for step in plan.steps {
                writer.enqueue(.config(hash: step.configHash, canonical: String(decoding: step.configCanonical, as: UTF8.self)))
            }
            reading: while !stop.isSet {
                switch stream.next() {
                case .batch(let batch):
                    writer.waitForBacklog(below: 8192, stop: stop)
                    let feed = try self.plan(batch, firstOrdinal: ordinal)
                    ordinal += batch.count
                    documents += batch.count
                    for _ in feed.work where !gate.acquire(stop: stop) { break reading }
                    events.push(.batch(feed))
                case .end:
                    break reading
                case .failed(let error):
                    throw error
                }
            }
            stream.finish()
            events.push(.feedFinished(FeedSummary(documents: documents, problems: reader.problems)))
        } catch {
            stream.finish()
            events.push(.feedFailed("\(error)"))
        }
    }

    private func plan(_ encoded: [KeyedDocument], firstOrdinal: Int) throws -> FeedBatch {
        let steps = plan.steps
        let keys = encoded.map(\.keys)
        let allKeys = encoded.flatMap { $0.keys.filter { !$0.isEmpty } }
        let found = try cache.lookup(keys: allKeys, documentIds: encoded.map(\.document.id))

        var writes: [CacheWrite] = []
        var feed = FeedBatch(cachedCounts: [Int](repeating: 0, count: steps.count),
                             digests: [CorpusDigest](repeating: CorpusDigest(), count: steps.count))
        feed.skipped = Array(repeating: [], count: steps.count)
        var needOutputs: [String] = []
        var partial: [(Int, [Bool])] = []
        for (i, item) in encoded.enumerated() {
            let id = item.document.id
            if found.documentHashes[id] != item.hash {
                writes.append(.document(id: id, hash: item.hash, meta: JSONValue.object(item.document.meta.json).jsonString(sortedKeys: true),
                                        source: item.document.meta.sourcePath, length: item.document.text.unicodeScalars.count, runId: runId))
            }
            var cached = [Bool](repeating: false, count: steps.count)
            for step in steps where step.scope == .document {
                let key = keys[i][step.index]
                cached[step.index] = found.existingKeys.contains(key)
                if found.taskKeys[ResultCache.TaskRef(stepId: step.id, documentId: id)] != key {
                    writes.append(.task(TaskRecord(stepId: step.id, documentId: id, key: key,
                                                   parts: step.keyParts(documentHash: item.hash, inputKeys: step.inputs.map { keys[i][$0.stepIndex] }),
                                                   runId: runId)))
                }
                if cached[step.index] {
                    feed.cachedCounts[step.index] += 1
                    if let reason = found.skipped[key] { feed.skipped[step.index].append((id, reason)) }
                }
            }
            let documentSteps = steps.filter { $0.scope == .document }
            if documentSteps.allSatisfy({ cached[$0.index] }) {
                feed.fullyCached += 1
                for step in steps where step.scope == .corpus {
                    feed.digests[step.index].add(documentId: id, documentHash: item.hash, inputKeys: step.inputs.map { keys[i][$0.stepIndex] })
                }
            } else {
                for step in documentSteps where !cached[step.index] {
                    for input in step.inputs where cached[input.stepIndex] { needOutputs.append(keys[i][input.stepIndex]) }
                }
                partial.append((i, cached))
            }
        }
        writer.enqueue(contentsOf: writes)
        let outputs = try cache.outputs(for: Array(Set(needOutputs)))
        for (i, cached) in partial {
            var cachedOutputs: [Int: [UInt8]] = [:]
            for step in steps where step.scope == .document && !cached[step.index] {
                for input in step.inputs where cached[input.stepIndex] {
                    cachedOutputs[input.stepIndex] = outputs[keys[i][input.stepIndex]]
                }
            }
            let item = encoded[i]
            feed.work.append(DocumentWork(ordinal: firstOrdinal + i, id: item.document.id, json: item.json, hash: item.hash,
                                          keys: keys[i], cached: cached, cachedOutputs: cachedOutputs))
        }
        return feed
    }
}
