import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport

/// How outputs are stored: large ones zstd-compressed, small ones as text, both served unchanged.
@Suite("Cache storage", .timeLimit(.minutes(2)))
struct CacheStorageTests {
    /// A stage-like output of about `items` × 60 bytes: repetitive JSON, as real outputs are.
    static func output(items: Int) -> [UInt8] {
        let tokens = (0..<items).map { #"{"text":"word\#($0 % 17)","start":\#($0 * 6),"end":\#($0 * 6 + 5),"kind":"word"}"# }
        return Array((#"{"tokens":["# + tokens.joined(separator: ",") + "]}").utf8)
    }

    static func write(_ output: [UInt8], key: String, to cache: ResultCache) throws {
        try cache.apply([.result(key: key, stage: "s", stepId: "s", documentId: key, output: output, runId: 0, seconds: nil, skipped: nil)])
    }

    static func rows(_ cache: ResultCache, _ sql: String) throws -> [[String?]] {
        var rows: [[String?]] = []
        try cache.query(sql, header: { _ in }, row: { rows.append($0) })
        return rows
    }

    @Test("A large output is stored compressed and read back byte for byte; a small one stays text")
    func roundTrip() throws {
        let workspace = try TestWorkspace(documents: [:])
        let cache = try workspace.cache()
        let large = Self.output(items: 500), small = Self.output(items: 2)
        try Self.write(large, key: "large", to: cache)
        try Self.write(small, key: "small", to: cache)

        let read = try cache.outputs(for: ["large", "small"])
        #expect(read["large"] == large)
        #expect(read["small"] == small)
        #expect(try cache.result(key: "large")?.output == String(decoding: large, as: UTF8.self))

        let stored = try Self.rows(cache, "SELECT key, encoding, length(CAST(output AS BLOB)) FROM result ORDER BY key")
        #expect(stored[0][0] == "large" && stored[0][1] == "zstd")
        let storedBytes = try #require(Int(stored[0][2] ?? ""))
        #expect(storedBytes * 4 < large.count, "\(storedBytes) stored bytes for \(large.count) bytes of JSON")
        #expect(stored[1] == ["small", nil, String(small.count)])
    }

    @Test("output_text() reads both forms in SQL, and json_extract works through it")
    func outputTextFunction() throws {
        let workspace = try TestWorkspace(documents: [:])
        let cache = try workspace.cache()
        try Self.write(Self.output(items: 300), key: "large", to: cache)
        try Self.write(Self.output(items: 1), key: "small", to: cache)
        let rows = try Self.rows(cache, "SELECT key, json_extract(output_text(output), '$.tokens[0].text'), json_array_length(output_text(output), '$.tokens') FROM result ORDER BY key")
        #expect(rows == [["large", "word0", "300"], ["small", "word0", "1"]])
    }

    @Test("cache sql prints TSV or CSV, and refuses a query that writes")
    func commandLine() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "One two three."])
        try workspace.writePipeline(#"{"steps": [{"id": "w", "stage": "wordcount"}]}"#)
        _ = try await workspace.run()
        try Self.write(Self.output(items: 100), key: "extra", to: try workspace.cache())

        let tsv = try await CommandRunner.workbench(
            ["cache", "sql", "SELECT key, json_extract(output_text(output), '$.tokens[1].text') AS second FROM result WHERE key = 'extra'"],
            in: workspace.directory).run()
        #expect(tsv.status == 0, "\(tsv.stderr)")
        #expect(tsv.stdout == "key\tsecond\nextra\tword1\n")

        let csv = try await CommandRunner.workbench(["cache", "sql", "--format", "csv", "SELECT 'a,b' AS x, NULL AS y"], in: workspace.directory).run()
        #expect(csv.stdout == "x,y\n\"a,b\",\n")

        let write = try await CommandRunner.workbench(["cache", "sql", "DELETE FROM result"], in: workspace.directory).run()
        #expect(write.status != 0)
        #expect(write.stderr.contains("only queries that read are allowed"))
        #expect(try workspace.cache().statistics().results == 2, "nothing was deleted")

        let bad = try await CommandRunner.workbench(["cache", "sql", "SELECT nope FROM result"], in: workspace.directory).run()
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("no such column: nope"))
    }
}
