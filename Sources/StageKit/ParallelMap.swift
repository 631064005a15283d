internal import Foundation

/// `map` over an array on several threads: the calling thread takes the first contiguous slice and a
/// thread started for the call takes each other one; the results come back in the array's order.
/// (Threads of its own rather than `DispatchQueue.concurrentPerform`, which runs every slice on the
/// caller when the dispatch pool is busy: a stage's reading must not depend on what else the process does.)
enum ParallelMap {
    static func map<Element: Sendable, Result>(_ elements: [Element], threads: Int,
                                               _ transform: @Sendable @escaping (Element) -> Result) -> [Result] {
        let count = elements.count
        let slices = min(threads, count)
        guard slices > 1 else { return elements.map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each slice writes only its own elements, so sharing the buffer is safe.
            let results = SharedBuffer(buffer: buffer)
            let work: @Sendable (Int) -> Void = { slice in
                for i in (slice * count / slices)..<((slice + 1) * count / slices) {
                    (results.buffer.baseAddress! + i).initialize(to: transform(elements[i]))
                }
            }
            let done = DispatchSemaphore(value: 0)
            for slice in 1..<slices {
                let thread = Thread { work(slice); done.signal() }
                thread.stackSize = 4 << 20
                thread.start()
            }
            work(0)
            for _ in 1..<slices { done.wait() }
            initialized = count
        }
    }

    private struct SharedBuffer<Result>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result>
    }
}
