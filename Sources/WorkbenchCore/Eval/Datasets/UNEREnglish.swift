public import WorkbenchProtocol

/// Entities on UNER English-PUD, news half (PER/ORG/LOC, exact span F1). (Adapter to be written.)
public struct UNEREnglish: EvalDataset {
    public static let name = "uner"
    public static let summary = "Entities on UNER English-PUD, news half (PER/ORG/LOC, exact span F1)"
    public static let defaultPath = "../shared/eval/datasets/uner-english-pud"
    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    public func documents() throws(EvalError) -> [Document] { throw EvalError("\(Self.name): not implemented yet") }

    public func pipeline(topicPath: String?) -> String { #"{"steps": []}"# }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        EvalReport(dataset: Self.name)
    }
}
