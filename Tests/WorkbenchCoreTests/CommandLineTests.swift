import Foundation
import Testing
import WorkbenchTestSupport

/// The `workbench` executable as a user meets it: exit statuses and messages.
@Suite("Command line", .timeLimit(.minutes(2)))
struct CommandLineTests {
    @Test("Exit status 0 on success, 1 when a task failed, 64 on a bad command line, 65 on a bad pipeline")
    func exitStatuses() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "Plain text.", "b.txt": "It has the TRIGGER word."])
        try workspace.writePipeline(#"{"steps": [{"id": "w", "stage": "wordcount"}]}"#)
        #expect(try await CommandRunner.workbench(["run", "-q"], in: workspace.directory).run().status == 0)

        try workspace.writePipeline(#"{"steps": [{"id": "c", "stage": "crash-mid-stream"}]}"#)
        let failed = try await CommandRunner.workbench(["run", "-q", "--retries", "0"], in: workspace.directory).run()
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("failures (1)"))
        #expect(failed.stderr.contains("c · b · crash"))

        #expect(try await CommandRunner.workbench(["run", "--jobs", "0"], in: workspace.directory).run().status == 64)
        #expect(try await CommandRunner.workbench(["run", "--no-such-flag"], in: workspace.directory).run().status == 64)

        try workspace.writePipeline(#"{"steps": [{"id": "w", "stage": "wordcuont"}]}"#)
        let invalid = try await CommandRunner.workbench(["run"], in: workspace.directory).run()
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains(#"pipeline.json:1:33: error: steps[0].stage: unknown stage "wordcuont""#))
        #expect(invalid.stderr.contains(#"hint: did you mean "wordcount"?"#))
        let validate = try await CommandRunner.workbench(["validate"], in: workspace.directory).run()
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("1 error"))
    }

    @Test("No workspace.json: exit 65 with a hint")
    func noWorkspace() async throws {
        let directory = NSTemporaryDirectory() + "wb-empty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await CommandRunner.workbench(["run"], in: directory).run()
        #expect(result.status == 65)
        #expect(result.stderr.contains("no workspace.json"))
        #expect(result.stderr.contains("hint:"))
    }

    @Test("--corpus runs over another folder without editing workspace.json")
    func corpusOverride() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "One."])
        try workspace.write("Other one.", to: "elsewhere/x.txt")
        try workspace.write("Other two.", to: "elsewhere/y.txt")
        try workspace.writePipeline(#"{"steps": [{"id": "w", "stage": "wordcount"}]}"#)
        let result = try await CommandRunner.workbench(["run", "-q", "--corpus", "elsewhere", "--out", "out2"], in: workspace.directory).run()
        #expect(result.status == 0)
        #expect(result.stderr.contains("2 documents"))
        #expect(FileManager.default.fileExists(atPath: workspace.path("out2/run-summary.json")))
    }

    @Test("Help shows examples; stages lists the discovered stages with their hello")
    func helpAndStages() async throws {
        let workspace = try TestWorkspace()
        let help = try await CommandRunner.workbench(["--help"], in: workspace.directory).run()
        #expect(help.stdout.contains("Examples:"))
        let stages = try await CommandRunner.workbench(["stages"], in: workspace.directory).run()
        #expect(stages.stdout.contains("wordcount 1.0.0  [document]  produces: wordcount/1"))
        #expect(stages.stdout.contains("outlet-table 1.0.0  [corpus]  consumes: wordcount, quotes"))
        #expect(stages.stdout.contains("quotes 1.0.0"))
        #expect(stages.stdout.contains("paragraphs 1.0.0"))
    }

    @Test("show, why and replay on a run's results")
    func inspection() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "The quick brown fox jumps. Twice, the fox jumped."])
        try workspace.writePipeline(#"{"steps": [{"id": "w", "stage": "wordcount", "config": {"top": 2}}]}"#)
        #expect(try await CommandRunner.workbench(["run", "-q"], in: workspace.directory).run().status == 0)
        let show = try await CommandRunner.workbench(["show", "a"], in: workspace.directory).run()
        #expect(show.stdout.contains("step w · wordcount 1.0.0"))
        #expect(show.stdout.contains(#""word": "fox""#))
        let why = try await CommandRunner.workbench(["why", "a", "w"], in: workspace.directory).run()
        #expect(why.stdout.contains("next run: reused"))
        let replay = try await CommandRunner.workbench(["replay", "a", "w"], in: workspace.directory).run()
        #expect(replay.status == 0)
        #expect(replay.stdout.contains(#""words": 9"#))
        let unknown = try await CommandRunner.workbench(["why", "aa", "w"], in: workspace.directory).run()
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains(#"did you mean "a"?"#))
    }
}
