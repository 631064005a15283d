import Foundation
import Testing
@testable import WorkbenchCore
import WorkbenchProtocol
import WorkbenchTestSupport

/// `report.html` from inputs built in code: offsets, overlapping marks, escaping, links, tables, charts,
/// limits; and `ReportLoader`/`ReportWriter` over a real (small) workspace.
@Suite("Report rendering")
struct ReportRendererTests {
    // MARK: - Offsets and marks

    @Test("Spans count Unicode scalars: curly quotes, é (also decomposed) and emoji land on the right characters")
    func scalarOffsets() throws {
        let fixture = ReportFixture()
        let html = ReportRenderer.render(fixture.input)
        // The statement's runs, joined, are exactly the quoted words.
        #expect(HTMLProbe.text(ofClass: "st", in: html) == "Hé said 🙂 ‘no’ and cafe\u{301} é")
        #expect(HTMLProbe.text(ofClass: "sp", in: html) == "the minister")
        #expect(HTMLProbe.text(ofClass: "ca", in: html) == "Three soldierskilled")
        #expect(HTMLProbe.text(ofClass: "tm", in: html) == "provocation")
        // The evidence anchor covers the emoji span exactly: its highlighted runs are "🙂 ‘no’".
        let anchor = try #require(HTMLProbe.anchors(in: html).first { $0.id == "a0-\(fixture.emoji.lowerBound)-\(fixture.emoji.upperBound)" })
        let lit = HTMLProbe.runs(in: html).filter { $0.start >= anchor.start && $0.end <= anchor.end }
        #expect(lit.map(\.text).joined() == "🙂 ‘no’")
    }

    @Test("Overlapping and nested spans cut into flat runs, each with every mark that covers it")
    func overlappingSpans() {
        let marks = [
            TextMark(start: 0, end: 10, kind: .statement, side: 0, title: "a"),
            TextMark(start: 5, end: 15, kind: .term, title: "b"),
            TextMark(start: 6, end: 8, kind: .casualty, title: "c"),
            TextMark(start: 12, end: 40, kind: .editorial, title: "d"),
        ]
        let pieces = TextSegmenter.pieces(block: 0..<20, marks: marks, anchors: [(0, 6)], evidence: [6..<9])
        let runs: [(Range<Int>, [Int])] = pieces.compactMap {
            if case .run(let s, let e, let m, _) = $0 { return (s..<e, m.sorted()) }
            return nil
        }
        #expect(runs.map(\.0) == [0..<5, 5..<6, 6..<8, 8..<9, 9..<10, 10..<12, 12..<15, 15..<20])
        #expect(runs.map(\.1) == [[0], [0, 1], [0, 1, 2], [0, 1], [0, 1], [1], [1, 3], [3]])
        #expect(pieces.firstIndex(of: .anchor(0)) == pieces.firstIndex(of: .run(start: 6, end: 8, marks: [0, 1, 2], inEvidence: true))! - 1)
        // In the page, the markup stays balanced whatever overlaps.
        let html = ReportRenderer.render(ReportFixture().input)
        #expect(HTMLProbe.count("<span", in: html) == HTMLProbe.count("</span>", in: html))
        #expect(HTMLProbe.count("<p>", in: html) + HTMLProbe.count("<p ", in: html) == HTMLProbe.count("</p>", in: html))
    }

    @Test("Text is escaped: a <script> in an article, a cell or a note is shown, not run")
    func escaping() {
        let html = ReportRenderer.render(ReportFixture().input)
        #expect(HTMLProbe.count("<script>", in: html) == 1)  // the report's own
        #expect(html.contains("&lt;script&gt;alert(&quot;article&quot;)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;Bold &amp; co&lt;/b&gt;"))
        #expect(html.contains("note with &lt;script&gt;"))
        #expect(!html.contains("<b>Bold"))
    }

    // MARK: - Links, tables, charts

    @Test("Every in-page link points to an element that exists, and every listed evidence span links to its article")
    func linksResolve() {
        let fixture = ReportFixture()
        let html = ReportRenderer.render(fixture.input)
        let ids = Set(HTMLProbe.ids(in: html))
        let targets = HTMLProbe.hrefs(in: html).filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
        #expect(!targets.isEmpty)
        #expect(targets.filter { !ids.contains($0) } == [])
        #expect(HTMLProbe.count("class=\"evq\" href=\"#a0-", in: html) == 3)
        #expect(Set(ids).count == HTMLProbe.ids(in: html).count, "ids are unique")
    }

    @Test("Every table and every chart is rendered; a table without charts or evidence works")
    func tablesAndCharts() {
        let fixture = ReportFixture()
        let html = ReportRenderer.render(fixture.input)
        let tables = fixture.input.tables.flatMap(\.tables)
        #expect(HTMLProbe.count("<section class=\"table-section\"", in: html) == tables.count)
        #expect(HTMLProbe.count("<svg class=\"chart\"", in: html) == tables.map { $0.charts?.count ?? 0 }.reduce(0, +))
        #expect(!html.contains("Chart not drawn"))
        for table in tables { #expect(html.contains(">\(table.title)</h4>")) }
        // Percent columns ×100 with %; sortable numbers carry their raw value.
        #expect(html.contains("data-v=\"0.125\">12.5%</td>"))
        // The plain table: rows, no evidence links.
        let plain = HTMLProbe.section("t3", in: html)
        #expect(plain.contains("Zulu &amp; Sons"))
        #expect(!plain.contains("evlink"))
    }

    @Test("A chart hint that does not fit its table gets a note instead of a chart")
    func unfitChart() {
        var input = ReportFixture().input
        input.tables[0].tables[0].charts = [DataTable.Chart(kind: .heatmap, category: "outlet", series: ["nope"]),
                                            DataTable.Chart(kind: .dotPlot, category: "outlet", value: "outlet")]
        let html = ReportRenderer.render(input)
        #expect(html.contains("Chart not drawn: its series column &quot;nope&quot; is not in the table"))
        #expect(html.contains("Chart not drawn: its value column &quot;outlet&quot; is string, not numeric"))
    }

    @Test("No articles: evidence is listed without links, and the report still renders")
    func noArticles() {
        var input = ReportFixture().input
        input.articles = []
        let html = ReportRenderer.render(input)
        #expect(!html.contains("href=\"#a0-"))
        #expect(html.contains("article not included in this report"))
        #expect(html.contains("No article is included"))
        let empty = ReportRenderer.render(ReportInput(title: "Empty"))
        #expect(empty.contains("No corpus step has returned tables yet"))
        #expect(empty.hasSuffix("</html>\n"))
    }

    @Test("Evidence per cell is capped, with the rest counted; articles are capped to those the listed evidence cites")
    func limits() {
        var input = ReportFixture().input
        let spans = (0..<30).map { DataTable.EvidenceSpan(document: "d\($0)", start: 0, end: 4, step: "x", text: "Text") }
        input.tables[0].tables[0].evidence = ["1:armenia": spans]
        input.articles = (0..<300).map { ReportInput.Article(document: Document(id: "d\($0)", text: "Text \($0).")) }
        var options = ReportOptions()
        options.evidencePerCell = 20
        let html = ReportRenderer.render(input, options: options)
        #expect(html.contains("30 evidence spans, the first 20 listed"))
        #expect(html.contains("… and 10 more"))
        // 300 articles exceed allArticlesUpTo (200): only the 20 cited ones are embedded.
        #expect(HTMLProbe.count("<article class=\"article-view\"", in: html) == 20)
    }

    @Test("Outputs of unknown or broken shapes are ignored, never fatal")
    func defensiveReading() {
        let text = "Plain words here."
        let outputs: [ReportInput.StepOutput] = [
            .init(stepId: "sentiment", output: ["document": "not an object", "sides": ["a": 1], "portrayal": [1, "x", ["agent_side": 3]]]),
            .init(stepId: "extract", output: ["paragraphs": [["start": "0"], ["start": 9, "end": 2], [0, 200]], "headline": .null,
                                             "casualties": [["start": 0]], "terms": "none"]),
            .init(stepId: "attribution", output: ["attributions": [["start": 0, "end": 5, "side": 7]], "first_voice": 1]),
            .init(stepId: "weird", output: [1, 2, 3]),
            .init(stepId: "skip", output: ["skipped": ["reason": "language xx"]]),
        ]
        let input = ReportInput(title: "t", articles: [ReportInput.Article(document: Document(id: "x", text: text), outputs: outputs)])
        let html = ReportRenderer.render(input)
        #expect(html.contains("Plain words here."))
        #expect(html.contains("Passed over by skip: language xx."))
    }

    @Test("Run notes: documents passed over by reason, failures, corpus problems")
    func runNotes() throws {
        let summary = try JSONValue(parsing: """
            {"run": 4, "status": "failed", "steps": [
              {"id": "extract", "passed_over": {"language fr: English-only analysis": ["fr1", "fr2"]}},
              {"id": "framing", "passed_over": {"language fr: English-only analysis": ["fr1", "fr2"]}, "error": "gave up"}],
             "failure_count": 3, "failures": [{"step": "framing", "document": "d9", "kind": "crash", "message": "exit 139\\nmore"}],
             "corpus_problems": [{"source": "a.jsonl", "line": 7, "reason": "not JSON", "skipped": true}], "notes": ["hello"]}
            """)
        let notes = RunNotes(summary: summary)
        #expect(notes.passedOver == [RunNotes.PassedOver(reason: "language fr: English-only analysis", steps: ["extract", "framing"], documents: ["fr1", "fr2"])])
        #expect(notes.failureCount == 3)
        #expect(notes.notes == ["step framing: gave up", "corpus: a.jsonl:7 skipped: not JSON", "hello"])
        let html = ReportRenderer.render(ReportInput(title: "t", runNotes: notes))
        #expect(html.contains("2 documents passed over (language fr: English-only analysis) by extract, framing"))
        #expect(html.contains("framing · d9 · crash: exit 139"))
        #expect(html.contains("… 2 more in run-summary.json"))
    }

    @Test("Side colours come from the topic's sides, in order, and stay the same everywhere")
    func sideColours() {
        let palette = SidePalette(sides: [.init(id: "armenia", label: "Armenia"), .init(id: "azerbaijan", label: "Azerbaijan")], alsoSeen: ["zeta"])
        #expect(palette.entry("armenia")?.color == SidePalette.hues[0])
        #expect(palette.entry("Azerbaijan")?.color == SidePalette.hues[1])
        #expect(palette.entry("zeta")?.color == SidePalette.hues[2])
        #expect(palette.entry("other")?.label == "Others")
        let colors = ChartSupport.seriesColors(ids: ["armenia", "azerbaijan", "other"], labels: ["A", "B", "C"], sides: palette)
        #expect(colors == [SidePalette.hues[0], SidePalette.hues[1], SidePalette.fixed["other"]!.color])
    }

    @Test("A large report (50 tables × 30 rows, 500 articles) stays small and quick", .timeLimit(.minutes(2)))
    func largeInput() throws {
        let input = ReportFixture.large(tables: 50, rows: 30, articles: 500)
        let path = NSTemporaryDirectory() + "wb-report-large-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let started = Date()
        let bytes = try ReportRenderer.write(input, to: path)
        let seconds = Date().timeIntervalSince(started)
        print("large report: \(bytes / 1024) KB in \(String(format: "%.2f", seconds)) s")
        #expect(bytes < 40 << 20)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == bytes)
    }

    // MARK: - From a workspace

    @Test("ReportWriter reads tables, notes and articles from a workspace's cache", .timeLimit(.minutes(2)))
    func fromWorkspace() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "One two three.", "b.txt": "Four <five>."])
        let noCache = #expect(throws: ReportError.self) { try ReportWriter.write(workspace: try workspace.workspace(), pipeline: Pipeline(steps: [])) }
        #expect(noCache?.message.contains("no cache") == true)
        try workspace.writePipeline(#"{"steps": [{"id": "w", "stage": "wordcount"}, {"id": "lengths", "stage": "corpus-count"}]}"#)
        _ = try await workspace.run()
        let path = try ReportWriter.write(workspace: try workspace.workspace(), pipeline: try workspace.pipeline())
        #expect(path == workspace.path("out/report.html"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains(">Document lengths</h4>"))
        #expect(html.contains("2 documents from 1 outlet"))
        #expect(html.contains("Four &lt;five&gt;."))  // small corpus: every article is in
        #expect(HTMLProbe.count("<article class=\"article-view\"", in: html) == 2)

        let input = try ReportLoader(workspace: try workspace.workspace(), pipeline: try workspace.pipeline()).load()
        #expect(input.tables.map(\.stepId) == ["lengths"])
        #expect(input.runNotes.runId == 1)
        #expect(input.articles.first?.annotatingSteps == ["w"])
    }

    @Test("`workbench report` writes the tables and the report, and says so; without a run it explains", .timeLimit(.minutes(2)))
    func command() async throws {
        let workspace = try TestWorkspace(documents: ["a.txt": "One."])
        try workspace.writePipeline(#"{"steps": [{"id": "lengths", "stage": "corpus-count"}], "tables": ["csv"]}"#)
        let before = try await CommandRunner.workbench(["report"], in: workspace.directory).run()
        #expect(before.status == 1)
        #expect(before.stderr.contains("no cache"))
        #expect(before.stderr.contains("workbench run"))
        #expect(try await CommandRunner.workbench(["run", "-q"], in: workspace.directory).run().status == 0)
        try FileManager.default.removeItem(atPath: workspace.path("out/tables"))
        let report = try await CommandRunner.workbench(["report", "--out", "elsewhere/r.html"], in: workspace.directory).run()
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("wrote 1 files for 1 table (csv)"))
        #expect(report.stdout.contains("elsewhere/r.html"))
        #expect(FileManager.default.fileExists(atPath: workspace.path("out/tables/lengths-lengths.csv")))
        #expect(FileManager.default.fileExists(atPath: workspace.path("elsewhere/r.html")))
    }
}

// MARK: - Fixtures

/// A small report input with our own text: curly quotes, é (precomposed and decomposed), an emoji, a
/// `<script>` in the text, overlapping marks, four tables (stacked bar, heatmap, dot plot, plain).
struct ReportFixture {
    let text: String
    /// Where "🙂 ‘no’" is, in scalars.
    let emoji: Range<Int>
    let input: ReportInput

    init() {
        let headline = "Caspian Herald reports a tense Friday"
        let quote = "Hé said 🙂 ‘no’ and cafe\u{301} é"
        let text = headline + "\n\n“" + quote + ",” the minister said on Friday.\n\n"
            + "Troops <script>alert(\"article\")</script> fired. Three soldiers were killed, the ministry claimed, in a provocation.\n\n"
            + "The so-called truce is a sham."
        self.text = text
        func at(_ needle: String) -> Range<Int> { ReportFixture.span(of: needle, in: text) }
        emoji = at("🙂 ‘no’")
        let statement = at(quote)
        let claim = at("Three soldiers were killed, the ministry claimed")
        func span(_ r: Range<Int>) -> JSONValue { ["start": .number(Double(r.lowerBound)), "end": .number(Double(r.upperBound))] }
        let paragraphs = text.components(separatedBy: "\n\n").dropFirst().map { at($0) }
        let extract: JSONValue = [
            "language": "en", "headline": span(at(headline)), "paragraphs": .array(paragraphs.map(span)),
            "casualties": [["side": "armenia", "killed": 3, "claimant": "Defence Ministry", "day": "2023-05-12",
                            "start": .number(Double(claim.lowerBound)), "end": .number(Double(claim.upperBound)),
                            "evidence": [span(at("Three soldiers")), span(at("killed"))]]],
            "terms": [["term": "provocation", "group": "label", "start": .number(Double(at("provocation").lowerBound)),
                       "end": .number(Double(at("provocation").upperBound)), "text": "provocation"]],
            "removed": [],
        ]
        var attribution = span(statement).objectValue!
        attribution["speaker"] = "Defence Minister"
        attribution["side"] = "azerbaijan"
        attribution["kind"] = "direct"
        attribution["cue"] = "said"
        attribution["speaker_span"] = span(at("the minister"))
        let attributionOutput: JSONValue = [
            "attributions": [.object(attribution)], "first_voice": "azerbaijan",
            "editorializing": [["start": .number(Double(at("The so-called truce is a sham.").lowerBound)),
                                "end": .number(Double(at("The so-called truce is a sham.").upperBound)), "markers": ["so-called"]]],
        ]
        let framing: JSONValue = ["frames": [["frame": "military", "label": "Military", "present": true, "share": 0.7],
                                             ["frame": "diplomacy", "label": "Diplomacy", "present": false, "share": 0.3]],
                                  "present": ["military"], "dominant": "military"]
        let sentiment: JSONValue = ["document": ["score": -0.25, "label": "negative", "sentences": 3],
                                    "sides": [["side": "azerbaijan", "actors": [], "mentions": 2, "score": 0.1, "label": "neutral", "evidence": []]]]
        let document = Document(id: "herald-1", text: text, meta: DocumentMeta(outlet: "Caspian Herald", date: "2023-05-12"))
        let article = ReportInput.Article(document: document, outputs: [
            .init(stepId: "extract", output: extract), .init(stepId: "attribution", output: attributionOutput),
            .init(stepId: "framing", output: framing), .init(stepId: "sentiment", output: sentiment),
        ])
        func evidence(_ r: Range<Int>, _ step: String) -> DataTable.EvidenceSpan {
            DataTable.EvidenceSpan(document: "herald-1", start: r.lowerBound, end: r.upperBound, step: step, text: nil)
        }
        let balance = DataTable(
            id: "balance", title: "Source balance by side",
            columns: [.init(id: "outlet", label: "Outlet"), .init(id: "armenia", label: "Armenia", type: .integer),
                      .init(id: "azerbaijan", label: "Azerbaijan", type: .integer), .init(id: "share", label: "Share", type: .percent)],
            rows: [["Caspian Herald", 1, 2, 0.125], ["<b>Bold & co</b>", 0, 3, 0.5]],
            evidence: ["0:azerbaijan": [evidence(emoji, "attribution"), evidence(statement, "attribution")]],
            notes: ["A note with <script> inside."],
            charts: [.init(kind: .stackedBar, title: "By side", category: "outlet", series: ["armenia", "azerbaijan"], normalized: true)])
        let frames = DataTable(
            id: "frames", title: "Frames by outlet",
            columns: [.init(id: "outlet", label: "Outlet"), .init(id: "military", label: "Military", type: .percent),
                      .init(id: "diplomacy", label: "Diplomacy / peace process", type: .percent)],
            rows: [["Caspian Herald", 0.7, 0.3], ["Other Daily", 0.2, .null]],
            charts: [.init(kind: .heatmap, category: "outlet", series: ["military", "diplomacy"])])
        let claims = DataTable(
            id: "claims", title: "Casualty claims",
            columns: [.init(id: "day_side", label: "Day · side"), .init(id: "outlet", label: "Outlet"), .init(id: "killed", label: "Killed", type: .integer)],
            rows: [["12 May · Armenia", "Caspian Herald", 3], ["12 May · Armenia", "Other Daily", 3], ["11 May · Azerbaijan", "Other Daily", 1]],
            evidence: ["0:killed": [evidence(claim, "extract")]],
            charts: [.init(kind: .dotPlot, category: "day_side", value: "killed", color: "outlet")])
        let plain = DataTable(id: "plain", title: "A plain table", columns: [.init(id: "name", label: "Name"), .init(id: "n", label: "N", type: .integer)],
                              rows: [["Zulu & Sons", 3], ["Alpha", .null]])
        input = ReportInput(
            title: "Fixture workspace", topicName: "A test topic", sides: [.init(id: "armenia", label: "Armenia"), .init(id: "azerbaijan", label: "Azerbaijan")],
            runNotes: RunNotes(runId: 1, status: "succeeded"),
            tables: [.init(stepId: "compare", tables: [balance, frames, claims]), .init(stepId: "extra", tables: [plain])],
            articles: [article])
    }

    /// Where `needle` first occurs in `text`, in Unicode scalars.
    static func span(of needle: String, in text: String) -> Range<Int> {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            return start..<start + pattern.count
        }
        fatalError("\(needle) not in the fixture text")
    }

    /// A synthetic input of the size of a big study: `tables` tables of `rows` rows with evidence in every
    /// numeric cell, and `articles` articles of about 3 KB with annotations.
    static func large(tables: Int, rows: Int, articles: Int) -> ReportInput {
        let sentence = "The ministry said on Friday that three soldiers were killed near the border, and the “provocation” was condemned. "
        var documents: [ReportInput.Article] = []
        for d in 0..<articles {
            let paragraphs = (0..<6).map { p in String(repeating: sentence, count: 4) + "Paragraph \(p) of article \(d) é🙂." }
            let text = paragraphs.joined(separator: "\n\n")
            var offset = 0
            var spans: [JSONValue] = []
            var attributions: [JSONValue] = []
            for paragraph in paragraphs {
                let length = paragraph.unicodeScalars.count
                spans.append(["start": .number(Double(offset)), "end": .number(Double(offset + length))])
                attributions.append(["start": .number(Double(offset + 25)), "end": .number(Double(offset + 80)), "side": d % 2 == 0 ? "armenia" : "azerbaijan",
                                     "speaker": "The ministry", "speaker_span": ["start": .number(Double(offset)), "end": .number(Double(offset + 12))]])
                offset += length + 2
            }
            let meta = DocumentMeta(outlet: "Outlet \(d % 25)", date: "2023-05-\(10 + d % 5)")
            documents.append(ReportInput.Article(document: Document(id: "doc-\(d)", text: text, meta: meta), outputs: [
                .init(stepId: "extract", output: ["paragraphs": .array(spans), "casualties": [["side": "armenia", "killed": 3, "start": 40, "end": 80]]]),
                .init(stepId: "attribution", output: ["attributions": .array(attributions), "first_voice": "armenia"]),
            ]))
        }
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let columns: [DataTable.Column] = [.init(id: "outlet", label: "Outlet"), .init(id: "armenia", label: "Armenia", type: .integer),
                                           .init(id: "azerbaijan", label: "Azerbaijan", type: .integer), .init(id: "other", label: "Others", type: .integer),
                                           .init(id: "killed", label: "Killed", type: .integer), .init(id: "share", label: "Share", type: .percent),
                                           .init(id: "score", label: "Score", type: .number)]
        var list: [DataTable] = []
        for t in 0..<tables {
            var tableRows: [[JSONValue]] = []
            var evidence: [String: [DataTable.EvidenceSpan]] = [:]
            for r in 0..<rows {
                tableRows.append([.string("Outlet \(r)"), .number(Double(next(40))), .number(Double(next(40))), .number(Double(next(40))),
                                  .number(Double(next(5))), .number(Double(next(1000)) / 1000), .number(Double(next(2000)) / 1000 - 1)])
                for column in ["armenia", "azerbaijan", "other", "killed"] {
                    evidence["\(r):\(column)"] = (0..<(5 + next(60))).map { _ in
                        let start = next(2000)
                        return DataTable.EvidenceSpan(document: "doc-\(next(articles * 4))", start: start, end: start + 60, step: "attribution", text: "sixty scalars of evidence text")
                    }
                }
            }
            list.append(DataTable(
                id: "table-\(t)", title: "Table \(t)", columns: columns, rows: tableRows, evidence: evidence, notes: ["Synthetic."],
                charts: [.init(kind: .stackedBar, category: "outlet", series: ["armenia", "azerbaijan", "other"], normalized: t % 2 == 0),
                         t % 2 == 0 ? .init(kind: .heatmap, category: "outlet", series: ["armenia", "azerbaijan", "other", "killed"])
                                    : .init(kind: .dotPlot, category: "outlet", value: "score", color: "outlet")]))
        }
        return ReportInput(title: "Large", sides: [.init(id: "armenia"), .init(id: "azerbaijan")],
                           corpus: ReportInput.CorpusOverview(documents: 100_000, outlets: (0..<25).map { .init(outlet: "Outlet \($0)", articles: 4000) }),
                           tables: [.init(stepId: "compare", tables: list)], articles: documents)
    }
}

/// Looks into rendered HTML with regular expressions (the report's markup is regular: flat runs).
enum HTMLProbe {
    static func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : ns.substring(with: match.range(at: $0)) }
        }
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func ids(in html: String) -> [String] { matches(#" id="([^"]+)""#, in: html).map { $0[1] } }

    static func hrefs(in html: String) -> [String] { matches(#" href="([^"]+)""#, in: html).map { unescaped($0[1]) } }

    static func anchors(in html: String) -> [(id: String, start: Int, end: Int)] {
        matches(#"<span class="anchor" id="([^"]+)" data-s="(\d+)" data-e="(\d+)">"#, in: html).map { ($0[1], Int($0[2])!, Int($0[3])!) }
    }

    /// Runs that carry offsets (those inside evidence spans).
    static func runs(in html: String) -> [(start: Int, end: Int, text: String)] {
        matches(#"<span[^>]* data-o="(\d+)" data-e="(\d+)">([^<]*)</span>"#, in: html).map { (Int($0[1])!, Int($0[2])!, unescaped($0[3])) }
    }

    /// The text of the article runs with class `name`, joined.
    static func text(ofClass name: String, in html: String) -> String {
        guard let start = html.range(of: "<div class=\"av-text\""), let end = html.range(of: "<aside class=\"av-side\">", range: start.upperBound..<html.endIndex)
        else { return "" }
        let body = String(html[start.lowerBound..<end.lowerBound])
        return matches(#"<span class="([^"]*)"[^>]*>([^<]*)</span>"#, in: body)
            .filter { $0[1].split(separator: " ").contains(Substring(name)) }.map { unescaped($0[2]) }.joined()
    }

    /// The HTML of the table section with this id.
    static func section(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<section class=\"table-section\" id=\"\(id)\""),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
