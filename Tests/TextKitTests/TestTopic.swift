import Foundation
import TextKit
import WorkbenchProtocol
import WorkbenchTestSupport

/// The demo workspace's topic file, as the stages receive it.
enum TestTopic {
    static let topic: Topic = {
        let path = Fixtures.repositoryRoot + "/topics/armenia-azerbaijan.json"
        let data = FileManager.default.contents(atPath: path)!
        return try! Topic(json: try! JSONParser.parse(Array(data)))
    }()

    static let extractor = DocumentExtractor(topic: topic)
    static let attribution = AttributionAnalyzer(topic: topic)

    /// Extract and attribution outputs for a text (optionally dated).
    static func analyze(_ text: String, date: String? = nil, outletCountry: String? = nil) -> (ExtractOutput, AttributionOutput) {
        let document = Document(id: "t", text: text, meta: DocumentMeta(outletCountry: outletCountry, date: date))
        let extract = extractor.extract(document)
        return (extract, attribution.analyze(document, extract: extract))
    }
}
