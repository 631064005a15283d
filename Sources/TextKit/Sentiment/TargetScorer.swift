/// Target-dependent sentiment: the words of the target's sentence weighted by their distance (in words) to the
/// target, less outside its clause; a predicate after `X is/was …` attaches to X; with verbs of judgment
/// (`criticized`, `praised`, `accused`) the verb's polarity goes to who is judged, far less to the judge; and a
/// speaker (`X said …`) is mostly not what the statement is about.
public struct TargetScorer: Sendable {
    public let scorer: SentenceScorer

    static let copulas: Set<String> = [
        "is", "was", "are", "were", "be", "been", "being", "seems", "seemed", "remains",
        "remained", "became", "becomes", "appears", "appeared", "looks", "looked", "'s",
    ]
    static let auxiliaries: Set<String> = [
        "is", "was", "are", "were", "be", "been", "being", "get", "got", "gets", "getting",
    ]

    public init(scorer: SentenceScorer) { self.scorer = scorer }

    /// Scores each target (a target outside every sentence scores 0, neutral).
    public func score(
        _ targets: [SentimentTarget], text: AnalyzedText, scored: [ScoredSentence]
    ) -> [SentimentOutput.TargetScore] {
        let model = scorer.lexicon.model
        return targets.map { target in
            guard let s = text.sentence(containing: target.span.start) else {
                // Nothing is known about a target outside every sentence.
                return SentimentOutput.TargetScore(
                    start: target.span.start, end: target.span.end, text: target.text, score: 0,
                    label: "neutral")
            }
            let score = self.score(target.span, in: scored[s])
            return SentimentOutput.TargetScore(
                start: target.span.start, end: target.span.end, text: target.text,
                score: SentimentAnalyzer.round(score),
                label: model.label(score, cuts: model.targetCuts))
        }
    }

    /// The score toward `span` within one scored sentence.
    public func score(_ span: TextSpan, in sentence: ScoredSentence) -> Double {
        let model = scorer.lexicon.model
        let score = scorer.features(
            sentence, weights: weights(for: span, in: sentence), happinessFactor: model.targetHappiness,
            learnedFactor: model.targetLearned
        ).score
        let tokens = sentence.tokens
        let inside = tokens.indices.filter { tokens[$0].start < span.end && tokens[$0].end > span.start }
        guard let first = inside.first, let last = inside.last, isSpeaker(first: first, last: last, tokens: tokens)
        else { return score }
        // Damped toward the middle of the neutral band.
        let middle = (model.targetCuts.negative + model.targetCuts.positive) / 2
        return middle + (score - middle) * model.targetSpeaker
    }

    /// The weight of each token of the sentence for a target at `span`.
    public func weights(for span: TextSpan, in sentence: ScoredSentence) -> [Double] {
        let tokens = sentence.tokens
        let n = tokens.count
        let model = scorer.lexicon.model
        let inside = tokens.indices.filter { tokens[$0].start < span.end && tokens[$0].end > span.start }
        guard let first = inside.first, let last = inside.last else { return [Double](repeating: 1, count: n) }
        // Word positions, to count distance in words.
        var position = [Int](repeating: 0, count: n)
        var p = 0
        for i in 0..<n {
            position[i] = p
            if tokens[i].isWord { p += 1 }
        }
        let clauses = ClauseIndex.clauses(of: sentence)
        let clause = clauses.first { $0.contains(first) } ?? 0..<n
        // `X is corrupt`: the predicate after a copula right after the target belongs to it.
        var predicate: Range<Int>? = nil
        if let copula = copula(after: last, tokens: tokens) {
            let end = clauses.first { $0.contains(copula) }?.upperBound ?? n
            predicate = (copula + 1)..<max(copula + 1, end)
        }
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<n where i < first || i > last {
            let d = i < first ? position[first] - position[i] : position[i] - position[last]
            var w = 1 / (1 + model.targetDecay * Double(max(0, d - 1)))
            if !clause.contains(i) { w *= model.targetOutsideClause }
            if let predicate, predicate.contains(i) { w = max(w, 1) }
            if sentence.entries[i]?.isJudgment == true, let role = judgmentRole(verb: i, target: first, tokens: tokens)
            {
                w *= role == .judged ? model.targetJudged : model.targetJudge
            }
            weights[i] = w
        }
        return weights
    }

    /// The copula right after the target, or after a comma-delimited insert (`The mayor, whom voters elected, is …`).
    func copula(after last: Int, tokens: [Token]) -> Int? {
        var k = last + 1
        if k < tokens.count, tokens[k].text == "," {
            guard let close = tokens[(k + 1)...].prefix(15).firstIndex(where: { $0.text == "," }) else { return nil }
            k = close + 1
        }
        return k < tokens.count && Self.copulas.contains(SentimentLexicon.key(tokens[k])) ? k : nil
    }

    /// `X said`, `X told reporters`, `said X`, `according to X`.
    public func isSpeaker(first: Int, last: Int, tokens: [Token]) -> Bool {
        let speech = scorer.lexicon.speechVerbs
        if last + 1 < tokens.count, speech.contains(tokens[last + 1].lower) { return true }
        if first > 0, speech.contains(tokens[first - 1].lower) { return true }
        return first > 1 && tokens[first - 2].lower == "according" && tokens[first - 1].lower == "to"
    }

    enum Role { case judge, judged }

    /// For a verb of judgment at `verb`: whether the target is the one judged or the judge (passive voice aware).
    func judgmentRole(verb: Int, target: Int, tokens: [Token]) -> Role? {
        let passive =
            (verb > 0 && Self.auxiliaries.contains(tokens[verb - 1].lower))
            || (verb > 1 && Self.auxiliaries.contains(tokens[verb - 2].lower) && tokens[verb - 1].lower.hasSuffix("ly"))
        let targetBefore = target < verb
        return targetBefore != passive ? .judge : .judged
    }
}
