import GRDB
import Foundation

extension ResultCache {
    /// A stored document row.
    public struct DocumentRecord: Sendable {
        public var id: String
        public var hash: String
        public var meta: String
        public var source: String?
        public var length: Int
        public var updatedRunId: Int64?
    }

    /// A stored result row (output included).
    public struct ResultRecord: Sendable {
        public var key: String
        public var stage: String
        public var stepId: String
        public var output: String
        public var runId: Int64?
        public var createdAt: String
        public var seconds: Double?
    }

    /// A run row.
    public struct RunRecord: Sendable {
        public var id: Int64
        public var startedAt: String
        public var finishedAt: String?
        public var status: String
        public var documents: Int?
        public var summary: String?
    }

    public func document(_ id: String) throws(CacheError) -> DocumentRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, hash, meta, source, length, updatedRunId FROM document WHERE id = ?", arguments: [id]).map {
                DocumentRecord(id: $0[0], hash: $0[1], meta: $0[2], source: $0[3], length: $0[4], updatedRunId: $0[5])
            }
        }
    }

    /// Document ids starting with `prefix` (for suggestions and short ids).
    public func documentIds(withPrefix prefix: String, limit: Int = 10) throws(CacheError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM document WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                                arguments: [prefix, prefix + "\u{10FFFF}", limit])
        }
    }

    /// The `task` rows of a document (one per step it was planned for).
    public func tasks(documentId: String) throws(CacheError) -> [TaskRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT stepId, documentId, key, parts, previousKey, previousParts, runId FROM task WHERE documentId = ? ORDER BY stepId",
                             arguments: [documentId]).map(Self.taskRecord)
        }
    }

    public func task(stepId: String, documentId: String) throws(CacheError) -> TaskRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT stepId, documentId, key, parts, previousKey, previousParts, runId FROM task WHERE documentId = ? AND stepId = ?",
                             arguments: [documentId, stepId]).map(Self.taskRecord)
        }
    }

    static func taskRecord(_ row: Row) -> TaskRecord {
        TaskRecord(stepId: row[0], documentId: row[1], key: row[2], parts: KeyParts(json: row[3]) ?? KeyParts(stage: "", version: "", fingerprint: "", configHash: "", documentHash: "", inputs: []),
                   previousKey: row[4], previousParts: (row[5] as String?).flatMap { KeyParts(json: $0) }, runId: row[6])
    }

    public func result(key: String) throws(CacheError) -> ResultRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT key, stage, stepId, output, encoding, runId, createdAt, seconds FROM result WHERE key = ?", arguments: [key]).map {
                let output = try StoredOutput.unpack($0[3], encoding: $0[4])
                return ResultRecord(key: $0[0], stage: $0[1], stepId: $0[2], output: String(decoding: output, as: UTF8.self), runId: $0[5],
                                    createdAt: $0[6], seconds: $0[7])
            }
        }
    }

    /// Failures of a document (newest first), optionally for one step.
    public func failures(documentId: String, stepId: String? = nil, limit: Int = 20) throws(CacheError) -> [FailureRecord] {
        try read { db in
            var sql = "SELECT runId, stepId, stage, documentId, key, kind, message, retryable, attempts, exitStatus, line, taskLine, config, stderrTail FROM failure WHERE documentId = ?"
            var arguments: [any DatabaseValueConvertible] = [documentId]
            if let stepId {
                sql += " AND stepId = ?"
                arguments.append(stepId)
            }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                var f = FailureRecord(runId: row[0], stepId: row[1], stage: row[2], documentId: row[3], key: row[4], kind: row[5], message: row[6])
                f.retryable = row[7]
                f.attempts = row[8]
                f.exitStatus = row[9]
                f.line = row[10]
                f.taskLine = row[11]
                f.config = row[12]
                f.stderrTail = row[13]
                return f
            }
        }
    }

    public func config(hash: String) throws(CacheError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT config FROM stepConfig WHERE hash = ?", arguments: [hash]) }
    }

    public func run(_ id: Int64) throws(CacheError) -> RunRecord? {
        try runs(sql: "WHERE id = ?", arguments: [id]).first
    }

    public func recentRuns(limit: Int = 10) throws(CacheError) -> [RunRecord] {
        try runs(sql: "ORDER BY id DESC LIMIT ?", arguments: [limit])
    }

    private func runs(sql: String, arguments: StatementArguments) throws(CacheError) -> [RunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, startedAt, finishedAt, status, documents, summary FROM run \(sql)", arguments: arguments).map {
                RunRecord(id: $0[0], startedAt: $0[1], finishedAt: $0[2], status: $0[3], documents: $0[4], summary: $0[5])
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(CacheError) -> T {
        do { return try pool.read(body) } catch { throw CacheError("cache read failed: \(error)") }
    }

    func write<T>(_ body: (Database) throws -> T) throws(CacheError) -> T {
        do { return try pool.write(body) } catch { throw CacheError("cache write failed: \(error)") }
    }
}
