import Foundation
import Testing
import WorkbenchCore
import WorkbenchProtocol
import WorkbenchTestSupport

/// The streaming CSV parser under any chunking, with its limits.
@Suite("Import: CSV parsing")
struct ImportCSVParsingTests {
    static let sample = Array((
        "id,text,outlet\r\n"
            + "1,\"Hello, \"\"world\"\"\nsecond line\",Alpha\r\n"
            + "\n"
            + "2,plain,\"\"\n"
            + "3,\"a\r\nb\",\"x\"\"\"\r\n"
            + "4,quote \"inside\" text,tail"
    ).utf8)

    static func records(_ bytes: [UInt8], chunkSize: Int, limit: Int = CSVParser.defaultMaximumRecordBytes) -> [CSVParser.Record] {
        var parser = CSVParser(maximumRecordBytes: limit)
        var out: [CSVParser.Record] = []
        var start = 0
        while start < bytes.count {
            parser.append(bytes[start..<min(bytes.count, start + chunkSize)])
            while let record = parser.next() { out.append(record) }
            start += chunkSize
        }
        while let record = parser.next(atEnd: true) { out.append(record) }
        return out
    }

    @Test("The same records and lines however the bytes arrive", arguments: [1, 2, 3, 7, 64, 1 << 20])
    func chunking(chunkSize: Int) {
        let records = Self.records(Self.sample, chunkSize: chunkSize)
        #expect(records.map(\.fields) == [
            ["id", "text", "outlet"],
            ["1", "Hello, \"world\"\nsecond line", "Alpha"],
            ["2", "plain", ""],
            ["3", "a\r\nb", "x\""],
            ["4", "quote \"inside\" text", "tail"],
        ])
        #expect(records.map(\.line) == [1, 2, 5, 6, 8], "the blank line 4 is skipped but counted")
        #expect(records.allSatisfy { $0.problem == nil && $0.invalidUTF8Field == nil })
    }

    @Test("A record over the limit is dropped as it streams; the next one is read", arguments: [1, 5, 4096])
    func oversized(chunkSize: Int) {
        let long = String(repeating: "x", count: 300)
        let bytes = Array("a,b\n1,\"\(long)\n\(long)\"\n2,short\n".utf8)
        let records = Self.records(bytes, chunkSize: chunkSize, limit: 100)
        #expect(records.map(\.fields) == [["a", "b"], [], ["2", "short"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].problem == .oversized(byteCount: 606))
    }

    @Test("An unterminated quote, invalid UTF-8 in a field, no final newline")
    func problems() {
        var bytes = Array("a,b\n1,ok\n2,caf".utf8) + [0xE9] + Array("\n3,\"open\nrest".utf8)
        var records = Self.records(bytes, chunkSize: 3)
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[2].invalidUTF8Field == 1)
        #expect(records[2].fields[1] == "caf\u{FFFD}")
        #expect(records[3].problem == .unterminatedQuote)
        #expect(records[3].fields == ["3", "open\nrest"])
        bytes = Array("a,b\r\n1,2".utf8)
        records = Self.records(bytes, chunkSize: 1)
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
    }
}

/// The dedup key: which texts count as the same.
@Suite("Import: content digests")
struct ImportDigestTests {
    @Test("Equal after normalization", arguments: [
        ("Hello world.", "  Hello\n\n  world.\t"),
        ("Hello world.", "Hello\u{00A0}world."),
        ("Hello world.", "Hello\u{2028}world.\u{3000}"),
        ("Café", "Cafe\u{0301}"),
        ("Ωmega", "\u{2126}mega"),
        ("한국", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"),
    ])
    func equal(_ pair: (String, String)) {
        #expect(ContentDigest(of: pair.0) == ContentDigest(of: pair.1))
        #expect(ContentDigest.normalized(pair.0) == ContentDigest.normalized(pair.1))
    }

    @Test("Different texts", arguments: [
        ("Hello world.", "hello world."),
        ("Hello world.", "Hello world!"),
        ("Hello world.", "Helloworld."),
        ("Ереван", "Ереван."),
    ])
    func different(_ pair: (String, String)) {
        #expect(ContentDigest(of: pair.0) != ContentDigest(of: pair.1))
    }

    /// The fast paths (eight bytes at a time, stretches kept whole) must agree with the definition:
    /// runs of `White_Space` scalars become one space, and the ends are trimmed.
    @Test("White space collapses as defined, for texts of every shape")
    func collapsingMatchesDefinition() {
        func reference(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var pending = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pending = !out.isEmpty
                } else {
                    if pending { out.append(" ") }
                    pending = false
                    out.append(scalar)
                }
            }
            return String(out)
        }
        let pieces = ["a", "bc", "defghij", " ", "  ", "\n", "\r\n", "\t", "\u{00A0}", "é", "\u{2009}", "\u{3000}", ".", "\u{00A9}", "\u{2013}", "klmnopqrstu v"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(state >> 59) + 1 {
                let mixed = state >> UInt64((k * 5) % 60) ^ UInt64(k) &* 0x9E37_79B9
                text += pieces[Int(mixed % UInt64(pieces.count))]
            }
            #expect(ContentDigest.normalized(text) == reference(text), "\(text.debugDescription)")
            #expect(ContentDigest(of: text) == ContentDigest(of: reference(text)))
        }
    }

    @Test("The normalized form: one space between words, no white space at the ends")
    func normalizedForm() {
        #expect(ContentDigest.normalized("\n\t Two\r\n\r\nparagraphs\u{2003}here. \u{0085}") == "Two paragraphs here.")
        #expect(ContentDigest(of: "x").description.count == 32)
    }
}

/// `--add`: the corpus list of workspace.json edited in place.
@Suite("Import: adding the corpus to workspace.json")
struct ImportWorkspaceTests {
    struct EditCase: Sendable, CustomTestStringConvertible {
        var before: String
        var after: String
        var testDescription: String { before }
    }

    @Test("The entry goes at the end of the list; everything else stays as written", arguments: [
        EditCase(before: #"{"corpus": "corpus", "name": "x"}"#, after: #"{"corpus": ["corpus", "c/i.jsonl"], "name": "x"}"#),
        EditCase(before: #"{"corpus": {"path": "a.csv", "meta": {"x": "]"}}}"#,
                 after: #"{"corpus": [{"path": "a.csv", "meta": {"x": "]"}}, "c/i.jsonl"]}"#),
        EditCase(before: #"{"corpus": [], "outlets": []}"#, after: #"{"corpus": ["c/i.jsonl"], "outlets": []}"#),
        EditCase(before: #"{"corpus": ["a", {"path": "b"}]}"#, after: #"{"corpus": ["a", {"path": "b"}, "c/i.jsonl"]}"#),
        EditCase(before: "{\n  \"corpus\": [\n    {\"path\": \"corpus\"}\n  ],\n  \"outlets\": []\n}\n",
                 after: "{\n  \"corpus\": [\n    {\"path\": \"corpus\"},\n    \"c/i.jsonl\"\n  ],\n  \"outlets\": []\n}\n"),
    ])
    func edit(_ example: EditCase) throws {
        let workspace = try TestWorkspace()
        try workspace.write(example.before, to: "workspace.json")
        let loaded = try ImportWorkspace.load(directory: workspace.directory)
        #expect(try loaded.addCorpus(workspace.path("c/i.jsonl")) == .added)
        #expect(try String(contentsOfFile: workspace.path("workspace.json"), encoding: .utf8) == example.after)
        #expect(try ImportWorkspace.load(directory: workspace.directory).addCorpus(workspace.path("c/i.jsonl")) == .alreadyListed)
    }

    @Test("Paths outside the workspace stay absolute; a name without .jsonl gets a type")
    func entries() throws {
        let workspace = try ImportWorkspace.load(directory: try TestWorkspace().directory)
        #expect(workspace.corpusEntry(for: "/data/x.jsonl") == #""/data/x.jsonl""#)
        #expect(workspace.corpusEntry(for: workspace.directory + "/out/all.json") == #"{"path": "out/all.json", "type": "jsonl"}"#)
    }

    @Test("No workspace.json: outlets are empty and --add has nothing to edit")
    func noWorkspace() throws {
        let directory = NSTemporaryDirectory() + "wb-import-none-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let workspace = try ImportWorkspace.load(directory: directory)
        #expect(workspace.file == nil)
        #expect(workspace.outlets.outlets.isEmpty)
        let error = #expect(throws: ImportError.self) { try workspace.addCorpus(directory + "/x.jsonl") }
        #expect(error?.kind == .badWorkspace)
    }
}

/// `workbench import` through the built executable.
@Suite("Import: command line", .timeLimit(.minutes(2)))
struct ImportCommandLineTests {
    @Test("Exit statuses, printed rejections, the summary, --add, a second run")
    func commandLine() async throws {
        let workspace = try TestWorkspace()
        try workspace.write("key,body,source\n1,\"First,\ntext.\",A\n2,Second.,B\n3,broken\n4,\"First,  text.\",C\n", to: "in/a.csv")
        let arguments = ["import", "in/a.csv", "--text-column", "body", "--outlet-column", "source", "--id-column", "key", "--add"]
        let first = try await CommandRunner.workbench(arguments, in: workspace.directory).run()
        #expect(first.status == 1, "a row was rejected")
        #expect(first.stderr.contains("in/a.csv:5: rejected: has 2 fields, the header has 3"))
        #expect(first.stderr.contains(#"in/a.csv:6: duplicate: same text as "1" (in/a.csv:2)"#))
        #expect(first.stderr.contains("imported 2 of 4 rows into corpus/imported.jsonl"))
        #expect(first.stderr.contains("duplicates: 1 · rejected: 1"))
        #expect(first.stderr.contains(#"added "corpus/imported.jsonl" to the corpus in workspace.json"#))
        let listed = try ImportWorkspace.load(directory: workspace.directory)
        #expect(listed.listsCorpus(workspace.path("corpus/imported.jsonl")))
        let documents = try CorpusReader(sources: [CorpusSource(kind: .jsonl, path: workspace.path("corpus/imported.jsonl"))],
                                         outlets: OutletRegistry()).allDocuments()
        #expect(documents.map(\.id) == ["1", "2"])
        let rejects = try String(contentsOfFile: workspace.path("corpus/imported.jsonl.rejected.jsonl"), encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 2)

        let second = try await CommandRunner.workbench(arguments + ["-q"], in: workspace.directory).run()
        #expect(second.status == 1)
        #expect(!second.stderr.contains("rejected: has 2 fields"), "quiet: no rows printed")
        #expect(second.stderr.contains("imported 0 of 4 rows"))
        #expect(second.stderr.contains("already in the file: 2"))
        #expect(second.stderr.contains("workspace.json lists corpus/imported.jsonl already"))

        try workspace.write("{\"text\": \"Clean.\"}\n", to: "in/b.jsonl")
        let clean = try await CommandRunner.workbench(["import", "in/b.jsonl", "-o", "out/b.jsonl"], in: workspace.directory).run()
        #expect(clean.status == 0)
        #expect(clean.stderr.contains("imported 1 of 1 rows into out/b.jsonl"))
    }

    @Test("64 for a bad command line or column, 65 for a source that cannot be read")
    func failures() async throws {
        let workspace = try TestWorkspace()
        try workspace.write("id,body\n1,x\n", to: "a.csv")
        try workspace.write("x", to: "notes.md")
        let badColumn = try await CommandRunner.workbench(["import", "a.csv", "--text-column", "bdy"], in: workspace.directory).run()
        #expect(badColumn.status == 64)
        #expect(badColumn.stderr.contains(#"a.csv has no column "bdy" for the text"#))
        #expect(badColumn.stderr.contains(#"hint: did you mean "body"?"#))
        let unknown = try await CommandRunner.workbench(["import", "notes.md"], in: workspace.directory).run()
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("cannot tell the format of notes.md"))
        let field = try await CommandRunner.workbench(["import", "a.csv", "--column", "languge=x"], in: workspace.directory).run()
        #expect(field.status == 64)
        #expect(field.stderr.contains(#"did you mean "language"?"#))
        let missing = try await CommandRunner.workbench(["import", "gone.jsonl"], in: workspace.directory).run()
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("gone.jsonl does not exist"))
        let help = try await CommandRunner.workbench(["import", "--help"], in: workspace.directory).run()
        #expect(help.stdout.contains("Examples:"))
        #expect(help.stdout.contains("--text-column"))
    }
}
