import Foundation
import Testing
import WorkbenchCore
import WorkbenchProtocol
import WorkbenchTestSupport

/// The three example stages (Swift, Python SDK, shell/awk) and the corpus example, through the host.
@Suite("Example stages", .timeLimit(.minutes(2)))
struct ExampleStageTests {
    static let text = "«Ça va», she said. Then: “We will not give up the talks,” the minister said.\n\nHe added \"see you in Brussels on Sunday\" and left.\n\n\n🙂 Final paragraph."

    @Test("Each way of writing a stage produces the right output, with offsets in Unicode scalars")
    func examples() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": Self.text, "b.txt": "Short one. No quotes here."])
        try workspace.write(#"[{"file": "a.txt", "outlet": "Alpha"}, {"file": "b.txt", "outlet": "Beta"}]"#, to: "corpus/catalog.json")
        try workspace.writePipeline(try Fixtures.text("pipelines/valid/three-kinds.json"))
        let summary = try await workspace.run()
        #expect(summary.exitCode == 0)
        let results = try workspace.results()
        let scalars = Array(Self.text.unicodeScalars)
        func slice(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }

        // Python (SDK): quotes with scalar offsets.
        let quotes = try JSONValue(parsing: try #require(results["quotes/a"]))
        let found = try #require(quotes["quotes"]?.arrayValue)
        #expect(found.map { $0["text"]?.stringValue } == ["Ça va", "We will not give up the talks,", "see you in Brussels on Sunday"])
        for quote in found {
            #expect(slice(quote["start"]!.intValue!, quote["end"]!.intValue!) == quote["text"]!.stringValue!)
        }
        // Swift (StageKit): word counts with spans.
        let words = try JSONValue(parsing: try #require(results["words/a"]))
        for term in words["top"]?.arrayValue ?? [] {
            #expect(slice(term["start"]!.intValue!, term["end"]!.intValue!).lowercased() == term["word"]!.stringValue!)
        }
        // Shell (awk): paragraphs.
        #expect(try JSONValue(parsing: try #require(results["paragraphs/a"]))["paragraphs"] == 3)
        #expect(try JSONValue(parsing: try #require(results["paragraphs/b"]))["paragraphs"] == 1)
        // Corpus scope: the table, rendered by the host in every format.
        let csv = try String(contentsOfFile: workspace.path("out/tables/table-quotes-by-outlet.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("outlet,documents,words,quotes,quotes_per_1000_words\n"))
        #expect(csv.contains("Alpha,1,"))
        for ext in ["md", "json", "tex", "html"] {
            #expect(FileManager.default.fileExists(atPath: workspace.path("out/tables/table-quotes-by-outlet.\(ext)")))
        }
    }

    @Test("The Python SDK's own unit tests pass")
    func pythonSDK() async throws {
        let result = try await CommandRunner("/usr/bin/env", ["python3", "-m", "unittest", "discover", "-s", "sdk/python/tests"],
                                             directory: Fixtures.repositoryRoot).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("OK"))
    }

    @Test("The bundled default workspace runs end to end")
    func defaultWorkspace() async throws {
        let directory = NSTemporaryDirectory() + "wb-default-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let root = Fixtures.repositoryRoot
        for item in ["workspace.json", "pipeline.json", "corpus", "topics"] {
            try FileManager.default.copyItem(atPath: "\(root)/\(item)", toPath: "\(directory)/\(item)")
        }
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/Plugins", withDestinationPath: "\(root)/Plugins")
        let result = try await CommandRunner.workbench(["run", "-q"], in: directory).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("9 documents"))
        #expect(FileManager.default.fileExists(atPath: "\(directory)/out/run-summary.json"))
    }
}
