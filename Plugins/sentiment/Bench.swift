import Foundation
import StageKit
import TextKit

/// `wb-sentiment --bench FILE.jsonl [--topic TOPIC.json]`: the stage's own cost per document, measured in process.
/// Each document (`{"id", "text"}`) is first run through extract's rules and encoded as the host would send it
/// (not timed); then decoding that input, the analysis and encoding the output are timed, as in a task.
enum Bench {
    static func run(arguments: [String]) -> Never {
        guard let i = arguments.firstIndex(of: "--bench"), i + 1 < arguments.count,
            let data = FileManager.default.contents(atPath: arguments[i + 1])
        else {
            FileHandle.standardError.write(Data("usage: wb-sentiment --bench FILE.jsonl [--topic TOPIC.json]\n".utf8))
            exit(2)
        }
        var topic = Topic()
        if let t = arguments.firstIndex(of: "--topic"), t + 1 < arguments.count,
            let bytes = FileManager.default.contents(atPath: arguments[t + 1]),
            let json = try? JSONParser.parse(Array(bytes))
        {
            topic = (try? Topic(json: json)) ?? topic
        }
        let extractor = DocumentExtractor(topic: topic, englishOnly: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var inputs: [(String, [UInt8])] = []
        for line in data.split(separator: 0x0A) {
            guard let value = try? JSONParser.parse(Array(line)), let text = value["text"]?.stringValue else {
                continue
            }
            let document = Document(id: value["id"]?.stringValue ?? "", text: text)
            guard let encoded = try? encoder.encode(extractor.extract(document)) else { continue }
            inputs.append((text, Array(encoded)))
        }
        guard !inputs.isEmpty, let lexicon = try? SentimentLexicon.shared.get(),
            let finder = try? PortrayalFinder.load(topic: topic)
        else {
            FileHandle.standardError.write(Data("nothing to measure (or the data files are missing)\n".utf8))
            exit(1)
        }
        let analyzer = SentimentAnalyzer(lexicon: lexicon, portrayals: finder)
        var bytes = 0
        var parts = [UInt64](repeating: 0, count: 3)
        func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
        let started = now()
        for round in 0..<3 {
            for (text, encoded) in inputs {
                let t0 = now()
                guard let extract = try? ExtractInput.decode(encoded) else { continue }
                let t1 = now()
                let output = analyzer.analyze(text: text, extract: extract)
                let t2 = now()
                if let out = try? encoder.encode(output), round == 0 { bytes += out.count }
                parts[0] += t1 - t0
                parts[1] += t2 - t1
                parts[2] += now() - t2
            }
        }
        let seconds = Double(now() - started) / 1e9
        // Where the analysis goes: segmentation and tokens, sentence rules, clauses and actors, portrayals.
        var phase = [UInt64](repeating: 0, count: 4)
        for (text, encoded) in inputs {
            guard let extract = try? ExtractInput.decode(encoded) else { continue }
            let t0 = now()
            let analyzed = AnalyzedText(text: text, extract: extract)
            let t1 = now()
            let scored = analyzed.sentences.indices.map { analyzer.scorer.score(analyzed, sentence: $0) }
            let t2 = now()
            _ = ActorSentiment.score(
                entities: extract.entities, text: analyzed, scored: scored, clauses: ClauseIndex(scored),
                scorer: analyzer.scorer)
            let t3 = now()
            _ = analyzer.portrayals.find(in: scored, entities: extract.entities, attributions: [])
            let t4 = now()
            for (k, d) in [t1 - t0, t2 - t1, t3 - t2, t4 - t3].enumerated() { phase[k] += d }
        }
        let ms = phase.map { Double($0) / 1e6 / Double(inputs.count) }
        print(
            String(
                format:
                    "analysis: tokens %.3f ms, sentence rules %.3f ms, clauses and actors %.3f ms, portrayals %.3f ms",
                ms[0], ms[1], ms[2], ms[3]))
        let per = parts.map { Double($0) / 1e6 / Double(3 * inputs.count) }
        print(
            String(
                format: "decoding extract's output %.3f ms, analysis %.3f ms, encoding %.3f ms", per[0], per[1], per[2])
        )
        let chars = inputs.map { $0.0.unicodeScalars.count }.reduce(0, +) / inputs.count
        print(
            String(
                format:
                    "%d documents (mean %d characters), 3 rounds: %.3f ms per document, %.0f documents/s on one core; "
                    + "output %d bytes per document", inputs.count, chars, seconds * 1000 / Double(3 * inputs.count),
                Double(3 * inputs.count) / seconds, bytes / inputs.count))
        exit(0)
    }
}
