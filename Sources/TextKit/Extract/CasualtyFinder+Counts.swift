/// Reading the counts of killed and wounded people in one sentence.
extension CasualtyFinder {
    static let killedForms: WordSet = ["killed", "martyred", "dead", "died", "dies", "die", "dying", "death", "deaths", "fatalities", "fatality", "perished",
                                           "succumbed", "slain", "kills", "killing"]
    /// `sustained gunshot wounds`: verbs that make the wounds or injuries after them a wounded count.
    static let sufferedWords: WordSet = ["sustained", "suffered", "received"]
    /// Verbs whose victims follow them: `killed one soldier`, `wounding four`.
    static let activeForms: WordSet = ["killed", "killing", "kills", "wounding", "injuring", "wounded", "injured"]
    /// Words between the victims and the verb: `were`, `have been`, `reportedly`.
    static let auxiliaries: WordSet = ["was", "were", "is", "are", "been", "have", "has", "had", "be", "reportedly", "also", "later", "since", "being", "in",
                                           "action", "who", "that"]
    /// Words inside a victim phrase that neither count nor name a side: `of its`, `other`, `more`.
    static let victimFillers: WordSet = ["and", "military", "border", "of", "the", "its", "their", "our", "his", "own", "other", "more", "further", "both"]

    /// Counts of killed or wounded people in a sentence.
    /// In a `headline`, a singular victim with no number counts one (`Armenian soldier killed`): headlines drop articles.
    func counts(_ tokens: [Token], range: Range<Int>, headline: Bool = false) -> [Count] {
        var result: [Count] = []
        var consumedNumbers = Set<Int>()
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            let t = tokens[i]
            guard t.isWord else { continue }
            var killed: Bool
            var wordEnd = i + 1
            var active = Self.activeForms.contains(t)
            // `lost two soldiers`: only the object counts.
            var objectOnly = false
            // `the death toll rose to two`: a running total.
            if !headline, let toll = tollCount(tokens, at: i, range: range, consumed: consumedNumbers) {
                if let numberTokens = toll.numberTokens { consumedNumbers.formUnion(numberTokens) }
                result.append(toll)
                continue
            }
            if let (_, end) = lexicon.killedPhraseIndex.match(tokens, at: i, limit: range.upperBound) {
                killed = true
                wordEnd = end
                // `claimed the lives of three soldiers`: the victims follow.
                active = tokens[end - 1].lower == "of"
            } else if Self.killedForms.contains(t) {
                killed = true
            } else if Vocabulary.shared.killedObjects.contains(t) {
                killed = true
                active = true
                objectOnly = true
            } else if lexicon.woundedWords.contains(t) && !["wound", "wounds", "injury", "injuries"].contains(t.lower) {
                killed = false
            } else if t.lower == "hit", i > range.lowerBound, ["were", "was", "been"].contains(tokens[i - 1].lower) {
                // `three more were hit`.
                killed = false
            } else if Self.sufferedWords.contains(t),
                      let noun = (i + 1..<min(range.upperBound, i + 4)).first(where: { ["wounds", "injuries", "wound", "injury"].contains(tokens[$0].lower) }),
                      !(i + 1..<noun).contains(where: { !tokens[$0].isWord }) {
                // `two servicemen sustained gunshot wounds`: wounded, counted before the verb.
                killed = false
                wordEnd = noun + 1
            } else {
                continue
            }
            let word = TextSpan(t.start, tokens[wordEnd - 1].end)
            // `one of whom has since died`: one of the wounded died; opening a sentence, one of the previous sentence's.
            if killed, let since = lexicon.since(tokens, before: i, floor: range.lowerBound) {
                let evidence = TextSpan(tokens[since].start, word.end)
                if let last = result.indices.last {
                    result[last].diedAmongWounded += 1
                    result[last].evidence.append(evidence)
                } else {
                    result.append(Count(side: nil, value: 1, killed: true, evidence: [evidence], diedFromPrevious: true, wordTokens: i..<wordEnd))
                }
                i = wordEnd - 1
                continue
            }
            // Counted before the word: `three soldiers were injured`, `one killed`, `one of its soldiers was killed`.
            var counted = objectOnly ? [] : leftCounts(tokens, before: i, floor: range.lowerBound, consumed: consumedNumbers)
            if counted.isEmpty, headline, let single = singularVictim(tokens, before: i, floor: range.lowerBound) { counted = [single] }
            // Or after an active verb: `killed one Armenian soldier`, `wounding four soldiers and three more`.
            if counted.isEmpty, active {
                counted = rightCounts(tokens, after: wordEnd, limit: range.upperBound, consumed: consumedNumbers)
            }
            if counted.isEmpty, objectOnly { continue }
            // `Azerbaijan lost another soldier`, `the Armenian army has lost two`: the subject of `lost` is the side.
            if objectOnly, let side = subjectSide(tokens, before: i, floor: range.lowerBound) {
                for index in counted.indices where counted[index].side == nil { counted[index].side = side }
            }
            // `Private John Doe was killed`: one named soldier.
            if counted.isEmpty, !headline, let named = namedVictim(tokens, before: i, floor: range.lowerBound) { counted = [named] }
            // `one of the three soldiers wounded this morning has died`: the one of the three died.
            if counted.isEmpty, killed, let last = result.indices.last, !result[last].killed, let subset = result[last].partitive,
               result[last].diedAmongWounded == 0 {
                result[last].diedAmongWounded = subset
                result[last].evidence.append(word)
                i = wordEnd - 1
                continue
            }
            // `one of the three had died`: one of a group counted earlier (the wounded) died; the rest stay wounded.
            if killed, counted.count == 1, let subset = counted[0].partitive, subset < counted[0].value {
                if let last = result.indices.last, !result[last].killed, result[last].value == counted[0].value, result[last].diedAmongWounded == 0 {
                    result[last].diedAmongWounded = subset
                    result[last].evidence.append(word)
                    i = wordEnd - 1
                    continue
                }
                counted[0].diedAmongWounded = subset
                killed = false
            }
            // `Two soldiers have died from each side`, `on the Armenian side`: a side phrase after the word.
            let after = sidePhrase(tokens, after: wordEnd, limit: range.upperBound)
            for var count in counted {
                count.killed = killed
                count.indefinite = count.numberTokens.map { isIndefinite(tokens[$0]) } ?? false
                count.evidence.append(word)
                count.wordTokens = i..<wordEnd
                if count.side == nil { count.side = after ?? attackedSide(tokens, around: i, range: range) }
                if let numberTokens = count.numberTokens { consumedNumbers.formUnion(numberTokens) }
                result.append(count)
            }
            // `succumbed to his injuries`, `died of his wounds`, `later died in hospital`: a death among the wounded.
            if killed, counted.count == 1, counted[0].named, diesOfWounds(tokens, word: i..<wordEnd, limit: range.upperBound) {
                result[result.count - 1].ofWounds = true
            }
            // `three soldiers dead, including two Azerbaijanis`: the part on one side, as well as the total.
            if !counted.isEmpty, !headline {
                let total = counted.count == 1 && counted[0].side == nil ? counted[0].value : nil
                for var part in includedParts(tokens, after: wordEnd, limit: range.upperBound, killed: killed, total: total, consumed: consumedNumbers) {
                    part.wordTokens = i..<wordEnd
                    if let numberTokens = part.numberTokens { consumedNumbers.formUnion(numberTokens) }
                    result.append(part)
                }
            }
            i = wordEnd - 1
        }
        return result
    }

    /// Whether the killed word at `word` says the victim died of earlier wounds: `succumbed`, `died of/from (his) wounds`,
    /// `later died`, `died in hospital`.
    func diesOfWounds(_ tokens: [Token], word: Range<Int>, limit: Int) -> Bool {
        if tokens[word.lowerBound].lower == "succumbed" { return true }
        if word.lowerBound > 0, ["later", "subsequently"].contains(tokens[word.lowerBound - 1].lower) { return true }
        return (word.upperBound..<min(limit, word.upperBound + 4)).contains { ["wounds", "injuries", "hospital"].contains(tokens[$0].lower) }
            || tokens[word].contains { ["wounds", "injuries"].contains($0.lower) }
    }

    /// The side named by the subject right before a verb (`Azerbaijan has lost`, `the Armenian army lost`), past auxiliaries.
    func subjectSide(_ tokens: [Token], before i: Int, floor: Int) -> String? {
        var k = i - 1
        while k >= floor && ["has", "have", "had", "also", "reportedly"].contains(tokens[k].lower) { k -= 1 }
        var steps = 0
        while k >= floor && steps < 3 && tokens[k].isWord {
            if let side = matcher.side(ofModifier: tokens[k]) { return side }
            guard ["army", "military", "forces", "troops", "side", "the"].contains(tokens[k].lower) else { return nil }
            k -= 1
            steps += 1
        }
        return nil
    }

    static let singularVictims: WordSet = ["soldier", "serviceman", "servicewoman", "civilian", "officer", "guard", "conscript", "trooper",
                                           "fighter", "man", "woman", "child", "person", "villager", "resident"]

    /// `Armenian soldier killed` (a headline): one victim, with the side its adjective names.
    func singularVictim(_ tokens: [Token], before i: Int, floor: Int) -> Count? {
        var k = i - 1
        while k >= floor && Self.auxiliaries.contains(tokens[k]) { k -= 1 }
        guard k >= floor, Self.singularVictims.contains(tokens[k]) else { return nil }
        var j = k - 1
        var side: String?
        while j >= floor, let s = matcher.side(ofModifier: tokens[j]) {
            side = side ?? s
            j -= 1
        }
        // Not `the soldier` (one mentioned before), nor a count already read (`one soldier`).
        if j >= floor && (["the", "this", "that", "a", "an", "another"].contains(tokens[j].lower) || tokens[j].kind == .number) { return nil }
        return Count(side: side, value: 1, killed: true, evidence: [TextSpan(tokens[j + 1].start, tokens[k].end)], numberTokens: k..<(k + 1))
    }

    /// Quantities that give no figure: `several`, `a few`, `dozens`, `a number of`.
    static let indefiniteWords: WordSet = ["several", "few", "number", "dozens", "scores", "hundreds", "thousands", "millions", "many", "some"]

    func isIndefinite(_ numberTokens: ArraySlice<Token>) -> Bool {
        numberTokens.contains { Self.indefiniteWords.contains($0.lower) }
    }

    /// Number [of its/the] [side adjective] [victim] ending right before `i` (at most a few words back).
    func leftCounts(_ tokens: [Token], before i: Int, floor: Int, consumed: Set<Int>) -> [Count] {
        var k = i - 1
        while k >= floor && Self.auxiliaries.contains(tokens[k]) { k -= 1 }
        guard k >= floor else { return [] }
        // `another died`: one more of the same.
        if tokens[k].lower == "another" {
            return [Count(side: nil, value: 1, killed: true, evidence: [tokens[k].span], usesOthers: true, numberTokens: k..<(k + 1))]
        }
        // `has one killed`, `left one … dead`: a number right before the word.
        if let parsed = numberEnding(at: k, tokens: tokens, floor: floor, consumed: consumed) {
            return [Count(side: sideBefore(tokens, parsed.tokens.lowerBound, floor: floor), value: Int(parsed.value), killed: true,
                          evidence: [parsed.span], partitive: partitive(tokens, before: parsed.tokens.lowerBound, floor: floor),
                          numberTokens: parsed.tokens)]
        }
        // `One serviceman of the Armed Forces of Armenia was killed`: the victim before a naming `of` phrase.
        if !tokens[k].lower.isEmpty, !lexicon.victims.contains(tokens[k]), let (victim, side) = victimBeforeOfPhrase(tokens, endingAt: k, floor: floor) {
            var counted = leftCounts(tokens, before: victim + 1, floor: floor, consumed: consumed)
            for index in counted.indices where counted[index].side == nil { counted[index].side = side }
            return counted
        }
        // The victim noun phrase: [number] [of its|of the] [adjectives] victim; `three more`, `two others`.
        let victimPhrase = lexicon.victimPhraseIndex.match(tokens, endingAt: k, floor: floor)
        let more = tokens[k].lower == "more" && k > floor && numberEnding(at: k - 1, tokens: tokens, floor: floor, consumed: consumed) != nil
        guard tokens[k].isWord, lexicon.victims.contains(tokens[k]) || victimPhrase != nil || more else { return [] }
        var nounStart = k
        if let victimPhrase { nounStart = victimPhrase.start }
        let others = tokens[k].lower == "others" || more
        var j = more ? k - 1 : nounStart - 1
        var sides: [String] = []
        var numbersFound: [(NumberParser.Parsed, String?)] = []
        var usesIts = false
        var anotherUsed = false
        var subset: Int?
        // Walk left over adjectives and numbers: `one Armenian and one Azerbaijani`, `four Armenian military`.
        while j >= floor && nounStart - j <= 8 {
            let w = tokens[j]
            if let side = matcher.side(ofModifier: w) {
                sides.append(side)
                j -= 1
                continue
            }
            if w.lower == "of", !numbersFound.isEmpty, let part = partitive(tokens, before: j + 1, floor: floor, afterOf: true) {
                // `one of the three soldiers`: the three are counted; the one is what a later verb speaks of.
                subset = part
                break
            }
            if Self.victimFillers.contains(w) {
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
                  evidence: [parsed.span, TextSpan(tokens[nounStart].start, tokens[k].end)], usesOthers: others || anotherUsed,
                  single: anotherUsed && numbersFound.count == 1, usesIts: usesIts, partitive: subset, numberTokens: parsed.tokens)
        }
    }

    /// `serviceman of the Armed Forces of Armenia` ending at `k`: the victim's index and the side the phrase names.
    func victimBeforeOfPhrase(_ tokens: [Token], endingAt k: Int, floor: Int) -> (Int, String?)? {
        var j = k
        var side: String?
        while j > floor && k - j < 8 {
            let w = tokens[j]
            guard w.isWord, w.isCapitalized || ["of", "the"].contains(w.lower) else { return nil }
            if let s = matcher.side(ofModifier: w) { side = side ?? s }
            if w.lower == "of", lexicon.victims.contains(tokens[j - 1]), j < k { return (j - 1, side) }
            j -= 1
        }
        return nil
    }

    /// `one of [the|its] …` before token `i`: the subset's size. With `afterOf`, `i` is the token after `of`.
    func partitive(_ tokens: [Token], before i: Int, floor: Int, afterOf: Bool = false) -> Int? {
        var k = i - 1
        if !afterOf {
            if k >= floor, ["the", "its", "their"].contains(tokens[k].lower) { k -= 1 }
            guard k >= floor, tokens[k].lower == "of" else { return nil }
        }
        k -= 1
        guard k >= floor, let parsed = numbers.parse(tokens, at: k, limit: k + 1), parsed.tokens.upperBound == k + 1 else { return nil }
        return Int(parsed.value)
    }

    /// `killed one Armenian soldier`, `wounding three`, `claimed the life of another serviceman`; and a
    /// coordinated second count: `wounding four soldiers on Thursday and three more on Friday`.
    func rightCounts(_ tokens: [Token], after start: Int, limit: Int, consumed: Set<Int>) -> [Count] {
        var j = start
        while j < limit && ["at", "least", "reportedly"].contains(tokens[j].lower) { j += 1 }
        guard j < limit, let first = victimCount(tokens, at: j, limit: limit, consumed: consumed) else { return [] }
        var result = [first]
        // `… and three more`, `… and two others`.
        var m = (first.numberTokens?.upperBound ?? j) + 1
        while m < limit && m < j + 10 {
            let w = tokens[m].lower
            if w == "," || w == ";" || w == "." { break }
            if w == "and", m + 1 < limit, let parsed = numbers.parse(tokens, at: m + 1, limit: limit), !consumed.contains(parsed.tokens.lowerBound),
               parsed.tokens.upperBound < limit {
                let head = tokens[parsed.tokens.upperBound]
                if head.lower == "more" || head.lower == "others" || lexicon.victims.contains(head.lower) {
                    result.append(Count(side: first.side, value: Int(parsed.value), killed: true, evidence: [parsed.span, head.span],
                                        usesOthers: true, numberTokens: parsed.tokens))
                }
                break
            }
            m += 1
        }
        return result
    }

    /// A number (or `another`) and a victim at `j`: `one Armenian soldier`, `three of its servicemen`.
    func victimCount(_ tokens: [Token], at j: Int, limit: Int, consumed: Set<Int>) -> Count? {
        let parsed: NumberParser.Parsed
        var others = false
        if tokens[j].lower == "another" {
            parsed = NumberParser.Parsed(value: 1, approximate: false, tokens: j..<(j + 1), span: tokens[j].span)
            others = true
        } else if let number = numbers.parse(tokens, at: j, limit: limit, articles: true), !consumed.contains(number.tokens.lowerBound) {
            parsed = number
        } else {
            return nil
        }
        var k = parsed.tokens.upperBound
        var side: String?
        while k < limit && k - parsed.tokens.upperBound < 4 {
            if let s = matcher.side(ofModifier: tokens[k]) { side = s; k += 1; continue }
            if lexicon.victims.contains(tokens[k]) {
                // `wounding two others`: more of the same side as the count before.
                let more = others || tokens[k].lower == "others"
                return Count(side: side, value: Int(parsed.value), killed: true, evidence: [parsed.span, tokens[k].span], usesOthers: more,
                             single: others, numberTokens: parsed.tokens)
            }
            if ["military", "of", "its", "their", "own"].contains(tokens[k].lower) { k += 1; continue }
            break
        }
        return nil
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
            // `from each side`: that many on every side; `on both sides`: that many in all.
            if (w == "each" || w == "either") && k + 1 < limit && tokens[k + 1].lower == "side" { return "each" }
            if w == "both" && k + 1 < limit && tokens[k + 1].lower == "sides" { return "both" }
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
            if tokens[k].lower == "on", let side = matcher.side(ofModifier: tokens[k + 1]), lexicon.positionWords.contains(tokens[k + 2]) { return side }
            k += 1
        }
        return nil
    }

    /// `opened fire on Armenian positions …, wounding three soldiers`: the one side whose positions a sentence says were attacked.
    func attackedSide(_ tokens: [Token], in range: Range<Int>) -> String? {
        var sides = Set<String>()
        var k = range.lowerBound
        while k + 2 < range.upperBound {
            if ["on", "at"].contains(tokens[k].lower) {
                var j = k + 1
                if ["the"].contains(tokens[j].lower) { j += 1 }
                if j + 1 < range.upperBound, let side = matcher.side(ofModifier: tokens[j]) {
                    var head = j + 1
                    if head + 1 < range.upperBound && ["military", "combat", "army", "border", "forward"].contains(tokens[head].lower) { head += 1 }
                    if lexicon.positionWords.contains(tokens[head]) { sides.insert(side) }
                }
            }
            k += 1
        }
        return sides.count == 1 ? sides.first : nil
    }

    func mentionsBothParties(_ tokens: [Token], range: Range<Int>) -> Bool {
        let parties = Set(matcher.topic.parties)
        var seen = Set<String>()
        for k in range {
            if let side = matcher.side(ofModifier: tokens[k]), parties.contains(side) { seen.insert(side) }
            // `the Armenia-Azerbaijan border`, `Armenian-Azerbaijani talks`.
            if tokens[k].isWord, tokens[k].lower.contains("-") {
                for part in tokens[k].text.split(separator: "-") {
                    if let side = matcher.side(ofModifier: Token(span: tokens[k].span, text: String(part), kind: .word)), parties.contains(side) { seen.insert(side) }
                }
            }
        }
        if seen.count >= 2 { return true }
        for k in range where tokens[k].lower == "each" || tokens[k].lower == "both" {
            if k + 1 < range.upperBound && ["side", "sides"].contains(tokens[k + 1].lower) { return true }
        }
        return false
    }
}

extension EnglishLexicon {
    /// `one of whom (has since) died`: the token index where `one of whom` starts, if it ends right before `i`.
    func since(_ tokens: [Token], before i: Int, floor: Int) -> Int? {
        var k = i - 1
        while k >= floor && ["has", "had", "since", "later", "have", "subsequently", "then", "allegedly", "reportedly", "also"].contains(tokens[k].lower) { k -= 1 }
        for phrase in [["one", "of", "whom"], ["one", "of", "them"]] where k - 2 >= floor && tokens.matches(phrase, at: k - 2) { return k - 2 }
        return nil
    }
}
