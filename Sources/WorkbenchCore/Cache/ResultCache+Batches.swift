import GRDB
public import WorkbenchProtocol

extension ResultCache {
    /// What the cache knows about a batch of documents, fetched in one read.
    public struct BatchLookup: Sendable {
        /// Keys that have a stored result.
        public var existingKeys: Set<String> = []
        /// Of those, the ones whose stage passed the document over, with why.
        public var skipped: [String: String] = [:]
        /// `task` rows by step and document: the key last planned.
        public var taskKeys: [TaskRef: String] = [:]
        /// `document` rows: the hash last seen.
        public var documentHashes: [String: String] = [:]
    }

    /// A (step, document) pair.
    public struct TaskRef: Hashable, Sendable {
        public var stepId: String
        public var documentId: String
        public init(stepId: String, documentId: String) {
            self.stepId = stepId
            self.documentId = documentId
        }
    }

    static let chunk = 500

    /// Looks up result keys, task rows and document hashes for one batch.
    /// - Throws: `CacheError`.
    public func lookup(keys: [String], documentIds: [String]) throws(CacheError) -> BatchLookup {
        do {
            return try pool.read { db in
                var found = BatchLookup()
                for part in keys.chunked(Self.chunk) {
                    let sql = "SELECT key, skipped FROM result INDEXED BY result_key_skipped WHERE key IN (\(placeholders(part.count)))"
                    let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(part))
                    while let row = try rows.next() {
                        let key: String = row[0]
                        found.existingKeys.insert(key)
                        if let reason: String = row[1] { found.skipped[key] = reason }
                    }
                }
                for part in documentIds.chunked(Self.chunk) {
                    let marks = placeholders(part.count)
                    let rows = try Row.fetchCursor(db, sql: "SELECT stepId, documentId, key FROM task WHERE documentId IN (\(marks))",
                                                   arguments: StatementArguments(part))
                    while let row = try rows.next() {
                        found.taskKeys[TaskRef(stepId: row[0], documentId: row[1])] = row[2]
                    }
                    let docs = try Row.fetchCursor(db, sql: "SELECT id, hash FROM document WHERE id IN (\(marks))", arguments: StatementArguments(part))
                    while let row = try docs.next() { found.documentHashes[row[0]] = row[1] }
                }
                return found
            }
        } catch {
            throw CacheError("cache lookup failed: \(error)")
        }
    }

    /// Which of `keys` have a stored result.
    public func existingKeys(_ keys: [String]) throws(CacheError) -> Set<String> {
        try lookup(keys: keys, documentIds: []).existingKeys
    }

    /// The stored outputs of `keys` (raw JSON bytes); missing keys are absent from the result.
    public func outputs(for keys: [String]) throws(CacheError) -> [String: [UInt8]] {
        guard !keys.isEmpty else { return [:] }
        do {
            return try pool.read { db in
                var outputs: [String: [UInt8]] = [:]
                for part in keys.chunked(Self.chunk) {
                    let rows = try Row.fetchCursor(db, sql: "SELECT key, output, encoding FROM result WHERE key IN (\(placeholders(part.count)))",
                                                   arguments: StatementArguments(part))
                    while let row = try rows.next() {
                        outputs[row[0]] = try StoredOutput.unpack(row[1], encoding: row[2])
                    }
                }
                return outputs
            }
        } catch {
            throw CacheError("cache read failed: \(error)")
        }
    }

    /// Applies a batch of writes in one transaction.
    /// - Throws: `CacheError` (the whole batch is rolled back).
    public func apply(_ writes: [CacheWrite]) throws(CacheError) {
        guard !writes.isEmpty else { return }
        do {
            let compressor = StoredOutput.Compressor()
            try pool.write { db in
                for write in writes { try Self.apply(write, in: db, compressor: compressor) }
            }
        } catch {
            throw CacheError("cache write failed: \(error)")
        }
    }

    private static func apply(_ write: CacheWrite, in db: Database, compressor: StoredOutput.Compressor) throws {
        switch write {
        case .result(let key, let stage, let stepId, let documentId, let output, let runId, let seconds, let skipped):
            let (stored, encoding) = StoredOutput.pack(output, compressor: compressor)
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO result (key, stage, stepId, documentId, output, encoding, runId, createdAt, seconds, skipped)
                VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?)
                """).execute(arguments: [key, stage, stepId, documentId, stored, encoding, runId, seconds, skipped])
        case .failure(let f):
            try db.cachedStatement(sql: """
                INSERT INTO failure (runId, stepId, stage, documentId, key, kind, message, retryable, attempts, exitStatus,
                                     line, taskLine, config, stderrTail, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
                """).execute(arguments: [f.runId, f.stepId, f.stage, f.documentId, f.key, f.kind, f.message, f.retryable, f.attempts,
                                         f.exitStatus, f.line, f.taskLine, f.config, f.stderrTail])
        case .task(let t):
            try db.cachedStatement(sql: """
                INSERT INTO task (stepId, documentId, key, parts, previousKey, previousParts, runId) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(documentId, stepId) DO UPDATE SET
                    previousKey = task.key, previousParts = task.parts,
                    key = excluded.key, parts = excluded.parts, runId = excluded.runId
                WHERE task.key <> excluded.key
                """).execute(arguments: [t.stepId, t.documentId, t.key, t.parts.jsonString, nil as String?, nil as String?, t.runId])
        case .document(let id, let hash, let meta, let source, let length, let runId):
            try db.cachedStatement(sql: """
                INSERT INTO document (id, hash, meta, source, length, firstRunId, updatedRunId) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET hash = excluded.hash, meta = excluded.meta, source = excluded.source,
                    length = excluded.length, updatedRunId = excluded.updatedRunId
                """).execute(arguments: [id, hash, meta, source, length, runId, runId])
        case .config(let hash, let canonical):
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO stepConfig (hash, config) VALUES (?, ?)").execute(arguments: [hash, canonical])
        case .deleteResult(let key):
            try db.cachedStatement(sql: "DELETE FROM result WHERE key = ?").execute(arguments: [key])
        case .runStep(let s):
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO runStep (runId, stepId, stage, stageVersion, scope, total, computed, cached, failed, skipped, wallSeconds, taskSeconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [s.runId, s.stepId, s.stage, s.stageVersion, s.scope, s.total, s.computed, s.cached, s.failed, s.skipped,
                                         s.wallSeconds, s.taskSeconds])
        }
    }
}

func placeholders(_ count: Int) -> String {
    String(repeating: "?,", count: max(0, count - 1)) + (count > 0 ? "?" : "")
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension StatementArguments {
    init(_ strings: ArraySlice<String>) { self.init(Array(strings)) }
}

extension KeyParts {
    /// The parts as canonical JSON (stored in `task.parts`).
    public var json: JSONValue {
        [
            "stage": .string(stage), "version": .string(version), "fingerprint": .string(fingerprint),
            "config": .string(configHash), "document": .string(documentHash),
            "inputs": .array(inputs.map { ["name": .string($0.name), "step": .string($0.step), "key": .string($0.key)] }),
        ]
    }

    public var jsonString: String { json.jsonString(sortedKeys: true) }

    public init?(json text: String) {
        guard let value = try? JSONValue(parsing: text), case .object(let o) = value else { return nil }
        self.init(
            stage: o["stage"]?.stringValue ?? "", version: o["version"]?.stringValue ?? "", fingerprint: o["fingerprint"]?.stringValue ?? "",
            configHash: o["config"]?.stringValue ?? "", documentHash: o["document"]?.stringValue ?? "",
            inputs: (o["inputs"]?.arrayValue ?? []).map {
                InputKey(name: $0["name"]?.stringValue ?? "", step: $0["step"]?.stringValue ?? "", key: $0["key"]?.stringValue ?? "")
            })
    }
}
