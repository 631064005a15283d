// compare — the cross-outlet comparison (corpus scope). It sees every document's extract and attribution
// results (and sentiment and framing when the step lists them as inputs) and answers once with tables:
// source balance, first voice, casualty claims side by side, contested vocabulary, own-voice
// assertions, frames, portrayal, distinctive words and coverage — each cell with its evidence spans.
// The host renders the tables; the rules live in CompareKit.
import CompareKit
import StageKit

struct Compare: CorpusStage {
    /// The step config as it is: the topic's sides keep their order.
    struct Configuration: JSONConfiguration {
        var raw: JSONValue
        init(json: JSONValue) { raw = json }
        init(from decoder: any Decoder) throws { raw = try JSONValue(from: decoder) }
    }

    struct Output: Encodable {
        var documents: Int
        var tables: [DataTable]
    }

    static let info = StageInfo(
        name: "compare", version: "1.0.0", consumes: ["extract", "attribution"], reads: FactsReader.reads, produces: "compare/1",
        summary: "Outlets side by side: source balance, first voice, casualty claims, vocabulary, own voice, frames, portrayal, "
            + "distinctive words, coverage; every cell with its evidence.",
        configSchema: [
            "type": "object",
            "properties": [
                "topic": ["type": "object", "description": "the workspace's topic file (filled in by the host)"],
                "group_by": ["type": "string", "description": "the document field to compare by: outlet (default), outlet_country, ownership, language"],
                "evidence": ["type": "integer", "minimum": 0, "maximum": 1000, "description": "evidence spans kept per table cell (default 20)"],
                "examples": ["type": "integer", "minimum": 0, "maximum": 100, "description": "examples listed per outlet (default 5)"],
                "distinctive_words": ["type": "integer", "minimum": 0, "maximum": 200, "description": "words per outlet and direction (default 15; 0: no table)"],
                "min_word_count": ["type": "integer", "minimum": 1, "description": "words used fewer times are not listed as distinctive (default 5)"],
                "coverage_facts": ["type": "integer", "minimum": 0, "maximum": 1000, "description": "facts in the coverage table (default 40; 0: no table)"],
            ],
            "additionalProperties": false,
        ])

    /// Reads a document's inputs into its facts (StageKit runs it on all cores, a batch at a time).
    struct Reader: CorpusTaskReader {
        let facts: FactsReader

        func read(_ task: StageTask) throws -> DocumentFacts {
            var inputs: [String: [UInt8]] = [:]
            for name in task.inputNames { inputs[name] = task.rawInput(name) }
            do {
                return try facts.read(task.document, inputs: inputs)
            } catch {
                throw StageFailure(error.description)
            }
        }
    }

    var comparison: Comparison
    let reader: Reader

    init(configuration: Configuration, context: StageContext) throws {
        let settings = CompareSettings(config: configuration.raw)
        comparison = Comparison(settings: settings)
        reader = Reader(facts: FactsReader(settings: settings))
    }

    /// Tallies one document's facts, in the corpus order.
    mutating func add(_ facts: DocumentFacts) { comparison.add(facts) }

    func finish() throws -> Output { Output(documents: comparison.documents, tables: comparison.tables()) }
}

StageMain.run(Compare.self)
