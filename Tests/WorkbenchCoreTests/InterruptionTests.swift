import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport

/// The real `workbench` binary, killed or interrupted mid-run.
@Suite("Interrupted runs", .timeLimit(.minutes(3)))
struct InterruptionTests {
    static let documents: [String: String] = Dictionary(uniqueKeysWithValues: (1...60).map {
        (String(format: "doc%02d.txt", $0), "Document \($0) about the border talks, with some words to count.")
    })

    /// A workspace whose `slow` stage is a private copy (so its processes can be found by path).
    /// With `hold`, each worker stops after answering 3 tasks while the file `hold` exists.
    func slowWorkspace(delay: Int, hold: Bool = false) throws -> (TestWorkspace, String) {
        let workspace = try TestWorkspace(documents: Self.documents)
        let stage = try workspace.copyStage("slow")
        try workspace.writeWorkspace(extraStagePaths: [workspace.path("stages")])
        let holdConfig = hold ? #", "hold_file": "\#(workspace.path("hold"))", "hold_after": 3"# : ""
        if hold { try Data().write(to: URL(fileURLWithPath: workspace.path("hold"))) }
        try workspace.writePipeline("""
            {"steps": [{"id": "slow", "stage": "slow", "config": {"delay_ms": \(delay)\(holdConfig)}, "in_flight": 2}, {"id": "after", "stage": "chain-a"}]}
            """)
        return (workspace, stage)
    }

    /// Waits until at least `count` results of step `slow` are committed (read-only polling).
    func waitForResults(_ workspace: TestWorkspace, count: Int) async throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
            guard FileManager.default.fileExists(atPath: workspace.path(".workbench/cache.sqlite")),
                  let cache = try? ResultCache(path: workspace.path(".workbench/cache.sqlite"), readOnly: true),
                  let found = try? cache.allResults().filter({ $0.stepId == "slow" }).count else { continue }
            if found >= count { return found }
        }
        return 0
    }

    func waitUntilGone(_ marker: String, seconds: Double = 10) async -> [Int32] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if processes(matching: marker).isEmpty { return [] }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return processes(matching: marker)
    }

    @Test("SIGKILL mid-run loses nothing committed; the next run resumes with no flag and ends equal to an uninterrupted run")
    func sigkillResume() async throws {
        // Each of the 2 workers answers 3 tasks, then holds while the file `hold` exists: the kill
        // lands mid-run however slowly the machine schedules this test (a timed kill could come
        // after the run had finished, on a loaded CI machine).
        let (workspace, stage) = try slowWorkspace(delay: 20, hold: true)
        let first = CommandRunner.workbench(["run", "--jobs", "2", "--progress", "lines"], in: workspace.directory)
        try first.start()
        // Kill it once those results are committed (read-only polling, as a researcher's sqlite3 would).
        #expect(try await waitForResults(workspace, count: 6) == 6)
        first.signal(SIGKILL)
        #expect(await first.wait() == 9 || first.process.terminationReason == .uncaughtSignal)
        try FileManager.default.removeItem(atPath: workspace.path("hold"))
        #expect(await waitUntilGone(stage).isEmpty, "orphaned stage processes exit when the host's pipes close")

        let partial = try workspace.cache().allResults().filter { $0.stepId == "slow" }.count
        #expect(partial > 0 && partial < 60, "the kill came mid-run (\(partial) of 60 committed)")

        let second = try await CommandRunner.workbench(["run", "--jobs", "2", "-q"], in: workspace.directory).run()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("did not finish"), "the resumed run says so")
        let resumed = try workspace.cache().allResults()

        let (reference, _) = try slowWorkspace(delay: 0)
        let clean = try await CommandRunner.workbench(["run", "-q"], in: reference.directory).run()
        #expect(clean.status == 0)
        let expected = try reference.cache().allResults()
        #expect(resumed.count == 120)
        #expect(Set(resumed.map(\.key)).count == resumed.count, "no duplicates")
        #expect(Dictionary(uniqueKeysWithValues: resumed.map { ("\($0.stepId)/\($0.documentId)", $0.output) })
                == Dictionary(uniqueKeysWithValues: expected.map { ("\($0.stepId)/\($0.documentId)", $0.output) }))
        let runs = try workspace.cache().recentRuns()
        #expect(runs.map(\.status) == ["succeeded", "interrupted"])
    }

    @Test("SIGINT stops cleanly: tasks in flight finish and are kept, exit 130, every child terminated")
    func sigint() async throws {
        // Workers hold after 3 answers each until the file `hold` goes, so Ctrl-C comes mid-run
        // however slowly this test is scheduled; removing it lets the tasks in flight finish.
        let (workspace, stage) = try slowWorkspace(delay: 20, hold: true)
        let run = CommandRunner.workbench(["run", "--jobs", "2", "--progress", "lines"], in: workspace.directory)
        try run.start()
        let before = try await waitForResults(workspace, count: 6)
        #expect(before == 6)
        #expect(!processes(matching: stage).isEmpty, "stages are running")
        run.signal(SIGINT)
        try await Task.sleep(nanoseconds: 300_000_000)
        try FileManager.default.removeItem(atPath: workspace.path("hold"))
        let status = await run.wait(timeout: 30)
        #expect(status == 130, "\(run.errorOutput)")
        #expect(run.errorOutput.contains("interrupted"))
        #expect(await waitUntilGone(stage, seconds: 2).isEmpty, "no stage process left behind")
        let summary = try String(contentsOfFile: workspace.path("out/run-summary.json"), encoding: .utf8)
        #expect(summary.contains(#""status":"interrupted""#))
        let after = try workspace.cache().allResults().filter { $0.stepId == "slow" }.count
        #expect(after > before, "tasks in flight at Ctrl-C finished and were committed (\(before) → \(after))")
        #expect(after < 60, "no new tasks were started after Ctrl-C")
    }
}
