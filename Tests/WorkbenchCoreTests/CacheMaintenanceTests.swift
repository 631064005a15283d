import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport

@Suite("Cache maintenance", .timeLimit(.minutes(2)))
struct CacheMaintenanceTests {
    @Test("stats counts what is stored; gc removes results no task uses; clear empties a step")
    func statsGCClear() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "One two three.", "b.txt": "Four five."])
        try workspace.writePipeline(#"{"steps": [{"id": "a", "stage": "chain-a", "config": {"salt": "1"}}, {"id": "c", "stage": "chain-c"}]}"#)
        _ = try await workspace.run()
        try workspace.writePipeline(#"{"steps": [{"id": "a", "stage": "chain-a", "config": {"salt": "2"}}, {"id": "c", "stage": "chain-c"}]}"#)
        _ = try await workspace.run()

        let cache = try workspace.cache()
        var stats = try cache.statistics()
        #expect(stats.documents == 2)
        #expect(stats.results == 6, "2 documents × (a with two configs + c)")
        #expect(stats.staleResults == 2, "the results of the old config of a")
        #expect(stats.runs == 2)

        let collected = try cache.collectGarbage(keepRuns: 1)
        #expect(collected.staleResults == 2)
        #expect(collected.oldRuns == 1)
        stats = try cache.statistics()
        #expect(stats.results == 4)
        #expect(stats.staleResults == 0)

        // A re-run after gc reuses everything current.
        let summary = try await workspace.run()
        #expect(summary.steps.allSatisfy { $0.computed == 0 })

        try cache.clear(stepId: "a")
        stats = try cache.statistics()
        #expect(stats.steps.map(\.stepId) == ["c"])
        let again = try await workspace.run()
        #expect(again.steps.first { $0.id == "a" }?.computed == 2)
        #expect(again.steps.first { $0.id == "c" }?.cached == 2)
    }

    @Test("The run and runStep tables record each run's figures")
    func runTables() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "Text."])
        try workspace.writePipeline(#"{"steps": [{"id": "c", "stage": "chain-c"}]}"#)
        _ = try await workspace.run()
        let run = try #require(try workspace.cache().recentRuns(limit: 1).first)
        #expect(run.status == "succeeded")
        #expect(run.documents == 1)
        #expect(run.summary?.contains(#""schema":"workbench-run-summary/1""#) == true)
    }
}
