import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written at its end through a 1 MiB buffer, which can read back a line it already holds.
///
/// Rows are only ever appended whole, so a crash leaves at most one incomplete last line.
final class AppendingFile {
    let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// Bytes in the file, counting those still buffered: the offset of the next row.
    private(set) var size: UInt64
    private var flushedSize: UInt64

    /// Opens `path` for appending, creating it; with `truncate`, empties it first.
    /// - Throws: `ImportError` (`.unwritable`).
    init(path: String, truncate: Bool) throws(ImportError) {
        self.path = path
        let flags = O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0)
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw ImportError(.unwritable, "cannot open \(Paths.display(path)): \(Self.lastError())") }
        var info = stat()
        fstat(descriptor, &info)
        size = UInt64(info.st_size)
        flushedSize = size
        buffer.reserveCapacity(capacity)
    }

    deinit { close(descriptor) }

    /// Appends `bytes` (a whole row with its newline).
    func write(_ bytes: [UInt8]) throws(ImportError) {
        if buffer.count + bytes.count > capacity { try flush() }
        buffer.append(contentsOf: bytes)
        size += UInt64(bytes.count)
    }

    /// Writes the buffer to the file.
    func flush() throws(ImportError) {
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError(.unwritable, "cannot write \(Paths.display(path)): \(Self.lastError())")
            }
            written += n
        }
        flushedSize += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The line starting at `offset`, without its newline.
    func line(at offset: UInt64) throws(ImportError) -> [UInt8] {
        if offset >= flushedSize { try flush() }
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        var position = off_t(offset)
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, position) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError(.unwritable, "cannot read back \(Paths.display(path)): \(Self.lastError())")
            }
            if n == 0 { return line }
            if let newline = chunk[0..<n].firstIndex(of: 0x0A) {
                line.append(contentsOf: chunk[0..<newline])
                return line
            }
            line.append(contentsOf: chunk[0..<n])
            position += off_t(n)
        }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
