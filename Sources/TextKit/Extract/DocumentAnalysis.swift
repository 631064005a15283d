public import WorkbenchProtocol

/// The rules shared by the extract and attribution stages, run once over a document: the article found
/// by the boilerplate filter, its sentences, actors, days, quotes and attributed statements.
public struct DocumentAnalysis: Sendable {
    public let text: AnalyzedText
    public let headline: AnalyzedText?
    public let boilerplate: BoilerplateFilter.Result
    public let mentions: [[ActorMention]]
    public let days: [[DayMentions.Mention]]
    public let quotes: [QuoteFinder.Quote]
    public let statements: [AttributionFinder.Statement]
    public let resolver: DayResolver

    /// Analyses `document` (already known to be in English).
    public init(document: Document, topic: Topic, matcher: ActorMatcher) {
        let boilerplate = BoilerplateFilter.shared.filter(ScalarString(document.text))
        let text = AnalyzedText(document.text, paragraphs: boilerplate.paragraphs)
        let headline = boilerplate.headline.map { AnalyzedText(document.text, paragraphs: [$0]) }
        self.init(text: text, headline: headline, boilerplate: boilerplate, topic: topic, matcher: matcher, date: document.meta.date,
                  outletCountry: document.meta.outletCountry)
    }

    /// Rebuilds the analysis from the extract stage's output (as the attribution stage does).
    public init(document: Document, extract: ExtractOutput, topic: Topic, matcher: ActorMatcher) {
        let text = AnalyzedText(text: document.text, extract: extract)
        let headline = extract.headline.map { AnalyzedText(document.text, paragraphs: [$0]) }
        let boilerplate = BoilerplateFilter.Result(paragraphs: extract.paragraphs, headline: extract.headline, removed: extract.removed)
        self.init(text: text, headline: headline, boilerplate: boilerplate, topic: topic, matcher: matcher, date: extract.date ?? document.meta.date,
                  outletCountry: document.meta.outletCountry)
    }

    /// The country the article reports from: its dateline's (`TBILISI, May 12 —`), else the outlet's own when the article
    /// speaks of it. What an unqualified `the foreign ministry` belongs to when no ministry or country came before.
    static func localCountry(boilerplate: BoilerplateFilter.Result, text: AnalyzedText, outletCountry: String?, matcher: ActorMatcher) -> Int? {
        if let dateline = boilerplate.removed.first(where: { $0.kind == "dateline" }), let country = matcher.countryIndex(named: dateline.text) {
            return country
        }
        guard let outletCountry, let country = matcher.countryIndex(named: outletCountry), matcher.mentions(country: country, in: text.tokens) else { return nil }
        return country
    }

    init(text: AnalyzedText, headline: AnalyzedText?, boilerplate: BoilerplateFilter.Result, topic: Topic, matcher: ActorMatcher, date: String?,
         outletCountry: String?) {
        self.text = text
        self.headline = headline
        self.boilerplate = boilerplate
        resolver = DayResolver(publication: date, windowStart: topic.eventStart, windowEnd: topic.eventEnd)
        let dayFinder = DayMentions(resolver: resolver)
        mentions = text.sentenceTokens.map { matcher.mentions(in: text.tokens, range: $0) }
        days = text.sentenceTokens.map { dayFinder.find(text.tokens, range: $0) }
        quotes = QuoteFinder().find(text.string, in: boilerplate.paragraphs)
        let outletSide = matcher.side(ofCountry: outletCountry).flatMap { topic.parties.contains($0) ? $0 : nil }
        statements = AttributionFinder(matcher: matcher, outletSide: outletSide, localCountry: {
            Self.localCountry(boilerplate: boilerplate, text: text, outletCountry: outletCountry, matcher: matcher)
        }).find(in: text, quotes: quotes)
    }
}
