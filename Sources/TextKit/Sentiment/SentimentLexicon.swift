public import WorkbenchProtocol
import Foundation

/// Everything the sentiment rules know about one lowercased word, found with a single dictionary lookup.
public struct SentimentWord: Sendable, Equatable {
    /// Valence on VADER's scale (-4..4), from the VADER lexicon or our news additions.
    public var valence: Double?
    /// labMT happiness minus 5 (-4..4), for the average-happiness feature.
    public var happiness: Double?
    /// Weight learned on the training data (rating units), for the bag-of-words correction.
    public var learned: Double?
    /// Booster (+) or dampener (-) increment applied to the next words' valence.
    public var booster: Double?
    public var isNegator = false
    /// `but`, `however`: the clause after weighs more, the one before less.
    public var isContrast = false
    /// `although`, `though`: the clause it opens weighs less.
    public var isConcessive = false
    /// A multi-word entry starts with this word (look in `phrases`).
    public var hasPhrase = false
    /// `which`, `while`, `because`…: the word opens a new clause (`ClauseIndex.openers`).
    public var opensClause = false
    /// A verb of judgment (`criticized`) or of saying (`said`), for target-dependent scoring.
    public var isJudgment = false
    public var isSpeech = false

    public init() {}
}

/// The sentiment stage's data files (`Resources/sentiment/`), loaded once: the valence lexicon, modifiers,
/// happiness scores, learned weights and model coefficients. See `Resources/sentiment/README.md`.
public struct SentimentLexicon: Sendable {
    /// Every single word the rules know, by its lookup key (`key(_:)`).
    public var words: WordMap<SentimentWord>
    /// Multi-word valence entries (`fed up`) and dampener phrases (`kind of`), keyed by their first word.
    public var phrases: WordMap<[(rest: [String], valence: Double?, booster: Double?)]>
    public var clausePunctuation: Set<String>
    /// Verbs whose polarity is about their object (`criticized`, `praised`), for target-dependent scoring.
    public var judgmentVerbs: Set<String>
    /// Verbs of saying (`said`, `told`): a target that is their subject is the speaker, not what is spoken about.
    public var speechVerbs: Set<String>

    public var boosterIncrement: Double
    public var capsIncrement: Double
    public var negationScalar: Double
    public var window: Int
    public var windowDecay: [Double]
    public var contrastBefore: Double
    public var contrastAfter: Double
    public var exclamationIncrement: Double
    public var exclamationMax: Int
    public var questionIncrement: Double
    public var questionMax: Double
    public var alpha: Double
    public var model: SentimentModel

    /// The lexicon shipped in `Resources/sentiment/` (loaded on first use).
    public static let shared: Result<SentimentLexicon, DataFileError> = {
        do throws(DataFileError) { return .success(try SentimentLexicon.load()) } catch { return .failure(error) }
    }()

    /// Reads the data files.
    /// - Throws: `DataFileError` naming the file that is missing or malformed.
    public static func load() throws(DataFileError) -> SentimentLexicon {
        let modifiers = try TextKitData.json("sentiment/modifiers.json")
        let model = try SentimentModel(json: try TextKitData.json("sentiment/model.json"))
        var lexicon = SentimentLexicon(modifiers: modifiers, model: model)
        for (file, column) in [
            ("sentiment/vader_lexicon.tsv", 0), ("sentiment/news_lexicon.tsv", 0),
            ("sentiment/happiness.tsv", 1), ("sentiment/learned_weights.tsv", 2),
        ] {
            for (word, value) in try Self.table(file) {
                switch column {
                case 0: lexicon.addValence(word, value)
                case 1: lexicon.words[word, default: SentimentWord()].happiness = value - 5
                default: lexicon.words[word, default: SentimentWord()].learned = value
                }
            }
        }
        return lexicon
    }

    /// A lexicon from a modifiers file and a model (no words yet): for `load()` and for tests.
    public init(modifiers: JSONValue, model: SentimentModel) {
        func number(_ key: String, _ fallback: Double) -> Double { modifiers[key]?.doubleValue ?? fallback }
        words = WordMap()
        phrases = WordMap()
        boosterIncrement = number("booster_increment", 0.293)
        capsIncrement = number("caps_increment", 0.733)
        negationScalar = number("negation_scalar", -0.74)
        window = Int(number("window", 3))
        windowDecay = modifiers["window_decay"]?.arrayValue?.compactMap(\.doubleValue) ?? [1, 0.95, 0.9]
        contrastBefore = number("contrast_before", 0.5)
        contrastAfter = number("contrast_after", 1.5)
        exclamationIncrement = number("exclamation_increment", 0.292)
        exclamationMax = Int(number("exclamation_max", 4))
        questionIncrement = number("question_increment", 0.18)
        questionMax = number("question_max", 0.96)
        alpha = number("normalization_alpha", 15)
        clausePunctuation = Set(TextKitData.strings(modifiers, "clause_punctuation"))
        judgmentVerbs = Set(TextKitData.strings(modifiers, "judgment_verbs"))
        speechVerbs = Set(TextKitData.strings(modifiers, "speech_verbs"))
        self.model = model
        for word in TextKitData.strings(modifiers, "boosters") {
            words[word, default: SentimentWord()].booster = boosterIncrement
        }
        for word in TextKitData.strings(modifiers, "dampeners") {
            words[word, default: SentimentWord()].booster = -boosterIncrement
        }
        for phrase in TextKitData.strings(modifiers, "dampener_phrases") {
            let parts = phrase.split(separator: " ").map(String.init)
            guard parts.count > 1 else { continue }
            phrases[parts[0], default: []].append((Array(parts.dropFirst()), nil, -boosterIncrement))
        }
        for word in TextKitData.strings(modifiers, "negators") {
            words[word, default: SentimentWord()].isNegator = true
        }
        for word in TextKitData.strings(modifiers, "contrast") {
            words[word, default: SentimentWord()].isContrast = true
        }
        for word in TextKitData.strings(modifiers, "concessive") {
            words[word, default: SentimentWord()].isConcessive = true
        }
        for word in ClauseIndex.openers { words[word, default: SentimentWord()].opensClause = true }
        for word in judgmentVerbs { words[word, default: SentimentWord()].isJudgment = true }
        for word in speechVerbs { words[word, default: SentimentWord()].isSpeech = true }
        for first in phrases.allKeys { words[first, default: SentimentWord()].hasPhrase = true }
    }

    /// Adds (or overrides) a valence entry; a multi-word entry becomes a phrase.
    public mutating func addValence(_ entry: String, _ valence: Double) {
        let parts = entry.split(separator: " ").map(String.init)
        if parts.count == 1 {
            words[entry, default: SentimentWord()].valence = valence
        } else if parts.count > 1 {
            phrases[parts[0], default: []].removeAll { $0.rest == Array(parts.dropFirst()) }
            phrases[parts[0], default: []].append((Array(parts.dropFirst()), valence, nil))
            words[parts[0], default: SentimentWord()].hasPhrase = true
        }
    }

    /// `word<TAB>number` lines of a data file (comments and blank lines skipped).
    static func table(_ file: String) throws(DataFileError) -> [(String, Double)] {
        var rows: [(String, Double)] = []
        for (n, line) in try TextKitData.lines(file).enumerated() {
            let parts = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false)
            guard parts.count >= 2, let value = Double(String(decoding: parts[1], as: UTF8.self).trimming(" ")) else {
                throw DataFileError(
                    file: file, message: "line \(n + 1) (not counting comments): expected word<TAB>number")
            }
            rows.append((String(decoding: parts[0], as: UTF8.self), value))
        }
        return rows
    }

    /// The lookup form of a token: lowercase, with typographic apostrophes made straight.
    @inline(__always)
    public static func key(_ token: Token) -> String {
        // ’ is E2 80 99 in UTF-8: look for its last byte before building a new string.
        guard token.lower.utf8.contains(0x99) else { return token.lower }
        return String(String.UnicodeScalarView(token.lower.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }

    /// `isn't`, `don’t`, `never`: a word that negates what follows.
    public func isNegator(_ key: String, entry: SentimentWord?) -> Bool {
        if entry?.isNegator == true { return true }
        return key.hasSuffix("n't")
    }
}
