import GRDB

extension ResultCache {
    /// Records the start of a run; any run still marked `running` was killed and becomes `interrupted`.
    /// - Returns: the new run's id.
    public func beginRun(pipeline: String, corpus: String, hostVersion: String, pid: Int32) throws(CacheError) -> (id: Int64, staleRuns: [Int64]) {
        do {
            return try pool.write { db in
                let stale = try Int64.fetchAll(db, sql: "SELECT id FROM run WHERE status = 'running'")
                try db.execute(sql: "UPDATE run SET status = 'interrupted' WHERE status = 'running'")
                try db.execute(sql: """
                    INSERT INTO run (startedAt, status, pipeline, corpus, hostVersion, pid)
                    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'running', ?, ?, ?, ?)
                    """, arguments: [pipeline, corpus, hostVersion, pid])
                return (db.lastInsertedRowID, stale)
            }
        } catch {
            throw CacheError("cannot record the run: \(error)")
        }
    }

    /// Records how a run ended, with its summary and per-step figures.
    public func finishRun(id: Int64, status: String, documents: Int, summary: String, steps: [RunStepRecord]) throws(CacheError) {
        do {
            try pool.write { db in
                try db.execute(sql: """
                    UPDATE run SET status = ?, finishedAt = strftime('%Y-%m-%dT%H:%M:%fZ','now'), documents = ?, summary = ? WHERE id = ?
                    """, arguments: [status, documents, summary, id])
            }
            try apply(steps.map { .runStep($0) })
        } catch let error as CacheError {
            throw error
        } catch {
            throw CacheError("cannot record the end of the run: \(error)")
        }
    }

    /// The output of a result key, if stored.
    public func output(for key: String) -> [UInt8]? { (try? outputs(for: [key]))?[key] }
}
