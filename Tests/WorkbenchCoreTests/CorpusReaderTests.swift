import Foundation
import Testing
import WorkbenchCore
import WorkbenchProtocol
import WorkbenchTestSupport

@Suite("Corpus reading")
struct CorpusReaderTests {
    @Test("Header lines are parsed, including the inline date form and a stray letter left for extract")
    func headers() {
        var (header, body) = TextHeader.parse(" date 2023-05-13 KJust ahead of the talks.")
        #expect(header["date"] == "2023-05-13")
        #expect(body == "KJust ahead of the talks.")
        (header, body) = TextHeader.parse("title: A headline here\ndate: 2023-05-11\n\nThe body.")
        #expect(header["title"] == "A headline here")
        #expect(header["date"] == "2023-05-11")
        #expect(body == "The body.")
        (header, body) = TextHeader.parse("Date palms grow here. The title says so.")
        #expect(header.fields.isEmpty)
        #expect(body == "Date palms grow here. The title says so.")
        (header, _) = TextHeader.parse(" date 2023-5-1 text")
        #expect(header.fields.isEmpty, "not an ISO date: not a header")
    }

    @Test("A folder: ids from file names, catalog metadata, outlet rules and registry facts")
    func folder() throws {
        let workspace = try TestWorkspace(documents: [
            "001_a.txt": " date 2023-05-12 First text.", "002_b.txt": "Second text, from presstv.example today.", "003_c.txt": "Third.",
        ])
        try workspace.write(#"[{"file": "001_a.txt", "outlet": "Alpha", "date": null, "url": null}]"#, to: "corpus/catalog.json")
        var registry = OutletRegistry([Outlet(name: "Alpha", country: "A-land", ownership: "state")])
        var beta = Outlet(name: "Beta TV", country: "B-land", ownership: "private")
        beta.signatures = ["presstv.example"]
        registry.outlets.append(beta)
        let reader = CorpusReader(sources: [CorpusSource(kind: .folder, path: workspace.path("corpus"))], outlets: registry)
        #expect(reader.count() == 3)
        let documents = try reader.allDocuments()
        #expect(documents.map(\.id) == ["001_a", "002_b", "003_c"])
        #expect(documents[0].meta.outlet == "Alpha")
        #expect(documents[0].meta.outletCountry == "A-land")
        #expect(documents[0].meta.date == "2023-05-12", "a null catalog date keeps the header's")
        #expect(documents[0].text == "First text.")
        #expect(documents[1].meta.outlet == "Beta TV")
        #expect(documents[1].meta.outletSource == "signature")
        #expect(documents[2].meta.outlet == nil)
    }

    @Test("JSONL: mapped fields, extra members kept, bad lines rejected with their line numbers")
    func jsonl() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            {"id": "x1", "body": "Text one.", "source": "Alpha", "published": "2023-05-01", "section": "world"}
            not json
            {"id": "x2", "source": "Alpha"}

            {"body": "No id here.", "source": "Beta"}
            {"id": "x1", "body": "Duplicate id.", "source": "Alpha"}
            """, to: "c.jsonl")
        var source = CorpusSource(kind: .jsonl, path: workspace.path("c.jsonl"))
        source.fields = ["text": "body", "outlet": "source", "date": "published"]
        let reader = CorpusReader(sources: [source], outlets: OutletRegistry())
        let documents = try reader.allDocuments()
        #expect(documents.map(\.id) == ["x1", "sha-" + String(Hashing.sha256Hex(Array("No id here.".utf8)).prefix(12))])
        #expect(documents[0].meta.date == "2023-05-01")
        #expect(documents[0].meta.extra["section"] == "world")
        #expect(reader.problems.map { $0.line } == [2, 3, nil])
        #expect(reader.problems[0].reason.contains("not valid JSON"))
        #expect(reader.problems[1].reason.contains("no \"body\" string"))
        #expect(reader.problems[2].reason.contains("duplicate document id \"x1\""))
    }

    @Test("CSV: quoted fields with commas and newlines, rows with the wrong field count rejected by line")
    func csv() throws {
        let workspace = try TestWorkspace()
        try workspace.write("id,text,outlet\r\n1,\"Hello, \"\"world\"\"\nsecond line\",Alpha\r\n2,too,many,fields\r\n3,Plain text,Beta\r\n", to: "c.csv")
        let reader = CorpusReader(sources: [CorpusSource(kind: .csv, path: workspace.path("c.csv"))], outlets: OutletRegistry())
        #expect(reader.count() == 3)
        let documents = try reader.allDocuments()
        #expect(documents.map(\.id) == ["1", "3"])
        #expect(documents[0].text == "Hello, \"world\"\nsecond line")
        #expect(reader.problems.count == 1)
        #expect(reader.problems[0].line == 4)
        #expect(reader.problems[0].reason.contains("has 4 fields, the header has 3"))
    }
}
