public import WorkbenchProtocol

/// Runs the extract rules over one document and assembles `ExtractOutput`.
public struct DocumentExtractor: Sendable {
    public let topic: Topic
    public let englishOnly: Bool
    let matcher: ActorMatcher
    let terms: TermFinder

    public init(topic: Topic, englishOnly: Bool = true) {
        self.topic = topic
        self.englishOnly = englishOnly
        matcher = ActorMatcher(topic: topic)
        terms = TermFinder(topic: topic)
    }

    public func extract(_ document: Document) -> ExtractOutput {
        let (language, confidence) = LanguageDetector.shared.detect(document.text)
        var output = ExtractOutput(language: language, languageConfidence: (confidence * 100).rounded() / 100)
        output.outlet = document.meta.outlet
        output.outletSource = document.meta.outletSource
        output.date = document.meta.date
        if englishOnly && language != "en" {
            output.skipped = ExtractOutput.Skip(reason: "language \(language): English-only analysis")
            return output
        }
        let analysis = DocumentAnalysis(document: document, topic: topic, matcher: matcher)
        let text = analysis.text
        output.removed = analysis.boilerplate.removed
        output.headline = analysis.boilerplate.headline
        output.paragraphs = text.paragraphs
        output.sentences = zip(text.sentences, text.sentenceParagraph).map { ExtractOutput.SentenceRef(span: $0, paragraph: $1) }
        output.tokens = text.tokens.flatMap { [$0.start, $0.end] }
        if output.outlet == nil, let signature = signature(in: analysis.boilerplate.removed) {
            output.outlet = signature
            output.outletSource = "signature"
        }
        output.entities = entities(analysis)
        output.statements = analysis.statements.map(ExtractOutput.Statement.init)
        let casualties = CasualtyFinder(matcher: matcher).find(
            in: text, statements: analysis.statements, days: analysis.days, resolver: analysis.resolver, headline: analysis.headline,
            eventYear: analysis.resolver.reference?.year, headings: headingDays(analysis))
        output.casualties = casualties.claims
        output.headlineCasualties = casualties.headlineClaims
        output.historical = casualties.historical
        output.numbers = numbers(text, casualtyNumbers: casualties.casualtyNumbers)
        var termMentions: [ExtractOutput.TermMention] = []
        if let headline = analysis.headline { termMentions += terms.find(headline.tokens, range: 0..<headline.tokens.count) }
        termMentions += terms.find(text.tokens, range: 0..<text.tokens.count)
        output.terms = termMentions
        return output
    }

    /// Lines that are only a date (`May 12, 2023 (Friday)`), removed as furniture or kept as headings, in text order.
    func headingDays(_ analysis: DocumentAnalysis) -> [(start: Int, day: DayResolver.Day)] {
        let finder = DayMentions(resolver: analysis.resolver)
        var result: [(start: Int, day: DayResolver.Day)] = []
        for removal in analysis.boilerplate.removed where removal.end - removal.start <= 200 {
            for line in removal.text.split(separator: "\n") {
                if let day = finder.headingDay(Substring(String(line).trimming(" \t"))) { result.append((removal.start, day)) }
            }
        }
        let text = analysis.text
        for s in text.sentences.indices where text.isHeading(s) && text.sentenceTokens[s].count <= 8 {
            if let day = finder.headingDay(Substring(text[text.sentences[s]])) { result.append((text.sentences[s].start, day)) }
        }
        return result.sorted { $0.start < $1.start }
    }

    /// Topic actors first; the recogniser's names where no actor is.
    func entities(_ analysis: DocumentAnalysis) -> [ExtractOutput.Entity] {
        var result: [ExtractOutput.Entity] = []
        var covered: [TextSpan] = []
        let names = NamedEntityRecognizer.shared.recognize(analysis.text)
        // Countries outside the topic are the recognizer's to name: their mentions only add who they are.
        var worldActors: [TextSpan: ActorMention] = [:]
        for mention in analysis.mentions.joined() where mention.kind != .reference && !mention.inTopic { worldActors[mention.span] = mention }
        // `the Ministry`: a reference to an actor is not a name of its own.
        for mention in analysis.mentions.joined() where mention.kind == .reference { covered.append(mention.span) }
        for mention in analysis.mentions.joined() where mention.kind != .reference && mention.inTopic {
            let type: String = switch mention.kind {
            case .person: "PER"
            case .institution: "ORG"
            default: "LOC"
            }
            let isActor = mention.kind != .place
            result.append(ExtractOutput.Entity(span: mention.span, text: analysis.text[mention.span], type: type, canonical: mention.canonical,
                                               actor: isActor ? mention.actor : nil, side: mention.side))
            covered.append(mention.span)
        }
        for mention in names where !covered.contains(where: { $0.overlaps(mention.span) }) {
            if let actor = worldActors[mention.span], actor.kind != .place {
                result.append(ExtractOutput.Entity(span: mention.span, text: mention.text, type: mention.type, canonical: actor.canonical,
                                                   actor: actor.actor, side: actor.side))
            } else {
                result.append(ExtractOutput.Entity(span: mention.span, text: mention.text, type: mention.type))
            }
        }
        return result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Every number of the body, with what it counts when known.
    func numbers(_ text: AnalyzedText, casualtyNumbers: [Range<Int>]) -> [ExtractOutput.NumberMention] {
        let parser = NumberParser()
        var result: [ExtractOutput.NumberMention] = []
        let casualty = Set(casualtyNumbers.map(\.lowerBound))
        for range in text.sentenceTokens {
            var i = range.lowerBound
            while i < range.upperBound {
                guard let parsed = parser.parse(text.tokens, at: i, limit: range.upperBound) else { i += 1; continue }
                var kind = "quantity"
                if casualty.contains(parsed.tokens.lowerBound) || casualtyNumbers.contains(where: { $0.overlaps(parsed.tokens) }) {
                    kind = "casualty"
                } else if text.tokens[parsed.tokens.lowerBound].kind == .number, parsed.value >= 1900, parsed.value <= 2100, parsed.value.rounded() == parsed.value {
                    kind = "year"
                } else if parsed.tokens.lowerBound > range.lowerBound, EnglishLexicon.shared.months[text.tokens[parsed.tokens.lowerBound - 1].lower] != nil {
                    kind = "date"
                }
                result.append(ExtractOutput.NumberMention(start: parsed.span.start, end: parsed.span.end, text: text[parsed.span], value: parsed.value,
                                                          approximate: parsed.approximate, kind: kind))
                i = parsed.tokens.upperBound
            }
        }
        return result
    }

    /// A domain named in the page's footer lines (`www.presstv.co.uk`), as a signature of the outlet.
    func signature(in removed: [ExtractOutput.Removal]) -> String? {
        for removal in removed where removal.kind == "footer" || removal.kind == "pitch" {
            for word in removal.text.split(separator: " ") {
                let lower = word.lowercased().trimming(".,;:()")
                if lower.contains(".") && (lower.hasPrefix("www.") || lower.hasSuffix(".com") || lower.hasSuffix(".co.uk") || lower.hasSuffix(".example")) {
                    return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
                }
            }
        }
        return nil
    }
}
