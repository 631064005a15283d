// attribution — who is quoted or reported, in whose name, with which cue; the first voice; and the
// positioned statements the outlet makes in its own voice.
import StageKit
import TextKit

struct Attribution: DocumentStage {
    struct Configuration: Decodable {
        var topic: JSONValue?
    }

    static let info = StageInfo(
        name: "attribution", version: "0.7.0", consumes: ["extract"], reads: ["extract": ExtractView.members], produces: "attribution/1",
        summary: "Direct and reported speech with canonical speakers and sides, cue stance, first voice, editorializing.",
        configSchema: [
            "type": "object",
            "properties": ["topic": ["type": "object", "description": "the workspace's topic file (filled in by the host)"]],
            "additionalProperties": false,
        ])

    let analyzer: AttributionAnalyzer

    init(configuration: Configuration, context: StageContext) throws {
        var topic = Topic()
        if let json = configuration.topic {
            do { topic = try Topic(json: json) } catch { throw StageFailure(error.description, field: "topic") }
        }
        analyzer = AttributionAnalyzer(topic: topic)
    }

    func process(_ task: StageTask) throws -> AttributionOutput {
        guard let raw = task.rawInput("extract") else { throw StageFailure("missing input \"extract\"") }
        do {
            return analyzer.analyze(task.document, extract: try ExtractView(json: raw))
        } catch {
            throw StageFailure(error.description)
        }
    }
}

StageMain.run(Attribution.self)
