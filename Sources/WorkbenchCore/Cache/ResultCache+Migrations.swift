import GRDB

extension ResultCache {
    /// Schema migrations. Named, never edited once shipped; documented in docs/CACHE.md.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, documents, tasks, results, failures") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    startedAt TEXT NOT NULL,
                    finishedAt TEXT,
                    status TEXT NOT NULL,            -- running | succeeded | failed | interrupted
                    pipeline TEXT,
                    corpus TEXT,
                    hostVersion TEXT,
                    pid INTEGER,
                    documents INTEGER,
                    summary TEXT                     -- the JSON run summary
                );
                CREATE TABLE runStep (
                    runId INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    stepId TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    stageVersion TEXT,
                    scope TEXT NOT NULL,
                    total INTEGER NOT NULL DEFAULT 0,
                    computed INTEGER NOT NULL DEFAULT 0,
                    cached INTEGER NOT NULL DEFAULT 0,
                    failed INTEGER NOT NULL DEFAULT 0,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    wallSeconds REAL,
                    taskSeconds REAL,
                    PRIMARY KEY (runId, stepId)
                );
                CREATE TABLE document (
                    id TEXT PRIMARY KEY,
                    hash TEXT NOT NULL,              -- of the canonical document JSON sent to stages
                    meta TEXT NOT NULL,              -- JSON
                    source TEXT,
                    length INTEGER NOT NULL,         -- text length in Unicode scalars
                    firstRunId INTEGER,
                    updatedRunId INTEGER
                );
                CREATE TABLE stepConfig (
                    hash TEXT PRIMARY KEY,
                    config TEXT NOT NULL             -- canonical JSON
                );
                CREATE TABLE task (
                    stepId TEXT NOT NULL,
                    documentId TEXT NOT NULL,        -- '*' for corpus-scope steps
                    key TEXT NOT NULL,
                    parts TEXT NOT NULL,             -- JSON: what the key was computed from
                    previousKey TEXT,
                    previousParts TEXT,
                    runId INTEGER,
                    PRIMARY KEY (documentId, stepId)
                ) WITHOUT ROWID;
                CREATE TABLE result (
                    key TEXT PRIMARY KEY,
                    stage TEXT NOT NULL,
                    stepId TEXT NOT NULL,
                    documentId TEXT NOT NULL,        -- '*' for corpus-scope results
                    output TEXT NOT NULL,            -- the stage's output JSON, as it sent it
                    runId INTEGER,
                    createdAt TEXT NOT NULL,
                    seconds REAL
                );
                CREATE INDEX result_document ON result(documentId, stepId);
                CREATE TABLE failure (
                    id INTEGER PRIMARY KEY,
                    runId INTEGER,
                    stepId TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    documentId TEXT NOT NULL,
                    key TEXT,
                    kind TEXT NOT NULL,              -- error | crash | timeout | protocol | quarantined | start | skipped
                    message TEXT NOT NULL,
                    retryable INTEGER NOT NULL DEFAULT 0,
                    attempts INTEGER NOT NULL DEFAULT 1,
                    exitStatus TEXT,
                    line TEXT,                       -- the offending stdout line, if any
                    taskLine TEXT,                   -- the task as sent (document and inputs)
                    config TEXT,
                    stderrTail TEXT,
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX failure_document ON failure(documentId, stepId);
                CREATE INDEX failure_run ON failure(runId);
                """)
        }
        migrator.registerMigration("v2: result.skipped") { db in
            // Why a stage passed a document over (its output's top-level "skipped" reason), if it did.
            try db.execute(sql: "ALTER TABLE result ADD COLUMN skipped TEXT")
        }
        migrator.registerMigration("v3: result.encoding") { db in
            // NULL: `output` is the JSON text; 'zstd': `output` is a zstd frame of it (outputs of 1 KB or more).
            try db.execute(sql: "ALTER TABLE result ADD COLUMN encoding TEXT")
        }
        migrator.registerMigration("v4: result_key_skipped index") { db in
            // A covering index for the feeder's batch lookup (which keys exist, and which were passed
            // over): without it every lookup reads the row's table page, a warm run's main cost.
            try db.execute(sql: "CREATE INDEX result_key_skipped ON result(key, skipped)")
        }
        return migrator
    }
}
