import Foundation
import DequeModule

/// Applies cache writes on its own thread, batching whatever has queued into one transaction.
/// Results become durable within a fraction of a second; a SIGKILL loses at most the open batch,
/// which the next run simply recomputes.
final class CacheWriter: @unchecked Sendable {
    private let cache: ResultCache
    private var pending = Deque<CacheWrite>()
    private var closing = false
    private var inProgress = 0
    private let condition = NSCondition()
    private let onCommit: @Sendable (Int, CacheError?) -> Void
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)
    static let maximumBatch = 4000

    init(cache: ResultCache, onCommit: @escaping @Sendable (Int, CacheError?) -> Void) {
        self.cache = cache
        self.onCommit = onCommit
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "workbench.cache-writer"
        self.thread = thread
        thread.start()
    }

    func enqueue(_ write: CacheWrite) {
        condition.lock()
        pending.append(write)
        peakBacklog = max(peakBacklog, pending.count)
        if pending.count >= 256 { condition.signal() }
        condition.unlock()
    }

    func enqueue(contentsOf writes: [CacheWrite]) {
        guard !writes.isEmpty else { return }
        condition.lock()
        pending.append(contentsOf: writes)
        peakBacklog = max(peakBacklog, pending.count)
        condition.signal()
        condition.unlock()
    }

    /// Blocks while more than `limit` writes wait, so a writer that falls behind slows the feeder
    /// (and with it the whole run) instead of letting its queue grow without bound.
    func waitForBacklog(below limit: Int, stop: OnceFlag) {
        condition.lock()
        while pending.count > limit && !stop.isSet {
            condition.signal()
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
        }
        condition.unlock()
    }

    /// The largest number of writes that waited at once (reported by benchmarks).
    private(set) var peakBacklog = 0

    /// Blocks until everything queued so far is committed.
    func flush() {
        condition.lock()
        condition.signal()
        while !pending.isEmpty || inProgress > 0 { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05)) }
        condition.unlock()
    }

    /// Commits what is queued and stops the thread.
    func close() {
        condition.lock()
        closing = true
        condition.broadcast()
        condition.unlock()
        done.wait()
    }

    private func loop() {
        while true {
            condition.lock()
            if pending.isEmpty && !closing { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1)) }
            if pending.isEmpty && closing {
                condition.unlock()
                break
            }
            let count = min(pending.count, Self.maximumBatch)
            let batch = Array(pending.prefix(count))
            pending.removeFirst(count)
            inProgress = batch.count
            condition.unlock()
            guard !batch.isEmpty else { continue }
            var failure: CacheError?
            do { try cache.apply(batch) } catch { failure = error }
            condition.lock()
            inProgress = 0
            condition.broadcast()
            condition.unlock()
            onCommit(batch.count, failure)
        }
        done.signal()
    }
}
