import Foundation
import Testing
import TextKit
import WorkbenchProtocol
import WorkbenchTestSupport

/// The whole extract and attribution output for a few demo articles, as a readable digest compared with a
/// golden file in `Tests/Fixtures/golden/`. A change to any rule shows up here as a diff to review by eye;
/// after reviewing, `WORKBENCH_UPDATE_GOLDEN=1 swift test --filter GoldenOutput` rewrites the files.
@Suite("Golden outputs")
struct GoldenOutputTests {
    static let articles = ["01_npa_wire_border_clashes", "03_caspian_state_news_provocation", "04_yerevan_public_bulletin_aggression",
                           "06_subcontinent_live_breaking", "07_lowlands_public_radio_brussels_talks"]

    @Test("Demo articles: extract and attribution digests match the reviewed golden files", arguments: articles)
    func digest(name: String) throws {
        let root = Fixtures.repositoryRoot
        let text = try String(contentsOfFile: "\(root)/corpus/\(name).txt", encoding: .utf8)
        let catalog = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/corpus/catalog.json"))))
        let entry = catalog.arrayValue?.first { $0["file"]?.stringValue == "\(name).txt" }
        let meta = DocumentMeta(outlet: entry?["outlet"]?.stringValue, outletCountry: entry?["outlet_country"]?.stringValue, date: entry?["date"]?.stringValue)
        let document = Document(id: name, text: text, meta: meta)
        let extract = TestTopic.extractor.extract(document)
        let attribution = TestTopic.attribution.analyze(document, extract: extract)
        let digest = Self.digest(extract, attribution, text: ScalarString(text))

        let path = "\(root)/Tests/Fixtures/golden/\(name).digest.txt"
        if ProcessInfo.processInfo.environment["WORKBENCH_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: "\(root)/Tests/Fixtures/golden", withIntermediateDirectories: true)
            try digest.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = digest.split(separator: "\n", omittingEmptySubsequences: false)
        // The first differing line, so a failure says what changed.
        if let first = zip(goldenLines, lines).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("\(name): line \(first.offset + 1)\n  golden: \(first.element.0)\n  now:    \(first.element.1)")
        }
        #expect(goldenLines.count == lines.count, "\(name): \(goldenLines.count) lines in the golden file, \(lines.count) now")
    }

    /// One line per finding, with the text it rests on.
    static func digest(_ e: ExtractOutput, _ a: AttributionOutput, text: ScalarString) -> String {
        func excerpt(_ span: TextSpan, _ limit: Int = 90) -> String {
            let s = text[span].replacingOccurrences(of: "\n", with: " ")
            return s.unicodeScalars.count > limit ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit))) + "…" : s
        }
        var out: [String] = []
        out.append("language: \(e.language) (\(e.languageConfidence)), outlet: \(e.outlet ?? "-") [\(e.outletSource ?? "-")], date: \(e.date ?? "-")")
        out.append("headline: \(e.headline.map { excerpt($0) } ?? "-")")
        out.append("paragraphs: \(e.paragraphs.count), sentences: \(e.sentences.count), tokens: \(e.tokens.count / 2)")
        out.append("removed:")
        for r in e.removed { out.append("  \(r.kind): \(excerpt(TextSpan(r.start, r.end), 70))") }
        out.append("statements:")
        for s in a.attributions {
            out.append("  \(s.speaker) | \(s.side) | \(s.kind) | \(s.cue ?? "-") (\(s.stance), \(s.resolution)) | \(excerpt(TextSpan(s.start, s.end), 70))")
        }
        out.append("first voice: \(a.firstVoice ?? "-")")
        out.append("casualties:")
        for c in e.casualties {
            out.append("  \(c.side) killed \(c.killed.map(String.init) ?? "-") wounded \(c.wounded.map(String.init) ?? "-") on \(c.day ?? "?") by \(c.claimant)"
                       + " | " + c.evidence.map { excerpt($0, 40) }.joined(separator: " / "))
        }
        out.append("headline casualties:")
        for c in e.headlineCasualties {
            out.append("  \(c.side) killed \(c.killed.map(String.init) ?? "-") wounded \(c.wounded.map(String.init) ?? "-")")
        }
        out.append("historical:")
        for h in e.historical { out.append("  \(excerpt(TextSpan(h.start, h.end)))") }
        out.append("terms: " + e.terms.map { "\($0.term) (\($0.text))" }.joined(separator: ", "))
        out.append("entities:")
        for entity in e.entities {
            out.append("  \(entity.type) \(entity.text)" + (entity.canonical.map { " → \($0) [\(entity.side ?? "-")]" } ?? ""))
        }
        out.append("numbers: " + e.numbers.map { "\($0.text)=\($0.kind)" }.joined(separator: ", "))
        out.append("editorializing:")
        for ed in a.editorializing { out.append("  [\(ed.markers.joined(separator: ", "))] \(excerpt(TextSpan(ed.start, ed.end)))") }
        return out.joined(separator: "\n") + "\n"
    }
}
