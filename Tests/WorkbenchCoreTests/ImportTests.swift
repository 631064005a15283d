import Foundation
import Testing
import WorkbenchCore
import WorkbenchProtocol
import WorkbenchTestSupport

/// `workbench import` in-process: each format, columns, deduplication, rejections, and the output read back.
@Suite("Import")
struct ImportTests {
    /// One import: the summary, every event, and the documents of the output as `CorpusReader` reads them.
    struct Outcome {
        var summary: ImportSummary
        var events: [Importer.Event]
        var documents: [Document]
        var rejections: [ImportRejection] {
            events.compactMap { if case .rejected(let r) = $0 { r } else { nil } }
        }
        var warnings: [String] {
            events.compactMap { if case .warning(let w) = $0 { w } else { nil } }
        }
    }

    static func runImport(_ sources: [CorpusSource], in workspace: TestWorkspace, output: String = "imported.jsonl",
                          outlets: OutletRegistry = OutletRegistry(),
                          configure: (inout ImportOptions) -> Void = { _ in }) throws -> Outcome {
        var options = ImportOptions(sources: sources, outputPath: workspace.path(output), baseDirectory: workspace.directory)
        options.outlets = outlets
        configure(&options)
        var events: [Importer.Event] = []
        let summary = try Importer(options: options).run { events.append($0) }
        let reader = CorpusReader(sources: [CorpusSource(kind: .jsonl, path: workspace.path(output))], outlets: outlets)
        let documents = try reader.allDocuments()
        #expect(reader.problems.isEmpty, "the output reads without problems: \(reader.problems)")
        return Outcome(summary: summary, events: events, documents: documents)
    }

    static func source(_ kind: CorpusSource.Kind, _ path: String, fields: [String: String] = [:]) -> CorpusSource {
        var source = CorpusSource(kind: kind, path: path)
        source.fields = fields
        return source
    }

    /// The metadata a document keeps through an import: all but where it was read from (and with a
    /// column named like one of the row's own members renamed, as import does).
    static func portableMeta(_ meta: DocumentMeta, renaming column: String? = nil) -> JSONObject {
        var json = meta.json
        for key in ["source_path", "outlet_source", "imported_from"] { json[key] = nil }
        if let column, let index = json.members.firstIndex(where: { $0.key == column }) { json.members[index].key = "source_" + column }
        return json
    }

    @Test("JSONL: mapped fields and extra members survive; the output reads back as the same documents")
    func jsonlRoundTrip() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            {"key": "x1", "body": "Text one.", "source": "NPA", "published": "2023-05-01", "section": "world", "tags": ["a", 2]}
            {"body": "No id here.", "source": "Beta TV", "lang": "en", "link": "https://beta.example/1"}
            {"key": 17, "body": "A numeric id.", "headline": "Seventeen", "text": "a column called text"}
            """, to: "in/c.jsonl")
        let fields = ["id": "key", "text": "body", "outlet": "source", "date": "published", "language": "lang",
                      "url": "link", "title": "headline"]
        let source = Self.source(.jsonl, workspace.path("in/c.jsonl"), fields: fields)
        var npa = Outlet(name: "Northwind Press Agency", country: "United Kingdom", ownership: "wire")
        npa.aliases = ["NPA"]
        let registry = OutletRegistry([npa])
        let outcome = try Self.runImport([source], in: workspace, outlets: registry)

        let original = try CorpusReader(sources: [source], outlets: registry).allDocuments()
        #expect(outcome.summary.imported == 3)
        #expect(outcome.summary.exitCode == 0)
        #expect(outcome.documents.map(\.id) == original.map(\.id))
        #expect(outcome.documents.map(\.id) == ["x1", "sha-" + String(Hashing.sha256Hex(Array("No id here.".utf8)).prefix(12)), "17"])
        #expect(outcome.documents.map(\.text) == original.map(\.text))
        #expect(outcome.documents.map { Self.portableMeta($0.meta) } == original.map { Self.portableMeta($0.meta, renaming: "text") })
        #expect(outcome.documents[0].meta.outlet == "Northwind Press Agency", "an alias becomes the registry's name")
        #expect(outcome.documents[0].meta.outletCountry == "United Kingdom")
        #expect(outcome.documents[0].meta.extra["tags"] == .array(["a", 2]))
        #expect(outcome.documents[1].meta.url == "https://beta.example/1")
        #expect(outcome.documents[2].meta.title == "Seventeen")
        #expect(outcome.documents[2].meta.extra["source_text"] == "a column called text", "a column named like ours is renamed")
        #expect(outcome.documents.map { $0.meta.extra["imported_from"] } == ["in/c.jsonl:1", "in/c.jsonl:2", "in/c.jsonl:3"])
        let firstLine = try #require(String(contentsOfFile: workspace.path("imported.jsonl"), encoding: .utf8).split(separator: "\n").first)
        #expect(firstLine.hasPrefix(#"{"id":"x1","outlet":"Northwind Press Agency","outlet_country":"United Kingdom""#))
        #expect(firstLine.hasSuffix(#","imported_from":"in/c.jsonl:1","text":"Text one."}"#))
    }

    @Test("CSV: chosen columns, quoted fields with newlines and quotes, line numbers of records")
    func csvColumns() throws {
        let workspace = try TestWorkspace()
        try workspace.write(
            "key,headline,body,source,published,link,extra\r\n"
                + "a1,First,\"Line one,\nline \"\"two\"\"\n\nline four\",Alpha,2023-05-01,https://a.example/1,x\r\n"
                + "a2,Second,Short text,Beta,2023-05-02,,\r\n"
                + "a3,Third,Too few fields\r\n"
                + "a4,Fourth,\"Another\r\nmulti-line\",Alpha,2023-05-03,,y\r\n",
            to: "c.csv")
        let fields = ["id": "key", "title": "headline", "text": "body", "outlet": "source", "date": "published", "url": "link"]
        let outcome = try Self.runImport([Self.source(.csv, workspace.path("c.csv"), fields: fields)], in: workspace)
        #expect(outcome.documents.map(\.id) == ["a1", "a2", "a4"])
        #expect(outcome.documents[0].text == "Line one,\nline \"two\"\n\nline four")
        #expect(outcome.documents[0].meta.title == "First")
        #expect(outcome.documents[0].meta.outlet == "Alpha")
        #expect(outcome.documents[0].meta.date == "2023-05-01")
        #expect(outcome.documents[0].meta.url == "https://a.example/1")
        #expect(outcome.documents[0].meta.extra["extra"] == "x")
        #expect(outcome.documents[1].meta.url == nil, "an empty cell is no value")
        #expect(outcome.documents[2].text == "Another\r\nmulti-line")
        #expect(outcome.documents.map { $0.meta.extra["imported_from"] } == ["c.csv:2", "c.csv:6", "c.csv:8"])
        #expect(outcome.rejections.map(\.line) == [7])
        #expect(outcome.rejections.first?.reason == "has 3 fields, the header has 7")
        #expect(outcome.summary.rows == 4)
        #expect(outcome.summary.exitCode == 1)
    }

    @Test("A folder: header lines, catalog.json, the registry's file rules; ids from file names")
    func folder() throws {
        let workspace = try TestWorkspace(documents: [
            "001_npa.txt": " date 2023-05-12 First text, on one line.",
            "002_x.txt": "title: A headline\nurl https://beta.example/story\n\nSecond text.",
            "003_y.txt": "Third text.",
        ])
        try workspace.write(#"[{"file": "003_y.txt", "outlet": "Gamma", "ownership": "private", "date": "2023-05-14"}]"#, to: "corpus/catalog.json")
        var npa = Outlet(name: "Northwind Press Agency", country: "United Kingdom", ownership: "wire")
        npa.files = ["001_*.txt"]
        var beta = Outlet(name: "Beta TV", country: "B-land", ownership: "state")
        beta.urls = ["beta.example"]
        let registry = OutletRegistry([npa, beta])
        let source = CorpusSource(kind: .folder, path: workspace.path("corpus"))
        let outcome = try Self.runImport([source], in: workspace, outlets: registry)
        let original = try CorpusReader(sources: [source], outlets: registry).allDocuments()
        #expect(outcome.documents.map(\.id) == ["001_npa", "002_x", "003_y"])
        #expect(outcome.documents.map(\.text) == ["First text, on one line.", "Second text.", "Third text."])
        #expect(outcome.documents.map { Self.portableMeta($0.meta) } == original.map { Self.portableMeta($0.meta) })
        #expect(outcome.documents[0].meta.outlet == "Northwind Press Agency", "a file rule's outlet is written, not lost")
        #expect(outcome.documents[0].meta.date == "2023-05-12")
        #expect(outcome.documents[1].meta.title == "A headline")
        #expect(outcome.documents[1].meta.outlet == "Beta TV")
        #expect(outcome.documents[2].meta.outlet == "Gamma")
        #expect(outcome.documents[2].meta.ownership == "private")
        #expect(outcome.documents.map { $0.meta.extra["imported_from"] } == ["corpus/001_npa.txt", "corpus/002_x.txt", "corpus/003_y.txt"])
    }

    @Test("Duplicates within a run: same text after NFC and white space, named with the first document and its line")
    func duplicatesWithinRun() throws {
        let workspace = try TestWorkspace()
        let lines = [
            #"{"id": "a", "text": "Café talks resumed.\nBoth sides agreed."}"#,
            #"{"id": "b", "text": "  Cafe\u0301 talks  resumed.\u00a0Both sides\tagreed.\r\n"}"#,
            #"{"id": "c", "text": "café talks resumed. Both sides agreed."}"#,
            #"{"id": "d", "text": "Café talks resumed. Both sides agreed!"}"#,
            #"{"id": "e", "text": "Café talks resumed.\u2003Both\u3000sides agreed."}"#,
        ]
        try workspace.write(lines.joined(separator: "\n"), to: "c.jsonl")
        let outcome = try Self.runImport([CorpusSource(kind: .jsonl, path: workspace.path("c.jsonl"))], in: workspace)
        #expect(outcome.documents.map(\.id) == ["a", "c", "d"], "case and punctuation count; spaces and accents' encoding do not")
        #expect(outcome.summary.duplicates == 2)
        #expect(outcome.summary.exitCode == 0, "duplicates are not errors")
        let duplicates = outcome.rejections
        #expect(duplicates.map(\.kind) == [.duplicate, .duplicate])
        #expect(duplicates.map(\.line) == [2, 5])
        #expect(duplicates.map(\.duplicateOf) == ["a", "a"])
        #expect(duplicates[0].reason == #"same text as "a" (c.jsonl:1)"#)
        #expect(duplicates[0].contentHash == ContentDigest(of: "Café talks resumed. Both sides agreed."))
        let rejects = try String(contentsOfFile: workspace.path("imported.jsonl.rejected.jsonl"), encoding: .utf8)
        let first = try JSONValue(parsing: String(rejects.split(separator: "\n")[0]))
        #expect(first["kind"] == "duplicate")
        #expect(first["line"] == 2)
        #expect(first["duplicate_of"] == "a")
        #expect(first["id"] == "b")
    }

    @Test("Across runs: the same source again adds nothing; an overlapping one adds only what is new; --replace starts afresh")
    func duplicatesAcrossRuns() throws {
        let workspace = try TestWorkspace()
        try workspace.write("id,text\n1,One.\n2,Two.\n3,Three.\n", to: "a.csv")
        try workspace.write("{\"id\": \"9\", \"text\": \"Three.\"}\n{\"id\": \"4\", \"text\": \"Four.\"}\n", to: "b.jsonl")
        let a = CorpusSource(kind: .csv, path: workspace.path("a.csv"))
        let b = CorpusSource(kind: .jsonl, path: workspace.path("b.jsonl"))
        let first = try Self.runImport([a], in: workspace)
        #expect(first.summary.imported == 3)
        let again = try Self.runImport([a], in: workspace)
        #expect(again.summary.imported == 0)
        #expect(again.summary.duplicates == 3)
        #expect(again.summary.alreadyInOutput == 3)
        #expect(again.rejections.map(\.reason) == [
            #"same text as "1", already in \#(Paths.display(workspace.path("imported.jsonl")))"#,
            #"same text as "2", already in \#(Paths.display(workspace.path("imported.jsonl")))"#,
            #"same text as "3", already in \#(Paths.display(workspace.path("imported.jsonl")))"#,
        ])
        let overlap = try Self.runImport([b], in: workspace)
        #expect(overlap.summary.imported == 1)
        #expect(overlap.rejections.map(\.duplicateOf) == ["3"])
        #expect(overlap.documents.map(\.id) == ["1", "2", "3", "4"])
        let fresh = try Self.runImport([b], in: workspace) { $0.replacesOutput = true }
        #expect(fresh.documents.map(\.id) == ["9", "4"])
        #expect(!FileManager.default.fileExists(atPath: workspace.path(".imported.jsonl.importing")))
    }

    @Test("Two texts with one id: the second is rejected; an id prefix keeps two sources apart")
    func duplicateIDs() throws {
        let workspace = try TestWorkspace()
        try workspace.write("id,text\n1,One.\n2,Two.\n", to: "a.csv")
        try workspace.write("id,text\n1,Other one.\n", to: "b.csv")
        let a = CorpusSource(kind: .csv, path: workspace.path("a.csv"))
        let b = CorpusSource(kind: .csv, path: workspace.path("b.csv"))
        let clash = try Self.runImport([a, b], in: workspace)
        #expect(clash.documents.map(\.id) == ["1", "2"])
        #expect(clash.rejections.map(\.kind) == [.duplicateID])
        #expect(clash.rejections.first?.description
            == Paths.display(workspace.path("b.csv")) + #":2: rejected: id "1" already belongs to a document with a different text"#)
        #expect(clash.summary.exitCode == 1)
        let prefixed = try Self.runImport([b], in: workspace, output: "prefixed.jsonl") { $0.idPrefix = "b/" }
        #expect(prefixed.documents.map(\.id) == ["b/1"])
    }

    /// A rejection case: a file, its content, and the line and reason expected for its one bad row.
    struct RejectionCase: Sendable, CustomTestStringConvertible {
        var file: String
        var content: [UInt8]
        var line: Int?
        var reason: String
        var testDescription: String { "\(file): \(reason)" }

        init(_ file: String, _ content: String, line: Int?, _ reason: String) {
            self.init(file, Array(content.utf8), line: line, reason)
        }

        init(_ file: String, _ content: [UInt8], line: Int?, _ reason: String) {
            self.file = file
            self.content = content
            self.line = line
            self.reason = reason
        }
    }

    static let rejectionCases: [RejectionCase] = [
        RejectionCase("a.jsonl", "{\"text\": \"Good.\"}\n{\"text\": \"Bad\" \"x\": 1}\n", line: 2,
                      #"not valid JSON at column 16: expected ',' or '}' after the value of "text", found '"'"#),
        RejectionCase("a.jsonl", "{\"text\": \"Good.\"}\n\n[\"an array\"]\n", line: 3, "not a JSON object"),
        RejectionCase("a.jsonl", "{\"text\": \"Good.\"}\n{\"body\": \"Elsewhere.\"}\n", line: 2, #"no "text" string for the text"#),
        RejectionCase("a.jsonl", "{\"text\": \"Good.\"}\n{\"text\": 42}\n", line: 2, #"no "text" string for the text"#),
        RejectionCase("a.jsonl", "{\"text\": \"Good.\"}\n{\"text\": \" \\n\\t \"}\n", line: 2, "empty text"),
        RejectionCase("a.jsonl", Array("{\"text\": \"Good.\"}\n{\"text\": \"caf".utf8) + [0xE9] + Array("\"}\n".utf8), line: 2,
                      "not valid JSON at column 14: invalid UTF-8 in a string"),
        RejectionCase("a.csv", "id,text,outlet\n1,\"Good,\nand long.\",A\n2,Bad\n", line: 4, "has 2 fields, the header has 3"),
        RejectionCase("a.csv", "id,text,outlet\n1,Good.,A\n2,\"  \",B\n", line: 3, "empty text"),
        RejectionCase("a.csv", Array("id,text,outlet\n1,Good.,A\n2,caf".utf8) + [0xE9] + Array(",B\n".utf8), line: 3,
                      #"invalid UTF-8 in column "text""#),
        RejectionCase("a.csv", "id,text,outlet\n1,Good.,A\n2,\"Never closed,B\n3,More,C\n", line: 3,
                      "a quoted field that starts in this record is never closed (read to the end of the file)"),
        RejectionCase("folder/b.txt", Array("caf".utf8) + [0xE9, 0x20] + Array("au lait".utf8), line: nil, "invalid UTF-8 at byte 3"),
    ]

    @Test("Every rejection reason, with its line", arguments: rejectionCases)
    func rejection(_ example: RejectionCase) throws {
        let workspace = try TestWorkspace()
        let path = workspace.path(example.file)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(example.content)))
        var source: CorpusSource
        if example.file.hasPrefix("folder/") {
            try workspace.write("Good.", to: "folder/a.txt")
            source = CorpusSource(kind: .folder, path: workspace.path("folder"))
        } else {
            source = try #require(CorpusSource.inferred(path: path))
        }
        let outcome = try Self.runImport([source], in: workspace)
        #expect(outcome.documents.count == 1)
        #expect(outcome.documents.first?.text.hasPrefix("Good") == true)
        let rejection = try #require(outcome.rejections.first)
        #expect(outcome.rejections.count == 1)
        #expect(rejection.kind == .invalid)
        #expect(rejection.line == example.line)
        #expect(rejection.reason == example.reason)
        #expect(rejection.source == Paths.display(path))
        #expect(outcome.summary.exitCode == 1)
        let listed = try String(contentsOfFile: workspace.path("imported.jsonl.rejected.jsonl"), encoding: .utf8)
        #expect(listed.contains(JSONValue.string(example.reason).jsonString()), "the rejects file lists it too")
    }

    @Test("A file of a folder that cannot be read is rejected; the others are imported")
    func unreadableFile() throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "Good."])
        try FileManager.default.createSymbolicLink(atPath: workspace.path("corpus/b.txt"), withDestinationPath: workspace.path("nowhere"))
        let outcome = try Self.runImport([CorpusSource(kind: .folder, path: workspace.path("corpus"))], in: workspace)
        #expect(outcome.documents.map(\.id) == ["a"])
        #expect(outcome.rejections.map(\.reason) == ["cannot read the file"])
        #expect(outcome.rejections.first?.source == Paths.display(workspace.path("corpus/b.txt")))
    }

    @Test("Before writing anything: missing sources, a CSV without the named column, the output as a source")
    func sourceChecks() throws {
        let workspace = try TestWorkspace()
        try workspace.write("id,body,source\n1,Text,A\n", to: "c.csv")
        func failure(_ sources: [CorpusSource]) -> ImportError? {
            let options = ImportOptions(sources: sources, outputPath: workspace.path("imported.jsonl"), baseDirectory: workspace.directory)
            return #expect(throws: ImportError.self) { _ = try Importer(options: options).run { _ in } }
        }
        let missing = failure([CorpusSource(kind: .jsonl, path: workspace.path("nope.jsonl"))])
        #expect(missing?.kind == .unreadableSource)
        #expect(missing?.message.hasSuffix("nope.jsonl does not exist") == true)
        let noText = failure([CorpusSource(kind: .csv, path: workspace.path("c.csv"))])
        #expect(noText?.kind == .missingColumn)
        #expect(noText?.message == #"\#(Paths.display(workspace.path("c.csv"))) has no column "text" for the text"#)
        #expect(noText?.hint == "its columns are: id, body, source")
        let typo = failure([Self.source(.csv, workspace.path("c.csv"), fields: ["text": "body", "outlet": "sorce"])])
        #expect(typo?.hint == #"did you mean "source"? (its columns are: id, body, source)"#)
        let itself = failure([CorpusSource(kind: .jsonl, path: workspace.path("imported.jsonl"))])
        #expect(itself?.kind == .unreadableSource)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("imported.jsonl")), "nothing was written")
    }

    @Test("Appending after an interrupted import: a broken last line is removed, a complete one kept")
    func repairsLastLine() throws {
        let workspace = try TestWorkspace()
        try workspace.write("{\"id\": \"1\", \"text\": \"One.\"}\n", to: "a.jsonl")
        let a = CorpusSource(kind: .jsonl, path: workspace.path("a.jsonl"))
        try workspace.write("{\"id\": \"0\", \"text\": \"Zero.\"}\n{\"id\": \"1\", \"te", to: "imported.jsonl")
        let repaired = try Self.runImport([a], in: workspace)
        #expect(repaired.documents.map(\.id) == ["0", "1"])
        #expect(repaired.warnings.contains { $0.hasPrefix("removed an incomplete last line (15 bytes)") })
        try workspace.write("{\"id\": \"0\", \"text\": \"Zero.\"}", to: "kept.jsonl")
        let kept = try Self.runImport([a], in: workspace, output: "kept.jsonl")
        #expect(kept.documents.map(\.id) == ["0", "1"])
        #expect(kept.warnings.isEmpty)
    }
}
