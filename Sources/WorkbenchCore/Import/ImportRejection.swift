import WorkbenchProtocol

/// A row `workbench import` did not write, where it was and why.
public struct ImportRejection: Hashable, Sendable, CustomStringConvertible {
    /// Why a row was left out.
    public enum Kind: String, Hashable, Sendable {
        /// The row could not be read as a document: malformed JSON, no text, wrong field count, bad UTF-8, …
        case invalid
        /// Its text (normalized) is that of a document already imported or already in the output.
        case duplicate
        /// Its id belongs to a different document already imported or already in the output.
        case duplicateID = "duplicate-id"
    }

    public var kind: Kind
    /// The source file, as shown in messages.
    public var source: String
    /// 1-based line where the row starts (JSONL, CSV); nil for a file of a folder.
    public var line: Int?
    public var reason: String
    /// The document's id, when the row was read that far.
    public var id: String?
    /// The earlier document: its id for duplicates and duplicate ids.
    public var duplicateOf: String?
    /// The content digest, for duplicates.
    public var contentHash: ContentDigest?

    public init(kind: Kind, source: String, line: Int?, reason: String, id: String? = nil,
                duplicateOf: String? = nil, contentHash: ContentDigest? = nil) {
        self.kind = kind
        self.source = source
        self.line = line
        self.reason = reason
        self.id = id
        self.duplicateOf = duplicateOf
        self.contentHash = contentHash
    }

    /// Whether the row counts against the exit status (duplicates do not: skipping them is the point).
    public var isError: Bool { kind != .duplicate }

    /// `file:line: rejected: reason` (or `duplicate:`).
    public var description: String {
        "\(source)\(line.map { ":\($0)" } ?? ""): \(kind == .duplicate ? "duplicate" : "rejected"): \(reason)"
    }

    /// One line of the rejects file: `{"source":…,"line":…,"kind":…,"reason":…,"id":…,"duplicate_of":…,"content_hash":…}`.
    public var jsonLine: [UInt8] {
        var object = JSONObject()
        object["source"] = .string(source)
        object["line"] = line.map { .number(Double($0)) } ?? .null
        object["kind"] = .string(kind.rawValue)
        object["reason"] = .string(reason)
        if let id { object["id"] = .string(id) }
        if let duplicateOf { object["duplicate_of"] = .string(duplicateOf) }
        if let contentHash { object["content_hash"] = .string(contentHash.description) }
        var bytes = JSONValue.object(object).serialized()
        bytes.append(0x0A)
        return bytes
    }
}
