public import WorkbenchProtocol
import Foundation

/// Sentence sentiment on the NYT editorial snippets of Hutto & Gilbert (2014): Pearson r between the sentiment
/// stage's document score and the mean rating of 20 people (-4..4), on the held-out split only.
///
/// The split is by editorial: a snippet `12_3` is held out when `Metrics.isTest("12")`, so no editorial has snippets
/// on both sides (the training half is what Benchmarks/analysis/sentiment/learn.py learns from). As context the
/// report gives the raters' agreement on the same split: Krippendorff's alpha (interval) and the mean Pearson r of
/// one rating against the mean of the other 19.
public struct NYTEditorials: EvalDataset {
    public static let name = "nyt-editorials"
    public static let summary = "Sentence sentiment on the NYT editorial snippets (Pearson r vs human ratings)"
    public static let defaultPath = "../shared/eval/datasets/vader-nyt-editorials"
    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    /// The editorial a snippet belongs to (`12_3` → `12`), the unit of the split.
    public static func editorial(_ id: String) -> String { String(id.split(separator: "_").first ?? Substring(id)) }

    public static func isHeldOut(_ id: String) -> Bool { Metrics.isTest(editorial(id)) }

    /// Rows of a tab-separated file: id, mean rating, then text (GroundTruth) or sd and raw ratings (AnonDataRatings).
    func rows(_ file: String) throws(EvalError) -> [[String]] {
        let url = URL(fileURLWithPath: path).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw EvalError("\(Self.name): cannot read \(url.path)")
        }
        // The files are ASCII/Latin-1 with CRLF line ends.
        let text = String(data: data, encoding: .isoLatin1) ?? String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return parts.count >= 3 ? parts : nil
        }
    }

    public func documents() throws(EvalError) -> [Document] {
        try rows("nytEditorialSnippets_GroundTruth.txt").compactMap { parts in
            guard Self.isHeldOut(parts[0]) else { return nil }
            return Document(id: parts[0], text: parts[2...].joined(separator: "\t"))
        }
    }

    public func pipeline(topicPath: String?) -> String {
        #"{"steps": [{"id": "extract", "stage": "extract", "config": {"topic": {}, "english_only": false}}, "#
            + #"{"id": "sentiment", "stage": "sentiment", "inputs": ["extract"], "config": {"topic": {}}}]}"#
    }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        var gold: [String: Double] = [:]
        for parts in try rows("nytEditorialSnippets_GroundTruth.txt") {
            gold[parts[0]] = Double(parts[1].trimmingCharacters(in: .whitespaces))
        }
        var predicted: [Double] = [], ratings: [Double] = []
        var missing = 0
        for document in documents {
            guard let rating = gold[document.id] else { continue }
            guard let score = outputs[document.id]?["sentiment"]?["document"]?["score"]?.doubleValue else {
                missing += 1
                continue
            }
            predicted.append(score)
            ratings.append(rating)
        }
        var report = EvalReport(dataset: "\(Self.name) (held-out editorials)")
        report.rows.append(
            .init(
                field: "document",
                values: [("pearson_r", Metrics.pearson(predicted, ratings)), ("n", Double(predicted.count))]))

        // The human raters on the same split.
        var units: [[Double]] = []
        for parts in try rows("nytEditorialSnippets_anonDataRatings.txt") where Self.isHeldOut(parts[0]) {
            let list = parts[3...].joined(separator: " ").filter { "-0123456789., ".contains($0) }
            units.append(list.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) })
        }
        report.rows.append(
            .init(
                field: "human_raters",
                values: [
                    ("alpha", Self.alphaInterval(units)), ("single_rater_r", Self.singleRaterR(units)),
                    ("n", Double(units.count)),
                ]))
        report.notes.append(
            "held-out split: snippets of the editorials with Metrics.isTest(editorial id); the rest is the training "
                + "split"
        )
        report.notes.append("VADER 3.3.2 (compound, PyPI vaderSentiment) on the same held-out snippets: r = 0.483")
        if missing > 0 { report.notes.append("\(missing) held-out snippets had no sentiment output (left out)") }
        return report
    }

    static func alphaInterval(_ units: [[Double]]) -> Double? {
        let alpha = Metrics.krippendorffAlphaInterval(units)
        return alpha.isNaN ? nil : alpha
    }

    /// The mean, over rating positions, of Pearson r between one rating and the mean of the others.
    static func singleRaterR(_ units: [[Double]]) -> Double? {
        let width = units.map(\.count).min() ?? 0
        guard width >= 2 else { return nil }
        var total = 0.0
        for k in 0..<width {
            let one = units.map { $0[k] }
            let rest = units.map { values in (values.reduce(0, +) - values[k]) / Double(values.count - 1) }
            total += Metrics.pearson(one, rest)
        }
        return total / Double(width)
    }
}
