/// Decides whether a candidate name is a person (`PER`), an organisation (`ORG`) or a place (`LOC`), or
/// not a PER/ORG/LOC name at all (an event, a work, a lone common word, an adjective).
///
/// In order: a whole-name gazetteer match (organisations, then places), a title before the name, event and
/// work suffixes (`… War`, `… Treaty`: dropped), the training split's statistics for the last word, institutional
/// and place suffixes or heads (`… Ministry`, `University of …`, `… River`, `Mount …`), person evidence (a known
/// first name, an initial, a particle, a role word before), cities, acronyms, known surnames, place-name endings
/// (`-stan`, `-ville`). Names with no such cue are typed from their context — a place preposition before
/// (LOC), a speech verb after (PER), an organisation's role word after (`a Google spokesman`: ORG), `the`
/// before (ORG) — or else taken for a person if they look like a person's name.
struct EntityTyper {
    /// A decision and whether it rests on evidence in the name itself (a list, a cue) or only on the fallback.
    struct Decision {
        var type: String
        /// Evidence in the name itself (a list, a cue word of the name, a title before it).
        var evidence: Bool
        /// Only the context (a preposition before, a verb after) typed it.
        var context = false
    }

    let lexicon: EntityLexicon

    /// The type of candidate `c` of the sentence `sentence` (indices in the document's `tokens`).
    func type(of c: EntityCandidate, in tokens: [Token], sentence: Range<Int>) -> Decision? {
        // First and last are words: a name of more than one token has at least two.
        let multi = c.last > c.first
        let key = EntityCandidateFinder.key(tokens, c.first, c.last, last: c.lastText)
        let firstText = tokens[c.first].text
        let firstLower = PhraseSet.normalized(tokens[c.first].lower)
        let lastLower = PhraseSet.normalized(
            c.lastText == tokens[c.last].text ? tokens[c.last].lower : c.lastText.lowercased())
        let beforeLower = c.before.map { tokens[$0].lower }
        let roleBefore = beforeLower.map { lexicon.personRoles.contains($0) } ?? false
        func sure(_ type: String) -> Decision { Decision(type: type, evidence: true) }

        if lexicon.organisations.contains(key) { return sure("ORG") }
        if c.titled { return sure(multi && lexicon.orgSuffixes.contains(lastLower) ? "ORG" : "PER") }
        if lexicon.places.contains(key) {
            // Mediterranean climate, Pacific coast: an adjective before a noun.
            if !multi, lexicon.demonyms.contains(lastLower), let a = c.after, tokens[a].isWord, !tokens[a].isCapitalized
            {
                return nil
            }
            return sure("LOC")
        }
        if lexicon.miscSuffixes.contains(lastLower) { return nil }
        // World War I, Louis XIV's … the numeral follows the head word.
        if c.last > c.first && lexicon.regnalNumerals.contains(c.lastText)
            && lexicon.miscSuffixes.contains(PhraseSet.normalized(tokens[c.last - 1].lower))
        {
            return nil
        }
        // Native Americans, Bosnian Serbs: groups of people, not names.
        if multi && lexicon.demonyms.contains(lastLower) { return nil }
        if multi {
            // What the last word was in the training split, when it was seen there often (Empire: ORG).
            if let learned = lexicon.learned.type(of: c.lastText, minimum: 3) { return sure(learned) }
            if lexicon.orgSuffixes.contains(lastLower) { return sure("ORG") }
            let hasOf = (c.first...c.last).contains { tokens[$0].lower == "of" || tokens[$0].lower == "for" }
            if hasOf && lexicon.orgHeads.contains(firstLower) && !lexicon.placeHeads.contains(firstLower) {
                return sure("ORG")
            }
            if lexicon.placeSuffixes.contains(lastLower) || lexicon.strongPlaceHeads.contains(firstLower) {
                return sure("LOC")
            }
            if lexicon.placeHeads.contains(firstLower) {
                let rest = EntityCandidateFinder.key(tokens, c.first + 1, c.last, last: c.lastText)
                if lexicon.places.contains(rest) || lexicon.cities.contains(rest) || hasOf { return sure("LOC") }
            }
            if lexicon.firstNames.contains(firstText) && !lexicon.places.contains(firstText) { return sure("PER") }
            let inner = (c.first...c.last).contains { i in
                (i > c.first && lexicon.personParticles.contains(tokens[i]))
                    || (tokens[i].text.unicodeScalars.count == 1 && tokens[i].isCapitalized)
                    || lexicon.regnalNumerals.contains(tokens[i].text)
            }
            if inner || roleBefore { return sure("PER") }
            if lexicon.cities.contains(key) { return sure("LOC") }
            if (c.first...c.last).allSatisfy({ !tokens[$0].isWord || tokens[$0].isAllCaps }) { return sure("ORG") }
            if let learned = lexicon.learned.type(of: c.lastText) { return sure(learned) }
            if lexicon.surnames.contains(c.lastText) && lexicon.firstNames.contains(firstText) { return sure("PER") }
        } else {
            let surname = lexicon.firstNames.contains(key) || lexicon.surnames.contains(key)
            if roleBefore { return sure("PER") }
            if lexicon.firstNames.contains(key) && !lexicon.commonWords.contains(firstLower) { return sure("PER") }
            if lexicon.cities.contains(key) && (!surname || precededByPlacePreposition(c, tokens, sentence: sentence)) {
                return sure("LOC")
            }
            if tokens[c.first].isAllCaps {
                // YEREVAN, May 12: a dateline's place in capitals.
                let titled = String(key.prefix(1)) + key.dropFirst().lowercased()
                if lexicon.places.contains(titled) || lexicon.cities.contains(titled) { return sure("LOC") }
                return sure("ORG")
            }
            if key.contains(".") { return sure("ORG") }
            if lexicon.learned.isMostlyOutside(key) { return nil }
            if let learned = lexicon.learned.type(of: key) { return sure(learned) }
            if surname { return sure("PER") }
            // Plural group names (Paeonians, Khitans) and adjectives (Sephardic) are not names.
            if key.hasSuffix("ians") || key.hasSuffix("eans") || key.hasSuffix("ites") { return nil }
            if lexicon.nonNameEndings.contains(where: { key.hasSuffix($0) }) { return nil }
            if lexicon.placeNameEndings.contains(where: { key.hasSuffix($0) }) { return sure("LOC") }
        }
        // No cue in the name: its context.
        let placePrep = precededByPlacePreposition(c, tokens, sentence: sentence)
        let next = c.after.map { tokens[$0].lower }
        let speech = next.map { lexicon.personVerbsAfter.contains($0) } ?? false
        let orgRole = next.map { lexicon.orgRolesAfter.contains($0) } ?? false
        // The Gegharkunik province, Tulcea county, the Likud party: a lowercase head after the name.
        if let a = c.after, tokens[a].isWord, !tokens[a].isCapitalized {
            if lexicon.placeSuffixes.contains(tokens[a]) && !Self.isGenericPlaceHead(tokens[a].lower) {
                return sure("LOC")
            }
            if Self.isOrganisationHead(tokens[a].lower) { return sure("ORG") }
        }
        // A lone common word with nothing else for it (the Monkey, our Sea) is not a name (a doubtful one waits
        // for the rest of the document).
        if !multi && !placePrep && !speech && !orgRole && !c.doubtful && lexicon.commonWords.contains(firstLower)
            && !lexicon.properNouns.contains(key)
        {
            return nil
        }
        if orgRole { return sure("ORG") }
        if c.domain { return Decision(type: "LOC", evidence: false, context: true) }
        if placePrep { return Decision(type: "LOC", evidence: false, context: true) }
        if speech { return Decision(type: "PER", evidence: false, context: true) }
        if beforeLower == "the" { return Decision(type: "ORG", evidence: false) }
        if multi && !looksLikePersonName(c.first...c.last, tokens) { return nil }
        return Decision(type: "PER", evidence: false)
    }

    /// `state`, `city`, `park`, `base`, `camp` after a name: place words too general to make it a place.
    static func isGenericPlaceHead(_ lower: String) -> Bool {
        switch lower {
        case "state", "city", "park", "base", "camp": true
        default: false
        }
    }

    /// Lowercase heads after a name that make it an organisation (`the Likud party`).
    static func isOrganisationHead(_ lower: String) -> Bool {
        switch lower {
        case "party", "ministry", "government", "group", "agency", "company", "council": true
        default: false
        }
    }

    /// Two or more capitalised words none of which is a common word (a particle aside): `Margit Orwell`,
    /// not `Traditional Religion` or `Shaky Ground`. Only the words of `range` count.
    func looksLikePersonName(_ range: ClosedRange<Int>, _ tokens: [Token]) -> Bool {
        range.allSatisfy { i in
            guard tokens[i].isWord else { return true }
            if lexicon.personParticles.contains(tokens[i]) { return true }
            let text = tokens[i].possessiveBase
            return !lexicon.commonWords.contains(text.lowercased()) || lexicon.firstNames.contains(text)
                || lexicon.surnames.contains(text)
        }
    }

    /// `in Kandel`, `the village of Sotk` — but not `in Trump’s speech`: a possessive names an owner.
    private func precededByPlacePreposition(_ c: EntityCandidate, _ tokens: [Token], sentence: Range<Int>) -> Bool {
        guard let b = c.before, c.lastText == tokens[c.last].text else { return false }
        return lexicon.placePreps.match(tokens, endingBefore: b + 1, floor: max(sentence.lowerBound, b - 3)) != nil
    }
}
