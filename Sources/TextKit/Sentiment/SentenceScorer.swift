/// One sentence after the valence rules: per-token values, from which the sentence, any clause of it, or a
/// target-weighted view of it can be scored.
public struct ScoredSentence: Sendable {
    public var span: TextSpan
    /// The sentence's tokens (a copy of `AnalyzedText.tokens(ofSentence:)`), their lookup keys (lowercase, straight
    /// apostrophes; empty for non-words) and their lexicon entries.
    public var tokens: [Token]
    public var keys: [String]
    public var entries: [SentimentWord?]
    /// The valence each token carries after negation, boosters, capitals and contrast (0 for most tokens).
    public var valences: [Double]
    /// labMT happiness − 5 per token, or nil.
    public var happiness: [Double?]
    /// The learned bag-of-words weight per token (0 when none).
    public var learned: [Double]
    /// Tokens taken for parts of names (capitalised inside the sentence): they carry no valence.
    public var isName: [Bool]
    /// Exclamation and question-mark emphasis added to the sentence's raw sum.
    public var emphasis: Double
    /// The sentence's score (-1..1) and its parts.
    public var features: SentimentFeatures
    public var score: Double { features.score }
}

/// The features of a (weighted) stretch of text and the score they give.
public struct SentimentFeatures: Sendable, Equatable {
    /// Sum of rule valences (with emphasis), and VADER's normalisation of it to -1..1.
    public var raw: Double
    public var compound: Double
    /// VADER's normalisation of the positive and of the negative valences alone.
    public var positive: Double
    public var negative: Double
    /// Mean of the non-zero valences, / 4 (-1..1).
    public var meanValence: Double
    /// Mean labMT happiness − 5 of the words that have one.
    public var happiness: Double
    /// Σ learned weights / √(words + 1).
    public var learned: Double
    /// The predicted rating / 4, clamped to -1..1.
    public var score: Double
}

/// Scores sentences with VADER's rules (valence lexicon, negation with scope, boosters and dampeners, ALL-CAPS and
/// exclamation emphasis, `but` contrast) plus the learned combination of `SentimentModel`.
public struct SentenceScorer: Sendable {
    public let lexicon: SentimentLexicon

    public init(lexicon: SentimentLexicon) { self.lexicon = lexicon }

    /// Scores sentence `index` of `text`.
    public func score(_ text: AnalyzedText, sentence index: Int) -> ScoredSentence {
        score(tokens: Array(text.tokens(ofSentence: index)), span: text.sentences[index])
    }

    /// Scores a sentence given as tokens.
    public func score(tokens: [Token], span: TextSpan) -> ScoredSentence {
        let n = tokens.count
        var keys = [String](repeating: "", count: n)
        var entries = [SentimentWord?](repeating: nil, count: n)
        var isWord = [Bool](repeating: false, count: n)
        var words = 0, allCaps = 0, capitalized = 0, longWords = 0
        for i in tokens.indices where tokens[i].isWord {
            isWord[i] = true
            keys[i] = SentimentLexicon.key(tokens[i])
            entries[i] = lexicon.words[keys[i]]
            words += 1
            if tokens[i].isAllCaps { allCaps += 1 }
            if tokens[i].text.unicodeScalars.count > 3 {
                longWords += 1
                if tokens[i].isCapitalized { capitalized += 1 }
            }
        }
        let capDifferential = allCaps > 0 && allCaps < words
        // A headline in title case (nearly every longer word capitalised): capitals say nothing about names there.
        let titleCase = longWords >= 3 && Double(capitalized) >= 0.85 * Double(longWords)
        let multiplier = contrastMultipliers(tokens: tokens, keys: keys, entries: entries, isWord: isWord)
        let firstWord = isWord.firstIndex(of: true) ?? 0
        // Proper-name guard: `United`, `Party`, `Justice` inside a sentence are names, not sentiment.
        var isName = [Bool](repeating: false, count: n)
        for i in 0..<n where isWord[i] && i > firstWord && !titleCase {
            isName[i] = tokens[i].isCapitalized && !tokens[i].isAllCaps && !opensQuote(tokens, before: i)
        }

        var valences = [Double](repeating: 0, count: n)
        var boosterAt = [Double](repeating: 0, count: n)
        var skip = [Bool](repeating: false, count: n)
        var phraseValence = [Double?](repeating: nil, count: n)
        for i in 0..<n where isWord[i] {
            if let b = entries[i]?.booster { boosterAt[i] = b }
            guard entries[i]?.hasPhrase == true, let candidates = lexicon.phrases[keys[i]] else { continue }
            for phrase in candidates where i + phrase.rest.count < n {
                guard phrase.rest.indices.allSatisfy({ keys[i + 1 + $0] == phrase.rest[$0] }) else { continue }
                let last = i + phrase.rest.count
                if let b = phrase.booster {
                    boosterAt[last] = b
                    for k in i...last { skip[k] = true }
                } else if let v = phrase.valence {
                    phraseValence[i] = v
                    for k in (i + 1)...last { skip[k] = true }
                }
                break
            }
        }

        for i in 0..<n where isWord[i] && !skip[i] {
            let entry = entries[i]
            guard entry?.booster == nil else { continue }
            guard var v = phraseValence[i] ?? entry?.valence, v != 0 else { continue }
            if isName[i] { continue }
            // `no` followed by a sentiment word negates it rather than counting itself.
            if keys[i] == "no", i + 1 < n, entries[i + 1]?.valence != nil { continue }
            if tokens[i].isAllCaps && capDifferential { v += v > 0 ? lexicon.capsIncrement : -lexicon.capsIncrement }
            var negations = 0
            var seen = 0
            var j = i - 1
            while j >= 0 && seen < lexicon.window {
                if !isWord[j] {
                    if lexicon.clausePunctuation.contains(tokens[j].text) { break }
                    j -= 1
                    continue
                }
                if entries[j]?.isContrast == true || entries[j]?.isConcessive == true { break }
                let decay = seen < lexicon.windowDecay.count ? lexicon.windowDecay[seen] : lexicon.windowDecay.last ?? 1
                if boosterAt[j] != 0 {
                    var s = boosterAt[j] * decay
                    if tokens[j].isAllCaps && capDifferential { s += lexicon.capsIncrement }
                    v += v > 0 ? s : -s
                }
                if lexicon.isNegator(keys[j], entry: entries[j]) { negations += 1 }
                seen += 1
                j -= 1
            }
            // `least` negates (`the least helpful`), but not in `at least` / `very least`.
            if i > 0 && keys[i - 1] == "least" && !(i > 1 && (keys[i - 2] == "at" || keys[i - 2] == "very")) {
                negations += 1
            }
            if negations % 2 == 1 { v *= lexicon.negationScalar }
            valences[i] = v * multiplier[i]
        }

        var exclamations = 0, questions = 0
        for i in tokens.indices where tokens[i].kind == .punctuation {
            if tokens[i].text == "!" { exclamations += 1 } else if tokens[i].text == "?" { questions += 1 }
        }
        var emphasis = Double(min(exclamations, lexicon.exclamationMax)) * lexicon.exclamationIncrement
        if questions > 1 {
            emphasis += questions <= 3 ? Double(questions) * lexicon.questionIncrement : lexicon.questionMax
        }

        var sentence = ScoredSentence(
            span: span, tokens: tokens, keys: keys, entries: entries, valences: valences,
            happiness: (0..<n).map { isWord[$0] ? entries[$0]?.happiness : nil },
            learned: (0..<n).map {
                isWord[$0] && (!isName[$0] || lexicon.model.learnedOnNames) ? entries[$0]?.learned ?? 0 : 0
            },
            isName: isName,
            emphasis: emphasis,
            features: SentimentFeatures(
                raw: 0, compound: 0, positive: 0, negative: 0, meanValence: 0, happiness: 0, learned: 0, score: 0))
        sentence.features = features(sentence, weights: nil, emphasis: emphasis)
        return sentence
    }

    /// The features of a sentence with each token weighted (nil: all 1), and the score they give.
    /// `happinessFactor` and `learnedFactor` scale those two features (target views use their own).
    public func features(
        _ s: ScoredSentence, weights: [Double]?, emphasis: Double = 0, happinessFactor: Double = 1,
        learnedFactor: Double = 1
    ) -> SentimentFeatures {
        var raw = 0.0, positive = 0.0, negative = 0.0, valenceSum = 0.0, valenceWeight = 0.0
        var happy = 0.0, happyWeight = 0.0, learned = 0.0, wordWeight = 0.0
        for i in s.tokens.indices {
            let w = weights?[i] ?? 1
            guard w > 0, s.tokens[i].isWord else { continue }
            wordWeight += w
            let v = s.valences[i]
            if v != 0 {
                raw += w * v
                if v > 0 { positive += w * v } else { negative += w * v }
                valenceSum += w * v
                valenceWeight += w
            }
            if let h = s.happiness[i] {
                happy += w * h
                happyWeight += w
            }
            learned += w * s.learned[i]
        }
        if raw > 0 { raw += emphasis } else if raw < 0 { raw -= emphasis }
        let alpha = lexicon.alpha
        let compound = raw / (raw * raw + alpha).squareRoot()
        let positiveNorm = positive / (positive * positive + alpha).squareRoot()
        let negativeNorm = negative / (negative * negative + alpha).squareRoot()
        let meanValence = valenceWeight > 0 ? valenceSum / valenceWeight / 4 : 0
        let happiness = happyWeight > 0 ? happy / happyWeight : 0
        let learnedFeature = learned / (wordWeight + 1).squareRoot()
        let model = lexicon.model
        let rating =
            compound * model.compound + positiveNorm * model.positive + negativeNorm * model.negative
            + meanValence * model.meanValence + happiness * model.happiness * happinessFactor + learnedFeature
            * learnedFactor
        return SentimentFeatures(
            raw: raw, compound: compound, positive: positiveNorm, negative: negativeNorm, meanValence: meanValence,
            happiness: happiness, learned: learnedFeature, score: max(-1, min(1, rating / 4)))
    }

    /// Weights by contrast: before `but` × contrastBefore, after it × contrastAfter; a concessive clause
    /// (`Although …,`) × contrastBefore.
    func contrastMultipliers(tokens: [Token], keys: [String], entries: [SentimentWord?], isWord: [Bool]) -> [Double] {
        var multiplier = [Double](repeating: 1, count: tokens.count)
        let words = tokens.indices.filter { isWord[$0] }
        guard let first = words.first else { return multiplier }
        if let k = words.first(where: { $0 > first && entries[$0]?.isContrast == true }) {
            for i in 0..<k { multiplier[i] = lexicon.contrastBefore }
            for i in (k + 1)..<tokens.count { multiplier[i] = lexicon.contrastAfter }
        }
        for k in words where entries[k]?.isConcessive == true {
            var i = k + 1
            while i < tokens.count && !(tokens[i].kind == .punctuation && [",", ";", ":"].contains(tokens[i].text)) {
                multiplier[i] *= lexicon.contrastBefore
                i += 1
            }
        }
        return multiplier
    }

    /// Whether token `i` is the first word after an opening quotation mark, a colon or a bracket.
    func opensQuote(_ tokens: [Token], before i: Int) -> Bool {
        guard i > 0 else { return true }
        return tokens[i - 1].kind == .quote || tokens[i - 1].text == ":" || tokens[i - 1].text == "(" || tokens[i - 1].text == "—"
    }
}
