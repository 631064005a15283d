/// Splits a byte stream into `\n`-terminated lines, however the bytes arrive in chunks.
///
/// A line longer than `maximumLineBytes` is not buffered: its bytes are dropped as they come and the
/// framer reports `.oversized` once its newline arrives, so a runaway stage cannot exhaust memory.
public struct LineFramer: Sendable {
    /// What the framer hands out.
    public enum Frame: Hashable, Sendable {
        /// A complete line without its `\n` (and without a `\r` before it).
        case line([UInt8])
        /// A line that exceeded the limit; `byteCount` is its full length, `prefix` its first bytes.
        case oversized(byteCount: Int, prefix: [UInt8])
    }

    /// The protocol's limit: 64 MiB per line, newline excluded.
    public static let defaultMaximumLineBytes = 64 << 20

    public let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var discarding: (count: Int, prefix: [UInt8])?
    private var ready: [Frame] = []
    private var readyIndex = 0

    public init(maximumLineBytes: Int = LineFramer.defaultMaximumLineBytes) {
        self.maximumLineBytes = maximumLineBytes
    }

    /// Bytes received but not yet part of a complete line.
    public var pendingByteCount: Int { buffer.count - start + (discarding?.count ?? 0) }

    /// Feeds a chunk. Complete lines become available through `next()`.
    public mutating func append(_ chunk: UnsafeRawBufferPointer) {
        append(UnsafeBufferPointer(start: chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), count: chunk.count))
    }

    /// Feeds a chunk of bytes.
    public mutating func append(_ chunk: some Collection<UInt8>) {
        withContiguousBytes(chunk) { append($0) }
    }

    public mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        var chunk = chunk[...]
        while !chunk.isEmpty {
            if var skipping = discarding {
                if let newline = chunk.firstIndex(of: 0x0A) {
                    skipping.count += newline - chunk.startIndex
                    ready.append(.oversized(byteCount: skipping.count, prefix: skipping.prefix))
                    discarding = nil
                    chunk = chunk[(newline + 1)...]
                } else {
                    skipping.count += chunk.count
                    discarding = skipping
                    return
                }
                continue
            }
            if let newline = chunk.firstIndex(of: 0x0A) {
                let pieceCount = newline - chunk.startIndex
                if buffer.count - start + pieceCount > maximumLineBytes {
                    let prefix = Array((buffer[start...] + chunk[..<newline]).prefix(256))
                    ready.append(.oversized(byteCount: buffer.count - start + pieceCount, prefix: prefix))
                } else if start == buffer.count {
                    ready.append(.line(Self.trimmingCR(Array(chunk[..<newline]))))
                } else {
                    buffer.append(contentsOf: chunk[..<newline])
                    ready.append(.line(Self.trimmingCR(Array(buffer[start...]))))
                }
                buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
                start = 0
                chunk = chunk[(newline + 1)...]
            } else {
                if buffer.count - start + chunk.count > maximumLineBytes {
                    let prefix = Array((buffer[start...] + chunk).prefix(256))
                    discarding = (buffer.count - start + chunk.count, prefix)
                    buffer.removeAll()
                    start = 0
                } else {
                    buffer.append(contentsOf: chunk)
                }
                return
            }
        }
    }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        guard readyIndex < ready.count else { return nil }
        let frame = ready[readyIndex]
        readyIndex += 1
        if readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
        }
        return frame
    }

    /// At end of stream: the bytes after the last newline, if any (a protocol violation: lines end with `\n`).
    public mutating func finish() -> [UInt8]? {
        defer {
            buffer.removeAll()
            start = 0
            discarding = nil
        }
        if let skipping = discarding { return skipping.prefix }
        return buffer.count > start ? Array(buffer[start...]) : nil
    }

    private static func trimmingCR(_ line: [UInt8]) -> [UInt8] {
        line.last == 0x0D ? Array(line.dropLast()) : line
    }
}
