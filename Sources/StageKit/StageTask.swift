public import WorkbenchProtocol
internal import Foundation

/// One task as a stage receives it: the document and the outputs of the steps it consumes.
public struct StageTask: Sendable {
    public let id: String
    public let document: Document
    let inputs: [(name: String, output: [UInt8])]

    /// Names of the inputs present (what the stage's hello `consumes`, as the host matched them).
    public var inputNames: [String] { inputs.map(\.name) }

    /// The raw JSON of input `name`, or nil when the host sent none by that name.
    public func rawInput(_ name: String) -> [UInt8]? { inputs.first(where: { $0.name == name })?.output }

    /// Decodes input `name` into `type`.
    /// - Throws: `StageFailure` when the input is missing or does not decode.
    public func input<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let raw = rawInput(name) else {
            throw StageFailure("missing input \"\(name)\" (present: \(inputNames.joined(separator: ", ")))")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(raw))
        } catch {
            throw StageFailure("input \"\(name)\" does not decode as \(T.self): \(error)")
        }
    }

    /// Input `name` as a JSON value.
    public func jsonInput(_ name: String) -> JSONValue? { rawInput(name).flatMap { try? JSONParser.parse($0) } }

    init(id: String, documentJSON: [UInt8], inputs: [(name: String, output: [UInt8])]) throws(StageFailure) {
        self.id = id
        self.inputs = inputs
        self.document = try Self.decodeDocument(documentJSON)
    }

    /// Reads the document with the protocol's own parser (faster than Codable for long texts).
    static func decodeDocument(_ bytes: [UInt8]) throws(StageFailure) -> Document {
        guard let value = try? JSONParser.parse(bytes), case .object(let object) = value else {
            throw StageFailure("the task's document is not a JSON object")
        }
        guard let id = object["id"]?.stringValue else { throw StageFailure("the task's document has no \"id\" string") }
        return Document(id: id, text: object["text"]?.stringValue ?? "",
                        meta: DocumentMeta(json: object["meta"]?.objectValue ?? JSONObject()))
    }
}
