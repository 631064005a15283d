// extract — the first analysis stage: language, boilerplate, paragraphs, sentences, tokens, entities,
// numbers, casualty claims and contested terms, every one with its span in the document text.
import StageKit
import TextKit

struct Extract: DocumentStage {
    struct Configuration: Decodable {
        var topic: JSONValue?
        /// Documents in other languages are passed over (with a note) unless this is false.
        var englishOnly = true

        enum CodingKeys: String, CodingKey {
            case topic
            case englishOnly = "english_only"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            topic = try c.decodeIfPresent(JSONValue.self, forKey: .topic)
            englishOnly = try c.decodeIfPresent(Bool.self, forKey: .englishOnly) ?? true
        }
    }

    static let info = StageInfo(
        name: "extract", version: "0.8.0", produces: "extract/1",
        summary: "Boilerplate, language, paragraphs, sentences, tokens, entities, casualty claims and terms, with spans.",
        configSchema: [
            "type": "object",
            "properties": [
                "topic": ["type": "object", "description": "the workspace's topic file (filled in by the host)"],
                "english_only": ["type": "boolean", "description": "pass over documents not in English (default true)"],
            ],
            "additionalProperties": false,
        ])

    let extractor: DocumentExtractor

    init(configuration: Configuration, context: StageContext) throws {
        var topic = Topic()
        if let json = configuration.topic {
            do { topic = try Topic(json: json) } catch { throw StageFailure(error.description, field: "topic") }
        }
        extractor = DocumentExtractor(topic: topic, englishOnly: configuration.englishOnly)
    }

    func process(_ task: StageTask) throws -> ExtractOutput {
        extractor.extract(task.document)
    }
}

StageMain.run(Extract.self)
