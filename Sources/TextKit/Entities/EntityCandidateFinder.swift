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
    let tokens: [Token]
    let lexicon: EntityLexicon
    /// How the sentence is cased: running text, a title-case headline, or all capitals.
    let casing: Casing

    enum Casing { case normal, titleCase, allCaps }

    /// Per token: whether it can be part of a name (computed once).
    private(set) var nameTokens: [Bool] = []
    /// Per token: its text without a possessive (`Armenia’s` → `Armenia`), and that lowercased without a final
    /// period (`Gen.` → `gen`); computed for capitalised words only (others keep their text).
    private(set) var bases: [String] = []
    private(set) var baseLowers: [String] = []
    private(set) var possessive: [Bool] = []
    /// Index of the sentence's first word or number.
    let firstContent: Int

    init(tokens: [Token], lexicon: EntityLexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
        casing = Self.casing(of: tokens, lexicon: lexicon)
        firstContent = tokens.firstIndex { $0.isWord || $0.kind == .number } ?? tokens.count
        // Only capitalised words (and al-Assad) can be names: the others keep "" and fall back to their token.
        bases = Array(repeating: "", count: tokens.count)
        baseLowers = bases
        possessive = Array(repeating: false, count: tokens.count)
        for i in tokens.indices where tokens[i].isWord && tokens[i].isCapitalized {
            bases[i] = tokens[i].text
            baseLowers[i] = tokens[i].lower
            if tokens[i].text.unicodeScalars.contains(where: \.isApostrophe) {
                bases[i] = tokens[i].possessiveBase
                baseLowers[i] = bases[i].lowercased()
                possessive[i] = bases[i].utf8.count != tokens[i].text.utf8.count
            }
            if baseLowers[i].utf8.last == 46 { baseLowers[i] = PhraseSet.normalized(baseLowers[i]) }
        }
        nameTokens = tokens.indices.map { computeIsNameToken($0) }
    }

    /// A headline in title case (`Paul Ryan Asks That …`: most words capitalised, function words too) or in
    /// capitals, where capitalisation says little about names.
    static func casing(of tokens: [Token], lexicon: EntityLexicon) -> Casing {
        var words = 0
        var capitalised = 0
        var allCaps = 0
        var functionWords = 0
        for i in tokens.indices where tokens[i].isWord {
            let scalars = tokens[i].text.unicodeScalars
            guard let first = scalars.first, tokens[i].text.utf8.count > 1 else { continue }
            words += 1
            guard first.isUppercaseLetter else { continue }
            capitalised += 1
            if scalars.allSatisfy({ !$0.isLetter || $0.isUppercaseLetter }) { allCaps += 1 }
            if i > 0 && lexicon.sentenceAdverbs.contains(tokens[i]) { functionWords += 1 }
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
        var i = 0
        while i < tokens.count {
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
    func isNameToken(_ index: Int) -> Bool { nameTokens[index] }

    private func computeIsNameToken(_ index: Int) -> Bool {
        let t = tokens[index]
        guard t.kind == .word, let initial = t.text.unicodeScalars.first else { return false }
        let hasHyphen = t.text.utf8.contains(45)
        guard initial.isUppercaseLetter else {
            // al-Assad, el-Sisi, bin-Salman.
            guard hasHyphen, let hyphen = t.text.firstIndex(of: "-"),
                lexicon.personParticles.contains(String(t.lower[..<hyphen]))
            else {
                return false
            }
            return t.text[t.text.index(after: hyphen)...].unicodeScalars.first?.isUppercaseLetter == true
        }
        guard !lexicon.notNames.contains(baseLower(index)) else { return false }
        let scalars = t.text.unicodeScalars
        // I’m, Don’t (contractions); R-Ariz. (a lawmaker's party and state).
        if !possessive[index], scalars.contains(where: \.isApostrophe),
            lexicon.contractions.contains(where: { t.lower.hasSuffix($0) })
        {
            return false
        }
        if hasHyphen, scalars.count >= 3, "RDI".unicodeScalars.contains(initial),
            scalars[scalars.index(after: scalars.startIndex)] == "-"
        {
            return false
        }
        // ATMs, NGOs: plural acronyms are common nouns.
        if scalars.count >= 3, scalars.last == "s", scalars.dropLast().allSatisfy(\.isUppercaseLetter) { return false }
        switch casing {
        case .normal: break
        case .allCaps: return lexicon.organisations.contains(t.text) || lexicon.places.contains(t.text)
        case .titleCase:
            // In a headline, a common word is no name unless it is a known one.
            if lexicon.commonWords.contains(baseLower(index)) && !lexicon.properNouns.contains(base(index))
                && !lexicon.isKnownName(base(index))
            {
                return false
            }
        }
        guard scalars.count > 1 || isInitial(index) else { return false }
        // pro-Russian, Anti-American, Armenian-American: adjectives, not names.
        if hasHyphen, let hyphen = t.lower.firstIndex(of: "-") {
            let head = String(t.lower[..<hyphen])
            let tail = String(t.lower[t.lower.index(after: hyphen)...])
            if Self.hyphenPrefixes.contains(head) || lexicon.demonyms.contains(tail) { return false }
        }
        return true
    }

    /// A single capital letter followed directly by a period (`W.`).
    func isInitial(_ index: Int) -> Bool {
        let t = tokens[index]
        guard t.isWord, t.text.unicodeScalars.count == 1, t.isCapitalized, index + 1 < tokens.count else {
            return false
        }
        return tokens[index + 1].text == "." && tokens[index + 1].start == t.end
    }

    /// The token ends a name: a possessive, or a hyphenated lowercase tail.
    func endsName(_ index: Int) -> Bool {
        let t = tokens[index]
        return possessive[index] || hyphenTail(t) != nil
    }

    /// For `Moscow-based`, the scalar offset of the hyphen (the name stops there).
    func hyphenTail(_ t: Token) -> Int? {
        guard t.text.utf8.contains(45) || t.text.unicodeScalars.contains(where: \.isWordHyphen) else { return nil }
        let scalars = Array(t.text.unicodeScalars)
        guard let hyphen = scalars.lastIndex(where: \.isWordHyphen), hyphen > 0, hyphen + 1 < scalars.count else {
            return nil
        }
        let tail = scalars[(hyphen + 1)...]
        guard tail.allSatisfy({ $0.isLetter && !$0.isUppercaseLetter }), scalars[0].isUppercaseLetter else {
            return nil
        }
        return t.start + hyphen
    }

    // MARK: Growing a name

    func spanEnd(from start: Int) -> Int {
        var end = start
        var k = start + 1
        while k < tokens.count && !endsName(end) {
            let t = tokens[k]
            // An initial's period, or an abbreviated title's (Gen. Smith, St. Petersburg).
            if t.text == ".", t.start == tokens[end].end, k + 1 < tokens.count, isNameToken(k + 1),
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
            if lexicon.regnalNumerals.contains(t.text), tokens[end].isWord, tokens[end].text.unicodeScalars.count > 2 {
                end = k
                k += 1
                break
            }
            if t.isWord || t.text == "&", lexicon.connectors.contains(t),
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
        let limit = min(tokens.count, start + longest)
        if limit - start > end - start + 1 {
            var length = limit - start
            while length > end - start + 1 {
                let candidate = start + length - 1
                if tokens[candidate].isWord, isNameToken(candidate) || tokens[candidate].text.first?.isUppercase == true
                {
                    let key = tokens[start...candidate].map(\.text).joined(separator: " ")
                    let base = tokens[start..<candidate].map(\.text) + [self.base(candidate)]
                    let baseKey = base.joined(separator: " ")
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
        if connector == "of" && next < tokens.count && tokens[next].lower == "the" { next += 1 }
        guard next < tokens.count, isNameToken(next), tokens[next].isCapitalized else { return nil }
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
}
