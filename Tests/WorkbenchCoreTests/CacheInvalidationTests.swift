import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport

/// Each change recomputes exactly the tasks that depend on it; counts are asserted step by step.
@Suite("Cache invalidation", .timeLimit(.minutes(3)))
struct CacheInvalidationTests {
    static let documents: [String: String] = Dictionary(uniqueKeysWithValues: (1...6).map {
        ("doc\($0).txt", "Article \($0). The ministry said \($0 * 2) soldiers were wounded on Friday.\n\nSecond paragraph \($0).")
    })

    func counts(_ summary: RunSummary, _ step: String) -> (computed: Int, cached: Int) {
        let s = summary.steps.first { $0.id == step }!
        return (s.computed, s.cached)
    }

    @Test("Editing a document, a config value, a stage version or a stage binary recomputes exactly its dependents")
    func exactDependents() async throws {
        let workspace = try TestWorkspace(documents: Self.documents)
        let stagesCopy = try workspace.copyStage("chain-c")
        // A private copy of the built wordcount executable, to change its bytes.
        let binDirectory = workspace.path("bin")
        try FileManager.default.createDirectory(atPath: binDirectory, withIntermediateDirectories: true)
        let binary = binDirectory + "/wb-wordcount"
        try FileManager.default.copyItem(atPath: BuiltProducts.executable(named: "wb-wordcount"), toPath: binary)
        try workspace.writeWorkspace(extraStagePaths: [workspace.path("stages"), binDirectory])
        func pipeline(salt: String) throws {
            try workspace.writePipeline("""
                {"steps": [
                  {"id": "a", "stage": "chain-a", "config": {"salt": "\(salt)"}},
                  {"id": "b", "stage": "chain-b"},
                  {"id": "c", "stage": "chain-c"},
                  {"id": "w", "stage": "wordcount"},
                  {"id": "t", "stage": "corpus-count"}
                ]}
                """)
        }
        try pipeline(salt: "x")

        var summary = try await workspace.run()
        #expect(summary.exitCode == 0)
        for step in ["a", "b", "c", "w"] { #expect(counts(summary, step) == (6, 0), "first run, step \(step)") }
        #expect(counts(summary, "t") == (1, 0))

        summary = try await workspace.run()
        for step in ["a", "b", "c", "w"] { #expect(counts(summary, step) == (0, 6), "unchanged, step \(step)") }
        #expect(counts(summary, "t") == (0, 1))

        // One document edited: one task per document step, and the corpus step.
        try workspace.write("Article 3, rewritten. Nobody said anything.", to: "corpus/doc3.txt")
        summary = try await workspace.run()
        for step in ["a", "b", "c", "w"] { #expect(counts(summary, step) == (1, 5), "one document edited, step \(step)") }
        #expect(counts(summary, "t") == (1, 0))

        // A config value of a: a and its downstream b; c, w and the corpus step (which reads only documents) stay.
        try pipeline(salt: "y")
        summary = try await workspace.run()
        #expect(counts(summary, "a") == (6, 0))
        #expect(counts(summary, "b") == (6, 0))
        #expect(counts(summary, "c") == (0, 6))
        #expect(counts(summary, "w") == (0, 6))
        #expect(counts(summary, "t") == (0, 1))
        let outputsOfB = try workspace.cache().allResults().filter { $0.stepId == "b" && $0.documentId == "doc1" }.map(\.output)
        #expect(outputsOfB.contains { $0.contains(#""salt":"y""#) }, "the new result of b carries the new salt")

        // A stage version: only c.
        let script = stagesCopy + "/stage.py"
        try String(contentsOfFile: script, encoding: .utf8).replacingOccurrences(of: #"VERSION = "1.0.0""#, with: #"VERSION = "1.1.0""#)
            .write(toFile: script, atomically: true, encoding: .utf8)
        summary = try await workspace.run()
        #expect(counts(summary, "c") == (6, 0))
        for step in ["a", "b", "w"] { #expect(counts(summary, step) == (0, 6), "version of c changed, step \(step)") }

        // A stage binary (rebuilt, same version): only w.
        let handle = try #require(FileHandle(forWritingAtPath: binary))
        handle.seekToEndOfFile()
        handle.write(Data([0]))
        try handle.close()
        summary = try await workspace.run()
        #expect(counts(summary, "w") == (6, 0))
        for step in ["a", "b", "c"] { #expect(counts(summary, step) == (0, 6), "binary of w changed, step \(step)") }

        // No duplicates: one result per key, and the latest key of every (step, document) has one.
        let results = try workspace.cache().allResults()
        #expect(Set(results.map(\.key)).count == results.count)
    }

    @Test("`why` names the key part that changed")
    func whyNamesTheChange() async throws {
        let workspace = try TestWorkspace(documents: ["one.txt": "Some text here."])
        try workspace.writePipeline(#"{"steps": [{"id": "a", "stage": "chain-a", "config": {"salt": "x"}}, {"id": "b", "stage": "chain-b"}]}"#)
        _ = try await workspace.run()
        func explain(_ step: String) async throws -> String {
            let context = try await TaskContext.make(workspace: try workspace.workspace(), pipeline: try workspace.pipeline(), documentId: "one", stepId: step)
            return try TaskExplanation(context: context).text
        }
        #expect(try await explain("a").contains("next run: reused"))
        try workspace.writePipeline(#"{"steps": [{"id": "a", "stage": "chain-a", "config": {"salt": "z"}}, {"id": "b", "stage": "chain-b"}]}"#)
        let a = try await explain("a")
        #expect(a.contains("next run: recomputed"))
        #expect(a.contains(#"salt: "x" → "z""#))
        let b = try await explain("b")
        #expect(b.contains("input chain-a (step a)"))
        try workspace.write("Other text.", to: "corpus/one.txt")
        #expect(try await explain("a").contains("document:"))
    }
}
