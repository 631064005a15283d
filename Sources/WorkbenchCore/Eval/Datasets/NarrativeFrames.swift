import Foundation
public import WorkbenchProtocol

/// Five generic frames on the Narrative Frames corpus (Frermann et al., ACL 2023): 428 climate-change
/// articles with binary labels RE (resolution), HI (human interest), CO (conflict), MO (moral) and EC
/// (economic). Runs extract → framing with the `semetko-valkenburg` codebook and scores each frame's
/// `present` by F1 against the label, next to the always-yes baseline F1 = 2p / (1 + p).
///
/// Held-out data only. The codebook's thresholds were learned on folds 1–4 of `fold_test_ids.tsv`, so
/// the `test_*` rows score fold 5 alone. When run from the repository root, the `cv_*` rows add a 5-fold
/// cross-validation: step `framing-cv<k>` uses the thresholds learned without fold k
/// (`Benchmarks/analysis/framing/semetko-valkenburg.cv.json`) and scores fold k's articles only.
public struct NarrativeFrames: EvalDataset {
    public static let name = "narrative-frames"
    public static let summary = "Five generic frames on the Narrative Frames corpus (F1 per frame vs always-yes)"
    public static let defaultPath = "../shared/eval/datasets/narrative-frames"
    /// Where the cross-validation thresholds are, relative to the directory `workbench eval` runs in.
    static let crossValidationRules = "Benchmarks/analysis/framing/semetko-valkenburg.cv.json"
    static let testFold = 5
    /// Codebook frame id → label column.
    static let frames: [(id: String, column: String)] = [
        ("responsibility", "RE"), ("human_interest", "HI"), ("conflict", "CO"), ("morality", "MO"), ("economic", "EC"),
    ]

    struct Article {
        var id: String
        var source: String
        var date: String
        var text: String
        var fold: Int
        var labels: [String: Bool]
    }

    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    public func documents() throws(EvalError) -> [Document] {
        try articles().map { article in
            Document(
                id: article.id, text: article.text,
                meta: DocumentMeta(
                    outlet: article.source, date: article.date.isEmpty ? nil : article.date,
                    extra: JSONObject(["fold": .number(Double(article.fold))])))
        }
    }

    public func pipeline(topicPath: String?) -> String {
        var steps: [JSONValue] = [
            ["id": "extract", "stage": "extract"],
            ["id": "framing", "stage": "framing", "inputs": ["extract"], "config": ["codebook": "semetko-valkenburg"]],
        ]
        if let folds = Self.loadCrossValidationRules() {
            for member in folds.members.sorted(by: { $0.key < $1.key }) {
                steps.append([
                    "id": .string("framing-cv\(member.key)"), "stage": "framing", "inputs": ["extract"],
                    "config": ["codebook": "semetko-valkenburg", "rules": member.value],
                ])
            }
        }
        return String(decoding: JSONValue.object(JSONObject(["steps": .array(steps)])).serialized(), as: UTF8.self)
    }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        let articles = try articles()
        var report = EvalReport(dataset: Self.name)
        var missing = 0
        func present(_ article: Article, step: String) -> [String: Bool]? {
            guard let frames = outputs[article.id]?[step]?["frames"]?.arrayValue else { return nil }
            var out: [String: Bool] = [:]
            for frame in frames {
                if let id = frame["frame"]?.stringValue { out[id] = frame["present"]?.boolValue ?? false }
            }
            return out
        }

        let test = articles.filter { $0.fold == Self.testFold }
        let testPredictions = test.map { article -> [String: Bool] in
            guard let p = present(article, step: "framing") else {
                missing += 1
                return [:]
            }
            return p
        }
        report.rows += rows(prefix: "test", articles: test, predictions: testPredictions)
        let positives = Self.frames.map { frame in "\(frame.id) \(test.filter { $0.labels[frame.id] == true }.count)" }
        report.notes.append(
            "test_*: fold \(Self.testFold) of fold_test_ids.tsv (\(test.count) articles), held out; "
                + "the codebook's thresholds were learned on folds 1-4; positives: \(positives.joined(separator: ", "))"
        )

        let folds = Set(articles.map(\.fold))
        // Only when this run had the cross-validation steps (the cache may hold older ones).
        let cvSteps =
            Self.loadCrossValidationRules() != nil
            && folds.allSatisfy { fold in outputs.values.contains { $0["framing-cv\(fold)"] != nil } }
        if cvSteps {
            let predictions = articles.map { article -> [String: Bool] in
                guard let p = present(article, step: "framing-cv\(article.fold)") else {
                    missing += 1
                    return [:]
                }
                return p
            }
            report.rows += rows(prefix: "cv", articles: articles, predictions: predictions)
            report.notes.append(
                "cv_*: 5-fold cross-validation over all \(articles.count) articles; each fold scored with "
                    + "thresholds learned on the other four (\(Self.crossValidationRules))")
        } else {
            report.notes.append(
                "no cross-validation: run from the repository root to find \(Self.crossValidationRules)")
        }
        if missing > 0 {
            report.notes.append("\(missing) articles had no framing output (counted as no frame present)")
        }
        let skipped = articles.filter { outputs[$0.id]?["framing"]?["skipped"] != nil }.count
        if skipped > 0 {
            report.notes.append("\(skipped) articles were skipped by extract (counted as no frame present)")
        }
        report.notes.append(
            "baseline_f1: always-yes, 2p/(1+p); delta: f1 - baseline_f1; "
                + "frames: responsibility=RE, human_interest=HI, conflict=CO, morality=MO, economic=EC")
        return report
    }

    /// Per-frame precision/recall/F1 against the labels, the always-yes baseline, and their means.
    private func rows(prefix: String, articles: [Article], predictions: [[String: Bool]]) -> [EvalReport.Row] {
        var rows: [EvalReport.Row] = []
        var f1s: [Double] = []
        var baselines: [Double] = []
        for (frame, _) in Self.frames {
            var tp = 0
            var predicted = 0
            var gold = 0
            for (article, prediction) in zip(articles, predictions) {
                let p = prediction[frame] ?? false
                let g = article.labels[frame] ?? false
                if p { predicted += 1 }
                if g { gold += 1 }
                if p && g { tp += 1 }
            }
            let prf = Metrics.prf(truePositives: tp, predicted: predicted, gold: gold)
            let rate = Double(gold) / Double(max(1, articles.count))
            let baseline = 2 * rate / (1 + rate)
            f1s.append(prf.f1)
            baselines.append(baseline)
            rows.append(
                EvalReport.Row(
                    field: "\(prefix)_\(frame)",
                    values: [
                        ("n", Double(articles.count)), ("precision", prf.precision), ("recall", prf.recall),
                        ("f1", prf.f1), ("baseline_f1", baseline), ("delta", prf.f1 - baseline),
                    ]))
        }
        let meanF1 = f1s.reduce(0, +) / Double(f1s.count)
        let meanBaseline = baselines.reduce(0, +) / Double(baselines.count)
        rows.append(
            EvalReport.Row(
                field: "\(prefix)_mean",
                values: [
                    ("n", Double(articles.count)), ("f1", meanF1), ("baseline_f1", meanBaseline),
                    ("delta", meanF1 - meanBaseline),
                ]))
        return rows
    }

    /// Fold → rules object, from the cross-validation file, if it is there.
    static func loadCrossValidationRules() -> JSONObject? {
        guard let data = FileManager.default.contents(atPath: crossValidationRules),
            let value = try? JSONParser.parse(Array(data))
        else { return nil }
        return value["folds"]?.objectValue
    }

    /// The labelled articles (the one row without labels is left out; a label "False)" reads as false).
    func articles() throws(EvalError) -> [Article] {
        let metadata = Paths.join(path, "articles_metadata.tsv")
        let foldFile = Paths.join(path, "fold_test_ids.tsv")
        guard let data = FileManager.default.contents(atPath: metadata) else {
            throw EvalError("\(Self.name): cannot read \(metadata)")
        }
        guard let foldData = FileManager.default.contents(atPath: foldFile) else {
            throw EvalError("\(Self.name): cannot read \(foldFile)")
        }
        var folds: [String: Int] = [:]
        for row in TSV.rows(foldData).dropFirst() where row.count >= 2 { folds[row[1]] = Int(row[0]) }
        let rows = TSV.rows(data)
        let header = rows.first ?? []
        var column: [String: Int] = [:]
        for (index, name) in header.enumerated() where column[name] == nil { column[name] = index }
        let labelColumns = Self.frames.compactMap { column[$0.column] }
        guard let id = column["ID"], let text = column["text"], labelColumns.count == Self.frames.count else {
            throw EvalError("\(Self.name): \(metadata) lacks an ID, text or label column")
        }
        var articles: [Article] = []
        for row in rows.dropFirst() where row.count == header.count {
            guard let fold = folds[row[id]], labelColumns.allSatisfy({ !row[$0].isEmpty }) else { continue }
            var labels: [String: Bool] = [:]
            for (frame, c) in zip(Self.frames.map(\.id), labelColumns) { labels[frame] = row[c].hasPrefix("True") }
            articles.append(
                Article(
                    id: row[id], source: column["source"].map { row[$0] } ?? "",
                    date: column["date"].map { row[$0] } ?? "", text: row[text], fold: fold, labels: labels))
        }
        guard !articles.isEmpty else { throw EvalError("\(Self.name): no labelled articles in \(metadata)") }
        return articles
    }
}

/// Tab-separated values with double-quoted fields (`""` inside quotes is a quote; quoted fields may hold
/// tabs and newlines), as Python's csv module writes them.
private enum TSV {
    static func rows(_ data: Data) -> [[String]] {
        let bytes = [UInt8](data)
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quoted = false
        var atFieldStart = true
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where atFieldStart:
                quoted = true
                atFieldStart = false
            case 0x09: endField()
            case 0x0A:
                endField()
                rows.append(row)
                row = []
            case 0x0D: break
            default:
                field.append(b)
                atFieldStart = false
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
