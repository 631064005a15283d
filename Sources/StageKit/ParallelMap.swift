internal import Foundation

/// `map` over an array on several threads: each thread takes one contiguous slice, and the results
/// come back in the array's order.
enum ParallelMap {
    static func map<Element: Sendable, Result>(_ elements: [Element], threads: Int,
                                               _ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = elements.count
        let slices = min(threads, count)
        guard slices > 1 else { return elements.map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each slice writes only its own elements, so sharing the buffer is safe.
            let results = SharedBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                for i in (slice * count / slices)..<((slice + 1) * count / slices) {
                    (results.buffer.baseAddress! + i).initialize(to: transform(elements[i]))
                }
            }
            initialized = count
        }
    }

    private struct SharedBuffer<Result>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result>
    }
}
