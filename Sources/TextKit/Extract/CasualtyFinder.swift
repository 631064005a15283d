/// Finds claims about casualties: how many were killed and wounded, on which side, on which day, and who
/// claims it — keeping the current events apart from historical totals (`more than 6,500 in 2020`) and
/// from numbers that count something else.
///
/// The work is in three parts: `counts` (CasualtyFinder+Counts) reads the numbers of killed and wounded
/// people in a sentence; `day(of:)` (CasualtyFinder+Days) gives each count its day; `find` groups the
/// counts into one claim per side, claimant and day.
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
        /// `two others`, `another`, `three more`: more of the same as the count before.
        var usesOthers = false
        /// `a second soldier`, `another serviceman`: one death, never a total over several days.
        var single = false
        /// `of its soldiers`: the claimant's own side.
        var usesIts = false
        /// How many of these wounded later died (`one of whom later died`).
        var diedAmongWounded = 0
        /// `One of them died …` opening a sentence: one of the previous sentence's wounded died.
        var diedFromPrevious = false
        /// `one of the three soldiers wounded`: the subset a later verb speaks of.
        var partitive: Int?
        var numberTokens: Range<Int>?
        /// `several`, `dozens`: people were hurt, but the text gives no figure.
        var indefinite = false
        /// The killed or wounded word.
        var wordTokens: Range<Int> = 0..<0
        /// A named soldier (`Private X`): one person, who may be one of the wounded counted before.
        var named = false
        /// Died of wounds (`succumbed to his injuries`, `later died in hospital`): a death among people wounded earlier.
        var ofWounds = false
        /// A relative clause about the victim whose days are not the count's (`X, who was wounded on Thursday, later died`).
        var aside: TextSpan?
        /// A day set by a breakdown (`one on Thursday and one on Friday`); `.some(nil)`: several days, none in particular.
        var fixedDay: DayResolver.Day??
    }

    let matcher: ActorMatcher
    let lexicon: EnglishLexicon
    let numbers: NumberParser

    public init(matcher: ActorMatcher, lexicon: EnglishLexicon = .shared, numbers: NumberParser = NumberParser()) {
        self.matcher = matcher
        self.lexicon = lexicon
        self.numbers = numbers
    }

    /// Claims in the body sentences of `text`; `headline` (if any) is read separately.
    public func find(in text: AnalyzedText, statements: [AttributionFinder.Statement], days: [[DayMentions.Mention]], resolver: DayResolver,
                     headline: AnalyzedText?, eventYear: Int?, headings: [(start: Int, day: DayResolver.Day)] = []) -> Found {
        var found = Found()
        let tokens = text.tokens
        var contextDay: DayResolver.Day?
        var recentDays = RecentDays()
        var previous: ExtractOutput.Casualty?
        var previousParagraph = -1
        let documentDefault = documentDay(text: text, days: days, resolver: resolver)
        var defaultDay = documentDefault
        // Day headings (`May 12, 2023 (Friday)` over a digest's items): the day of what follows each, when the article's date
        // is missing or later. Only where there are two or more: one date line is the article's own date.
        let headings = Set(headings.map(\.day)).count >= 2 ? headings.filter { h in resolver.publication.map { h.day <= $0 } ?? true } : []
        var heading = -1
        for s in text.sentences.indices where !text.isHeading(s) {
            let range = text.sentenceTokens[s]
            let sentence = text.sentences[s]
            if !headings.isEmpty {
                var h = heading
                while h + 1 < headings.count && headings[h + 1].start < sentence.start { h += 1 }
                if h != heading {
                    heading = h
                    defaultDay = headings[h].day
                    contextDay = headings[h].day
                }
            }
            let sentenceDays = days[s].filter { !$0.isFuture }
            recentDays.note(sentenceDays)
            let rawCounts = self.counts(tokens, range: range)
            let sentenceContext = contextFor(sentenceDays, tokens: tokens, range: range, previous: contextDay)
            if rawCounts.isEmpty {
                if let day = sentenceContext { contextDay = day }
                continue
            }
            if isHistorical(tokens, range: range, counts: rawCounts, eventYear: eventYear) {
                found.historical.append(ExtractOutput.Historical(text: text[sentence], start: sentence.start, end: sentence.end))
                continue
            }
            let counted = Set(rawCounts.compactMap(\.numberTokens).flatMap { $0 })
            let counts = rawCounts.flatMap { distributed($0, tokens: tokens, range: range, mentions: sentenceDays, recent: recentDays, counted: counted) }
                .flatMap(perParty)
            let severalDays = severalDaysPhrases(tokens, range: range, mentions: sentenceDays)
            var claims: [ExtractOutput.Casualty] = []
            // A sentence with no statement of its own carries on a report the paragraph's previous sentence began
            // (`According to the ministry, troops opened fire. Three servicemen were wounded.`).
            let ownStatements = statements.contains { $0.sentence == s }
            let inherited = carriedOver(statements, sentence: s, text: text)
            for count in counts {
                let position = count.evidence[0].start
                // The sentence's statement that covers the count; else one whose cue comes before it; else the report
                // the paragraph carries (`… wounded on Thursday in what the ministry called a provocation`); else any.
                let statement = statements.last { $0.sentence == s && ($0.span.contains(TextSpan(position, position + 1)) || $0.cue?.speakerAfter == true) }
                    ?? statements.last { $0.sentence == s && $0.cueSpan.map { $0.start < position } == true }
                    ?? (ownStatements ? inherited ?? statements.last { $0.sentence == s } : inherited)
                let claimant = statement?.speaker.canonical ?? "outlet"
                let claimantSide = statement?.speaker.side
                let claimantParty = claimantSide.flatMap { matcher.topic.parties.contains($0) ? $0 : nil }
                var side = count.side
                // Unmarked soldiers are the claimant's own, if the claimant is a party; else those of the side
                // whose positions came under fire, in this sentence or the one before.
                if side == nil { side = claimantParty }
                if side == nil { side = attackedSide(tokens, in: range) }
                if side == nil, s > 0, text.sentenceParagraph[s - 1] == text.sentenceParagraph[s], counts.allSatisfy({ $0.side == nil }) {
                    side = attackedSide(tokens, in: text.sentenceTokens[s - 1])
                }
                if count.usesOthers, side == nil { side = claims.last?.side ?? previous?.side }
                if side == nil, mentionsBothParties(tokens, range: range) { side = "both" }
                // A figure that names no side is a total (as in headlines): `at least three soldiers have been killed`.
                if side == nil, !count.diedFromPrevious, !count.usesOthers, matcher.topic.parties.count >= 2 { side = "both" }
                if count.diedFromPrevious {
                    // `One of them died of his injuries`: one of the last claim's wounded.
                    if let p = previous, p.wounded ?? 0 > 0, side == nil || side == p.side, let index = found.claims.lastIndex(of: p) {
                        found.claims[index].killed = (p.killed ?? 0) + 1
                        found.claims[index].wounded = p.wounded! - 1 > 0 ? p.wounded! - 1 : nil
                        found.claims[index].evidence += count.evidence
                        previous = found.claims[index]
                    }
                    continue
                }
                guard let side else { continue }
                // `Three servicemen were wounded. Private X succumbed to his injuries in hospital.`: one of them died — the
                // earlier claim moves one from wounded to killed, unless the death is dated on another day (then a claim of its own).
                if count.named, count.ofWounds, claims.isEmpty, let p = previous, previousParagraph == text.sentenceParagraph[s], p.side == side,
                   p.claimant == claimant || claimant == "outlet", (p.wounded ?? 0) > 0, let index = found.claims.lastIndex(of: p),
                   !range.contains(where: { ["another", "second", "third"].contains(tokens[$0].lower) }) {
                    let stated = sentenceDays.filter { m in !datesStatement(m, tokens: tokens) && !(count.aside?.contains(m.span) ?? false) }
                    let deathDay = stated.isEmpty ? nil : self.day(of: count, tokens: tokens, mentions: stated, context: nil)
                    if deathDay == nil || deathDay?.description == p.day {
                        found.claims[index].killed = (p.killed ?? 0) + 1
                        found.claims[index].wounded = p.wounded! - 1 > 0 ? p.wounded! - 1 : nil
                        found.claims[index].evidence += count.evidence
                        previous = found.claims[index]
                        continue
                    }
                }
                let day: DayResolver.Day?
                if let fixed = count.fixedDay {
                    day = fixed
                } else if isSeveralDays(count, phrases: severalDays, mentions: sentenceDays, tokens: tokens) {
                    day = nil
                } else {
                    day = self.day(of: count, tokens: tokens, mentions: sentenceDays, context: contextDay) ?? defaultDay
                }
                if count.usesOthers, claims.isEmpty, let p = previous, p.side == side, !ownStatements, p.day == day?.description {
                    // `Two others were injured.`: adds to the previous claim.
                    var merged = p
                    add(count, to: &merged)
                    if let index = found.claims.lastIndex(of: p) { found.claims[index] = merged }
                    previous = merged
                    continue
                }
                if let index = claims.firstIndex(where: { $0.side == side && $0.claimant == claimant && $0.day == day?.description }) {
                    add(count, to: &claims[index])
                } else {
                    var claim = ExtractOutput.Casualty(side: side, killed: nil, wounded: nil, day: day?.description, claimant: claimant,
                                                       claimantSide: claimantSide, span: sentence, evidence: [])
                    add(count, to: &claim)
                    claims.append(claim)
                }
                if let numberTokens = count.numberTokens { found.casualtyNumbers.append(numberTokens) }
            }
            if let day = sentenceContext { contextDay = day }
            found.claims += claims
            if let last = claims.last {
                previous = last
                previousParagraph = text.sentenceParagraph[s]
            }
        }
        found.claims = deduplicated(found.claims.filter { $0.killed != nil || $0.wounded != nil })
        if let headline { found.headlineClaims = headlineClaims(headline) }
        return found
    }

    /// The report the previous sentence of the same paragraph made, if it was one in reported speech
    /// (`according to`, `said that`), or a quotation by one of the parties (`"The enemy retreated," the ministry said. Two
    /// soldiers were wounded.`); it carries over to the next sentences. A third party's quotation does not: what follows
    /// it is the outlet's own account.
    func carriedOver(_ statements: [AttributionFinder.Statement], sentence s: Int, text: AnalyzedText) -> AttributionFinder.Statement? {
        var k = s - 1
        while k >= 0 && text.sentenceParagraph[k] == text.sentenceParagraph[s] {
            if let statement = statements.last(where: { $0.sentence == k }) {
                return !statement.isDirect || matcher.topic.parties.contains(statement.speaker.side) ? statement : nil
            }
            // Only through sentences that report nothing else.
            k -= 1
            if s - k > 3 { return nil }
        }
        return nil
    }

    /// `Two soldiers died from each side`: the count for every party.
    func perParty(_ count: Count) -> [Count] {
        guard count.side == "each" else { return [count] }
        return matcher.topic.parties.map { party in
            var one = count
            one.side = party
            return one
        }
    }

    /// Adds a count's figures to a claim: killed or wounded, less those of the wounded who died since.
    func add(_ count: Count, to claim: inout ExtractOutput.Casualty) {
        var killed = claim.killed ?? 0, wounded = claim.wounded ?? 0
        if count.indefinite {
            // `several were wounded, one of whom died`: only the death has a figure.
            killed += count.diedAmongWounded
        } else {
            if count.killed { killed += count.value } else { wounded += count.value }
            if count.diedAmongWounded > 0 {
                let died = min(count.diedAmongWounded, wounded)
                killed += died
                wounded -= died
            }
        }
        claim.killed = killed > 0 ? killed : nil
        claim.wounded = wounded > 0 ? wounded : nil
        claim.evidence += count.evidence
    }

    /// Headline figures, kept apart from the body; a figure with no side is a total.
    func headlineClaims(_ headline: AnalyzedText) -> [ExtractOutput.Casualty] {
        var claims: [ExtractOutput.Casualty] = []
        for s in headline.sentences.indices {
            let range = headline.sentenceTokens[s]
            for count in counts(headline.tokens, range: range, headline: true).flatMap(perParty) where !count.diedFromPrevious && !count.indefinite {
                // `Baku says 2 of its troops dead`: `its` is the country named before; a figure with no side is a total.
                var side = count.side
                if side == nil, count.usesIts, let start = count.numberTokens?.lowerBound {
                    side = (range.lowerBound..<start).reversed().lazy.compactMap { self.matcher.side(ofModifier: headline.tokens[$0]) }.first
                }
                claims.append(ExtractOutput.Casualty(side: side ?? "both", killed: count.killed ? count.value : nil,
                                                     wounded: count.killed ? nil : count.value, day: nil, claimant: "outlet",
                                                     claimantSide: nil, span: headline.sentences[s], evidence: count.evidence))
            }
        }
        return claims
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
            // Not the parts of the total's own sentence (`three were killed, two Azerbaijanis and one Armenian`): total and parts stay.
            let sidesThatDay = Set(kept.filter { $0.day == claim.day && $0.side != "both" && $0.start != claim.start }.map(\.side))
            return !parties.allSatisfy { sidesThatDay.contains($0) }
        }
    }
}
