/// The output of the `sentiment` stage (`sentiment/1`). Every span is in Unicode scalars of `document.text`.
///
/// A document extract passed over carries only `skipped`; every other member is then absent.
public struct SentimentOutput: Codable, Sendable, Equatable {
    public var skipped: ExtractOutput.Skip?
    /// The article's overall polarity.
    public var document: DocumentScore?
    /// Every sentence of extract's `sentences`, in order.
    public var sentences: [Sentence]?
    /// Sentiment toward each topic actor (extract's entities with an `actor`), by actor id.
    public var actors: [ActorScore]?
    /// The same, grouped by the actors' `side`.
    public var sides: [SideScore]?
    /// Sentiment toward each target given in `meta.targets`, in the order given.
    public var targets: [TargetScore]?
    /// Who is portrayed acting violently on whom.
    public var portrayal: [Portrayal]?

    public init(skipped: ExtractOutput.Skip) { self.skipped = skipped }

    public init(
        document: DocumentScore, sentences: [Sentence], actors: [ActorScore], sides: [SideScore],
        targets: [TargetScore]?, portrayal: [Portrayal]
    ) {
        self.document = document
        self.sentences = sentences
        self.actors = actors
        self.sides = sides
        self.targets = targets
        self.portrayal = portrayal
    }

    /// The document's score (-1..1), its label and how many sentences it averages.
    public struct DocumentScore: Codable, Sendable, Equatable {
        public var score: Double
        public var label: String
        public var sentences: Int
    }

    /// One sentence: its span, score (-1..1) and label (`negative`, `neutral`, `positive`).
    public struct Sentence: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var score: Double
        public var label: String
    }

    /// A span with the polarity of the clause it stands for.
    public struct Evidence: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var score: Double
    }

    /// Sentiment toward one actor: the mean polarity of the clauses that mention it.
    public struct ActorScore: Codable, Sendable, Equatable {
        public var actor: String
        public var canonical: String?
        public var side: String?
        public var mentions: Int
        public var score: Double
        public var label: String
        /// The clauses that mention the actor, with their polarity.
        public var evidence: [Evidence]
    }

    /// Sentiment toward one side: the mean polarity of the clauses mentioning any of its actors (the clauses are
    /// the evidence of those actors, in `actors`).
    public struct SideScore: Codable, Sendable, Equatable {
        public var side: String
        public var actors: [String]
        public var mentions: Int
        public var score: Double
        public var label: String
    }

    /// Sentiment toward one given target span.
    public struct TargetScore: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
        public var score: Double
        public var label: String
    }

    /// One portrayal of violence: `agent_side` acting (`verb`) on `patient_side`, in whose voice.
    public struct Portrayal: Codable, Sendable, Equatable {
        /// The side portrayed as acting, and the words naming it.
        public var agentSide: String
        public var agent: String
        /// The side acted upon, when the text names one.
        public var patientSide: String?
        public var patient: String?
        /// The act, normalised (`shelled`, `opened fire`, `attack`, `provocation`, `aggression`, `killed`).
        public var verb: String
        /// The words of the pattern (agent to patient), and the sentence index in extract's `sentences`.
        public var span: TextSpan
        public var sentence: Int
        /// `outlet` when the sentence is the outlet's own voice, else the speaker's side.
        public var voice: String
        /// The speaker's name when the portrayal is inside an attributed statement.
        public var speaker: String?

        enum CodingKeys: String, CodingKey {
            case agent, patient, verb, span, sentence, voice, speaker
            case agentSide = "agent_side"
            case patientSide = "patient_side"
        }

        public init(
            agentSide: String, agent: String, patientSide: String?, patient: String?, verb: String, span: TextSpan,
            sentence: Int, voice: String = "outlet", speaker: String? = nil
        ) {
            self.agentSide = agentSide
            self.agent = agent
            self.patientSide = patientSide
            self.patient = patient
            self.verb = verb
            self.span = span
            self.sentence = sentence
            self.voice = voice
            self.speaker = speaker
        }

        /// `patient_side`, `patient` and `speaker` are written as `null` when absent, so every item has every key.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(agentSide, forKey: .agentSide)
            try c.encode(agent, forKey: .agent)
            try c.encode(patientSide, forKey: .patientSide)
            try c.encode(patient, forKey: .patient)
            try c.encode(verb, forKey: .verb)
            try c.encode(span, forKey: .span)
            try c.encode(sentence, forKey: .sentence)
            try c.encode(voice, forKey: .voice)
            try c.encode(speaker, forKey: .speaker)
        }
    }
}
