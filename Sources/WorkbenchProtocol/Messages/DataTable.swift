/// A table as a stage returns it: data, never formatting. The host renders it in every format.
///
/// Wire form: `{"id","title","columns":[{"id","label","type"}],"rows":[[...]],"evidence":{...},"notes":[...]}`.
public struct DataTable: Hashable, Sendable, Codable {
    /// A column: a stable id, a label for people, and a type that decides alignment and formatting.
    public struct Column: Hashable, Sendable, Codable {
        /// Column types the renderers know.
        public enum Kind: String, Hashable, Sendable, Codable {
            case string, integer, number, percent, boolean
        }

        public var id: String
        public var label: String
        public var type: Kind

        public init(id: String, label: String? = nil, type: Kind = .string) {
            self.id = id
            self.label = label ?? id
            self.type = type
        }
    }

    /// The text spans behind one cell: `"row:column" -> [spans]`.
    public struct EvidenceSpan: Hashable, Sendable, Codable {
        public var document: String
        public var start: Int
        public var end: Int
        public var step: String?
        public var text: String?

        public init(document: String, start: Int, end: Int, step: String? = nil, text: String? = nil) {
            self.document = document
            self.start = start
            self.end = end
            self.step = step
            self.text = text
        }
    }

    public var id: String
    public var title: String
    public var columns: [Column]
    public var rows: [[JSONValue]]
    /// Keyed by `"<row index>:<column id>"`.
    public var evidence: [String: [EvidenceSpan]]?
    public var notes: [String]?

    public init(
        id: String, title: String, columns: [Column], rows: [[JSONValue]],
        evidence: [String: [EvidenceSpan]]? = nil, notes: [String]? = nil
    ) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.evidence = evidence
        self.notes = notes
    }
}
