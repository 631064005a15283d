/// Joins a sentence's capitalised words into candidate names and trims what is not part of a name.
///
/// A name is a run of capitalised words (`Margit Orwell`), with initials (`George W. Bush`), particles between
/// capitals (`Charles de Gaulle`, `Bashar al-Assad`), `of`/`for` after an institution or place head
/// (`University of Oxford`, `Gulf of Mexico`, `Centre for Policy Studies`), `&` (`Procter & Gamble`), or any
/// longer gazetteer name (`Bosnia and Herzegovina`). A possessive ends it (`Armenia’s`, kept without `’s`), so
/// does a hyphenated lowercase tail (`Moscow-based` → `Moscow`). Then leading sentence adverbs (`However`),
/// personal titles (`Secretary of State`, `Gen.`) and demonyms (`Russian`) are left out, and a lone common
/// word that is capitalised only because it starts the sentence is dropped.
struct EntityCandidateFinder {
    /// The document's tokens, shared rather than copied (a copy of each sentence's tokens, with per-token arrays
    /// of strings beside it, made a tenth of the extract stage): every index here is the document's.
    let tokens: [Token]
    /// The sentence's tokens in `tokens`.
    let sentence: Range<Int>
    let lexicon: EntityLexicon
    /// How the sentence is cased: running text, a title-case headline, or all capitals.
    let casing: Casing

    enum Casing { case normal, titleCase, allCaps }

    /// Per token of the sentence (at `index - sentence.lowerBound`): whether it can be part of a name (computed once).
    private var nameTokens: [Bool] = []
    /// Index of the sentence's first word or number.
    let firstContent: Int

    init(tokens: [Token], sentence: Range<Int>, lexicon: EntityLexicon) {
        self.tokens = tokens
        self.sentence = sentence
        self.lexicon = lexicon
        casing = Self.casing(of: tokens, in: sentence, lexicon: lexicon)
        firstContent = tokens[sentence].firstIndex { $0.isWord || $0.kind == .number } ?? sentence.upperBound
        nameTokens = sentence.map { computeIsNameToken($0) }
    }

    /// A headline in title case (`Paul Ryan Asks That …`: most words capitalised, function words too) or in
    /// capitals, where capitalisation says little about names.
    static func casing(of tokens: [Token], in sentence: Range<Int>, lexicon: EntityLexicon) -> Casing {
        var words = 0
        var capitalised = 0
        var allCaps = 0
        var functionWords = 0
        for i in sentence where tokens[i].isWord && tokens[i].text.utf8.count > 1 {
            words += 1
            // `isCapitalized`: the first scalar is an uppercase letter.
            guard tokens[i].isCapitalized else { continue }
            capitalised += 1
            // `isAllCaps` needs two letters; a single capital (`A1`) counts here too.
            if tokens[i].isAllCaps || tokens[i].text.unicodeScalars.allSatisfy({ !$0.isLetter || $0.isUppercaseLetter }) {
                allCaps += 1
            }
            if i > sentence.lowerBound && lexicon.sentenceAdverbs.contains(tokens[i]) { functionWords += 1 }
        }
        guard words >= 4 else { return .normal }
        if allCaps * 10 >= words * 8 { return .allCaps }
        if functionWords >= 1 && capitalised * 10 >= words * 7 { return .titleCase }
        return .normal
    }

    private static let hyphenPrefixes: WordSet = [
        "anti", "pro", "post", "pre", "non", "ex", "neo", "mid", "self", "all", "pan", "trans", "co",
    ]

    func candidates() -> [EntityCandidate] {
        var result: [EntityCandidate] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            guard isNameToken(i) else {
                i += 1
                continue
            }
            let last = spanEnd(from: i)
            result += trimmed(first: i, last: last)
            i = last + 1
        }
        return result
    }

    // MARK: Name tokens

    /// A capitalised word that can be part of a name (or `al-Assad`: a particle, a hyphen and a capital).
    func isNameToken(_ index: Int) -> Bool { nameTokens[index - sentence.lowerBound] }

    private func computeIsNameToken(_ index: Int) -> Bool {
        // Most tokens are lowercase words or punctuation: answered from the token's flags (`isCapitalized`: its
        // first scalar is an uppercase letter), with no scan of its text.
        guard tokens[index].kind == .word else { return false }
        guard tokens[index].isCapitalized else { return tokens[index].hasHyphen && isParticleName(index) }
        let text = tokens[index].text
        let lower = tokens[index].lower
        let hasHyphen = tokens[index].hasHyphen
        guard !lexicon.notNames.contains(baseLower(index)) else { return false }
        let scalars = text.unicodeScalars
        let initial = scalars.first!
        // I’m, Don’t (contractions); R-Ariz. (a lawmaker's party and state).
        if !isPossessive(index), scalars.contains(where: \.isApostrophe),
            lexicon.contractions.contains(where: { lower.hasSuffix($0) })
        {
            return false
        }
        let scalarCount = tokens[index].isASCII ? text.utf8.count : scalars.count
        if hasHyphen, scalarCount >= 3, "RDI".unicodeScalars.contains(initial),
            scalars[scalars.index(after: scalars.startIndex)] == "-"
        {
            return false
        }
        // ATMs, NGOs: plural acronyms are common nouns.
        if scalarCount >= 3, scalars.last == "s", scalars.dropLast().allSatisfy(\.isUppercaseLetter) { return false }
        switch casing {
        case .normal: break
        case .allCaps: return lexicon.organisations.contains(text) || lexicon.places.contains(text)
        case .titleCase:
            // In a headline, a common word is no name unless it is a known one.
            if lexicon.commonWords.contains(baseLower(index)) && !lexicon.properNouns.contains(base(index))
                && !lexicon.isKnownName(base(index))
            {
                return false
            }
        }
        guard scalarCount > 1 || isInitial(index) else { return false }
        // pro-Russian, Anti-American, Armenian-American: adjectives, not names.
        if hasHyphen, let hyphen = lower.firstIndex(of: "-") {
            let head = String(lower[..<hyphen])
            let tail = String(lower[lower.index(after: hyphen)...])
            if Self.hyphenPrefixes.contains(head) || lexicon.demonyms.contains(tail) { return false }
        }
        return true
    }

    /// al-Assad, el-Sisi, bin-Salman: a lowercase particle, a hyphen and a capital.
    private func isParticleName(_ index: Int) -> Bool {
        let t = tokens[index]
        guard let hyphen = t.text.firstIndex(of: "-"), lexicon.personParticles.contains(String(t.lower[..<hyphen])) else {
            return false
        }
        return t.text[t.text.index(after: hyphen)...].unicodeScalars.first?.isUppercaseLetter == true
    }

    /// A single capital letter followed directly by a period (`W.`).
    func isInitial(_ index: Int) -> Bool {
        guard tokens[index].isWord, tokens[index].isCapitalized, index + 1 < sentence.upperBound,
            tokens[index].text.unicodeScalars.count == 1
        else {
            return false
        }
        return tokens[index + 1].text == "." && tokens[index + 1].start == tokens[index].end
    }

    /// The token ends a name: a possessive, or a hyphenated lowercase tail.
    func endsName(_ index: Int) -> Bool { isPossessive(index) || hyphenTail(index) != nil }

    /// For `Moscow-based`, the scalar offset of the hyphen (the name stops there).
    func hyphenTail(_ index: Int) -> Int? {
        let text = tokens[index].text
        // An ASCII text's only word hyphen is `-`.
        guard tokens[index].hasHyphen || (!tokens[index].isASCII && text.unicodeScalars.contains(where: \.isWordHyphen)) else {
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        guard let hyphen = scalars.lastIndex(where: \.isWordHyphen), hyphen > 0, hyphen + 1 < scalars.count else {
            return nil
        }
        let tail = scalars[(hyphen + 1)...]
        guard tail.allSatisfy({ $0.isLetter && !$0.isUppercaseLetter }), scalars[0].isUppercaseLetter else {
            return nil
        }
        return tokens[index].start + hyphen
    }

    // MARK: Growing a name

    func spanEnd(from start: Int) -> Int {
        let stop = sentence.upperBound
        var end = start
        var k = start + 1
        while k < stop && !endsName(end) {
            // An initial's period, or an abbreviated title's (Gen. Smith, St. Petersburg).
            if tokens[k].text == ".", tokens[k].start == tokens[end].end, k + 1 < stop, isNameToken(k + 1),
                isInitial(end) || lexicon.personTitles.contains(tokens[end].lower) || tokens[end].lower == "st"
            {
                end = k + 1
                k += 2
                continue
            }
            if isNameToken(k) {
                end = k
                k += 1
                continue
            }
            // Ramesses II, Mojmír I.
            if lexicon.regnalNumerals.contains(tokens[k].text), tokens[end].isWord, tokens[end].text.unicodeScalars.count > 2 {
                end = k
                k += 1
                break
            }
            if tokens[k].isWord || tokens[k].text == "&", lexicon.connectors.contains(tokens[k]),
                let after = connectorEnd(at: k, left: end)
            {
                end = after
                k = after + 1
                continue
            }
            break
        }
        // A gazetteer name may be longer: Bosnia and Herzegovina,
        // Organization for Security and Co-operation in Europe.
        guard let longest = lexicon.nameLengths[tokens[start].text] else { return end }
        let limit = min(stop, start + longest)
        if limit - start > end - start + 1 {
            var length = limit - start
            while length > end - start + 1 {
                let candidate = start + length - 1
                if tokens[candidate].isWord, isNameToken(candidate) || tokens[candidate].text.first?.isUppercase == true
                {
                    let key = Self.key(tokens, start, candidate, last: tokens[candidate].text)
                    let baseKey = Self.key(tokens, start, candidate, last: base(candidate))
                    if lexicon.places.contains(key) || lexicon.organisations.contains(key)
                        || lexicon.places.contains(baseKey) || lexicon.organisations.contains(baseKey)
                    {
                        return candidate
                    }
                }
                length -= 1
            }
        }
        return end
    }

    /// If the connector at `k` joins the name so far (ending at `left`) to a capitalised word, the index of
    /// that word.
    func connectorEnd(at k: Int, left: Int) -> Int? {
        let connector = tokens[k].lower
        var next = k + 1
        if connector == "of" && next < sentence.upperBound && tokens[next].lower == "the" { next += 1 }
        guard next < sentence.upperBound, isNameToken(next), tokens[next].isCapitalized else { return nil }
        let head = PhraseSet.normalized(tokens[left].lower)
        switch connector {
        case "of":
            let heads =
                lexicon.orgHeads.contains(head) || lexicon.orgSuffixes.contains(head)
                || lexicon.placeHeads.contains(head)
                || lexicon.placeSuffixes.contains(head) || lexicon.personTitles.contains(head)
            return heads ? next : nil
        case "for":
            return lexicon.orgHeads.contains(head) || lexicon.orgSuffixes.contains(head) ? next : nil
        case "&":
            return next
        case "and", "the", "on", "upon":
            return nil
        default:
            return lexicon.personParticles.contains(connector) ? next : nil
        }
    }

    /// The lookup key of the name `first...last`: the tokens' texts joined by single spaces, the last one's as
    /// given (`last`: possessive stripped or hyphenated tail cut). Built by appending: no array of texts.
    static func key(_ tokens: [Token], _ first: Int, _ last: Int, last lastText: String) -> String {
        guard first < last else { return lastText }
        var key = tokens[first].text
        for i in (first + 1)..<last {
            key += " "
            key += tokens[i].text
        }
        key += " "
        key += lastText
        return key
    }
}
