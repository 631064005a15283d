import GRDB
import Foundation

extension ResultCache {
    /// What the cache holds.
    public struct Statistics: Sendable {
        /// Per step and stage: results stored, their bytes, failures recorded.
        public struct StepFigures: Sendable {
            public var stepId: String
            public var stage: String
            public var results: Int
            public var outputBytes: Int
            public var failures: Int
        }

        public var documents: Int
        public var results: Int
        public var failures: Int
        public var runs: Int
        public var fileBytes: Int
        public var walBytes: Int
        public var steps: [StepFigures]
        public var staleResults: Int
        public var failuresByKind: [(kind: String, count: Int)]
    }

    public func statistics() throws(CacheError) -> Statistics {
        let fm = FileManager.default
        let fileBytes = (try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let walBytes = (try? fm.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return try read { db in
            let count = { (sql: String) in try Int.fetchOne(db, sql: sql) ?? 0 }
            var steps: [String: Statistics.StepFigures] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT stepId, stage, count(*), sum(length(output)) FROM result GROUP BY stepId, stage") {
                let key = "\(row[0] as String)\u{0}\(row[1] as String)"
                steps[key] = Statistics.StepFigures(stepId: row[0], stage: row[1], results: row[2], outputBytes: row[3] ?? 0, failures: 0)
            }
            for row in try Row.fetchAll(db, sql: "SELECT stepId, stage, count(*) FROM failure GROUP BY stepId, stage") {
                let key = "\(row[0] as String)\u{0}\(row[1] as String)"
                steps[key, default: Statistics.StepFigures(stepId: row[0], stage: row[1], results: 0, outputBytes: 0, failures: 0)].failures = row[2]
            }
            let kinds = try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM failure GROUP BY kind ORDER BY 2 DESC").map { (kind: $0[0] as String, count: $0[1] as Int) }
            return Statistics(
                documents: try count("SELECT count(*) FROM document"), results: try count("SELECT count(*) FROM result"),
                failures: try count("SELECT count(*) FROM failure"), runs: try count("SELECT count(*) FROM run"),
                fileBytes: fileBytes, walBytes: walBytes, steps: steps.values.sorted { ($0.stepId, $0.stage) < ($1.stepId, $1.stage) },
                staleResults: try count("SELECT count(*) FROM result WHERE key NOT IN (SELECT key FROM task)"),
                failuresByKind: kinds)
        }
    }

    /// Deletes results (and their task rows and failures), all or of one step. Returns rows deleted.
    @discardableResult
    public func clear(stepId: String? = nil, failuresOnly: Bool = false) throws(CacheError) -> Int {
        let deleted: Int = try write { db in
            var total = 0
            if let stepId {
                if !failuresOnly {
                    try db.execute(sql: "DELETE FROM result WHERE stepId = ?", arguments: [stepId])
                    total += db.changesCount
                    try db.execute(sql: "DELETE FROM task WHERE stepId = ?", arguments: [stepId])
                }
                try db.execute(sql: "DELETE FROM failure WHERE stepId = ?", arguments: [stepId])
                total += db.changesCount
            } else if failuresOnly {
                try db.execute(sql: "DELETE FROM failure")
                total += db.changesCount
            } else {
                for table in ["result", "task", "failure", "document", "stepConfig", "runStep", "run"] {
                    try db.execute(sql: "DELETE FROM \(table)")
                    if table == "result" || table == "failure" { total += db.changesCount }
                }
            }
            return total
        }
        try vacuum()
        return deleted
    }

    /// What `gc` removed.
    public struct Collected: Sendable {
        public var staleResults: Int
        public var oldFailures: Int
        public var oldRuns: Int
        public var bytesBefore: Int
        public var bytesAfter: Int
    }

    /// Removes results no task row points to any more (old configs, old stage builds, edited documents),
    /// failures and runs older than the last `keepRuns` runs, then compacts the file.
    public func collectGarbage(keepRuns: Int = 20) throws(CacheError) -> Collected {
        let before = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var collected: Collected = try write { db in
            let oldest = try Int64.fetchOne(db, sql: "SELECT id FROM run ORDER BY id DESC LIMIT 1 OFFSET ?", arguments: [max(0, keepRuns - 1)]) ?? 0
            try db.execute(sql: "DELETE FROM result WHERE key NOT IN (SELECT key FROM task)")
            let stale = db.changesCount
            try db.execute(sql: "DELETE FROM failure WHERE runId < ?", arguments: [oldest])
            let failures = db.changesCount
            try db.execute(sql: "DELETE FROM run WHERE id < ? AND status <> 'running'", arguments: [oldest])
            let runs = db.changesCount
            try db.execute(sql: "DELETE FROM stepConfig WHERE hash NOT IN (SELECT json_extract(parts, '$.config') FROM task)")
            return Collected(staleResults: stale, oldFailures: failures, oldRuns: runs, bytesBefore: before, bytesAfter: 0)
        }
        try vacuum()
        collected.bytesAfter = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return collected
    }

    func vacuum() throws(CacheError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.checkpoint(.truncate)
            }
        } catch {
            throw CacheError("could not compact the cache: \(error)")
        }
    }
}
