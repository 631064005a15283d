import Foundation
import DequeModule

/// A thread-safe FIFO that a single consumer thread blocks on, with a timeout for its ticks.
final class EventQueue<Element: Sendable>: @unchecked Sendable {
    private var items = Deque<Element>()
    private let condition = NSCondition()

    func push(_ element: Element) {
        condition.lock()
        items.append(element)
        condition.signal()
        condition.unlock()
    }

    /// Everything queued, waiting up to `timeout` seconds for the first item.
    func popAll(timeout: Double) -> [Element] {
        condition.lock()
        defer { condition.unlock() }
        if items.isEmpty { _ = condition.wait(until: Date(timeIntervalSinceNow: timeout)) }
        let taken = Array(items)
        items.removeAll(keepingCapacity: true)
        return taken
    }
}

/// A counting gate: the feeder takes a permit per document it hands over, the loop gives it back
/// when the document is finished. This is what bounds memory by in-flight work.
final class Gate: @unchecked Sendable {
    private var available: Int
    private let condition = NSCondition()

    init(permits: Int) { available = permits }

    /// Takes one permit; false when `stop` was set while waiting.
    func acquire(stop: OnceFlag) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while available <= 0 {
            if stop.isSet { return false }
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
        available -= 1
        return true
    }

    func release(_ count: Int = 1) {
        condition.lock()
        available += count
        condition.broadcast()
        condition.unlock()
    }
}

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
