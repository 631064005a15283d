/// Trimming a capitalised run down to its names: sentence-initial words, titles, demonyms, splits.
extension EntityCandidateFinder {
    /// Whether the token at `index` starts the sentence or a quotation (everything before is punctuation).
    func isSentenceInitial(_ index: Int) -> Bool {
        guard index > firstContent else { return true }
        if tokens[index - 1].kind == .quote { return true }
        // A word or a number is none of these marks (and is most often what comes before).
        guard tokens[index - 1].kind != .word && tokens[index - 1].kind != .number else { return false }
        switch tokens[index - 1].text {
        case "(", "[", ":", "—", "–", "-", "…", "•": return true
        default: return false
        }
    }

    /// The names in the capitalised run `start...last`: trimmed, and split where a title or a known name
    /// separates two names.
    func trimmed(first start: Int, last end: Int) -> [EntityCandidate] {
        var first = start
        let last = end
        let initial = isSentenceInitial(start)
        // Words that are capitalised only because they open the sentence.
        if initial {
            // One word only: The New York Times keeps New.
            if lexicon.sentenceAdverbs.contains(tokens[first]) || lexicon.notNames.contains(tokens[first]) {
                first = skipConnectors(from: first + 1, last: last)
            }
        }
        guard first <= last else { return [] }
        let known = isKnown(first, last)
        let institutional = isInstitutional(first, last)
        var titled = false
        var domain = false
        var before = first > sentence.lowerBound ? first - 1 : nil
        // Using Alvarez's antenna: a participle or adverb opening the sentence before a name.
        if initial && first < last && !known && !institutional {
            let word = base(first)
            let lower = word.lowercased()
            let participle = lower.hasSuffix("ing") || lower.hasSuffix("ly") || lower.hasSuffix("ed")
            if participle && lexicon.commonWords.contains(lower) && !lexicon.isKnownName(word)
                && !lexicon.properNouns.contains(word)
                && !lexicon.personTitles.contains(word.lowercased()) && !lexicon.demonyms.contains(word.lowercased())
                && isNameToken(first + 1)
            {
                first += 1
            }
        }
        if !known {
            if !institutional {
                // A title inside the run: UC Berkeley Chancellor Nicholas Dirks, U.S. Ambassador.
                var p = max(first + 1, lexicon.personTitles.match(tokens, at: first, limit: last + 1) ?? first)
                while p <= last {
                    if tokens[p].isCapitalized, let e = lexicon.innerSplitTitles.match(tokens, at: p, limit: last + 1) {
                        var left = p - 1
                        while left >= first && (tokens[left].text == "." || !tokens[left].isCapitalized)
                            && !isInitial(left)
                        { left -= 1 }
                        var result: [EntityCandidate] = []
                        if left >= first { result += trimmed(first: first, last: left) }
                        if e <= last,
                            let right = finish(
                                first: e, last: last, start: e, initial: false, titled: true, before: p - 1)
                        {
                            result.append(right)
                        }
                        return result
                    }
                    p += 1
                }
            }
            // Demonyms (Russian, South Korean) and titles (Foreign Minister, Gen.) before a name.
            var changed = true
            while changed && first <= last {
                changed = false
                if let e = lexicon.demonyms.match(tokens, at: first, limit: last + 1), !institutional || e > last,
                    e > last || !lexicon.places.contains(key(e, last))
                {  // French Cameroun stays whole
                    first = e
                    changed = true
                }
                if first <= last, !institutional, let e = lexicon.personTitles.match(tokens, at: first, limit: last + 1)
                {
                    if e <= last && (tokens[e].lower == "of" || tokens[e].lower == "for") {
                        first = skipConnectors(from: e, last: last)  // President of Armenia: the title's domain
                        titled = false
                        domain = true
                    } else {
                        first = e
                        titled = true
                    }
                    changed = true
                }
            }
            guard first <= last else { return [] }
            // General de Meza: a particle after a title stays with the name.
            let particle =
                first < last && lexicon.personParticles.contains(tokens[first]) && isNameToken(first + 1)
            if !particle { first = skipConnectors(from: first, last: last) }
            guard first <= last else { return [] }
            if first != start { before = start > sentence.lowerBound ? start - 1 : nil }
            if !institutional {
                // A known name followed by a person's name: United Nations Nikki Haley.
                if last > first && !isKnown(first, last) {
                    var split = last - 1
                    while split >= first {
                        if isKnown(first, split), split + 1 <= last, lexicon.firstNames.contains(tokens[split + 1].text)
                        {
                            var result = trimmed(first: first, last: split)
                            if let right = finish(
                                first: split + 1, last: last, start: split + 1, initial: false, titled: false,
                                before: split)
                            {
                                result.append(right)
                            }
                            return result
                        }
                        split -= 1
                    }
                }
            }
            // Northern Algeria → Algeria (unless the whole is a known place: Northern Ireland).
            if first < last, lexicon.directionalAdjectives.contains(tokens[first]),
                !lexicon.places.contains(key(first, last)),
                lexicon.places.contains(key(first + 1, last))
            {
                first += 1
            }
        }
        guard
            var candidate = finish(
                first: first, last: last, start: start, initial: initial, titled: titled, before: before)
        else {
            return []
        }
        candidate.domain = domain
        return [candidate]
    }

    /// The candidate `first...last` with its end (possessive, hyphenated tail) worked out, or nil when it is a lone
    /// common word that is capitalised only because it opens the sentence.
    func finish(first: Int, last: Int, start: Int, initial: Bool, titled: Bool, before: Int?) -> EntityCandidate? {
        var doubtful = false
        if initial && first == start && first == last && !titled {
            let word = tokenText(first)
            if lexicon.commonWords.contains(word.lowercased()) && !lexicon.isKnownName(word)
                && lexicon.learned.type(of: word) == nil
            {
                // Bush said …, Young people …: a common word that is also a name needs a name's verb after it,
                // or the document naming it elsewhere (then the recogniser keeps it: `doubtful`).
                let nameLike = lexicon.properNouns.contains(word) || lexicon.surnames.contains(word)
                let next = last + 1 < sentence.upperBound ? last + 1 : nil
                let person = lexicon.surnames.contains(word) || lexicon.firstNames.contains(word)
                let followed =
                    isPossessive(last)
                    || next.map {
                        tokens[$0].text == "," || lexicon.nameFollowers.contains(tokens[$0].lower)
                            || (person && lexicon.subjectAuxiliaries.contains(tokens[$0].lower))
                    } ?? false
                doubtful = !(nameLike && followed)
            }
        }
        if lexicon.notNames.contains(baseLower(last)) && !lexicon.regnalNumerals.contains(tokens[last].text) {
            return nil
        }
        var end = tokens[last].end
        var lastText = tokens[last].text
        if let cut = hyphenTail(last) {
            end = cut
            lastText = String(
                String.UnicodeScalarView(tokens[last].text.unicodeScalars.prefix(cut - tokens[last].start)))
        } else if isPossessive(last) {
            lastText = base(last)
            end = tokens[last].start + lastText.unicodeScalars.count
        }
        var candidate = EntityCandidate(
            first: first, last: last, end: end, lastText: lastText, titled: titled, sentenceInitial: initial,
            before: before, after: last + 1 < sentence.upperBound ? last + 1 : nil)
        candidate.doubtful = doubtful
        return candidate
    }

    func isKnown(_ first: Int, _ last: Int) -> Bool {
        let k = key(first, last)
        return lexicon.places.contains(k) || lexicon.organisations.contains(k)
    }

    /// Ends with an institution's or a place's word (Foreign Ministry, Prince Edward Island).
    func isInstitutional(_ first: Int, _ last: Int) -> Bool {
        // Secretary of State: the word belongs to a title, not to an institution.
        if let title = lexicon.personTitles.match(tokens, at: first, limit: last + 1), title > last { return false }
        let lastLower = baseLower(last)
        return last > first && (lexicon.orgSuffixes.contains(lastLower) || lexicon.placeSuffixes.contains(lastLower))
    }

    private func skipConnectors(from index: Int, last: Int) -> Int {
        var i = index
        while i <= last && (!tokens[i].isCapitalized || tokens[i].text == ".") && !isNameToken(i) { i += 1 }
        while i <= last && tokens[i].text == "." { i += 1 }
        return i
    }

    /// The token's text as part of a name (possessive stripped).
    func tokenText(_ index: Int) -> String { base(index) }

    /// A capitalised word with a possessive `’s` (only those: `al-Assad’s` keeps its ending).
    func isPossessive(_ index: Int) -> Bool {
        tokens[index].isPossessive && tokens[index].isCapitalized && tokens[index].isWord
    }

    /// The token's text without a possessive.
    func base(_ index: Int) -> String { isPossessive(index) ? tokens[index].possessiveBase : tokens[index].text }

    /// The token's lowercase text without a possessive or a final period.
    func baseLower(_ index: Int) -> String {
        PhraseSet.normalized(isPossessive(index) ? tokens[index].base : tokens[index].lower)
    }

    func key(_ first: Int, _ last: Int) -> String { Self.key(tokens, first, last, last: base(last)) }
}
