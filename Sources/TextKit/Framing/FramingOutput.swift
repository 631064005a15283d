/// The output of the `framing` stage (`framing/1`): a frame profile of one document. Every figure
/// points back to its text: each frame lists the sentences and cue spans (Unicode scalars of
/// `document.text`) behind it.
public struct FramingOutput: Encodable, Sendable {
    /// Set (and nothing else) when extract passed the document over.
    public var skipped: ExtractOutput.Skip?
    /// The codebook used.
    public var codebook: CodebookReference?
    /// Word tokens in the content sentences (the denominator of `per_1000_words`).
    public var words: Int?
    /// One entry per frame of the codebook, in codebook order.
    public var frames: [FrameResult]?
    /// Ids of the frames present, in codebook order.
    public var present: [String]?
    /// The present frame with the largest share, if any frame is present.
    public var dominant: String?

    public init(skipped: ExtractOutput.Skip) { self.skipped = skipped }

    public init(codebook: CodebookReference, words: Int, frames: [FrameResult]) {
        self.codebook = codebook
        self.words = words
        self.frames = frames
        present = frames.filter(\.present).map(\.frame)
        dominant = frames.filter(\.present).max { ($0.share, -$0.order) < ($1.share, -$1.order) }?.frame
    }
}

/// Which codebook produced a profile.
public struct CodebookReference: Encodable, Sendable, Hashable {
    public var id: String
    public var version: String
}

/// One frame's result.
public struct FrameResult: Encodable, Sendable {
    public var frame: String
    public var label: String
    /// Normalised strength in [0, 1): r / (1 + r), where r is the evidence relative to the decision rule
    /// (1 = exactly at the threshold, so `score` ≥ 0.5 exactly when the frame is present).
    public var score: Double
    public var present: Bool
    /// This frame's part of the document's framing: its r over the sum of every frame's r (0 when none).
    public var share: Double
    /// Total weighted evidence.
    public var weight: Double
    /// Weighted evidence per 1,000 words.
    public var perThousandWords: Double
    /// Sentences with evidence (of at least the rule's `min_sentence_weight`, if it sets one).
    public var sentences: Int
    public var rule: RuleReference
    /// Evidence per cue group (the codebook's questions), in codebook order.
    public var groups: [GroupResult]
    /// The sentences and the cue spans behind the figures.
    public var evidence: Evidence
    /// Position in the codebook (ties for `dominant`); not encoded.
    var order: Int
    /// r, the evidence relative to the rule (what `score` and `share` are computed from); not encoded.
    var strength: Double

    enum CodingKeys: String, CodingKey {
        case frame, label, score, present, share, weight, sentences, rule, groups, evidence
        case perThousandWords = "per_1000_words"
    }
}

/// What a frame's figures rest on: the sentences with evidence and every cue and pattern match.
public struct Evidence: Encodable, Sendable, Hashable {
    /// Sentences with evidence, in text order.
    public var sentences: [EvidenceSentence]
    /// Each cue (or pattern) that matched, in order of first match, with all its spans.
    public var cues: [CueEvidence]

    /// Every match's span and its cue (or pattern), in text order.
    public var matches: [(span: TextSpan, cue: CueEvidence)] {
        cues.flatMap { cue in cue.matches.map { (span: $0, cue: cue) } }.sorted { $0.span < $1.span }
    }
}

/// The decision rule a frame was judged by.
public struct RuleReference: Encodable, Sendable, Hashable {
    public var perThousandWords: Double?
    public var minSentences: Int?
    public var minSentenceWeight: Double?

    init(_ rule: DecisionRule) {
        perThousandWords = rule.perThousandWords
        minSentences = rule.minSentences
        minSentenceWeight = rule.minSentenceWeight
    }

    enum CodingKeys: String, CodingKey {
        case perThousandWords = "per_1000_words"
        case minSentences = "min_sentences"
        case minSentenceWeight = "min_sentence_weight"
    }
}

/// Evidence for one cue group (`cues` for a frame's ungrouped cues, `patterns` for ungrouped patterns).
public struct GroupResult: Encodable, Sendable, Hashable {
    public var id: String
    public var hits: Int
    public var weight: Double
}

/// A sentence with evidence for a frame, encoded compactly as `[start, end, weight]`.
public struct EvidenceSentence: Encodable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// The evidence the frame's cues and patterns give in this sentence.
    public var weight: Double

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
        try c.encode(weight)
    }
}

/// One cue (or pattern) of a frame that matched, and where: `spans` is `[start0, end0, start1, end1, …]`
/// (Unicode scalars of the document text), like extract's tokens.
public struct CueEvidence: Encodable, Sendable, Hashable {
    /// The cue as the codebook writes it (`accus*`), or nil for a pattern.
    public var cue: String?
    /// The pattern id, for a pattern.
    public var pattern: String?
    /// Its cue group, if it has one.
    public var group: String?
    /// The evidence of one match.
    public var weight: Double
    public var spans: [Int]

    /// The spans as `TextSpan`s.
    public var matches: [TextSpan] {
        stride(from: 0, to: spans.count - 1, by: 2).map { TextSpan(spans[$0], spans[$0 + 1]) }
    }
}
