public import WorkbenchProtocol

/// Target-dependent sentiment on NewsMTSC (macro-F1 over negative/neutral/positive). (Adapter to be written.)
public struct NewsMTSC: EvalDataset {
    public static let name = "newsmtsc"
    public static let summary = "Target-dependent sentiment on NewsMTSC (macro-F1 over negative/neutral/positive)"
    public static let defaultPath = "../shared/eval/datasets/newsmtsc"
    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    public func documents() throws(EvalError) -> [Document] { throw EvalError("\(Self.name): not implemented yet") }

    public func pipeline(topicPath: String?) -> String { #"{"steps": []}"# }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        EvalReport(dataset: Self.name)
    }
}
