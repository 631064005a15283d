/// Finds claims about casualties: how many were killed and wounded, on which side, on which day, and who
/// claims it — keeping the current events apart from historical totals (`more than 6,500 in 2020`) and
/// from numbers that count something else.
public struct CasualtyFinder: Sendable {
    /// What the finder returns for a document.
    public struct Found: Sendable {
        public var claims: [ExtractOutput.Casualty] = []
        public var headlineClaims: [ExtractOutput.Casualty] = []
        public var historical: [ExtractOutput.Historical] = []
        /// Token ranges of numbers that were read as casualty counts.
        public var casualtyNumbers: [Range<Int>] = []
    }

    /// A count of people on one side, before it becomes a claim.
    struct Count {
        var side: String?
        var value: Int
        var killed: Bool
        var evidence: [TextSpan]
        var usesOthers = false
        var usesIts = false
        var sinceDied = false
        var numberTokens: Range<Int>?
    }

    let matcher: ActorMatcher
    let lexicon: EnglishLexicon
    let numbers: NumberParser
    static let killedForms: Set<String> = ["killed", "martyred", "dead", "died", "dies", "die", "dying", "death", "deaths", "fatalities", "fatality", "perished",
                                           "slain", "kills", "killing"]
    static let activeForms: Set<String> = ["killed", "killing", "kills", "wounding", "injuring", "wounded", "injured"]

    public init(matcher: ActorMatcher, lexicon: EnglishLexicon = .shared, numbers: NumberParser = NumberParser()) {
        self.matcher = matcher
        self.lexicon = lexicon
        self.numbers = numbers
    }

    /// Claims in the body sentences of `text`; `headline` (if any) is read separately.
    public func find(in text: AnalyzedText, statements: [AttributionFinder.Statement], days: [[DayMentions.Mention]], resolver: DayResolver,
                     headline: AnalyzedText?, eventYear: Int?) -> Found {
        var found = Found()
        let tokens = text.tokens
        var contextDay: DayResolver.Day?
        var previous: ExtractOutput.Casualty?
        let defaultDay = documentDay(days: days, resolver: resolver)
        for s in text.sentences.indices where !text.isHeading(s) {
            let range = text.sentenceTokens[s]
            let sentence = text.sentences[s]
            let sentenceDays = days[s].filter { !$0.isFuture }
            let counts = self.counts(tokens, range: range)
            let sentenceContext = contextFor(sentenceDays, tokens: tokens, range: range, previous: contextDay)
            if counts.isEmpty {
                if let day = sentenceContext { contextDay = day }
                continue
            }
            if isHistorical(tokens, range: range, counts: counts, eventYear: eventYear) {
                found.historical.append(ExtractOutput.Historical(text: text[sentence], start: sentence.start, end: sentence.end))
                continue
            }
            // The day: a day mention in the sentence (nearest to the first count), else the running context.
            var day = contextDay
            if let nearest = sentenceDays.min(by: { abs($0.span.start - counts[0].evidence[0].start) < abs($1.span.start - counts[0].evidence[0].start) }) {
                day = resolved(nearest, context: contextDay) ?? day
            }
            day = day ?? defaultDay
            if let d = sentenceContext { contextDay = d }
            var claims: [ExtractOutput.Casualty] = []
            for count in counts {
                let position = count.evidence[0].start
                let statement = statements.last { $0.sentence == s && ($0.span.contains(TextSpan(position, position + 1)) || $0.cue?.speakerAfter == true) }
                    ?? statements.last { $0.sentence == s && $0.cueSpan.map { $0.start < position } == true && !$0.isDirect }
                let claimant = statement?.speaker.canonical ?? "outlet"
                let claimantSide = statement?.speaker.side
                var side = count.side
                if count.usesIts || side == nil, let claimantSide, matcher.topic.parties.contains(claimantSide) { side = side ?? claimantSide }
                if count.usesOthers, side == nil { side = claims.last?.side ?? previous?.side }
                if side == nil, mentionsBothParties(tokens, range: range) { side = "both" }
                guard let side else { continue }
                if count.usesOthers, claims.isEmpty, let p = previous, p.side == side, statement == nil {
                    // `Two others were injured.`: adds to the previous claim.
                    var merged = p
                    if count.killed { merged.killed = (merged.killed ?? 0) + count.value } else { merged.wounded = (merged.wounded ?? 0) + count.value }
                    merged.evidence += count.evidence
                    if let index = found.claims.lastIndex(of: p) { found.claims[index] = merged }
                    previous = merged
                    continue
                }
                if let index = claims.firstIndex(where: { $0.side == side && $0.claimant == claimant }) {
                    if count.killed { claims[index].killed = (claims[index].killed ?? 0) + count.value } else { claims[index].wounded = (claims[index].wounded ?? 0) + count.value }
                    if count.sinceDied {
                        claims[index].killed = (claims[index].killed ?? 0) + 1
                        claims[index].wounded = max(0, (claims[index].wounded ?? 1) - 1)
                    }
                    claims[index].evidence += count.evidence
                } else {
                    var killed = count.killed ? count.value : nil
                    var wounded = count.killed ? nil : count.value
                    if count.sinceDied, let w = wounded {
                        killed = (killed ?? 0) + 1
                        wounded = w - 1 > 0 ? w - 1 : nil
                    }
                    claims.append(ExtractOutput.Casualty(side: side, killed: killed, wounded: wounded, day: day?.description, claimant: claimant,
                                                        claimantSide: claimantSide, span: sentence, evidence: count.evidence))
                }
                if let numberTokens = count.numberTokens { found.casualtyNumbers.append(numberTokens) }
            }
            found.claims += claims
            if let last = claims.last { previous = last }
        }
        found.claims = deduplicated(found.claims)
        if let headline {
            for s in headline.sentences.indices {
                for count in counts(headline.tokens, range: headline.sentenceTokens[s]) {
                    // A headline figure with no side is a total.
                    let side = count.side ?? "both"
                    found.headlineClaims.append(ExtractOutput.Casualty(side: side, killed: count.killed ? count.value : nil,
                                                                      wounded: count.killed ? nil : count.value, day: nil, claimant: "outlet",
                                                                      claimantSide: nil, span: headline.sentences[s], evidence: count.evidence))
                }
            }
        }
        return found
    }

    // MARK: - Counts

    /// Counts of killed or wounded people in a sentence.
    func counts(_ tokens: [Token], range: Range<Int>) -> [Count] {
        var result: [Count] = []
        var consumedNumbers = Set<Int>()
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            let t = tokens[i]
            guard t.isWord else { continue }
            var killed: Bool
            var wordEnd = i + 1
            if let (_, end) = lexicon.killedPhraseIndex.match(tokens, at: i, limit: range.upperBound) {
                killed = true
                wordEnd = end
            } else if Self.killedForms.contains(t.lower) {
                killed = true
            } else if lexicon.woundedWords.contains(t.lower) && !["wound", "wounds", "injury", "injuries"].contains(t.lower) {
                killed = false
            } else {
                continue
            }
            let word = TextSpan(t.start, tokens[wordEnd - 1].end)
            // `one of whom has since died`: one of the wounded died.
            if killed, let since = lexicon.since(tokens, before: i, floor: range.lowerBound), !result.isEmpty {
                result[result.count - 1].sinceDied = true
                result[result.count - 1].evidence.append(TextSpan(tokens[since].start, word.end))
                continue
            }
            // Counted before the word: `three soldiers were injured`, `one killed`, `one of its soldiers was killed`.
            var counted = leftCounts(tokens, before: i, floor: range.lowerBound, consumed: consumedNumbers)
            // Or after an active verb: `killed one Armenian soldier`, `killing more than 6,500 people`.
            if counted.isEmpty, Self.activeForms.contains(t.lower) || t.lower == "killing" {
                counted = rightCounts(tokens, after: wordEnd, limit: range.upperBound, consumed: consumedNumbers)
            }
            // `Two soldiers have died from each side`, `on the Armenian side`: a side phrase after the word.
            let after = sidePhrase(tokens, after: wordEnd, limit: range.upperBound)
            for var count in counted {
                count.killed = killed
                count.evidence.append(word)
                if count.side == nil { count.side = after ?? attackedSide(tokens, around: i, range: range) }
                if let numberTokens = count.numberTokens { consumedNumbers.formUnion(numberTokens) }
                result.append(count)
            }
            i = wordEnd - 1
        }
        return result
    }

    /// Number [of its/the] [side adjective] [victim] ending right before `i` (at most a few words back).
    func leftCounts(_ tokens: [Token], before i: Int, floor: Int, consumed: Set<Int>) -> [Count] {
        // Skip auxiliaries between the victims and the word: were, have been, had been, was.
        var k = i - 1
        while k >= floor && ["was", "were", "been", "have", "has", "had", "be", "reportedly", "also", "later", "since", "being", "in", "action", "who", "that"].contains(tokens[k].lower) { k -= 1 }
        guard k >= floor else { return [] }
        // `another died`: one more of the same.
        if tokens[k].lower == "another" {
            return [Count(side: nil, value: 1, killed: true, evidence: [tokens[k].span], usesOthers: true, numberTokens: k..<(k + 1))]
        }
        // `has one killed`, `left one … dead`: a number right before the word.
        if let parsed = numberEnding(at: k, tokens: tokens, floor: floor, consumed: consumed) {
            return [Count(side: sideBefore(tokens, parsed.tokens.lowerBound, floor: floor), value: Int(parsed.value), killed: true,
                          evidence: [parsed.span], numberTokens: parsed.tokens)]
        }
        // The victim noun phrase: [number] [of its|of the] [adjectives] victim.
        let victimPhrase = lexicon.victimPhraseIndex.match(tokens, endingAt: k, floor: floor)
        guard tokens[k].isWord, lexicon.victims.contains(tokens[k].lower) || victimPhrase != nil else { return [] }
        var nounStart = k
        if let victimPhrase { nounStart = victimPhrase.start }
        let others = tokens[k].lower == "others"
        var j = nounStart - 1
        var sides: [String] = []
        var numbersFound: [(NumberParser.Parsed, String?)] = []
        var usesIts = false
        var anotherUsed = false
        // Walk left over adjectives and numbers: `one Armenian and one Azerbaijani`, `four Armenian military`.
        while j >= floor && nounStart - j <= 8 {
            let w = tokens[j]
            if let side = matcher.side(ofModifier: w), !w.isPossessive || true {
                sides.append(side)
                j -= 1
                continue
            }
            if w.lower == "and" || w.lower == "military" || w.lower == "border" || w.lower == "of" || w.lower == "the" || w.lower == "its" || w.lower == "their"
                || w.lower == "our" || w.lower == "his" || w.lower == "other" || w.lower == "more" || w.lower == "further" || w.lower == "both" {
                if w.lower == "its" || w.lower == "their" || w.lower == "our" { usesIts = true }
                j -= 1
                continue
            }
            if w.lower == "another" || (w.lower == "second" && j > floor && tokens[j - 1].lower == "a") {
                // `another soldier`, `a second soldier`: one more.
                let start = w.lower == "second" ? j - 1 : j
                let parsed = NumberParser.Parsed(value: 1, approximate: false, tokens: start..<(j + 1), span: TextSpan(tokens[start].start, w.end))
                numbersFound.append((parsed, sides.last))
                sides.removeAll()
                j = start - 1
                anotherUsed = true
                continue
            }
            if let parsed = numberEnding(at: j, tokens: tokens, floor: floor, consumed: consumed, articles: true) {
                numbersFound.append((parsed, sides.last))
                sides.removeAll()
                j = parsed.tokens.lowerBound - 1
                continue
            }
            break
        }
        guard !numbersFound.isEmpty else { return [] }
        // Numbers were read right to left; each takes the adjective that followed it.
        return numbersFound.reversed().map { parsed, side in
            Count(side: side ?? (numbersFound.count == 1 ? sides.last : nil), value: Int(parsed.value), killed: true,
                  evidence: [parsed.span, TextSpan(tokens[nounStart].start, tokens[k].end)], usesOthers: others || anotherUsed, usesIts: usesIts,
                  numberTokens: parsed.tokens)
        }
    }

    /// `killed one Armenian soldier`, `wounding three`.
    func rightCounts(_ tokens: [Token], after start: Int, limit: Int, consumed: Set<Int>) -> [Count] {
        var j = start
        while j < limit && ["at", "least", "reportedly"].contains(tokens[j].lower) { j += 1 }
        guard j < limit, let parsed = numbers.parse(tokens, at: j, limit: limit, articles: true), !consumed.contains(parsed.tokens.lowerBound) else { return [] }
        var k = parsed.tokens.upperBound
        var side: String?
        while k < limit && k - parsed.tokens.upperBound < 4 {
            if let s = matcher.side(ofModifier: tokens[k]) { side = s; k += 1; continue }
            if lexicon.victims.contains(tokens[k].lower) {
                return [Count(side: side, value: Int(parsed.value), killed: true, evidence: [parsed.span, tokens[k].span], numberTokens: parsed.tokens)]
            }
            if tokens[k].lower == "military" || tokens[k].lower == "of" || tokens[k].lower == "its" { k += 1; continue }
            break
        }
        return []
    }

    /// A number phrase ending at token `end`.
    func numberEnding(at end: Int, tokens: [Token], floor: Int, consumed: Set<Int>, articles: Bool = false) -> NumberParser.Parsed? {
        for start in stride(from: end, through: max(floor, end - 4), by: -1) {
            if let parsed = numbers.parse(tokens, at: start, limit: end + 1, articles: articles), parsed.tokens.upperBound == end + 1,
               !consumed.contains(parsed.tokens.lowerBound) {
                // Prefer the longest phrase (modifiers, `half a dozen`).
                var best = parsed
                for earlier in stride(from: start - 1, through: max(floor, start - 3), by: -1) {
                    if let longer = numbers.parse(tokens, at: earlier, limit: end + 1, articles: articles), longer.tokens.upperBound == end + 1 { best = longer }
                }
                return best
            }
        }
        return nil
    }

    /// `the Armenian side has one killed`: a side noun phrase shortly before the count.
    func sideBefore(_ tokens: [Token], _ i: Int, floor: Int) -> String? {
        var k = i - 1
        while k >= max(floor, i - 5) {
            if tokens[k].lower == "side" || tokens[k].lower == "forces", k > floor, let side = matcher.side(ofModifier: tokens[k - 1]) { return side }
            k -= 1
        }
        return nil
    }

    /// `from each side`, `on both sides`, `on the Armenian side` right after the word.
    func sidePhrase(_ tokens: [Token], after start: Int, limit: Int) -> String? {
        var k = start
        while k < min(limit, start + 6) {
            let w = tokens[k].lower
            if (w == "each" || w == "both") && k + 1 < limit && (tokens[k + 1].lower == "side" || tokens[k + 1].lower == "sides") { return "both" }
            if w == "side" || w == "sides", k > start, let side = matcher.side(ofModifier: tokens[k - 1]) { return side }
            if [",", ";", "and", "but"].contains(w) { break }
            k += 1
        }
        return nil
    }

    /// `killed in Azerbaijani attacks on Armenian positions`: the side whose positions were attacked.
    func attackedSide(_ tokens: [Token], around i: Int, range: Range<Int>) -> String? {
        var k = i + 1
        while k + 2 < range.upperBound && k < i + 12 {
            if tokens[k].lower == "on", let side = matcher.side(ofModifier: tokens[k + 1]), lexicon.positionWords.contains(tokens[k + 2].lower) { return side }
            k += 1
        }
        return nil
    }

    func mentionsBothParties(_ tokens: [Token], range: Range<Int>) -> Bool {
        let parties = Set(matcher.topic.parties)
        var seen = Set<String>()
        for k in range { if let side = matcher.side(ofModifier: tokens[k]), parties.contains(side) { seen.insert(side) } }
        if seen.count >= 2 { return true }
        for k in range where tokens[k].lower == "each" || tokens[k].lower == "both" {
            if k + 1 < range.upperBound && ["side", "sides"].contains(tokens[k + 1].lower) { return true }
        }
        return false
    }

    // MARK: - History and days

    /// A figure about earlier events: a year other than the event's, `since`, `war(s)`, `decades`, or a large estimate.
    func isHistorical(_ tokens: [Token], range: Range<Int>, counts: [Count], eventYear: Int?) -> Bool {
        for k in range {
            let t = tokens[k]
            if t.kind == .number, t.text.count == 4, let year = Int(t.text), (1900...2100).contains(year), year != eventYear { return true }
            if t.lower == "since", k + 1 < range.upperBound {
                let next = tokens[k + 1]
                if next.kind == .number || ["last", "then", "independence", "the", "early", "late"].contains(next.lower) || lexicon.months[next.lower] != nil { return true }
            }
            if t.lower == "decades" || t.lower == "wars" { return true }
            if t.lower == "war" && k > range.lowerBound && ["the", "two", "first", "second", "six-week", "previous", "last"].contains(tokens[k - 1].lower) { return true }
        }
        return counts.contains { $0.value >= 1000 }
    }

    /// The day a sentence sets as context: its absolute day mention nearest to a fighting word (`fatalities
    /// … on Friday`), else a relative one resolved against the previous context.
    func contextFor(_ mentions: [DayMentions.Mention], tokens: [Token], range: Range<Int>, previous: DayResolver.Day?) -> DayResolver.Day? {
        let absolute = mentions.filter { $0.day != nil && $0.contextOffset == nil }
        if !absolute.isEmpty {
            let fightingPositions = range.filter {
                let w = tokens[$0].lower
                return lexicon.attackWords.contains(w) || lexicon.killedWords.contains(w) || lexicon.woundedWords.contains(w) || w == "fatalities" || w == "fighting"
            }.map { tokens[$0].start }
            guard let anchor = fightingPositions.first else { return absolute.last?.day }
            return absolute.min { a, b in
                fightingPositions.map { abs($0 - a.span.start) }.min()! < fightingPositions.map { abs($0 - b.span.start) }.min()!
            }?.day
        }
        return resolved(mentions.last, context: previous)
    }

    func resolved(_ mention: DayMentions.Mention?, context: DayResolver.Day?) -> DayResolver.Day? {
        guard let mention else { return nil }
        if let day = mention.day { return day }
        if let offset = mention.contextOffset, let context { return context.adding(days: offset) }
        return nil
    }

    /// For a claim with no day at all: the latest past day the article mentions, or its date.
    func documentDay(days: [[DayMentions.Mention]], resolver: DayResolver) -> DayResolver.Day? {
        let resolvedDays = days.flatMap { $0 }.filter { !$0.isFuture }.compactMap(\.day)
        if let reference = resolver.reference, let latest = resolvedDays.filter({ $0 <= reference }).max() { return latest }
        return resolvedDays.max() ?? resolver.publication
    }

    // MARK: - Deduplication

    /// The same figures claimed by a government and its own ministry count once; a both-sides total
    /// that a per-side breakdown of the same day repeats is dropped.
    func deduplicated(_ claims: [ExtractOutput.Casualty]) -> [ExtractOutput.Casualty] {
        var kept: [ExtractOutput.Casualty] = []
        for claim in claims {
            let duplicate = kept.contains {
                $0.side == claim.side && $0.killed == claim.killed && $0.wounded == claim.wounded && $0.day == claim.day
                    && $0.claimant != "outlet" && claim.claimant != "outlet" && $0.claimantSide == claim.claimantSide
            }
            if !duplicate { kept.append(claim) }
        }
        let parties = matcher.topic.parties
        return kept.filter { claim in
            guard claim.side == "both" else { return true }
            let sidesThatDay = Set(kept.filter { $0.day == claim.day && $0.side != "both" }.map(\.side))
            return !parties.allSatisfy { sidesThatDay.contains($0) }
        }
    }
}

extension EnglishLexicon {
    /// `one of whom (has since) died`: the token index where `one of whom` starts, if it ends right before `i`.
    func since(_ tokens: [Token], before i: Int, floor: Int) -> Int? {
        var k = i - 1
        while k >= floor && ["has", "had", "since", "later", "have", "subsequently", "then"].contains(tokens[k].lower) { k -= 1 }
        for phrase in [["one", "of", "whom"], ["one", "of", "them"]] where k - 2 >= floor && tokens.matches(phrase, at: k - 2) { return k - 2 }
        return nil
    }
}
