import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fast whole-file and chunked reads with the C library (Foundation's are slower per small file).
enum FileReading {
    /// The bytes of the file at `path`, or nil when it cannot be read.
    static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        var result = [UInt8](repeating: 0, count: Int(st.st_size))
        var offset = 0
        while offset < result.count {
            let n = result.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            offset += n
        }
        if offset < result.count { result.removeLast(result.count - offset) }
        // A file that grew since fstat: read the rest.
        var tail = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = tail.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            result.append(contentsOf: tail[0..<n])
        }
        return result
    }

    /// Calls `body` with successive chunks of the file; stops early when `body` returns false.
    static func forEachChunk(_ path: String, size: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var chunk = [UInt8](repeating: 0, count: size)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, size) }
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return true }
            let keepGoing = try chunk.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            if !keepGoing { return true }
        }
    }

    /// Size and modification time, for change detection without reading.
    static func stamp(_ path: String) -> (size: Int, modified: Int)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (Int(st.st_size), Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec))
    }
}
