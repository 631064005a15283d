import Foundation
import GRDB

/// The workspace's SQLite cache: results by key, failures, runs, timings, documents. WAL mode.
///
/// Results are served only from `result`; failures live in `failure` and are never served.
/// This and the other `ResultCache+*.swift` files are the only ones that import GRDB.
public final class ResultCache: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the cache at `path` and brings its schema up to date.
    /// - Throws: `CacheError` when the file cannot be opened or migrated.
    public init(path: String, readOnly: Bool = false) throws(CacheError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CacheError("cannot create \(directory): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(30)
        configuration.label = "workbench-cache"
        configuration.prepareDatabase { db in
            // 8 KiB pages store 2 KB results with half the slack of the default 4 KiB (PERF-NOTES).
            try db.execute(sql: "PRAGMA page_size = 8192")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            db.add(function: ResultCache.outputTextFunction)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly { try Self.migrator.migrate(pool) }
        } catch {
            throw CacheError("cannot open the cache \(Paths.display(path)): \(error)")
        }
    }

    /// Checkpoints the WAL into the main file (after a run, so `sqlite3` users see one file).
    public func checkpoint() {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// The SQLite library version in use (the system's libsqlite3).
    public var sqliteVersion: String {
        (try? pool.read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }) ?? "?"
    }
}

/// A cache problem: the file cannot be opened, or a statement failed.
public struct CacheError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
