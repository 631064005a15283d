/// Sentiment toward the topic's actors: for each entity with an `actor` (and by `side`), the mean polarity of
/// the clauses that mention it, with the mention count and the clauses as evidence.
public enum ActorSentiment {
    struct Mention {
        var entity: ExtractOutput.Entity
        var clause: TextSpan
        var score: Double
    }

    public static func score(
        entities: [ExtractOutput.Entity], text: AnalyzedText, scored: [ScoredSentence], clauses: ClauseIndex,
        scorer: SentenceScorer
    ) -> (actors: [SentimentOutput.ActorScore], sides: [SentimentOutput.SideScore]) {
        var mentions: [Mention] = []
        var cache: [TextSpan: Double] = [:]
        for entity in entities where entity.actor != nil {
            guard let s = text.sentence(containing: entity.start) else { continue }
            let sentence = scored[s]
            guard let t = sentence.tokens.firstIndex(where: { $0.end > entity.start }),
                let range = clauses.clause(sentence: s, token: t)
            else { continue }
            let span = TextSpan(sentence.tokens[range.lowerBound].start, sentence.tokens[range.upperBound - 1].end)
            let score =
                cache[span]
                ?? {
                    var weights = [Double](repeating: 0, count: sentence.tokens.count)
                    for k in range { weights[k] = 1 }
                    // The mention's own words (`Azerbaijani Defense Ministry`) are not sentiment toward it.
                    for k in range
                    where sentence.tokens[k].start >= entity.start && sentence.tokens[k].end <= entity.end {
                        weights[k] = 0
                    }
                    return scorer.features(sentence, weights: weights).score
                }()
            cache[span] = score
            mentions.append(Mention(entity: entity, clause: span, score: score))
        }
        let model = scorer.lexicon.model
        func summary(_ group: [Mention]) -> (Double, [SentimentOutput.Evidence]) {
            var seen = Set<TextSpan>()
            var evidence: [SentimentOutput.Evidence] = []
            for m in group where seen.insert(m.clause).inserted {
                evidence.append(
                    SentimentOutput.Evidence(
                        start: m.clause.start, end: m.clause.end, score: SentimentAnalyzer.round(m.score)))
            }
            evidence.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            let mean = evidence.isEmpty ? 0 : evidence.map(\.score).reduce(0, +) / Double(evidence.count)
            return (SentimentAnalyzer.round(mean), evidence)
        }
        let byActor = Dictionary(grouping: mentions) { $0.entity.actor! }
        let actors = byActor.keys.sorted().map { id -> SentimentOutput.ActorScore in
            let group = byActor[id]!
            let (score, evidence) = summary(group)
            return SentimentOutput.ActorScore(
                actor: id, canonical: group.compactMap(\.entity.canonical).first,
                side: group.compactMap(\.entity.side).first, mentions: group.count, score: score,
                label: model.label(score), evidence: evidence)
        }
        let bySide = Dictionary(grouping: mentions.filter { $0.entity.side != nil }) { $0.entity.side! }
        let sides = bySide.keys.sorted().map { side -> SentimentOutput.SideScore in
            let group = bySide[side]!
            let (score, _) = summary(group)
            return SentimentOutput.SideScore(
                side: side, actors: Array(Set(group.compactMap(\.entity.actor))).sorted(),
                mentions: group.count, score: score, label: model.label(score))
        }
        return (actors, sides)
    }
}
