public import WorkbenchProtocol
import Foundation

/// A public benchmark (or hand-annotated gold) that the analysis stages are scored against.
///
/// An adapter turns the dataset into documents and a pipeline; `EvalRunner` runs them through the
/// real host (real stages, a cache of its own so re-scoring is quick), then hands the adapter the
/// stage outputs to score. Adapters report on held-out data only: anything learned from a dataset
/// (lexicon weights, thresholds) must come from its other split.
public protocol EvalDataset: Sendable {
    /// The name used on the command line: `workbench eval <name>`.
    static var name: String { get }
    /// One line for `workbench eval --help`.
    static var summary: String { get }
    /// Where the dataset is expected when `--path` is not given, relative to the workspace.
    static var defaultPath: String { get }

    init(path: String) throws(EvalError)

    /// The documents to analyse (their `meta` may carry what the stages need, e.g. a target span).
    func documents() throws(EvalError) -> [Document]
    /// The pipeline to run over them (pipeline.json text). `topic` is the workspace's topic file, if any.
    func pipeline(topicPath: String?) -> String
    /// Scores the outputs: document id → step id → output.
    func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport
}

/// A dataset that cannot be read or scored.
public struct EvalError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What an evaluation found: named figures, a per-field table, and notes on how it was measured.
public struct EvalReport: Sendable {
    /// One row of the per-field table (precision/recall/F1, or any named figures).
    public struct Row: Sendable {
        public var field: String
        public var values: [(name: String, value: Double?)]
        public init(field: String, values: [(String, Double?)]) {
            self.field = field
            self.values = values.map { (name: $0.0, value: $0.1) }
        }
    }

    public var dataset: String
    public var rows: [Row]
    /// Headline figures, flattened as `field.name` (what bars are checked against).
    public var figures: [String: Double] {
        var out: [String: Double] = [:]
        for row in rows { for v in row.values { if let value = v.value { out["\(row.field).\(v.name)"] = value } } }
        return out
    }
    public var notes: [String]

    public init(dataset: String, rows: [Row] = [], notes: [String] = []) {
        self.dataset = dataset
        self.rows = rows
        self.notes = notes
    }

    /// A table for the terminal (and a paper's appendix).
    public var text: String {
        let names = Array(Set(rows.flatMap { $0.values.map(\.name) })).sorted { a, b in
            let order = ["n", "precision", "recall", "f1", "accuracy", "pearson_r", "macro_f1", "baseline_f1", "alpha"]
            return (order.firstIndex(of: a) ?? 99, a) < (order.firstIndex(of: b) ?? 99, b)
        }
        let width = max(12, rows.map(\.field.count).max() ?? 0)
        var lines = ["\(dataset)", "  " + "field".padding(toLength: width, withPad: " ", startingAt: 0) + names.map { $0.leftPadded(12) }.joined()]
        for row in rows {
            var line = "  " + row.field.padding(toLength: width, withPad: " ", startingAt: 0)
            for name in names {
                let value = row.values.first { $0.name == name }?.value
                line += (value.map { name == "n" ? String(Int($0)) : String(format: "%.3f", $0) } ?? "—").leftPadded(12)
            }
            lines.append(line)
        }
        for note in notes { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["dataset"] = .string(dataset)
        o["rows"] = .array(rows.map { row in
            var r = JSONObject()
            r["field"] = .string(row.field)
            for v in row.values { r[v.name] = v.value.map { .number(($0 * 10000).rounded() / 10000) } ?? .null }
            return .object(r)
        })
        o["notes"] = .array(notes.map { .string($0) })
        return .object(o)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}

/// The datasets `workbench eval` knows.
public enum EvalDatasets {
    public static let all: [any EvalDataset.Type] = [
        NYTEditorials.self, NewsMTSC.self, NarrativeFrames.self, UNEREnglish.self,
    ]

    public static func named(_ name: String) -> (any EvalDataset.Type)? { all.first { $0.name == name } }
}
