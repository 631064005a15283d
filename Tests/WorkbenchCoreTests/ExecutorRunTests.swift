import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport

/// The ssh executor through the real host, with `Fixtures/executors/fake-ssh` standing in for ssh: it runs
/// the remote command here and relays stdio as ssh does, and can drop a connection or refuse a host on cue.
/// No sshd needed (ExecutorEngineTests runs the real thing).
@Suite("Executors through the host (fake ssh)", .timeLimit(.minutes(2)))
struct ExecutorRunTests {
    static let fakeSSH = Fixtures.path("executors/fake-ssh")
    static let documents: [String: String] = Dictionary(uniqueKeysWithValues: (1...40).map {
        (String(format: "doc%02d.txt", $0), "Document \($0) about the talks" + String(repeating: " and more words", count: $0))
    })

    func workspace(step: String, documents: [String: String] = Self.documents, name: String = #function) throws -> TestWorkspace {
        let workspace = try TestWorkspace(documents: documents, name: name)
        try workspace.writePipeline(#"{"steps": [\#(step)]}"#)
        return workspace
    }

    func sshExecutor(hosts: [String] = ["a", "b"], options: [String] = []) -> String {
        let extra = options.flatMap { ["-o", $0] }.map { "\"\($0)\"" }.joined(separator: ", ")
        return #"{"type": "ssh", "ssh": "\#(Self.fakeSSH)", "hosts": [\#(hosts.map { "\"\($0)\"" }.joined(separator: ", "))], "extra_args": [\#(extra)]}"#
    }

    @Test("A dropped connection re-queues the worker's tasks: every document has its result once, none is failed")
    func lostWorker() async throws {
        let marker = NSTemporaryDirectory() + "wb-lose-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let executor = sshExecutor(options: ["FakeLoseOnceFile=\(marker)", "FakeLoseAfterLines=6"])
        let remote = try workspace(step: #"{"id": "slow", "stage": "slow", "config": {"delay_ms": 20}, "in_flight": 4, "executor": \#(executor)}"#)
        let summary = try await remote.run()
        #expect(FileManager.default.fileExists(atPath: marker), "the fake dropped one connection")
        #expect(summary.exitCode == 0, "\(summary.text)")
        #expect(summary.steps[0].computed == 40, "each task counted once")
        #expect(summary.steps[0].failed == 0)
        #expect(try remote.cache().allFailures().isEmpty, "losing a worker is not the documents' fault")
        #expect(summary.notes.contains { $0.contains("1 worker lost by the ssh executor") && $0.contains("closed by remote host") && !$0.contains(" 0 tasks") }, "\(summary.notes)")

        let local = try workspace(step: #"{"id": "slow", "stage": "slow", "config": {"delay_ms": 0}}"#)
        _ = try await local.run()
        #expect(try remote.results() == local.results())
        #expect(try remote.cache().allResults().count == 40, "nothing stored twice")
    }

    @Test("A stage that crashes on a document under ssh is still that document's fault (quarantined), not a lost worker")
    func crashIsNotLoss() async throws {
        var documents = Self.documents
        documents["doc07.txt"] = "Document seven contains the TRIGGER word."
        let remote = try workspace(step: #"{"id": "bad", "stage": "crash-mid-stream", "executor": \#(sshExecutor())}"#, documents: documents)
        let summary = try await remote.run { $0.retries = 1 }
        #expect(summary.exitCode == 1)
        let failure = try #require(try remote.cache().allFailures().last)
        #expect(failure.documentId == "doc07")
        #expect(failure.kind == "quarantined")
        #expect(failure.message.contains("crashed (exit status 3)"), "the stage's status comes through ssh unchanged: \(failure.message)")
        #expect(!summary.notes.contains { $0.contains("lost") })
        #expect(try remote.results().count == 39)
    }

    @Test("An unreachable host stops the run before it starts, naming the host and ssh's message")
    func unreachableHost() async throws {
        let remote = try workspace(step: #"{"id": "w", "stage": "wordcount", "executor": \#(sshExecutor(options: ["FakeDeadHosts=b"]))}"#)
        do {
            _ = try await remote.run()
            Issue.record("the run should not start")
        } catch let error as RunError {
            guard case .executor(let problem) = error else { Issue.record("expected an executor error, got \(error)"); return }
            #expect(problem.description == #"error: host "b" (ssh) cannot be reached: exit status 255: ssh: connect to host b port 22: Connection refused"#)
        }
        #expect(try remote.cache().allResults().isEmpty)
    }

    @Test("Workers are spread over the hosts: hosts × workers per host by default")
    func placement() async throws {
        let executor = #"{"type": "ssh", "ssh": "\#(Self.fakeSSH)", "hosts": ["a", "b"], "workers_per_host": 2, "in_flight": 1}"#
        let remote = try workspace(step: #"{"id": "slow", "stage": "slow", "config": {"delay_ms": 30}, "executor": \#(executor)}"#)
        let run = Task { try await remote.run { $0.jobs = nil } }
        var seen: Set<String> = []
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && seen.count < 2 {
            for pid in processes(matching: Self.fakeSSH) where parentProcess(of: pid) == getpid() {
                if let line = processCommandLine(of: pid) { seen.insert(line.split(separator: " ").dropFirst(2).first { ["a", "b"].contains(String($0)) }.map(String.init) ?? "?") }
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let summary = try await run.value
        #expect(summary.exitCode == 0)
        #expect(seen == ["a", "b"], "workers ran on both hosts")
    }

    @Test("The command line: --executor ssh without hosts is a configuration error; a misspelled executor a usage error")
    func commandLineErrors() async throws {
        let workspace = try workspace(step: #"{"id": "w", "stage": "wordcount"}"#)
        let noHosts = try await CommandRunner.workbench(["run", "-q", "--executor", "ssh"], in: workspace.directory).run()
        #expect(noHosts.status == 65)
        #expect(noHosts.stderr.contains("--executor ssh: no hosts are configured"))
        let typo = try await CommandRunner.workbench(["run", "-q", "--executor", "slrum"], in: workspace.directory).run()
        #expect(typo.status == 64)
        #expect(typo.stderr.contains(#"did you mean "slurm"?"#))
    }
}

/// The parent process id of `pid` (from /proc).
func parentProcess(of pid: Int32) -> Int32? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? Int32(fields[1]) : nil
}

/// `/proc/PID/cmdline` with spaces between the arguments.
func processCommandLine(of pid: Int32) -> String? {
    FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self) }
}

/// The program name of `pid` (`/proc/PID/comm`).
func programName(of pid: Int32) -> String? {
    (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
}
