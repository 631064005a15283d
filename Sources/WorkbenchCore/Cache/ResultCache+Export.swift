import GRDB

extension ResultCache {
    /// A stored result, for exports and tests.
    public struct StoredResult: Hashable, Sendable {
        public var key: String
        public var stepId: String
        public var documentId: String
        public var output: String
    }

    /// Every stored result, ordered by step and document.
    public func allResults() throws(CacheError) -> [StoredResult] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT key, stepId, documentId, output, encoding FROM result ORDER BY stepId, documentId, key").map {
                let output = try StoredOutput.unpack($0[3], encoding: $0[4])
                return StoredResult(key: $0[0], stepId: $0[1], documentId: $0[2], output: String(decoding: output, as: UTF8.self))
            }
        }
    }

    /// Every recorded failure, oldest first.
    public func allFailures() throws(CacheError) -> [FailureRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT runId, stepId, stage, documentId, key, kind, message, attempts, stderrTail, line, taskLine FROM failure ORDER BY id").map { row in
                var f = FailureRecord(runId: row[0], stepId: row[1], stage: row[2], documentId: row[3], key: row[4], kind: row[5], message: row[6])
                f.attempts = row[7]
                f.stderrTail = row[8]
                f.line = row[9]
                f.taskLine = row[10]
                return f
            }
        }
    }
}
