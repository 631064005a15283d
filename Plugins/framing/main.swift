// framing — a frame profile per document from a codebook (Resources/frames/, or the researcher's own):
// for every frame its score, whether it is present, its share of the document's framing, and the
// sentences and cue spans behind it.
import StageKit
import TextKit

struct Framing: DocumentStage {
    struct Configuration: Decodable {
        /// A built-in codebook name, or an inline codebook (what `{"$file": …}` becomes).
        var codebook: JSONValue = .string("conflict-news")
        /// Replacement decision rules, frame id → rule.
        var rules: JSONValue?

        enum CodingKeys: String, CodingKey { case codebook, rules }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            codebook = try c.decodeIfPresent(JSONValue.self, forKey: .codebook) ?? codebook
            rules = try c.decodeIfPresent(JSONValue.self, forKey: .rules)
        }
    }

    static let info = StageInfo(
        name: "framing", version: "1.0.0", consumes: ["extract"], reads: ["extract": FrameAnalyzer.extractMembers], produces: "framing/1",
        summary:
            "Frame profile from a codebook: per frame score, presence, share, and the sentences and cues behind it.",
        configSchema: [
            "type": "object",
            "properties": [
                "codebook": [
                    "type": ["string", "object"],
                    "description":
                        "built-in codebook (conflict-news, semetko-valkenburg), codebook object or {\"$file\": …}",
                ],
                "rules": [
                    "type": "object",
                    "description":
                        "replacement decision rules: frame id → {\"per_1000_words\": …, \"min_sentences\": …}",
                ],
            ],
            "additionalProperties": false,
        ])

    let analyzer: FrameAnalyzer

    init(configuration: Configuration, context: StageContext) throws {
        var codebook: Codebook
        do {
            codebook = try CodebookLibrary.load(configuration.codebook)
        } catch {
            throw StageFailure(
                "config.codebook\(error.field.isEmpty ? "" : "." + error.field): \(error.message)",
                field: error.field.isEmpty ? "codebook" : "codebook.\(error.field)")
        }
        if let rules = configuration.rules {
            do { try codebook.overrideRules(rules) } catch {
                throw StageFailure("config.\(error.field): \(error.message)", field: error.field)
            }
        }
        do { analyzer = try FrameAnalyzer(codebook: codebook) } catch {
            throw StageFailure("config.codebook: \(error)", field: "codebook")
        }
    }

    func process(_ task: StageTask) throws -> FramingOutput {
        guard let extract = task.rawInput("extract") else { throw StageFailure("missing input \"extract\"") }
        do { return try analyzer.analyze(text: task.document.text, extract: extract) } catch {
            throw StageFailure(error.description)
        }
    }
}

StageMain.run(Framing.self)
