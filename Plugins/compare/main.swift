// compare — the cross-outlet comparison (corpus scope): source balance, first voice, casualty claims,
// vocabulary, own-voice assertions, frames, portrayal, distinctive words and coverage, per outlet.
// Being built (issue 4): for now it counts the documents it sees.
import CompareKit
import StageKit

struct Compare: CorpusStage {
    struct Configuration: Decodable {}
    struct Output: Encodable {
        var documents: Int
        var tables: [DataTable]
    }

    static let info = StageInfo(
        name: "compare", version: "0.1.0", consumes: ["extract", "attribution"], produces: "compare/1",
        summary: "Outlets side by side: the comparison tables, with the evidence behind every cell.",
        configSchema: ["type": "object", "properties": [:], "additionalProperties": false])

    var documents = 0

    init(configuration: Configuration, context: StageContext) throws {}

    mutating func add(_ task: StageTask) throws { documents += 1 }

    func finish() throws -> Output { Output(documents: documents, tables: []) }
}

StageMain.run(Compare.self)
