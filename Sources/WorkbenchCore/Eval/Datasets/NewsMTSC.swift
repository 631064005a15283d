public import WorkbenchProtocol
import Foundation

/// Target-dependent sentiment on NewsMTSC (Hamborg & Donnay 2021), `devtest_mt.jsonl` and `devtest_rw.jsonl`:
/// one document per sentence, its targets in `meta.targets`, scored by macro-F1 over negative/neutral/positive.
///
/// The target-scoring parameters were tuned on half of these files (Benchmarks/analysis/sentiment/learn_targets.py),
/// so only the other half is scored: sentences with `Metrics.isTest(primary_gid)`. Offsets: `from`/`to` count
/// characters of `sentence_normalized` as Python does, i.e. Unicode scalars; each is checked against `mention`,
/// and UTF-16 offsets are converted should a file use them.
public struct NewsMTSC: EvalDataset {
    public static let name = "newsmtsc"
    public static let summary = "Target-dependent sentiment on NewsMTSC (macro-F1 over negative/neutral/positive)"
    public static let defaultPath = "../shared/eval/datasets/newsmtsc"
    public static let files = ["devtest_mt.jsonl", "devtest_rw.jsonl"]
    static let labels = ["negative", "neutral", "positive"]
    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    /// One sentence of a file, with its targets (scalar offsets) and their gold labels.
    struct Item {
        var file: String
        var id: String
        var text: String
        var targets: [(span: Range<Int>, mention: String, label: String)]
    }

    func items() throws(EvalError) -> [Item] {
        var items: [Item] = []
        for file in Self.files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw EvalError("\(Self.name): cannot read \(url.path)")
            }
            for (n, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
                guard let value = try? JSONParser.parse(Array(line)), let id = value["primary_gid"]?.stringValue,
                    let text = value["sentence_normalized"]?.stringValue
                else {
                    throw EvalError("\(file):\(n + 1): not a NewsMTSC line")
                }
                var item = Item(file: file, id: id, text: text, targets: [])
                for target in value["targets"]?.arrayValue ?? [] {
                    guard let from = target["from"]?.intValue, let to = target["to"]?.intValue,
                        let polarity = target["polarity"]?.doubleValue
                    else { continue }
                    let mention = target["mention"]?.stringValue ?? ""
                    let label = polarity < 3 ? "negative" : polarity > 5 ? "positive" : "neutral"
                    item.targets.append(
                        (Self.scalarSpan(from: from, to: to, mention: mention, in: text), mention, label))
                }
                items.append(item)
            }
        }
        return items
    }

    /// The scalar span of a target: `from..<to` as scalars when that is the mention, else as UTF-16 offsets.
    static func scalarSpan(from: Int, to: Int, mention: String, in text: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars)
        if from >= 0, to <= scalars.count, from <= to, Array(mention.unicodeScalars) == Array(scalars[from..<to]) {
            return from..<to
        }
        let utf16 = text.utf16
        if to <= utf16.count, let a = utf16.index(utf16.startIndex, offsetBy: from, limitedBy: utf16.endIndex),
            let b = utf16.index(utf16.startIndex, offsetBy: to, limitedBy: utf16.endIndex),
            let sa = a.samePosition(in: text.unicodeScalars), let sb = b.samePosition(in: text.unicodeScalars)
        {
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: sa)
            return start..<(start + text.unicodeScalars.distance(from: sa, to: sb))
        }
        return min(from, scalars.count)..<max(min(from, scalars.count), min(to, scalars.count))
    }

    static func documentId(_ item: Item) -> String {
        "\(item.file.replacingOccurrences(of: ".jsonl", with: "")):\(item.id)"
    }

    public func documents() throws(EvalError) -> [Document] {
        try items().filter { Metrics.isTest($0.id) }.map { item in
            var extra = JSONObject()
            extra["targets"] = .array(
                item.targets.map { t in
                    .object(
                        JSONObject([
                            "start": .number(Double(t.span.lowerBound)), "end": .number(Double(t.span.upperBound)),
                            "text": .string(t.mention),
                        ]))
                })
            return Document(id: Self.documentId(item), text: item.text, meta: DocumentMeta(extra: extra))
        }
    }

    public func pipeline(topicPath: String?) -> String {
        #"{"steps": [{"id": "extract", "stage": "extract", "config": {"topic": {}, "english_only": false}}, "#
            + #"{"id": "sentiment", "stage": "sentiment", "inputs": ["extract"], "config": {"topic": {}}}]}"#
    }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        var predicted: [String: [String]] = [:], gold: [String: [String]] = [:],
            sentenceBaseline: [String: [String]] = [:]
        var missing = 0
        for item in try items() where Metrics.isTest(item.id) {
            let output = outputs[Self.documentId(item)]?["sentiment"]
            let targets = output?["targets"]?.arrayValue ?? []
            let sentences = output?["sentences"]?.arrayValue ?? []
            for (k, target) in item.targets.enumerated() {
                guard k < targets.count, let label = targets[k]["label"]?.stringValue else {
                    missing += 1
                    continue
                }
                // What the sentence's own label says, ignoring the target (the baseline target-dependence must beat).
                let sentence = sentences.first {
                    ($0["start"]?.intValue ?? 0) <= target.span.lowerBound
                        && target.span.lowerBound < ($0["end"]?.intValue ?? 0)
                }
                for key in [item.file, "both"] {
                    predicted[key, default: []].append(label)
                    gold[key, default: []].append(target.label)
                    sentenceBaseline[key, default: []].append(sentence?["label"]?.stringValue ?? "neutral")
                }
            }
        }
        var report = EvalReport(dataset: "\(Self.name) (held-out half, by primary_gid)")
        for key in Self.files + ["both"] {
            let p = predicted[key] ?? [], g = gold[key] ?? []
            let f1 = Metrics.macroF1(predicted: p, gold: g, labels: Self.labels)
            let baseline = Metrics.macroF1(predicted: sentenceBaseline[key] ?? [], gold: g, labels: Self.labels)
            let accuracy = g.isEmpty ? nil : Double(zip(p, g).filter { $0 == $1 }.count) / Double(g.count)
            report.rows.append(
                .init(
                    field: key.replacingOccurrences(of: ".jsonl", with: ""),
                    values: [
                        ("macro_f1", f1.macro), ("accuracy", accuracy), ("f1_negative", f1.perLabel["negative"]),
                        ("f1_neutral", f1.perLabel["neutral"]), ("f1_positive", f1.perLabel["positive"]),
                        ("baseline_f1", baseline.macro), ("n", Double(g.count)),
                    ]))
        }
        report.notes.append(
            "held-out half: sentences with Metrics.isTest(primary_gid); target parameters were tuned on the other half")
        report.notes.append("baseline_f1: the label of the target's sentence, ignoring the target")
        if missing > 0 { report.notes.append("\(missing) held-out targets had no sentiment output (left out)") }
        return report
    }
}
