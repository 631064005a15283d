import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport
import WorkbenchProtocol

/// Whether a real Slurm and a real sshd are here (`.ci/slurm-up.sh`, `.ci/sshd-up.sh`). Without them the
/// engine tests are skipped — unless `WORKBENCH_REQUIRE_SLURM=1` / `WORKBENCH_REQUIRE_SSH=1` (CI sets both),
/// where a missing engine fails them.
enum Engines {
    /// The ssh host the tests use: the alias `.ci/sshd-up.sh` writes to ~/.ssh/config.
    static let sshHost = ProcessInfo.processInfo.environment["WORKBENCH_SSH_TEST_HOST"] ?? "workbench-ci"

    static let slurm: Bool = {
        guard ProcessInfo.processInfo.environment["WORKBENCH_SKIP_SLURM"] == nil else { return false }
        return check(["srun", "--ntasks=1", "--quiet", "--time=1", "--job-name=wb-test-probe", "true"], timeout: 30)
    }()

    static let ssh: Bool = {
        guard ProcessInfo.processInfo.environment["WORKBENCH_SKIP_SSH"] == nil else { return false }
        return check(["ssh", "-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", sshHost, "true"], timeout: 20)
    }()

    static var requireSlurm: Bool { ProcessInfo.processInfo.environment["WORKBENCH_REQUIRE_SLURM"] == "1" }
    static var requireSSH: Bool { ProcessInfo.processInfo.environment["WORKBENCH_REQUIRE_SSH"] == "1" }

    /// Runs a command synchronously (for the enabling traits); true when it exits 0 in time.
    static func check(_ arguments: [String], timeout: Double) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate(); return false }
        return process.terminationStatus == 0
    }
}

/// The demo pipeline and fault injection on a real single-node Slurm and a real sshd on loopback.
@Suite("Executors on real engines", .serialized, .timeLimit(.minutes(5)))
struct ExecutorEngineTests {
    /// A copy of the demo workspace (corpus, topic, pipeline) with the built stages on its path.
    func demoWorkspace(name: String = #function, extra: String = "") throws -> TestWorkspace {
        let workspace = try TestWorkspace(name: name)
        let root = Fixtures.repositoryRoot
        try FileManager.default.removeItem(atPath: workspace.path("corpus"))
        try FileManager.default.copyItem(atPath: root + "/corpus", toPath: workspace.path("corpus"))
        try FileManager.default.copyItem(atPath: root + "/topics", toPath: workspace.path("topics"))
        try FileManager.default.copyItem(atPath: root + "/pipeline.json", toPath: workspace.path("pipeline.json"))
        try workspace.writeWorkspace(extraStagePaths: [BuiltProducts.directory],
                                     extra: #""topic": "topics/armenia-azerbaijan.json""# + (extra.isEmpty ? "" : ", " + extra))
        return workspace
    }

    /// Swift seeds its hashing per process: a stage whose output follows a dictionary's order (the compare
    /// stage's side order, for sides the topic does not list) differs between any two runs, local or not.
    /// Fixing the seed makes runs comparable byte for byte.
    static let fixedHashing = #""environment": {"SWIFT_DETERMINISTIC_HASHING": "1"}"#

    /// The local results of the demo pipeline, computed once.
    static let localResults: Task<[String: String], any Error> = Task {
        let workspace = try ExecutorEngineTests().demoWorkspace(name: "local-reference", extra: #""executor": {"type": "local", \#(fixedHashing)}"#)
        let summary = try await workspace.run { $0.writesReport = false }
        guard summary.exitCode == 0 else { throw CancellationError() }
        return try workspace.results()
    }

    func requireEngine(_ available: Bool, _ name: String, required: Bool) throws {
        if !available && required {
            Issue.record("\(name) is required here (WORKBENCH_REQUIRE_\(name.uppercased())=1) but not available; run .ci/\(name == "slurm" ? "slurm" : "sshd")-up.sh")
        }
        try #require(available)
    }

    func expectDemoMatchesLocal(executor: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let workspace = try demoWorkspace(name: "demo-\(executor.prefix(10))", extra: #""executor": \#(executor)"#)
        let summary = try await workspace.run { $0.writesReport = false }
        #expect(summary.exitCode == 0, "\(summary.text)", sourceLocation: sourceLocation)
        #expect(summary.notes.isEmpty, "\(summary.notes)", sourceLocation: sourceLocation)
        let results = try workspace.results()
        let local = try await Self.localResults.value
        #expect(results.count == local.count && results.count == 9 * 4 + 1, sourceLocation: sourceLocation)
        let differing = local.keys.sorted().filter { results[$0] != local[$0] }
        #expect(differing.isEmpty, "differ from the local run: \(differing)", sourceLocation: sourceLocation)
        if let debug = ProcessInfo.processInfo.environment["WORKBENCH_DEBUG_DIFF"] {
            for key in differing {
                try? local[key]!.write(toFile: debug + "/local.json", atomically: true, encoding: .utf8)
                try? results[key]!.write(toFile: debug + "/remote.json", atomically: true, encoding: .utf8)
            }
        }
        #expect(try workspace.cache().allFailures().isEmpty, sourceLocation: sourceLocation)
    }

    @Test("The demo pipeline on Slurm gives exactly the local results", .enabled(if: Engines.slurm || Engines.requireSlurm, "no Slurm here (run .ci/slurm-up.sh)"))
    func demoOnSlurm() async throws {
        try requireEngine(Engines.slurm, "slurm", required: Engines.requireSlurm)
        try await expectDemoMatchesLocal(executor: #"{"type": "slurm", \#(Self.fixedHashing)}"#)
    }

    @Test("The demo pipeline over ssh gives exactly the local results", .enabled(if: Engines.ssh || Engines.requireSSH, "no sshd here (run .ci/sshd-up.sh)"))
    func demoOverSSH() async throws {
        try requireEngine(Engines.ssh, "ssh", required: Engines.requireSSH)
        try await expectDemoMatchesLocal(executor: #"{"type": "ssh", "hosts": ["\#(Engines.sshHost)"], "workers_per_host": 2, \#(Self.fixedHashing)}"#)
    }

    /// Runs the `slow` stage (a private copy, so its processes can be told apart) over 40 documents on
    /// `executor`, kills one worker's `program` (srun or ssh) once each worker has answered 3 tasks
    /// and holds (the fixture's `hold_file`, removed after the kill), and checks that the run
    /// completes with every result, once, and no document failed.
    func killWorkerMidRun(executor: String, program: String) async throws {
        let documents = Dictionary(uniqueKeysWithValues: (1...40).map { (String(format: "doc%02d.txt", $0), "Document \($0) " + String(repeating: "word ", count: $0)) })
        let workspace = try TestWorkspace(documents: documents, name: "kill-\(program)")
        let stage = try workspace.copyStage("slow")
        let hold = workspace.path("hold")
        try Data().write(to: URL(fileURLWithPath: hold))
        try workspace.writeWorkspace(extraStagePaths: [workspace.path("stages")])
        try workspace.writePipeline("""
            {"steps": [{"id": "slow", "stage": "slow", "config": {"delay_ms": 50, "hold_file": "\(hold)"}, "jobs": 2, "in_flight": 4, "executor": \(executor)},
                       {"id": "after", "stage": "chain-a"}]}
            """)
        let run = Task { try await workspace.run { $0.progress = .none } }
        var killed: Int32?
        let deadline = Date().addingTimeInterval(60)
        while killed == nil && Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
            let done = (try? ResultCache(path: workspace.path(".workbench/cache.sqlite"), readOnly: true).allResults().filter { $0.stepId == "slow" }.count) ?? 0
            guard done >= 6 else { continue }
            let workers = processes(matching: stage).filter { programName(of: $0) == program && parentProcess(of: $0) == getpid() }
            if let victim = workers.first {
                kill(victim, SIGKILL)
                killed = victim
            }
        }
        try FileManager.default.removeItem(atPath: hold)
        let summary = try await run.value
        #expect(killed != nil, "a worker's \(program) was killed mid-run")
        #expect(summary.exitCode == 0, "\(summary.text)")
        #expect(summary.steps.first { $0.id == "slow" }?.computed == 40, "each task counted once")
        #expect(summary.failureCount == 0)
        #expect(try workspace.cache().allFailures().isEmpty, "no document was blamed for the lost worker")
        #expect(summary.notes.contains { $0.contains("1 worker lost") && !$0.contains(" 0 tasks in flight re-queued") }, "\(summary.notes)")
        let results = try workspace.cache().allResults()
        #expect(results.count == 80)
        #expect(Set(results.map { "\($0.stepId)/\($0.documentId)" }).count == 80, "nothing duplicated")
        for result in results where result.stepId == "slow" {
            let text = documents[result.documentId + ".txt"]!
            #expect(result.output == #"{"length":\#(text.unicodeScalars.count)}"#)
        }
    }

    @Test("Killing a worker's srun mid-run: its tasks are re-queued, every document has its result, none failed",
          .enabled(if: Engines.slurm || Engines.requireSlurm, "no Slurm here (run .ci/slurm-up.sh)"))
    func killSrun() async throws {
        try requireEngine(Engines.slurm, "slurm", required: Engines.requireSlurm)
        try await killWorkerMidRun(executor: #""slurm""#, program: "srun")
    }

    @Test("Killing a worker's ssh mid-run: its tasks are re-queued, every document has its result, none failed",
          .enabled(if: Engines.ssh || Engines.requireSSH, "no sshd here (run .ci/sshd-up.sh)"))
    func killSSH() async throws {
        try requireEngine(Engines.ssh, "ssh", required: Engines.requireSSH)
        try await killWorkerMidRun(executor: #"{"type": "ssh", "hosts": ["\#(Engines.sshHost)"], "workers_per_host": 2}"#, program: "ssh")
    }

    @Test("Killing a corpus step's srun mid-stream: the step starts over on a new worker and counts every document once",
          .enabled(if: Engines.slurm || Engines.requireSlurm, "no Slurm here (run .ci/slurm-up.sh)"))
    func killCorpusSrun() async throws {
        try requireEngine(Engines.slurm, "slurm", required: Engines.requireSlurm)
        let documents = Dictionary(uniqueKeysWithValues: (1...30).map { (String(format: "doc%02d.txt", $0), String(repeating: "x", count: $0)) })
        let workspace = try TestWorkspace(documents: documents, name: "kill-corpus-srun")
        let stage = try workspace.copyStage("corpus-count")
        try workspace.writeWorkspace(extraStagePaths: [workspace.path("stages")])
        try workspace.writePipeline(#"{"steps": [{"id": "count", "stage": "corpus-count", "config": {"delay_ms": 60}, "executor": "slurm"}]}"#)
        let run = Task { try await workspace.run { $0.progress = .none } }
        var killed: Int32?
        let deadline = Date().addingTimeInterval(60)
        while killed == nil && Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)
            guard processes(matching: stage).contains(where: { programName(of: $0) == "srun" }) else { continue }
            // Tasks stream for about 1.8 s (30 × 60 ms) once the stage is up.
            try await Task.sleep(nanoseconds: 800_000_000)
            if let srun = processes(matching: stage).first(where: { programName(of: $0) == "srun" && parentProcess(of: $0) == getpid() }) {
                kill(srun, SIGKILL)
                killed = srun
            }
        }
        let summary = try await run.value
        #expect(killed != nil, "the corpus step's srun was killed mid-stream")
        #expect(summary.exitCode == 0, "\(summary.text)")
        #expect(summary.notes.contains { $0.contains("1 worker lost") }, "\(summary.notes)")
        let output = try #require(try workspace.results().values.first)
        let value = try JSONValue(parsing: output)
        #expect(value["documents"]?.intValue == 30, "every document counted once: \(output.prefix(200))")
        #expect(value["ids"]?.arrayValue?.count == 30)
        #expect(try workspace.cache().allFailures().isEmpty)
    }

    @Test("A partition Slurm does not know stops the run before it starts, with srun's own words",
          .enabled(if: Engines.slurm || Engines.requireSlurm, "no Slurm here (run .ci/slurm-up.sh)"))
    func unknownPartition() async throws {
        try requireEngine(Engines.slurm, "slurm", required: Engines.requireSlurm)
        let workspace = try TestWorkspace(documents: ["a.txt": "A document."])
        try workspace.writePipeline(#"{"executor": {"type": "slurm", "partition": "no-such-partition"}, "steps": [{"id": "w", "stage": "wordcount"}]}"#)
        do {
            _ = try await workspace.run()
            Issue.record("the run should not start")
        } catch let error as RunError {
            #expect(error.description.contains(#"Slurm partition "no-such-partition" cannot be reached"#), "\(error)")
            #expect(error.description.contains("Invalid partition"), "\(error)")
        }
    }
}
