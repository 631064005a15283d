/// A framing codebook: the frames a researcher codes for, the words and patterns that are evidence of
/// each, and the rule that decides when a document "has" a frame.
///
/// Codebooks are data (`Resources/frames/*.json`, or a researcher's own file); `Codebook(json:)` reads
/// one and says which field is wrong when it cannot. The format is documented in
/// `Resources/frames/README.md`.
public struct Codebook: Sendable {
    public var id: String
    public var version: String
    public var label: String?
    public var description: String?
    public var negation: Negation
    /// Words a wildcard cue never matches, in every frame (`investigat*` against `invest*`).
    public var except: [String]
    public var frames: [Frame]

    public init(
        id: String, version: String, label: String? = nil, description: String? = nil,
        negation: Negation = Negation(), except: [String] = [], frames: [Frame]
    ) {
        self.id = id
        self.version = version
        self.label = label
        self.description = description
        self.negation = negation
        self.except = except
        self.frames = frames
    }

    /// The frame with this id.
    public func frame(_ id: String) -> Frame? { frames.first { $0.id == id } }
}

/// How patterns recognise negation: a negator (`not`, `never`, a word ending in `n't`) shortly before a
/// pattern's first word, or between its words, cancels the match.
public struct Negation: Sendable, Hashable {
    public var words: [String]
    /// Word endings that negate: `n't` (`don't`, `isn't`).
    public var suffixes: [String]
    /// How many tokens before the pattern are looked at.
    public var window: Int

    public init(words: [String] = Negation.defaultWords, suffixes: [String] = ["n't"], window: Int = 3) {
        self.words = words
        self.suffixes = suffixes
        self.window = window
    }

    public static let defaultWords = [
        "not", "no", "never", "without", "nor", "neither", "hardly", "cannot", "none", "nobody", "nothing",
    ]
}

/// One frame of a codebook: its cue groups, patterns and decision rule.
public struct Frame: Sendable {
    public var id: String
    public var label: String
    public var description: String?
    public var groups: [CueGroup]
    public var patterns: [Pattern]
    /// Words a wildcard cue of this frame never matches.
    public var except: [String]
    public var rule: DecisionRule

    public init(
        id: String, label: String, description: String? = nil, groups: [CueGroup], patterns: [Pattern] = [],
        except: [String] = [], rule: DecisionRule
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.groups = groups
        self.patterns = patterns
        self.except = except
        self.rule = rule
    }
}

/// Cues that answer one question of the codebook (`Does one party reproach another?`). A cue's evidence
/// is its own weight times its group's weight.
public struct CueGroup: Sendable {
    /// Nil for the frame's ungrouped `cues`.
    public var id: String?
    public var question: String?
    public var weight: Double
    public var cues: [Cue]

    public init(id: String?, question: String? = nil, weight: Double = 1, cues: [Cue]) {
        self.id = id
        self.question = question
        self.weight = weight
        self.cues = cues
    }
}

/// A cue: one word or a phrase of words, each `word`, `prefix*` or `*suffix`, matched case-insensitively
/// on consecutive tokens of one sentence.
public struct Cue: Sendable, Hashable {
    public var text: String
    public var weight: Double

    public init(_ text: String, weight: Double = 1) {
        self.text = text
        self.weight = weight
    }
}

/// A word sequence: each slot lists alternatives (`must|should|need`), consecutive slots at most
/// `maxGap` tokens apart, within one sentence. A negated match (see `Negation`) does not count unless
/// `negatable` is false.
public struct Pattern: Sendable {
    public var id: String
    public var slots: [[String]]
    public var maxGap: Int
    public var weight: Double
    public var negatable: Bool
    /// The cue group it answers, if any (for the evidence listing).
    public var group: String?

    public init(
        id: String, slots: [[String]], maxGap: Int = 0, weight: Double = 1, negatable: Bool = true, group: String? = nil
    ) {
        self.id = id
        self.slots = slots
        self.maxGap = maxGap
        self.weight = weight
        self.negatable = negatable
        self.group = group
    }
}

/// When a document has a frame: weighted evidence per 1,000 words at least `perThousandWords`, and/or at
/// least `minSentences` sentences each carrying at least `minSentenceWeight` of evidence. When both are
/// given, both must hold.
public struct DecisionRule: Sendable, Hashable {
    public var perThousandWords: Double?
    public var minSentences: Int?
    public var minSentenceWeight: Double?

    public init(perThousandWords: Double? = nil, minSentences: Int? = nil, minSentenceWeight: Double? = nil) {
        self.perThousandWords = perThousandWords
        self.minSentences = minSentences
        self.minSentenceWeight = minSentenceWeight
    }
}
