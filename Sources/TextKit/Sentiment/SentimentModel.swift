public import WorkbenchProtocol

/// How the rule features combine into a sentence's score, and where the labels are cut (`model.json`).
///
/// A sentence's predicted rating (VADER's -4..4 scale) is `compound·c + positive·p + negative·n + meanValence·m +
/// happiness·h + Σ learned(w)/√(words+1)`, and its score is that rating / 4, clamped to -1..1 (the intercept
/// learned with the weights is left out, so a sentence without sentiment scores 0). The coefficients are fitted
/// on the NYT training split (Benchmarks/analysis/sentiment/learn.py); the target parameters and the label cuts
/// on the NewsMTSC training half (learn_targets.py).
public struct SentimentModel: Sendable, Equatable {
    /// Where a score turns `negative` (at or below) and `positive` (at or above); in between it is `neutral`.
    public struct Cuts: Sendable, Equatable {
        public var negative: Double
        public var positive: Double
        public init(negative: Double, positive: Double) {
            self.negative = negative
            self.positive = positive
        }
    }

    public var compound: Double
    /// Coefficients of the positive-only and negative-only normalised sums (negativity can weigh more than positivity).
    public var positive: Double
    public var negative: Double
    public var meanValence: Double
    public var happiness: Double
    /// Whether learned weights apply to words taken for names (`Trump` inside a sentence): off, so the topics of the
    /// training editorials do not colour the people of other corpora.
    public var learnedOnNames = false
    /// Label cuts for sentences and documents (and actors), and for targets.
    public var labelCuts: Cuts
    public var targetCuts: Cuts
    /// Target-dependent scoring: how fast word weights fall with distance to the target (in words), and the
    /// weight of words outside the target's clause.
    public var targetDecay: Double
    public var targetOutsideClause: Double
    /// With a verb of judgment, the factor on its weight for the one judged (`Y` in `X criticized Y`) and the judge.
    public var targetJudged: Double
    public var targetJudge: Double
    /// How much the happiness and learned features count in a target's view (1 = as in sentences).
    /// The factor on every weight when the target is a speaker (`X said`, `said X`, `according to X`).
    public var targetSpeaker = 1.0
    public var targetHappiness = 1.0
    public var targetLearned = 1.0

    public init(
        compound: Double = 4, positive: Double = 0, negative: Double = 0, meanValence: Double = 0,
        happiness: Double = 0,
        labelCuts: Cuts = Cuts(negative: -0.05, positive: 0.05),
        targetCuts: Cuts = Cuts(negative: -0.05, positive: 0.05),
        targetDecay: Double = 0.1, targetOutsideClause: Double = 0.5, targetJudged: Double = 1.5,
        targetJudge: Double = 0.3
    ) {
        self.compound = compound
        self.positive = positive
        self.negative = negative
        self.meanValence = meanValence
        self.happiness = happiness
        self.labelCuts = labelCuts
        self.targetCuts = targetCuts
        self.targetDecay = targetDecay
        self.targetOutsideClause = targetOutsideClause
        self.targetJudged = targetJudged
        self.targetJudge = targetJudge
    }

    /// Reads `model.json`; missing members keep their defaults.
    public init(json: JSONValue) throws(DataFileError) {
        guard case .object = json else {
            throw DataFileError(file: "sentiment/model.json", message: "must be a JSON object")
        }
        self.init()
        let c = json["coefficients"]
        compound = c?["compound"]?.doubleValue ?? compound
        positive = c?["positive"]?.doubleValue ?? positive
        negative = c?["negative"]?.doubleValue ?? negative
        meanValence = c?["mean_valence"]?.doubleValue ?? meanValence
        happiness = c?["happiness"]?.doubleValue ?? happiness
        learnedOnNames = json["learned_on_names"]?.boolValue ?? learnedOnNames
        func cuts(_ value: JSONValue?, _ fallback: Cuts) -> Cuts {
            Cuts(
                negative: value?["negative_threshold"]?.doubleValue ?? fallback.negative,
                positive: value?["positive_threshold"]?.doubleValue ?? fallback.positive)
        }
        labelCuts = cuts(json["labels"], labelCuts)
        let t = json["target"]
        targetCuts = cuts(t, targetCuts)
        targetDecay = t?["decay"]?.doubleValue ?? targetDecay
        targetOutsideClause = t?["outside_clause"]?.doubleValue ?? targetOutsideClause
        targetJudged = t?["judged"]?.doubleValue ?? targetJudged
        targetJudge = t?["judge"]?.doubleValue ?? targetJudge
        targetSpeaker = t?["speaker"]?.doubleValue ?? targetSpeaker
        targetHappiness = t?["happiness"]?.doubleValue ?? targetHappiness
        targetLearned = t?["learned"]?.doubleValue ?? targetLearned
        guard labelCuts.negative < labelCuts.positive, targetCuts.negative < targetCuts.positive else {
            throw DataFileError(
                file: "sentiment/model.json", message: "a negative_threshold must be below its positive_threshold")
        }
    }

    /// `negative`, `neutral` or `positive` for a score, with the sentence cuts or others.
    public func label(_ score: Double, cuts: Cuts? = nil) -> String {
        let c = cuts ?? labelCuts
        return score <= c.negative ? "negative" : score >= c.positive ? "positive" : "neutral"
    }
}
