/// The output of the `attribution` stage (`attribution/1`). Spans are in Unicode scalars of `document.text`.
public struct AttributionOutput: Codable, Sendable {
    public var skipped: ExtractOutput.Skip?
    /// Every attributed statement, in text order.
    public var attributions: [Attribution]
    /// The side of the first one-sided claim about the fighting (`neutral` when a third party speaks first).
    public var firstVoice: String?
    /// Positioned statements the outlet makes in its own voice.
    public var editorializing: [Editorial]

    enum CodingKeys: String, CodingKey {
        case skipped, attributions, editorializing
        case firstVoice = "first_voice"
    }

    public init(attributions: [Attribution] = [], firstVoice: String? = nil, editorializing: [Editorial] = []) {
        self.attributions = attributions
        self.firstVoice = firstVoice
        self.editorializing = editorializing
    }

    /// One attributed statement.
    public struct Attribution: Codable, Sendable, Hashable {
        /// Canonical speaker (`Armenian Defense Ministry`, `Nikol Pashinyan`, `unnamed reports`, `both sides`).
        public var speaker: String
        /// The topic actor id, when the speaker is one.
        public var actor: String?
        /// The speaker's camp: a side of the topic, `both`, or `other`.
        public var side: String
        /// `direct` when any of the speaker's words are in quotation marks, else `indirect`.
        public var kind: String
        /// The cue (`said`, `according to`, `accused`), or nil for a quote with no cue.
        public var cue: String?
        /// `neutral` (said, told), `distancing` (claimed, alleged), `assertive` (confirmed, revealed),
        /// `accusatory` (accused, blamed), `denial` (denied).
        public var stance: String
        /// What the speaker says: the statement's span (the quote, or the reported clause).
        public var start: Int
        public var end: Int
        public var quote: String
        /// Where the speaker is named (or referred to), and the cue.
        public var speakerSpan: TextSpan?
        public var cueSpan: TextSpan?
        /// How the speaker was found: `named`, `pronoun`, `definite` (the ministry), `previous` (no cue).
        public var resolution: String
        /// The sentence index (in extract's `sentences`).
        public var sentence: Int

        enum CodingKeys: String, CodingKey {
            case speaker, actor, side, kind, cue, stance, start, end, quote, resolution, sentence
            case speakerSpan = "speaker_span"
            case cueSpan = "cue_span"
        }

        public init(speaker: String, actor: String?, side: String, kind: String, cue: String?, stance: String, span: TextSpan, quote: String,
                    speakerSpan: TextSpan?, cueSpan: TextSpan?, resolution: String, sentence: Int) {
            self.speaker = speaker
            self.actor = actor
            self.side = side
            self.kind = kind
            self.cue = cue
            self.stance = stance
            start = span.start
            end = span.end
            self.quote = quote
            self.speakerSpan = speakerSpan
            self.cueSpan = cueSpan
            self.resolution = resolution
            self.sentence = sentence
        }

        public var span: TextSpan { TextSpan(start, end) }
    }

    /// A statement in the outlet's own voice that carries a position, and the words that mark it.
    public struct Editorial: Codable, Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var text: String
        public var markers: [String]
        public var sentence: Int
    }
}

extension AttributionOutput.Attribution {
    /// The record of one of extract's statements, with its text from `text`.
    public init(_ s: ExtractOutput.Statement, in text: ScalarString) {
        self.init(speaker: s.speaker, actor: s.actor, side: s.side, kind: s.kind, cue: s.cue, stance: s.stance, span: TextSpan(s.start, s.end),
                  quote: text[TextSpan(s.start, s.end)], speakerSpan: s.speakerSpan, cueSpan: s.cueSpan, resolution: s.resolution, sentence: s.sentence)
    }
}
