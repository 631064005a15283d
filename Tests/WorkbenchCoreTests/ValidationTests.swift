import Foundation
import Testing
import WorkbenchCore
import WorkbenchProtocol
import WorkbenchTestSupport

@Suite("pipeline.json and workspace.json validation", .timeLimit(.minutes(2)))
struct ValidationTests {
    /// The example stages and three fixture stages, found as a workspace would find them. A fixed set, so
    /// hints that list the known stages do not change when fixtures are added.
    static var registry: StageRegistry {
        let all = StageRegistry(searchPath: [Fixtures.stagesDirectory, Fixtures.repositoryRoot + "/Plugins", BuiltProducts.directory])
        let used: Set = ["wordcount", "quotes", "paragraphs", "outlet-table", "bad-config", "future-protocol", "corpus-count"]
        return StageRegistry(descriptors: all.stages.values.filter { used.contains($0.name) })
    }

    @Test("Each invalid pipeline yields the diagnostics in its golden file", arguments: Fixtures.names(in: "pipelines/invalid"))
    func invalidPipeline(named name: String) async throws {
        let path = Fixtures.path("pipelines/invalid/\(name).json")
        let displayed = "Tests/Fixtures/pipelines/invalid/\(name).json"
        var text: String
        do {
            let file = try JSONSourceFile.load(path: path, displayName: displayed)
            let pipeline = try Pipeline.load(file: file, baseDirectory: Fixtures.path("pipelines/invalid"))
            _ = try await PipelineValidator(registry: Self.registry, probe: true).plan(pipeline)
            text = "(no errors)"
        } catch {
            // Every step above throws ConfigurationError (typed throws).
            text = error.description
        }
        try expectMatchesGolden(text + "\n", named: "pipeline-\(name).txt")
    }

    @Test("Each invalid workspace yields the diagnostics in its golden file", arguments: ["missing-corpus", "unknown-fields", "bad-outlets"])
    func invalidWorkspace(named name: String) throws {
        let directory = Fixtures.path("workspaces/invalid/\(name)")
        let file = try JSONSourceFile.load(path: directory + "/workspace.json", displayName: "\(name)/workspace.json")
        let error = #expect(throws: ConfigurationError.self) { try Workspace.load(file: file, directory: directory) }
        try expectMatchesGolden((error?.description ?? "") + "\n", named: "workspace-\(name).txt")
    }

    @Test("A valid pipeline plans in topological order, with inputs bound by what stages consume")
    func validPipeline() async throws {
        let pipeline = try Pipeline.load(path: Fixtures.path("pipelines/valid/three-kinds.json"))
        let plan = try await PipelineValidator(registry: Self.registry, probe: true).plan(pipeline)
        #expect(plan.steps.map(\.id) == ["words", "quotes", "paragraphs", "table"])
        let table = try #require(plan.step("table"))
        #expect(table.scope == .corpus)
        #expect(table.inputs.map(\.name) == ["wordcount", "quotes"])
        #expect(table.inputs.map(\.stepId) == ["words", "quotes"])
    }

    @Test("Inputs are inferred from what a stage consumes when the step gives none")
    func inferredInputs() async throws {
        let text = #"{"steps": [{"id": "w", "stage": "wordcount"}, {"id": "q", "stage": "quotes"}, {"id": "t", "stage": "outlet-table"}]}"#
        let pipeline = try Pipeline.load(file: try JSONSourceFile(bytes: Array(text.utf8), displayName: "p.json"), baseDirectory: "/")
        let plan = try await PipelineValidator(registry: Self.registry, probe: false).plan(pipeline)
        #expect(plan.step("t")?.inputs.map(\.stepId) == ["w", "q"])
    }

    @Test("Config keys in a different order give the same step identity (the cache key is canonical)")
    func canonicalConfig() async throws {
        func identity(_ config: String) async throws -> String {
            let text = #"{"steps": [{"id": "w", "stage": "wordcount", "config": \#(config)}]}"#
            let pipeline = try Pipeline.load(file: try JSONSourceFile(bytes: Array(text.utf8), displayName: "p.json"), baseDirectory: "/")
            return try await PipelineValidator(registry: Self.registry, probe: false).plan(pipeline).steps[0].identity
        }
        let a = try await identity(#"{"top": 3, "min_length": 4}"#)
        let b = try await identity(#"{"min_length": 4, "top": 3}"#)
        let c = try await identity(#"{"min_length": 4, "top": 4}"#)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("$file in a config inlines the file's JSON, so its content is part of the key")
    func fileReference() throws {
        let workspace = try TestWorkspace()
        try workspace.write(#"{"stopwords": ["a", "b"]}"#, to: "lists/words.json")
        try workspace.writePipeline(#"{"steps": [{"id": "w", "stage": "wordcount", "config": {"extra": {"$file": "lists/words.json"}}}]}"#)
        let pipeline = try workspace.pipeline()
        #expect(pipeline.steps[0].config["extra"]?["stopwords"] == ["a", "b"])
    }
}
