import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a workspace's cache for the length of a run (flock: the kernel releases it
/// when the process dies, even by SIGKILL, so a killed run never leaves a stale lock).
final class RunLock {
    private let fd: Int32

    /// - Throws: `CacheError` naming the process holding the lock.
    init(directory: String) throws(CacheError) {
        let path = Paths.join(directory, "run.lock")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CacheError("cannot open \(path)") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 32, 0)
            let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: " \n\0") : "?"
            close(fd)
            throw CacheError("another workbench run (pid \(holder)) is using this workspace's cache; wait for it or stop it")
        }
        _ = ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
