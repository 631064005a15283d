public import WorkbenchProtocol

/// Five generic frames on the Narrative Frames corpus (F1 per frame vs always-yes). (Adapter to be written.)
public struct NarrativeFrames: EvalDataset {
    public static let name = "narrative-frames"
    public static let summary = "Five generic frames on the Narrative Frames corpus (F1 per frame vs always-yes)"
    public static let defaultPath = "../shared/eval/datasets/narrative-frames"
    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    public func documents() throws(EvalError) -> [Document] { throw EvalError("\(Self.name): not implemented yet") }

    public func pipeline(topicPath: String?) -> String { #"{"steps": []}"# }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        EvalReport(dataset: Self.name)
    }
}
