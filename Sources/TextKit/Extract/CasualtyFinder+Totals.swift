import WorkbenchProtocol

/// Casualty constructions beyond a number before a victim noun: a named soldier with a rank, a verb
/// whose object is the dead (`lost two soldiers`), a running toll (`the death toll rose to two`), a part
/// of a total (`three dead, including two Azerbaijanis`), and the phrases that make a count a total over
/// several days (`in two days of clashes`, `since Thursday`, `so far`). Vocabulary in
/// `Resources/english/casualties.json`.
extension CasualtyFinder {
    struct Vocabulary: Sendable {
        let killedObjects: WordSet
        let ranks: WordSet
        let tollNouns: WordSet
        let tollVerbs: WordSet
        /// `brought the toll to three`: verbs before the toll noun.
        let tollCausatives: WordSet
        let cumulative: PhraseIndex<Bool>

        static let shared: Vocabulary = {
            let data = (try? TextKitData.json("english/casualties.json")) ?? .object(JSONObject())
            let cumulative: [[String]] = (data["cumulative"]?.arrayValue ?? []).map { $0.arrayValue?.compactMap(\.stringValue) ?? [] }
            return Vocabulary(killedObjects: WordSet(TextKitData.strings(data, "killed_objects")), ranks: WordSet(TextKitData.strings(data, "ranks")),
                              tollNouns: WordSet(TextKitData.strings(data, "toll_nouns")), tollVerbs: WordSet(TextKitData.strings(data, "toll_verbs")),
                              tollCausatives: WordSet(TextKitData.strings(data, "toll_causatives")),
                              cumulative: PhraseIndex(cumulative.filter { !$0.isEmpty }.map { ($0, true) }))
        }()
    }

    /// `Private John Doe, 21, was killed`, `Junior Sergeant Jane Roe lost her life`: one named victim, found by the
    /// rank before the name.
    func namedVictim(_ tokens: [Token], before i: Int, floor: Int) -> Count? {
        var k = i - 1
        var aside: TextSpan?
        var appositionSide: String?
        while k >= floor && Self.auxiliaries.contains(tokens[k]) && tokens[k].lower != "who" { k -= 1 }
        // An age in apposition: `, 21,`.
        if k - 2 >= floor, tokens[k].text == ",", tokens[k - 1].kind == .number, tokens[k - 2].text == "," { k -= 3 }
        // `Sergeant X, who was wounded on Thursday, later died`: past the relative clause, for a death only (the wounding
        // inside the clause is the same soldier, not a second count).
        else if k - 3 >= floor, tokens[k].text == ",",
                let open = (max(floor, k - 14)..<k).last(where: { tokens[$0].text == "," }), open + 1 < k, tokens[open + 1].lower == "who" {
            guard killedWord(tokens[i]), open - 1 >= floor, tokens[open - 1].isCapitalized else { return nil }
            aside = TextSpan(tokens[open].start, tokens[k].end)
            k = open - 1
        }
        // `Private X, a serviceman of the Azerbaijani Army, was killed`: past a descriptive apposition (its side counts).
        else if k - 3 >= floor, tokens[k].text == ",",
                let open = (max(floor, k - 10)..<k).last(where: { tokens[$0].text == "," }), open + 1 < k, ["a", "an", "the"].contains(tokens[open + 1].lower),
                open - 1 >= floor, tokens[open - 1].isCapitalized {
            appositionSide = (open + 1..<k).lazy.compactMap { self.matcher.side(ofModifier: tokens[$0]) }.first
            k = open - 1
        }
        // `Another soldier, Corporal X, died`: the name in apposition, closed by a comma.
        else if k - 1 >= floor, tokens[k].text == ",", tokens[k - 1].isCapitalized { k -= 1 }
        var names = 0
        var j = k
        while j >= floor && k - j < 6 && tokens[j].isWord && tokens[j].isCapitalized && !Vocabulary.shared.ranks.contains(tokens[j]) {
            names += 1
            j -= 1
        }
        guard names >= 1, names <= 3, j >= floor, tokens[j].isCapitalized, Vocabulary.shared.ranks.contains(tokens[j]) else { return nil }
        var start = j
        while start - 1 >= floor && tokens[start - 1].isCapitalized && Vocabulary.shared.ranks.contains(tokens[start - 1]) { start -= 1 }
        let side = (start - 1 >= floor ? matcher.side(ofModifier: tokens[start - 1]) : nil) ?? appositionSide
        var count = Count(side: side, value: 1, killed: true, evidence: [TextSpan(tokens[start].start, tokens[k].end)])
        count.aside = aside
        count.named = true
        return count
    }

    func killedWord(_ token: Token) -> Bool {
        Self.killedForms.contains(token) || lexicon.killedPhraseIndex.match([token], at: 0, limit: 1) != nil
    }

    /// `the death toll … rose to two`, `the toll stands at five`: a running total of the dead, with no single day.
    func tollCount(_ tokens: [Token], at i: Int, range: Range<Int>, consumed: Set<Int>) -> Count? {
        guard Vocabulary.shared.tollNouns.contains(tokens[i]) else { return nil }
        var j = i + 1
        // `The deaths bring the toll … to three`, `brought the death toll to four`.
        var sawVerb = (max(range.lowerBound, i - 3)..<i).contains { Vocabulary.shared.tollCausatives.contains(tokens[$0]) }
        while j + 1 < range.upperBound && j < i + 14 {
            let w = tokens[j].lower
            if [".", ";", ":"].contains(w) { return nil }
            if Vocabulary.shared.tollVerbs.contains(w) { sawVerb = true }
            if sawVerb, w == "to" || w == "at", let parsed = numbers.parse(tokens, at: j + 1, limit: range.upperBound),
               !consumed.contains(parsed.tokens.lowerBound), !isIndefinite(tokens[parsed.tokens]) {
                return Count(side: nil, value: Int(parsed.value), killed: true, evidence: [tokens[i].span, parsed.span], numberTokens: parsed.tokens,
                             wordTokens: i..<(i + 1), fixedDay: .some(nil))
            }
            j += 1
        }
        return nil
    }

    /// `…, including two Azerbaijanis`, `including one Armenian soldier`: the part of a total on one side; also a list of
    /// parts (`including two Azerbaijanis and one Armenian`) and a breakdown in apposition (`three soldiers were killed, two
    /// Azerbaijanis and one Armenian, over two days`: at least two parts that add up to the total).
    func includedParts(_ tokens: [Token], after start: Int, limit: Int, killed: Bool, total: Int?, consumed: Set<Int>) -> [Count] {
        var j = start
        while j < limit && j < start + 4 && tokens[j].lower != "including" {
            if [".", ";"].contains(tokens[j].text) { break }
            j += 1
        }
        let apposition = !(j < limit && tokens[j].lower == "including")
        if apposition {
            guard start + 1 < limit, tokens[start].text == "," else { return [] }
            j = start + 1
        } else {
            j += 1
        }
        let first = j
        var parts: [Count] = []
        while j < limit, let parsed = numbers.parse(tokens, at: j, limit: limit, articles: true), !consumed.contains(parsed.tokens.lowerBound),
              parsed.tokens.upperBound < limit {
            let head = tokens[parsed.tokens.upperBound]
            var end = parsed.tokens.upperBound
            let side: String
            if let s = matcher.side(ofModifier: head), end + 1 < limit, lexicon.victims.contains(tokens[end + 1]) {
                side = s
                end += 1
            } else if let s = demonymSide(head) {
                side = s
            } else if apposition, parsed.value == 1, let s = matcher.side(ofModifier: head),
                      end + 1 >= limit || [",", ".", ";", "and"].contains(tokens[end + 1].lower) {
                // `…, two Azerbaijanis and one Armenian,`: a singular demonym in a breakdown.
                side = s
            } else {
                break
            }
            parts.append(Count(side: side, value: Int(parsed.value), killed: killed,
                               evidence: [TextSpan(tokens[first - 1].start, tokens[end].end)], numberTokens: parsed.tokens))
            j = end + 1
            // `two Azerbaijanis and one Armenian`, `two Azerbaijanis, one Armenian`.
            guard j + 1 < limit, tokens[j].lower == "and" || tokens[j].text == "," else { break }
            j += 1
        }
        if apposition {
            // Only a breakdown of the whole: two parts or more, adding up to the total, on different sides.
            guard parts.count >= 2, let total, parts.reduce(0, { $0 + $1.value }) == total, Set(parts.compactMap(\.side)).count == parts.count else { return [] }
        }
        return parts
    }

    /// `Azerbaijanis`, `Armenians`: a plural demonym as a victim noun, and its side.
    func demonymSide(_ token: Token) -> String? {
        guard token.isWord, token.isCapitalized, token.lower.hasSuffix("s"), token.text.count > 3 else { return nil }
        return matcher.side(ofModifier: Token(span: token.span, text: String(token.text.dropLast()), kind: .word))
    }

    /// Spans of the phrases that make a count a total over several days: `in two days of clashes`, `two days
    /// of fighting`, `since Thursday`, `so far`, `in as many days`.
    func severalDaysPhrases(_ tokens: [Token], range: Range<Int>, mentions: [DayMentions.Mention]) -> [TextSpan] {
        var spans: [TextSpan] = []
        for k in range {
            if tokens[k].lower == "days" && k - 1 > range.lowerBound,
               let parsed = numbers.parse(tokens, at: k - 1, limit: k), parsed.value >= 2, parsed.value <= 14 {
                if k + 1 < range.upperBound && tokens[k + 1].lower == "ago" { continue }
                var j = k - 2
                while j > range.lowerBound && ["the", "those", "these", "same", "past", "last", "first", "previous"].contains(tokens[j].lower) { j -= 1 }
                let before = ["in", "over", "during", "across", "within", "of"].contains(tokens[j].lower) || ["past", "last"].contains(tokens[j + 1].lower)
                // `two days of clashes`, `two days of border fighting`.
                let ofFighting = k + 2 < range.upperBound && tokens[k + 1].lower == "of"
                    && (isFightingWord(tokens[k + 2].lower) || (k + 3 < range.upperBound && isFightingWord(tokens[k + 3].lower)))
                if before || ofFighting { spans.append(TextSpan(tokens[j].start, tokens[k].end)) }
            }
            if let (_, end) = Vocabulary.shared.cumulative.match(tokens, at: k, limit: range.upperBound) {
                spans.append(TextSpan(tokens[k].start, tokens[end - 1].end))
            }
        }
        // `since Thursday`: from that day on.
        for m in mentions where m.tokens.lowerBound > range.lowerBound && tokens[m.tokens.lowerBound - 1].lower == "since" {
            spans.append(TextSpan(tokens[m.tokens.lowerBound - 1].start, m.span.end))
        }
        return spans
    }

    /// Whether a count is a total over several days: a several-days phrase is nearer to its words than any day.
    func isSeveralDays(_ count: Count, phrases: [TextSpan], mentions: [DayMentions.Mention], tokens: [Token]) -> Bool {
        guard !phrases.isEmpty, !count.single else { return false }
        // `one of its soldiers is killed, the second fatality in two days`: one death, numbered within the period, has a day.
        if count.value == 1, count.wordTokens.upperBound > 0, phrases.contains(where: { p in
            var k = count.wordTokens.upperBound
            while k < tokens.count, k < count.wordTokens.upperBound + 12, tokens[k].start < p.start {
                if ["second", "third", "fourth", "fifth"].contains(tokens[k].lower) { return true }
                if [".", ";", ":"].contains(tokens[k].text) { return false }
                k += 1
            }
            return false
        }) { return false }
        func distance(_ span: TextSpan) -> Int {
            count.evidence.map { e in
                if span.end <= e.start { return e.start - span.end }
                if e.end <= span.start { return span.start - e.end }
                return 0
            }.min() ?? Int.max
        }
        let days = mentions.filter { m in
            !datesStatement(m, tokens: tokens) && !phrases.contains { $0.start <= m.span.start && m.span.end <= $0.end }
        }
        guard let dayDistance = days.map({ distance($0.span) }).min() else { return true }
        // Against a day, not across a colon or semicolon: `the second incident in as many days: a soldier was killed a day earlier`.
        func sameClause(_ span: TextSpan) -> Bool {
            let a = min(span.start, count.evidence[0].start), b = max(span.end, count.evidence[0].start)
            // Nor across `while`/`whereas` joining two reports: `X says a second soldier died in as many days, while Y claims three were hit`.
            return !tokens.contains { $0.start >= a && $0.end <= b && ($0.text == ":" || $0.text == ";" || $0.lower == "while" || $0.lower == "whereas") }
        }
        guard let phraseDistance = phrases.filter(sameClause).map(distance).min() else { return false }
        return phraseDistance < dayDistance
    }
}
