import Foundation
import Testing
import TextKit
import WorkbenchProtocol

/// The hand-written JSON of the stage outputs says exactly what Codable would.
@Suite("Output JSON")
struct SchemaJSONTests {
    static let text = "Home / World\nClashes flare\n\n“We will respond,” said Armenia’s defence ministry on Friday. Three Armenian soldiers were wounded, "
        + "one of whom later died. The controversial move violated the deal. Baku claimed 6,500 people died in 2020."

    func same(_ value: some Encodable & JSONWritable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let viaCodable = try JSONParser.parse(Array(encoder.encode(value)))
        var writer = JSONWriter()
        value.writeJSON(into: &writer)
        let viaWriter = try JSONParser.parse(writer.bytes)
        #expect(viaWriter == viaCodable)
        #expect(writer.bytes == viaCodable.serialized(sortedKeys: true), "byte-identical to the canonical form")
    }

    @Test("Extract and attribution outputs")
    func outputs() throws {
        let (extract, attribution) = TestTopic.analyze(Self.text, date: "2023-05-13")
        #expect(!extract.casualties.isEmpty && !attribution.attributions.isEmpty && !extract.removed.isEmpty)
        try same(extract)
        try same(attribution)
        let (skipped, skippedAttribution) = TestTopic.analyze("Le ministère a annoncé que deux soldats ont été tués dans les affrontements à la frontière.")
        try same(skipped)
        try same(skippedAttribution)
    }

    @Test("Framing output")
    func framing() throws {
        let (extract, _) = TestTopic.analyze(Self.text + " The talks in Brussels aim at a peace treaty; the ceasefire was violated again.", date: "2023-05-13")
        var writer = JSONWriter()
        extract.writeJSON(into: &writer)
        for name in ["conflict-news", "semetko-valkenburg"] {
            let analyzer = try FrameAnalyzer(codebook: try CodebookLibrary.load(.string(name)))
            let output = try analyzer.analyze(text: Self.text + " The talks in Brussels aim at a peace treaty; the ceasefire was violated again.", extract: writer.bytes)
            #expect(output.frames?.contains { !$0.evidence.cues.isEmpty } == true)
            try same(output)
        }
        try same(FramingOutput(skipped: ExtractOutput.Skip(reason: "language fr")))
    }

    @Test("Sentiment output")
    func sentiment() throws {
        let text = Self.text + " Azerbaijani forces opened fire on Armenian positions, the ministry said. The talks brought welcome relief."
        let (extract, attribution) = TestTopic.analyze(text, date: "2023-05-13")
        let analyzer = SentimentAnalyzer(lexicon: try SentimentLexicon.shared.get(), portrayals: try PortrayalFinder.load(topic: TestTopic.topic))
        let document = Document(id: "t", text: text)
        let output = analyzer.analyze(text: document.text, extract: extract, attribution: attribution, targets: nil)
        #expect(output.sentences?.isEmpty == false && output.actors?.isEmpty == false)
        try same(output)
        // Without attribution's output, extract's statements give the voices.
        let fromExtract = analyzer.analyze(text: document.text, extract: extract, attribution: nil, targets: nil)
        #expect(fromExtract.portrayal == output.portrayal)
        try same(SentimentOutput(skipped: ExtractOutput.Skip(reason: "language fr")))
    }
}
