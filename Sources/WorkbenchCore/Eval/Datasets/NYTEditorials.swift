public import WorkbenchProtocol

/// Sentence sentiment on the NYT editorial snippets (Pearson r vs human ratings). (Adapter to be written.)
public struct NYTEditorials: EvalDataset {
    public static let name = "nyt-editorials"
    public static let summary = "Sentence sentiment on the NYT editorial snippets (Pearson r vs human ratings)"
    public static let defaultPath = "../shared/eval/datasets/vader-nyt-editorials"
    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    public func documents() throws(EvalError) -> [Document] { throw EvalError("\(Self.name): not implemented yet") }

    public func pipeline(topicPath: String?) -> String { #"{"steps": []}"# }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        EvalReport(dataset: Self.name)
    }
}
