public import WorkbenchProtocol

/// A span whose sentiment is asked for (`meta.targets`).
public struct SentimentTarget: Sendable, Equatable {
    public var span: TextSpan
    public var text: String
    public init(span: TextSpan, text: String) {
        self.span = span
        self.text = text
    }

    /// Reads `meta.extra["targets"]`: an array of `{"start", "end", "text"}` (scalar offsets); nil when absent.
    public static func targets(in extra: JSONObject) -> [SentimentTarget]? {
        guard let array = extra["targets"]?.arrayValue else { return nil }
        return array.compactMap { value in
            guard let start = value["start"]?.intValue, let end = value["end"]?.intValue, start <= end else {
                return nil
            }
            return SentimentTarget(span: TextSpan(start, end), text: value["text"]?.stringValue ?? "")
        }
    }
}

/// Runs the sentiment rules over one document: sentences, document, actors, targets and portrayals.
public struct SentimentAnalyzer: Sendable {
    public let scorer: SentenceScorer
    public let portrayals: PortrayalFinder

    public init(lexicon: SentimentLexicon, portrayals: PortrayalFinder) {
        scorer = SentenceScorer(lexicon: lexicon)
        self.portrayals = portrayals
    }

    public var model: SentimentModel { scorer.lexicon.model }

    /// Analyses `text` as extract segmented it.
    public func analyze(
        text: String, extract: ExtractOutput, attribution: AttributionOutput? = nil,
        targets: [SentimentTarget]? = nil
    ) -> SentimentOutput {
        if let skipped = extract.skipped ?? attribution?.skipped { return SentimentOutput(skipped: skipped) }
        let analyzed = AnalyzedText(text: text, extract: extract)
        let scored = analyzed.sentences.indices.map { scorer.score(analyzed, sentence: $0) }
        let sentences = scored.map {
            SentimentOutput.Sentence(
                start: $0.span.start, end: $0.span.end, score: Self.round($0.score), label: model.label($0.score))
        }
        let document = documentScore(scored)
        let clauses = ClauseIndex(scored)
        let actors = ActorSentiment.score(
            entities: extract.entities, text: analyzed, scored: scored, clauses: clauses, scorer: scorer)
        let targetScores = targets.map { TargetScorer(scorer: scorer).score($0, text: analyzed, scored: scored) }
        let found = portrayals.find(
            in: scored, entities: extract.entities,
            attributions: attribution?.attributions ?? extract.statements.map { AttributionOutput.Attribution($0, in: analyzed.string) })
        return SentimentOutput(
            document: document, sentences: sentences, actors: actors.actors, sides: actors.sides,
            targets: targetScores, portrayal: found)
    }

    /// The word-weighted mean of the sentence scores.
    func documentScore(_ scored: [ScoredSentence]) -> SentimentOutput.DocumentScore {
        var sum = 0.0, weight = 0.0
        for s in scored.indices {
            var count = 0
            for token in scored[s].tokens.indices where scored[s].tokens[token].isWord { count += 1 }
            let words = Double(count)
            sum += scored[s].score * words
            weight += words
        }
        let score = weight > 0 ? sum / weight : 0
        return SentimentOutput.DocumentScore(
            score: Self.round(score), label: model.label(score), sentences: scored.count)
    }

    /// Scores are written with four decimals, so outputs are stable and compact.
    public static func round(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
