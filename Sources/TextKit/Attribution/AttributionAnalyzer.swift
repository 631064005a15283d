public import WorkbenchProtocol

/// Builds the attribution stage's output: statements with canonical speakers and sides, the first voice,
/// and the positioned statements the outlet makes in its own voice.
public struct AttributionAnalyzer: Sendable {
    public let topic: Topic
    let matcher: ActorMatcher
    let fighting: Set<String>
    let editorial: PhraseIndex<String>

    public init(topic: Topic) {
        self.topic = topic
        matcher = ActorMatcher(topic: topic)
        let lexicon = EnglishLexicon.shared
        fighting = lexicon.attackWords.union(lexicon.victims).union(lexicon.killedWords).union(lexicon.woundedWords)
            .union(["fire", "fired", "firing", "shot", "shots", "shooting", "attacked", "ceasefire", "cease-fire", "opened", "troops", "positions"])
        editorial = lexicon.editorialIndex
    }

    public func analyze(_ document: Document, extract: ExtractOutput) -> AttributionOutput {
        if let skipped = extract.skipped {
            var output = AttributionOutput()
            output.skipped = skipped
            return output
        }
        let analysis = DocumentAnalysis(document: document, extract: extract, topic: topic, matcher: matcher)
        let text = analysis.text
        let attributions = analysis.statements.map { statement -> AttributionOutput.Attribution in
            AttributionOutput.Attribution(
                speaker: statement.speaker.canonical, actor: statement.speaker.actor, side: statement.speaker.side,
                kind: statement.isDirect ? "direct" : "indirect", cue: statement.cue?.canonical ?? nil, stance: statement.cue?.stance ?? "neutral",
                span: statement.span, quote: text[statement.span], speakerSpan: statement.speaker.span, cueSpan: statement.cueSpan,
                resolution: statement.speaker.resolution, sentence: statement.sentence)
        }
        return AttributionOutput(attributions: attributions, firstVoice: firstVoice(analysis), editorializing: editorializing(analysis))
    }

    /// The side of the first one-sided claim about the fighting; `neutral` when a third party speaks first.
    func firstVoice(_ analysis: DocumentAnalysis) -> String {
        let parties = Set(topic.parties)
        let tokens = analysis.text.tokens
        for statement in analysis.statements {
            let range = analysis.text.sentenceTokens[statement.sentence]
            let aboutFighting = range.contains { fighting.contains(tokens[$0].lower) }
            guard aboutFighting else { continue }
            if parties.contains(statement.speaker.side) { return statement.speaker.side }
            if statement.speaker.side == "both" { continue }
            return "neutral"
        }
        return analysis.statements.first { parties.contains($0.speaker.side) }?.speaker.side ?? "neutral"
    }

    func hyphenatedMarker(_ token: Token) -> String? {
        guard token.isWord, token.lower.contains("-"), let last = token.lower.split(separator: "-").last, last.count > 3 else { return nil }
        let part = Token(span: token.span, text: String(last), kind: .word)
        return editorial.match([part], at: 0, limit: 1)?.0.value
    }

    /// Sentences the outlet states without attribution that carry a marker of position.
    func editorializing(_ analysis: DocumentAnalysis) -> [AttributionOutput.Editorial] {
        let text = analysis.text
        let attributed = Set(analysis.statements.map(\.sentence))
        var result: [AttributionOutput.Editorial] = []
        for s in text.sentences.indices where !attributed.contains(s) {
            let range = text.sentenceTokens[s]
            let sentence = text.sentences[s]
            let quoted = analysis.quotes.filter { $0.inner.overlaps(sentence) }
            var markers: [String] = []
            for i in range where !quoted.contains(where: { $0.outer.contains(text.tokens[i].span) }) {
                if let (marker, _) = editorial.match(text.tokens, at: i, limit: range.upperBound) {
                    markers.append(marker.value)
                } else if let marker = hyphenatedMarker(text.tokens[i]) {
                    // `Russian-occupied Crimea`: a marker as the last part of a compound.
                    markers.append(marker)
                }
            }
            guard !markers.isEmpty else { continue }
            result.append(AttributionOutput.Editorial(start: sentence.start, end: sentence.end, text: text[sentence], markers: markers, sentence: s))
        }
        return result
    }
}
