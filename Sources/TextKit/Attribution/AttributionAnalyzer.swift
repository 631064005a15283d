public import WorkbenchProtocol

/// Builds the attribution stage's output: statements with canonical speakers and sides, the first voice,
/// and the positioned statements the outlet makes in its own voice.
public struct AttributionAnalyzer: Sendable {
    public let topic: Topic
    let fighting: WordSet
    let editorial: PhraseIndex<String>

    public init(topic: Topic) {
        self.topic = topic
        let lexicon = EnglishLexicon.shared
        fighting = lexicon.attackWords.union(lexicon.victims).union(lexicon.killedWords).union(lexicon.woundedWords)
            .union(["fire", "fired", "firing", "shot", "shots", "shooting", "attacked", "ceasefire", "cease-fire", "opened", "troops", "positions"])
        editorial = lexicon.editorialIndex
    }

    /// The attribution output for a document, from the statements, paragraphs and sentences extract found.
    public func analyze(_ document: Document, extract: ExtractView) -> AttributionOutput {
        if let skipped = extract.skipped {
            var output = AttributionOutput()
            output.skipped = skipped
            return output
        }
        let text = AnalyzedText(document.text, paragraphs: extract.paragraphs, sentences: extract.sentences.map { ($0.span, $0.paragraph) })
        let quotes = QuoteFinder().find(text.string, in: extract.paragraphs)
        let statements = extract.statements.map { AttributionOutput.Attribution($0, in: text.string) }
        return AttributionOutput(attributions: statements, firstVoice: firstVoice(statements, text: text),
                                 editorializing: editorializing(statements, text: text, quotes: quotes))
    }

    /// Analyses a document from scratch (tests, and callers without extract's output).
    public func analyze(_ document: Document, extract: ExtractOutput) -> AttributionOutput {
        analyze(document, extract: ExtractView(extract))
    }

    /// The side of the first one-sided claim about the fighting; `neutral` when a third party speaks first.
    func firstVoice(_ statements: [AttributionOutput.Attribution], text: AnalyzedText) -> String {
        let parties = Set(topic.parties)
        let tokens = text.tokens
        for statement in statements where statement.sentence < text.sentenceTokens.count {
            let range = text.sentenceTokens[statement.sentence]
            let aboutFighting = range.contains { fighting.contains(tokens[$0].lower) }
            guard aboutFighting else { continue }
            if parties.contains(statement.side) { return statement.side }
            if statement.side == "both" { continue }
            return "neutral"
        }
        return statements.first { parties.contains($0.side) }?.side ?? "neutral"
    }

    func hyphenatedMarker(_ token: Token) -> String? {
        guard token.isWord, token.lower.contains("-"), let last = token.lower.split(separator: "-").last, last.count > 3 else { return nil }
        let part = Token(span: token.span, text: String(last), kind: .word)
        return editorial.match([part], at: 0, limit: 1)?.0.value
    }

    /// `Expect …`, `Make no mistake`: sentence openings that mark a position (`editorial.json`'s `sentence_starts`).
    static let sentenceStarts: PhraseIndex<String> = PhraseIndex(
        TextKitData.strings(try? TextKitData.json("english/editorial.json"), "sentence_starts").map { phrase in
            (phrase.split(separator: " ").map(String.init), phrase)
        })

    /// Sentences the outlet states without attribution that carry a marker of position.
    func editorializing(_ statements: [AttributionOutput.Attribution], text: AnalyzedText, quotes: [QuoteFinder.Quote]) -> [AttributionOutput.Editorial] {
        let attributed = Set(statements.map(\.sentence))
        var result: [AttributionOutput.Editorial] = []
        for s in text.sentences.indices where !attributed.contains(s) {
            let range = text.sentenceTokens[s]
            let sentence = text.sentences[s]
            let quoted = quotes.filter { $0.inner.overlaps(sentence) }
            var markers: [String] = []
            for i in range where !quoted.contains(where: { $0.outer.contains(text.tokens[i].span) }) {
                if let (marker, _) = editorial.match(text.tokens, at: i, limit: range.upperBound) {
                    markers.append(marker.value)
                } else if let marker = hyphenatedMarker(text.tokens[i]) {
                    // `Russian-occupied Crimea`: a marker as the last part of a compound.
                    markers.append(marker)
                }
            }
            if let (start, _) = Self.sentenceStarts.match(text.tokens, at: range.lowerBound, limit: range.upperBound) { markers.insert(start.value, at: 0) }
            // A question in the outlet's own voice (`How many more must die before …?`): rhetorical.
            if range.count >= 6, let last = range.last, text.tokens[last].text == "?", !text.isHeading(s),
               !quoted.contains(where: { $0.outer.contains(text.tokens[last].span) || $0.inner.overlaps(sentence) && $0.outer.end >= text.tokens[last].start }) {
                markers.append("rhetorical question")
            }
            guard !markers.isEmpty else { continue }
            result.append(AttributionOutput.Editorial(start: sentence.start, end: sentence.end, text: text[sentence], markers: markers, sentence: s))
        }
        return result
    }
}
