/// The output of the `extract` stage (`extract/1`). Every span is in Unicode scalars of `document.text`.
public struct ExtractOutput: Codable, Sendable {
    /// Set when the stage passed the document over (e.g. not English), with why.
    public var skipped: Skip?
    /// ISO 639-1 code of the detected language, and how sure the detector was (0–1).
    public var language: String
    public var languageConfidence: Double
    public var outlet: String?
    /// How the outlet was decided: `catalog`, `corpus`, `registry rule`, or `signature` (found in the text).
    public var outletSource: String?
    /// Publication date (ISO), from the document's metadata.
    public var date: String?
    /// The headline, when the first content line is one.
    public var headline: TextSpan?
    /// Content paragraphs.
    public var paragraphs: [TextSpan]
    /// Sentences of the content: `[start, end, paragraph index]`.
    public var sentences: [SentenceRef]
    /// Tokens of the content sentences, flattened: `[start0, end0, start1, end1, …]`.
    public var tokens: [Int]
    /// What was removed as boilerplate, and why.
    public var removed: [Removal]
    /// Named entities: people, organisations, places; actors of the topic carry their canonical name and side.
    public var entities: [Entity]
    /// Numbers found (with what they count, when known).
    public var numbers: [NumberMention]
    /// Claims about casualties of the current events, in the article body.
    public var casualties: [Casualty]
    /// Casualty claims in the headline, kept apart (a headline total can contradict the body).
    public var headlineCasualties: [Casualty]
    /// Casualty figures of earlier wars and periods, kept apart from the current ones.
    public var historical: [Historical]
    /// Contested terms of the topic found in the text.
    public var terms: [TermMention]
    /// Attributed statements (direct and reported speech with canonical speakers). Found here because a
    /// casualty claim needs its claimant; the attribution stage reports them (with their text) together
    /// with the first voice and editorializing.
    public var statements: [Statement]

    enum CodingKeys: String, CodingKey {
        case skipped, language, outlet, date, headline, paragraphs, sentences, tokens, removed, entities, numbers, casualties, historical, terms, statements
        case headlineCasualties = "headline_casualties"
        case languageConfidence = "language_confidence"
        case outletSource = "outlet_source"
    }

    public init(language: String, languageConfidence: Double) {
        self.language = language
        self.languageConfidence = languageConfidence
        paragraphs = []
        sentences = []
        tokens = []
        removed = []
        entities = []
        numbers = []
        casualties = []
        headlineCasualties = []
        historical = []
        terms = []
        statements = []
    }

    /// The article after boilerplate removal — the headline, then the content paragraphs, joined by blank
    /// lines — cut out of the document's `text` (the whole text when the document was passed over).
    public func cleanText(of text: String) -> String {
        guard skipped == nil else { return text }
        let scalars = ScalarString(text)
        return ((headline.map { [$0] } ?? []) + paragraphs).map { scalars[$0] }.joined(separator: "\n\n")
    }

    /// Why a stage passed a document over.
    public struct Skip: Codable, Sendable, Hashable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// A sentence: its span and the paragraph it is in (encoded as `[start, end, paragraph]`).
    public struct SentenceRef: Codable, Sendable, Hashable {
        public var span: TextSpan
        public var paragraph: Int
        public init(span: TextSpan, paragraph: Int) {
            self.span = span
            self.paragraph = paragraph
        }
        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            span = TextSpan(try c.decode(Int.self), try c.decode(Int.self))
            paragraph = try c.decode(Int.self)
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(span.start)
            try c.encode(span.end)
            try c.encode(paragraph)
        }
    }

    /// A span removed as boilerplate: `navigation`, `share`, `footer`, `read-more`, `caption`, `credit`,
    /// `agency`, `pitch`, `comment-form`, `stray-character`, `dateline`…
    public struct Removal: Codable, Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var kind: String
        public var text: String
        public init(span: TextSpan, kind: String, text: String) {
            start = span.start
            end = span.end
            self.kind = kind
            self.text = text
        }
    }

    /// A named entity. `type`: `PER`, `ORG`, `LOC`. `actor`/`side`/`canonical` for topic actors.
    public struct Entity: Codable, Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var text: String
        public var type: String
        public var canonical: String?
        public var actor: String?
        public var side: String?
        public init(span: TextSpan, text: String, type: String, canonical: String? = nil, actor: String? = nil, side: String? = nil) {
            start = span.start
            end = span.end
            self.text = text
            self.type = type
            self.canonical = canonical
            self.actor = actor
            self.side = side
        }
        public var span: TextSpan { TextSpan(start, end) }
    }

    /// A number in the text and its value; `kind`: `casualty`, `year`, `date`, `quantity`, `other`.
    public struct NumberMention: Codable, Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var text: String
        public var value: Double
        public var approximate: Bool
        public var kind: String
    }

    /// A casualty claim: who suffered (`side`), how many killed/wounded, which day, who claims it.
    public struct Casualty: Codable, Sendable, Hashable {
        public var side: String
        public var killed: Int?
        public var wounded: Int?
        /// ISO date of the day the casualties happened, when the text lets us tell.
        public var day: String?
        /// The claimant's canonical name, or `outlet` when the article says it in its own voice.
        public var claimant: String
        public var claimantSide: String?
        /// The sentence(s) it comes from, and the number mentions.
        public var start: Int
        public var end: Int
        public var evidence: [TextSpan]

        enum CodingKeys: String, CodingKey {
            case side, killed, wounded, day, claimant, start, end, evidence
            case claimantSide = "claimant_side"
        }

        public init(side: String, killed: Int?, wounded: Int?, day: String?, claimant: String, claimantSide: String?, span: TextSpan, evidence: [TextSpan]) {
            self.side = side
            self.killed = killed
            self.wounded = wounded
            self.day = day
            self.claimant = claimant
            self.claimantSide = claimantSide
            start = span.start
            end = span.end
            self.evidence = evidence
        }
    }

    /// A casualty figure about earlier events (`more than 6,500 killed in 2020`).
    public struct Historical: Codable, Sendable, Hashable {
        public var text: String
        public var start: Int
        public var end: Int
    }

    /// An attributed statement: `attribution/1`'s record without the quoted text (the span gives it).
    public struct Statement: Codable, Sendable, Hashable {
        public var speaker: String
        public var actor: String?
        public var side: String
        public var kind: String
        public var cue: String?
        public var stance: String
        public var start: Int
        public var end: Int
        public var speakerSpan: TextSpan?
        public var cueSpan: TextSpan?
        public var resolution: String
        public var sentence: Int

        enum CodingKeys: String, CodingKey {
            case speaker, actor, side, kind, cue, stance, start, end, resolution, sentence
            case speakerSpan = "speaker_span"
            case cueSpan = "cue_span"
        }

        public init(speaker: String, actor: String?, side: String, kind: String, cue: String?, stance: String, start: Int, end: Int,
                    speakerSpan: TextSpan?, cueSpan: TextSpan?, resolution: String, sentence: Int) {
            self.speaker = speaker
            self.actor = actor
            self.side = side
            self.kind = kind
            self.cue = cue
            self.stance = stance
            self.start = start
            self.end = end
            self.speakerSpan = speakerSpan
            self.cueSpan = cueSpan
            self.resolution = resolution
            self.sentence = sentence
        }

        /// The record of a statement found by `AttributionFinder`.
        public init(_ statement: AttributionFinder.Statement) {
            speaker = statement.speaker.canonical
            actor = statement.speaker.actor
            side = statement.speaker.side
            kind = statement.isDirect ? "direct" : "indirect"
            cue = statement.cue?.canonical
            stance = statement.cue?.stance ?? "neutral"
            start = statement.span.start
            end = statement.span.end
            speakerSpan = statement.speaker.span
            cueSpan = statement.cueSpan
            resolution = statement.speaker.resolution
            sentence = statement.sentence
        }
    }

    /// A contested term: the canonical `term`, its `group`, and where it occurs.
    public struct TermMention: Codable, Sendable, Hashable {
        public var term: String
        public var group: String
        public var start: Int
        public var end: Int
        public var text: String
    }
}
