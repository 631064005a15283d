import Foundation
import StageKit
import TextKit

/// `wb-sentiment --features`: the rule features of texts, for the offline learning scripts
/// (Benchmarks/analysis/sentiment/learn.py). Reads JSON lines `{"id", "text", "targets"?: [{"start", "end"}]}`
/// and writes one JSON line per text: the document score, the word-weighted means of the sentence features, the
/// bag-of-words coefficients the learned weights multiply, and each target's score.
enum FeatureDump {
    static func run() -> Never {
        let lexicon: SentimentLexicon
        do { lexicon = try SentimentLexicon.shared.get() } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
        let scorer = SentenceScorer(lexicon: lexicon)
        let targetScorer = TargetScorer(scorer: scorer)
        var out = [UInt8]()
        while let line = readLine(strippingNewline: true) {
            guard let value = try? JSONParser.parse(Array(line.utf8)), let text = value["text"]?.stringValue else {
                continue
            }
            let analyzed = AnalyzedText(text)
            let scored = analyzed.sentences.indices.map { scorer.score(analyzed, sentence: $0) }
            var total = 0.0
            var means = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
            var words: [String: Double] = [:], names: [String: Double] = [:]
            for s in scored {
                let n = Double(s.tokens.filter(\.isWord).count)
                total += n
                let f = s.features
                for (k, x) in [s.score, f.compound, f.meanValence, f.happiness, f.positive, f.negative].enumerated() {
                    means[k] += n * x
                }
                for (i, token) in s.tokens.enumerated() where token.isWord {
                    if s.isName[i] {
                        names[SentimentLexicon.key(token), default: 0] += n / (n + 1).squareRoot()
                    } else {
                        words[SentimentLexicon.key(token), default: 0] += n / (n + 1).squareRoot()
                    }
                }
            }
            var o = JSONObject()
            o["id"] = value["id"] ?? .null
            for (k, name) in ["score", "compound", "mean_valence", "happiness", "positive", "negative"].enumerated() {
                o[name] = .number(total > 0 ? means[k] / total : 0)
            }
            var w = JSONObject()
            for (key, c) in words.sorted(by: { $0.key < $1.key }) { w[key] = .number(total > 0 ? c / total : 0) }
            o["words"] = .object(w)
            var m = JSONObject()
            for (key, c) in names.sorted(by: { $0.key < $1.key }) { m[key] = .number(total > 0 ? c / total : 0) }
            o["names"] = .object(m)
            let targets = (value["targets"]?.arrayValue ?? []).compactMap { t -> SentimentTarget? in
                guard let a = t["start"]?.intValue, let b = t["end"]?.intValue else { return nil }
                return SentimentTarget(span: TextSpan(a, b), text: "")
            }
            if !targets.isEmpty {
                o["targets"] = .array(
                    targetScorer.score(targets, text: analyzed, scored: scored).map { .number($0.score) })
                o["target_features"] = .array(
                    targets.map { t in
                        guard let k = analyzed.sentence(containing: t.span.start) else { return .null }
                        let f = scorer.features(scored[k], weights: targetScorer.weights(for: t.span, in: scored[k]))
                        let tokens = scored[k].tokens
                        let inside = tokens.indices.filter {
                            tokens[$0].start < t.span.end && tokens[$0].end > t.span.start
                        }
                        let speaker =
                            inside.first.map { targetScorer.isSpeaker(first: $0, last: inside.last!, tokens: tokens) }
                            ?? false
                        return .array(
                            [
                                f.compound, f.positive, f.negative, f.meanValence, f.happiness, f.learned,
                                speaker ? 1 : 0,
                            ]
                            .map { .number($0) })
                    })
                o["sentence_scores"] = .array(
                    targets.map { t in
                        .number(analyzed.sentence(containing: t.span.start).map { scored[$0].score } ?? 0)
                    })
            }
            out += JSONValue.object(o).serialized() + [0x0A]
            if out.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(out))
        exit(0)
    }
}
