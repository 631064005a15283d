import Foundation
public import WorkbenchProtocol

/// Named entities on UNER English-PUD (Universal NER v1): micro precision/recall/F1 on exact
/// (start, end, type) matches of PER/ORG/LOC, per type and overall.
///
/// One document per sentence (the `# text =` line); every gold token is located in that text in order, so
/// gold entities become scalar spans. The pipeline is `extract` alone, with no topic, so its `entities` are
/// the recogniser's names; they are compared with the gold (other types extract may carry are ignored).
/// The split is fixed by the dataset: sentence ids starting `n` (news, 500 sentences) are held out and give
/// the headline figures; ids starting `w` (Wikipedia) are the recogniser's training data, reported separately
/// as `train_wiki`.
public struct UNEREnglish: EvalDataset {
    public static let name = "uner"
    public static let summary = "Entities on UNER English-PUD, news half (PER/ORG/LOC, exact span F1)"
    public static let defaultPath = "../shared/eval/datasets/uner-english-pud"
    static let fileName = "en_pud-ud-test.iob2"
    static let types = ["PER", "ORG", "LOC"]
    let path: String

    public init(path: String) throws(EvalError) { self.path = path }

    public func documents() throws(EvalError) -> [Document] {
        var file = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = (path as NSString).appendingPathComponent(Self.fileName)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EvalError("\(Self.name): cannot read \(file)")
        }
        return try UNERReader.sentences(String(decoding: data, as: UTF8.self), file: file).map { sentence in
            var extra = JSONObject()
            extra["uner_half"] = .string(sentence.id.hasPrefix("n") ? "news" : "wiki")
            extra["uner_gold"] = .array(
                sentence.entities.map {
                    .array([.number(Double($0.start)), .number(Double($0.end)), .string($0.type)])
                })
            return Document(id: sentence.id, text: sentence.text, meta: DocumentMeta(extra: extra))
        }
    }

    /// `extract` alone, with an explicitly empty topic: the workspace's topic actors would otherwise take the
    /// place of the recogniser's names, and the figures must measure the recogniser on any workspace.
    public func pipeline(topicPath: String?) -> String {
        #"{"steps": [{"id": "extract", "stage": "extract", "config": {"topic": {}}}]}"#
    }

    public func score(_ outputs: [String: [String: JSONValue]], documents: [Document]) throws(EvalError) -> EvalReport {
        struct Counts { var tp = 0, predicted = 0, gold = 0 }
        var counts: [String: Counts] = [:]  // "news.PER", "news", …
        var missing = 0
        var skipped = 0
        for document in documents {
            let half = document.meta.extra["uner_half"]?.stringValue == "news" ? "news" : "train_wiki"
            let gold = (document.meta.extra["uner_gold"]?.arrayValue ?? []).compactMap(Self.entity)
            guard let extract = outputs[document.id]?["extract"] else {
                missing += 1
                continue
            }
            if extract["skipped"].map({ !$0.isNull }) == true { skipped += 1 }
            let predicted = (extract["entities"]?.arrayValue ?? []).compactMap { value -> Entity? in
                guard let start = value["start"]?.intValue, let end = value["end"]?.intValue,
                    let type = value["type"]?.stringValue, Self.types.contains(type)
                else { return nil }
                return Entity(start: start, end: end, type: type)
            }
            for type in Self.types {
                let p = predicted.filter { $0.type == type }
                let g = gold.filter { $0.type == type }
                let tp = Metrics.matches(p, g)
                for key in [half, "\(half).\(type)"] {
                    counts[key, default: Counts()].tp += tp
                    counts[key, default: Counts()].predicted += p.count
                    counts[key, default: Counts()].gold += g.count
                }
            }
        }
        var rows: [EvalReport.Row] = []
        for half in ["news", "train_wiki"] {
            for key in [half] + Self.types.map({ "\(half).\($0)" }) {
                let c = counts[key] ?? Counts()
                let m = Metrics.prf(truePositives: c.tp, predicted: c.predicted, gold: c.gold)
                rows.append(
                    EvalReport.Row(
                        field: key,
                        values: [
                            ("n", Double(c.gold)), ("precision", m.precision), ("recall", m.recall),
                            ("f1", m.f1),
                        ]))
            }
        }
        var notes = [
            "exact (start, end, type) matches; n = gold entities; headline = news (held out, 500 sentences)",
            "train_wiki = the Wikipedia half, the recogniser's training data (lists and weights learned there): "
                + "not a test figure",
        ]
        if missing > 0 { notes.append("\(missing) documents have no extract output (counted as predicting nothing)") }
        if skipped > 0 { notes.append("\(skipped) documents were passed over by extract (not detected as English)") }
        return EvalReport(dataset: Self.name, rows: rows, notes: notes)
    }

    struct Entity: Hashable {
        var start: Int
        var end: Int
        var type: String
    }

    static func entity(_ value: JSONValue) -> Entity? {
        guard let a = value.arrayValue, a.count == 3, let start = a[0].intValue, let end = a[1].intValue,
            let type = a[2].stringValue
        else { return nil }
        return Entity(start: start, end: end, type: type)
    }
}

/// Reads UNER's IOB2 files (CoNLL columns with `# sent_id` and `# text` lines) into sentences with
/// scalar-span entities.
enum UNERReader {
    struct Sentence {
        var id: String
        var text: String
        var entities: [UNEREnglish.Entity]
    }

    static func sentences(_ content: String, file: String) throws(EvalError) -> [Sentence] {
        var result: [Sentence] = []
        var id: String?
        var text: String?
        var tokens: [(form: String, tag: String)] = []
        func flush() throws(EvalError) {
            defer {
                id = nil
                text = nil
                tokens = []
            }
            guard let id else { return }
            guard let text else { throw EvalError("\(file): sentence \(id) has no # text line") }
            result.append(Sentence(id: id, text: text, entities: try entities(text: text, tokens: tokens, id: id)))
        }
        for raw in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("# sent_id") {
                try flush()
                id = value(of: line)
            } else if line.hasPrefix("# text") {
                text = value(of: line)
            } else if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) {
                continue
            } else {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.count >= 3 else { throw EvalError("\(file): malformed token line \"\(line)\"") }
                tokens.append((String(columns[1]), String(columns[2])))
            }
        }
        try flush()
        return result
    }

    private static func value(of line: Substring) -> String {
        guard let equals = line.firstIndex(of: "=") else { return "" }
        return line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    }

    /// Locates each token in `text` in order and joins B-/I- runs into entities (other labels are ignored).
    private static func entities(
        text: String, tokens: [(form: String, tag: String)], id: String
    ) throws(EvalError) -> [UNEREnglish.Entity] {
        let scalars = Array(text.unicodeScalars)
        var position = 0
        var result: [UNEREnglish.Entity] = []
        var open: Int?  // index in `result` of the entity the next I- tag may continue
        for token in tokens {
            let form = Array(token.form.unicodeScalars)
            guard let start = find(form, in: scalars, from: position) else {
                throw EvalError("uner: token \"\(token.form)\" of \(id) not found in its text")
            }
            position = start + form.count
            let tag = token.tag
            let type = tag.count > 2 ? String(tag.dropFirst(2)) : ""
            if tag.hasPrefix("I-"), let o = open, result[o].type == type {
                result[o].end = position
            } else if (tag.hasPrefix("B-") || tag.hasPrefix("I-")) && UNEREnglish.types.contains(type) {
                result.append(UNEREnglish.Entity(start: start, end: position, type: type))
                open = result.count - 1
            } else {
                open = nil
            }
        }
        return result
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        outer: for i in from...(haystack.count - needle.count) {
            for k in needle.indices where haystack[i + k] != needle[k] { continue outer }
            return i
        }
        return nil
    }
}
