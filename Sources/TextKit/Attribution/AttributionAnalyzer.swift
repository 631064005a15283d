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

    /// Words that open a clause in the outlet's own voice after a reported one (`X claimed …, but the bloodshed shows …`).
    static let contrastWords: WordSet = ["but", "yet", "however"]
    /// After a contrast word, the reported speech goes on (`said …, but that …`, `but it would respond`).
    static let continuesReport: WordSet = ["that", "it", "he", "she", "they", "its", "his", "her", "their", "would", "will", "added", "said", "also"]

    /// Sentences the outlet states without attribution that carry a marker of position; in an attributed sentence, the
    /// clause after a contrast (`…, but …`) that lies outside every statement and after every cue.
    func editorializing(_ statements: [AttributionOutput.Attribution], text: AnalyzedText, quotes: [QuoteFinder.Quote]) -> [AttributionOutput.Editorial] {
        var bySentence: [Int: [AttributionOutput.Attribution]] = [:]
        for statement in statements { bySentence[statement.sentence, default: []].append(statement) }
        var result: [AttributionOutput.Editorial] = []
        for s in text.sentences.indices {
            var range = text.sentenceTokens[s]
            var sentence = text.sentences[s]
            if let own = bySentence[s] {
                if let marker = openingMarker(own, range: range, text: text) {
                    // `Predictably, the Kremlin called for restraint`: the outlet's verdict on the statement.
                    result.append(AttributionOutput.Editorial(start: sentence.start, end: sentence.end, text: text[sentence], markers: [marker], sentence: s))
                    continue
                }
                guard let clause = outletClause(own, range: range, text: text, quotes: quotes) else { continue }
                range = clause
                sentence = TextSpan(text.tokens[clause.lowerBound].start, sentence.end)
            }
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
            // `Moscow's "peacekeeping"`, `its "peace agenda"`: scare quotes in the outlet's voice.
            for quote in quoted where quote.wordCount <= 3 && quote.inner.end <= sentence.end {
                if let before = range.last(where: { text.tokens[$0].end <= quote.outer.start }),
                   AttributionFinder.marksScareQuote(text.tokens, before: before) {
                    markers.append("scare quotes")
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

    /// A marker opening an attributed sentence before a comma, outside every statement (`Predictably, …`, `As always, …`).
    func openingMarker(_ statements: [AttributionOutput.Attribution], range: Range<Int>, text: AnalyzedText) -> String? {
        guard let (marker, end) = editorial.match(text.tokens, at: range.lowerBound, limit: min(range.upperBound, range.lowerBound + 4)),
              end < range.upperBound, text.tokens[end].text == "," else { return nil }
        let opening = TextSpan(text.tokens[range.lowerBound].start, text.tokens[end].end)
        return statements.contains { TextSpan($0.start, $0.end).overlaps(opening) } ? nil : marker.value
    }

    /// In a sentence with statements, the tokens of a clause the outlet adds in its own voice: after `, but` / `; yet` /
    /// `however`, past every cue and outside every statement's span, where the report does not go on (`but that …`).
    func outletClause(_ statements: [AttributionOutput.Attribution], range: Range<Int>, text: AnalyzedText, quotes: [QuoteFinder.Quote]) -> Range<Int>? {
        let tokens = text.tokens
        let lastCue = statements.compactMap { $0.cueSpan?.end }.max() ?? 0
        var k = range.lowerBound + 1
        while k + 2 < range.upperBound {
            defer { k += 1 }
            let t = tokens[k]
            guard t.isWord, Self.contrastWords.contains(t), t.start >= lastCue, [",", ";", "—", "–"].contains(tokens[k - 1].text) else { continue }
            let position = TextSpan(t.start, t.end)
            guard !statements.contains(where: { $0.kind == "direct" && TextSpan($0.start, $0.end).overlaps(position) }),
                  !quotes.contains(where: { $0.outer.contains(position) }) else { continue }
            var next = k + 1
            if tokens[next].text == "," { next += 1 }
            guard next < range.upperBound, !Self.continuesReport.contains(tokens[next]) else { return nil }
            // An indirect statement runs to the sentence's end: the clause is the outlet's only when a new subject opens it.
            let clause = TextSpan(tokens[next].start, tokens[range.upperBound - 1].end)
            if statements.contains(where: { $0.kind == "indirect" && TextSpan($0.start, $0.end).overlaps(clause) }),
               !Self.opensNewSubject(tokens[next]) { return nil }
            return next..<range.upperBound
        }
        return nil
    }

    /// `X said A, but the shelling …`: a determiner or a capitalised name after the contrast word opens a clause with a
    /// subject of its own.
    static func opensNewSubject(_ next: Token) -> Bool {
        ["the", "this", "these", "a", "an"].contains(next.lower) || (next.isCapitalized && next.isWord)
    }
}
