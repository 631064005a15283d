import DequeModule
import Foundation

/// Reads and keys the corpus a few batches ahead of its consumer, on a thread of its own.
///
/// Parsing, canonical encoding and hashing are most of a warm run's CPU; the consumer's cache
/// lookups and task planning are the rest. With the two on different threads a warm run uses both
/// cores. At most `depth` batches wait, so memory stays flat whatever the corpus size.
final class KeyedBatchStream: @unchecked Sendable {
    /// What the consumer gets next.
    enum Item {
        case batch([KeyedDocument])
        /// The corpus is read; `reader.problems` is complete.
        case end
        case failed(any Error)
    }

    let reader: CorpusReader
    private let keyer: DocumentKeys
    private let batchSize: Int
    private let depth: Int
    private var queue = Deque<Item>()
    private var cancelled = false
    private let condition = NSCondition()
    private let finished = DispatchSemaphore(value: 0)
    private var started = false

    init(reader: CorpusReader, keyer: DocumentKeys, batchSize: Int, depth: Int = 4) {
        self.reader = reader
        self.keyer = keyer
        self.batchSize = batchSize
        self.depth = depth
    }

    func start(name: String) {
        started = true
        let thread = Thread { [self] in self.produce() }
        thread.name = name
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The next batch, or the end; blocks while the reader is behind.
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let item = queue.removeFirst()
        condition.broadcast()
        return item
    }

    /// Stops the reader at its next batch (if the consumer stopped early) and waits for its thread to
    /// end, after which `reader.problems` may be read. Call once.
    func finish() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        if started { finished.wait() }
    }

    private func produce() {
        defer { finished.signal() }
        do {
            try reader.forEachBatch(size: batchSize) { batch in
                let keyed = batch.map { keyer.keyed($0) }
                return put(.batch(keyed))
            }
            _ = put(.end)
        } catch {
            _ = put(.failed(error))
        }
    }

    /// Queues an item, waiting while `depth` are queued; false once cancelled.
    private func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(item)
        condition.broadcast()
        return true
    }
}
