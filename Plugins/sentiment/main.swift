// sentiment — polarity of every sentence and of the document (VADER's rules with a news lexicon and weights
// learned on a training split), sentiment toward the topic's actors and toward given targets, and who is
// portrayed acting violently on whom, every claim with its span in the document text.
import StageKit
import TextKit

struct Sentiment: DocumentStage {
    struct Configuration: Decodable {
        var topic: JSONValue?
    }

    static let info = StageInfo(
        name: "sentiment", version: "1.1.0", consumes: ["extract"], reads: ["extract": ExtractInput.members], produces: "sentiment/1",
        summary:
            "Sentence and document polarity, sentiment toward actors and targets, portrayals of violence, with spans.",
        configSchema: [
            "type": "object",
            "properties": [
                "topic": [
                    "type": "object",
                    "description": "the workspace's topic file (filled in by the host): which words name which side",
                ]
            ],
            "additionalProperties": false,
        ])

    let analyzer: SentimentAnalyzer

    init(configuration: Configuration, context: StageContext) throws {
        var topic = Topic()
        if let json = configuration.topic {
            do { topic = try Topic(json: json) } catch { throw StageFailure(error.description, field: "topic") }
        }
        do {
            analyzer = SentimentAnalyzer(
                lexicon: try SentimentLexicon.shared.get(), portrayals: try PortrayalFinder.load(topic: topic))
        } catch {
            throw StageFailure("\(error)")
        }
    }

    func process(_ task: StageTask) throws -> SentimentOutput {
        guard let raw = task.rawInput("extract") else { throw StageFailure("missing input \"extract\"") }
        let extract: ExtractOutput
        do { extract = try ExtractInput.decode(raw) } catch { throw StageFailure(error.description) }
        var attribution: AttributionOutput?
        if task.rawInput("attribution") != nil {
            attribution = try task.input("attribution", as: AttributionOutput.self)
        }
        return analyzer.analyze(
            text: task.document.text, extract: extract, attribution: attribution,
            targets: SentimentTarget.targets(in: task.document.meta.extra))
    }
}

if CommandLine.arguments.contains("--bench") { Bench.run(arguments: CommandLine.arguments) }
if CommandLine.arguments.contains("--features") {
    // For the offline learning scripts (Benchmarks/analysis/sentiment): JSON lines {"id", "text", "targets"?} in,
    // the rule features and scores out. Not used by the host.
    FeatureDump.run()
}
StageMain.run(Sentiment.self)
