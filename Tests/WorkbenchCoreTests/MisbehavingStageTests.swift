import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport

/// Broken stages run through the real host: each yields its specific error, and the rest completes.
@Suite("Misbehaving stages", .timeLimit(.minutes(3)))
struct MisbehavingStageTests {
    /// Eight documents; `doc4` carries the trigger word that makes a fixture misbehave.
    static func documents(trigger: String = "TRIGGER") -> [String: String] {
        var docs: [String: String] = [:]
        for i in 1...8 { docs["doc\(i).txt"] = "Document number \(i). The ministry said something on Friday." }
        docs["doc4.txt"] = "Document four contains the \(trigger) word."
        return docs
    }

    /// Runs `good` (wordcount) and `bad` (the fixture) over the eight documents.
    func run(_ fixture: String, config: String = "{}", documents: [String: String] = Self.documents(),
             _ configure: (inout RunOptions) -> Void = { _ in }) async throws -> (RunSummary, TestWorkspace) {
        let workspace = try TestWorkspace(documents: documents, name: fixture)
        try workspace.writePipeline("""
            {"steps": [{"id": "good", "stage": "wordcount"}, {"id": "bad", "stage": "\(fixture)", "config": \(config)}]}
            """)
        let summary = try await workspace.run { options in
            options.retries = 1
            configure(&options)
        }
        return (summary, workspace)
    }

    /// The other documents of the bad step, and every document of the good step, have results.
    func expectRestCompleted(_ workspace: TestWorkspace, badStepDone: Int = 7, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let results = try workspace.results()
        #expect(results.keys.filter { $0.hasPrefix("good/") }.count == 8, sourceLocation: sourceLocation)
        #expect(results.keys.filter { $0.hasPrefix("bad/") }.count == badStepDone, sourceLocation: sourceLocation)
    }

    func failure(_ workspace: TestWorkspace, step: String = "bad") throws -> FailureRecord? {
        try workspace.cache().allFailures().last { $0.stepId == step }
    }

    @Test("A stage that crashes on one document: the document is quarantined, the others complete")
    func crash() async throws {
        let (summary, workspace) = try await run("crash-mid-stream")
        #expect(summary.exitCode == 1)
        try expectRestCompleted(workspace)
        let f = try #require(try failure(workspace))
        #expect(f.documentId == "doc4")
        #expect(f.kind == "quarantined")
        #expect(f.message.contains("stage \"crash-mid-stream\", document \"doc4\""))
        #expect(f.message.contains("crashed (exit status 3)"))
        #expect(f.attempts == 2)
        #expect(f.stderrTail?.contains("about to crash on doc4") == true)
        #expect(f.taskLine?.contains(#""id":"doc4""#) == true, "the bundle keeps the task line")
    }

    @Test("A stage that hangs: the task times out, the worker is killed, the others complete")
    func hang() async throws {
        let (summary, workspace) = try await run("hang") { $0.taskTimeout = 1.5 }
        #expect(summary.exitCode == 1)
        try expectRestCompleted(workspace)
        let f = try #require(try failure(workspace))
        #expect(f.documentId == "doc4")
        #expect(f.message.contains("no answer within 1.5 s"))
    }

    @Test("A stage that prints non-JSON to stdout: a protocol error naming the stage, the document and the line")
    func stdoutJunk() async throws {
        let (summary, workspace) = try await run("stdout-junk")
        #expect(summary.exitCode == 1)
        try expectRestCompleted(workspace)
        let f = try #require(try failure(workspace))
        #expect(f.kind == "protocol")
        #expect(f.documentId == "doc4")
        #expect(f.message.contains("stage \"stdout-junk\", document \"doc4\""))
        #expect(f.message.contains("loading model weights from ~/.cache/model"))
        #expect(f.message.contains("not a protocol line"))
    }

    @Test("A stage that answers an id it was never sent: a protocol error naming the id and the document")
    func unknownId() async throws {
        let (summary, workspace) = try await run("unknown-id")
        #expect(summary.exitCode == 1)
        try expectRestCompleted(workspace)
        let f = try #require(try failure(workspace))
        #expect(f.kind == "protocol")
        #expect(f.documentId == "doc4")
        #expect(f.message.contains("\"999999\""))
    }

    @Test("A stage that answers twice: reported, the first answer kept, the rest complete")
    func answersTwice() async throws {
        let (summary, workspace) = try await run("answers-twice")
        #expect(summary.exitCode == 1)
        try expectRestCompleted(workspace, badStepDone: 8)
        let f = try #require(try failure(workspace))
        #expect(f.kind == "protocol")
        #expect(f.message.contains("twice"))
        #expect(summary.steps.first { $0.id == "bad" }?.protocolErrors == 1)
    }

    @Test("A stage that exits before hello: the step fails with its stderr; the other step completes")
    func exitsBeforeHello() async throws {
        let (summary, workspace) = try await run("exits-before-hello") { $0.probeStages = false }
        #expect(summary.exitCode == 1)
        try expectRestCompleted(workspace, badStepDone: 0)
        let step = try #require(summary.steps.first { $0.id == "bad" })
        #expect(step.failed == 8)
        #expect(step.error?.contains("exited before saying hello (exit status 2)") == true)
        #expect(step.error?.contains("fatal: model file not found") == true)
    }

    @Test("A stage that exits before hello is refused before the run when probing (exit 65)")
    func exitsBeforeHelloProbed() async throws {
        let workspace = try TestWorkspace(documents: Self.documents())
        try workspace.writePipeline(#"{"steps": [{"id": "bad", "stage": "exits-before-hello"}]}"#)
        await #expect(throws: RunError.self) { _ = try await workspace.run() }
    }

    @Test("Junk before the hello: the step fails naming the line")
    func junkBeforeHello() async throws {
        let (summary, workspace) = try await run("junk-before-hello") { $0.probeStages = false }
        try expectRestCompleted(workspace, badStepDone: 0)
        let error = try #require(summary.steps.first { $0.id == "bad" }?.error)
        #expect(error.contains("Welcome to junk stage v0.1"))
        #expect(error.contains("not a protocol line"))
    }

    @Test("A stage that floods stderr: the run is not blocked, the tail kept is bounded")
    func stderrFlood() async throws {
        var documents = Self.documents()
        documents["doc6.txt"] = "This one will CRASH the stage."
        let (summary, workspace) = try await run("stderr-flood", documents: documents)
        #expect(summary.exitCode == 1)
        let results = try workspace.results()
        #expect(results.keys.filter { $0.hasPrefix("bad/") }.count == 7)
        let f = try #require(try failure(workspace))
        #expect(f.documentId == "doc6")
        #expect((f.stderrTail?.utf8.count ?? 0) < 100_000)
        #expect(f.stderrTail?.contains("flood line") == true)
    }

    @Test("A stage speaking another protocol version is refused, naming both version lists")
    func futureProtocol() async throws {
        let workspace = try TestWorkspace(documents: Self.documents())
        try workspace.writePipeline(#"{"steps": [{"id": "bad", "stage": "future-protocol"}]}"#)
        do {
            _ = try await workspace.run()
            Issue.record("the run started")
        } catch {
            #expect("\(error)".contains("speaks protocol versions [2, 3]; this host speaks [1]"))
        }
    }

    @Test("Invalid UTF-8 on stdout is a protocol error for that document")
    func invalidUTF8() async throws {
        let (summary, workspace) = try await run("invalid-utf8")
        #expect(summary.exitCode == 1)
        try expectRestCompleted(workspace)
        let f = try #require(try failure(workspace))
        #expect(f.documentId == "doc4")
        #expect(f.message.contains("not valid UTF-8"))
    }

    @Test("A retryable error is retried with backoff and then succeeds")
    func retryable() async throws {
        let markers = NSTemporaryDirectory() + "wb-markers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: markers) }
        let (summary, workspace) = try await run("retry-once", config: #"{"marker_dir": "\#(markers)"}"#)
        #expect(summary.exitCode == 0)
        #expect(summary.failureCount == 0)
        try expectRestCompleted(workspace, badStepDone: 8)
        #expect(FileManager.default.fileExists(atPath: markers + "/doc4.tried"))
    }

    @Test("Failures are never served as results: the next run tries the task again")
    func failuresNotServed() async throws {
        let (_, workspace) = try await run("crash-mid-stream")
        let summary = try await workspace.run { $0.retries = 0 }
        let bad = try #require(summary.steps.first { $0.id == "bad" })
        #expect(bad.cached == 7)
        #expect(bad.failed == 1)
    }
}
