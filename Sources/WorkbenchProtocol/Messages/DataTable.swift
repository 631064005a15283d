/// A table as a stage returns it: data, never formatting. The host renders it in every format.
///
/// Wire form: `{"id","title","columns":[{"id","label","type"}],"rows":[[...]],"evidence":{...},"notes":[...],"charts":[...]}`.
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

    /// A chart the report draws from the table's own columns (a hint: data, not drawing).
    public struct Chart: Hashable, Sendable, Codable {
        /// The chart kinds the report draws.
        public enum Kind: String, Hashable, Sendable, Codable {
            /// One bar per row, one segment per `series` column (`normalized`: each bar sums to 100 %).
            case stackedBar = "stacked-bar"
            /// One row per table row, one cell per `series` column, shaded by value.
            case heatmap
            /// One dot per row at `value`, on the line of its `category`, coloured by `color`.
            case dotPlot = "dot-plot"
        }

        public var kind: Kind
        public var title: String?
        /// The column that labels bars, heatmap rows or dot-plot lines.
        public var category: String
        /// Stacked-bar segments and heatmap cells: column ids, in order.
        public var series: [String]?
        /// Dot plots: the numeric column placing each dot, and the column colouring it.
        public var value: String?
        public var color: String?
        public var normalized: Bool?

        public init(kind: Kind, title: String? = nil, category: String, series: [String]? = nil, value: String? = nil, color: String? = nil,
                    normalized: Bool? = nil) {
            self.kind = kind
            self.title = title
            self.category = category
            self.series = series
            self.value = value
            self.color = color
            self.normalized = normalized
        }
    }

    public var id: String
    public var title: String
    public var columns: [Column]
    public var rows: [[JSONValue]]
    /// Keyed by `"<row index>:<column id>"`.
    public var evidence: [String: [EvidenceSpan]]?
    public var notes: [String]?
    /// Charts of this table in the report.
    public var charts: [Chart]?

    public init(
        id: String, title: String, columns: [Column], rows: [[JSONValue]],
        evidence: [String: [EvidenceSpan]]? = nil, notes: [String]? = nil, charts: [Chart]? = nil
    ) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.evidence = evidence
        self.notes = notes
        self.charts = charts
    }
}
