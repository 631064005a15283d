/// Finds the topic's actors in sentences: people by name, alias or role; institutions named by a
/// country form and an institution head (`Azerbaijan's Defence Ministry`, `the Defense Ministry in
/// Azerbaijan`, `Armenian forces`); countries, capitals and metonyms standing for governments; and
/// definite references (`the ministry`) for later resolution. The topic file gives the countries and
/// people; `Resources/english/institutions.json` the institutions.
public final class ActorMatcher: Sendable {
    enum Form: Hashable, Sendable {
        case countryName(Int), adjective(Int), capital(Int), metonym(Int)
        case personName(Int), personRole(Int)
    }

    let topic: Topic
    let lexicon: EnglishLexicon
    /// The topic's countries, then the world's countries the topic does not name (side `other`).
    let countries: [Topic.Country]
    /// First lowercase word → phrases starting with it (longest first) and what they name.
    let phrases: WordMap<[(words: [String], form: Form)]>
    /// Institution head phrases with kind and canonical suffix.
    let heads: PhraseIndex<(kind: String, canonical: String)>
    /// Short heads for `the ministry`-style references.
    let shortHeads: PhraseIndex<String>
    /// For `countryIndex(of:)`: each government name, and each canonical adjective with a space after it, to the
    /// first country that has it.
    let countryByGovernment: [String: Int]
    let countryByAdjective: [String: Int]
    static let prepositions: WordSet = ["in", "to", "into", "from", "at", "near", "between", "via", "towards", "toward", "inside", "across",
                                             "within", "outside", "through", "around", "for"]
    static let troopHeads: WordSet = ["forces", "troops", "army", "military", "armed", "border", "soldiers"]

    public init(topic: Topic, lexicon: EnglishLexicon = .shared) {
        self.topic = topic
        self.lexicon = lexicon
        var phrases = WordMap<[(words: [String], form: Form)]>()
        func add(_ text: String, _ form: Form) {
            let words = Tokenizer.tokenize(ScalarString(text)).filter { $0.kind != .punctuation || $0.text == "." }.map { $0.possessiveBase.lowercased() }
            guard let first = words.first else { return }
            phrases[first, default: []].append((words, form))
        }
        let topicWords = Set(topic.countries.flatMap { $0.names + $0.adjectives + $0.capitals + $0.metonyms }.map { $0.lowercased() })
        countries = topic.countries + lexicon.worldCountries.filter { country in
            !(country.names + country.adjectives + country.capitals + country.metonyms).contains { topicWords.contains($0.lowercased()) }
        }
        for (i, country) in countries.enumerated() {
            country.names.forEach { add($0, .countryName(i)) }
            country.adjectives.forEach { add($0, .adjective(i)) }
            country.capitals.forEach { add($0, .capital(i)) }
            country.metonyms.forEach { add($0, .metonym(i)) }
        }
        for (i, person) in topic.people.enumerated() {
            ([person.name] + person.aliases).forEach { add($0, .personName(i)) }
            person.roles.forEach { add($0, .personRole(i)) }
        }
        for key in phrases.allKeys { phrases[key]!.sort { $0.words.count > $1.words.count } }
        self.phrases = phrases
        countryByGovernment = Dictionary(countries.enumerated().map { ($1.government, $0) }, uniquingKeysWith: min)
        countryByAdjective = Dictionary(countries.enumerated().map { ($1.canonicalAdjective + " ", $0) }, uniquingKeysWith: min)
        heads = PhraseIndex(lexicon.institutions.flatMap { inst in inst.heads.map { ($0, (inst.kind, inst.canonical)) } })
        // The first institution listing a short head wins (`the ministry` is the defence ministry unless said otherwise).
        var seenShort = Set<[String]>()
        // A bare `the ministry` is any ministry: the last one mentioned, whatever its kind.
        shortHeads = PhraseIndex(lexicon.institutions.flatMap { inst in
            inst.short.filter { seenShort.insert($0).inserted }.map { ($0, $0 == ["ministry"] ? "ministry" : inst.kind) }
        })
    }

    /// The institution of a side as a speaker (`defense-ministry` of `azerbaijan` → Azerbaijani Defense Ministry).
    func institutionSpeaker(side: String, institution kind: String) -> Speaker? {
        // The topic's countries come first in `countries`, so this is the topic's country of that side.
        guard let c = countries.firstIndex(where: { $0.side == side }) else { return nil }
        return institutionSpeaker(country: c, institution: kind)
    }

    /// The institution of a country (an index in `countries`, a party or not) as a speaker: `the foreign ministry` of a
    /// Georgian outlet is the Georgian Foreign Ministry.
    func institutionSpeaker(country c: Int, institution kind: String) -> Speaker? {
        guard countries.indices.contains(c) else { return nil }
        let country = countries[c]
        let institution = kind == "ministry" ? "defense-ministry" : kind
        let canonical: String = switch institution {
        case "government": country.government
        case "military": "\(country.canonicalAdjective) military"
        case "foreign-ministry": "\(country.canonicalAdjective) Foreign Ministry"
        default: "\(country.canonicalAdjective) Defense Ministry"
        }
        return Speaker(canonical: canonical, actor: "\(country.side)/\(institution)", side: country.side, category: "institution",
                       institution: institution, span: nil, resolution: "definite")
    }

    /// The country (an index in `countries`) a name, capital or adjective stands for: the first words of a dateline
    /// (`TBILISI, May 12 —`, `(ATN) - ROME, MAY 12 -`) or `meta.outlet_country`.
    public func countryIndex(named text: String) -> Int? {
        let tokens = Tokenizer.tokenize(ScalarString(text))
        for i in tokens.indices.prefix(8) where tokens[i].isWord {
            guard let (entry, _, _) = phrase(at: i, in: tokens, limit: tokens.count, roles: false) else { continue }
            switch entry.form {
            case .countryName(let c), .capital(let c), .adjective(let c): return c
            default: continue
            }
        }
        return nil
    }

    /// Whether `tokens` name country `c` anywhere (its name, adjective, capital or metonym): the outlet's own country
    /// is the local context only when the article speaks of it.
    public func mentions(country c: Int, in tokens: [Token]) -> Bool {
        for token in tokens where token.isWord && token.isCapitalized {
            for entry in phrases[token.base, hash: token.baseHash] ?? [] {
                switch entry.form {
                case .countryName(let i), .capital(let i), .adjective(let i), .metonym(let i): if i == c { return true }
                default: continue
                }
            }
        }
        return false
    }

    /// The side a country name in `meta.outlet_country` stands for, if it is one of the topic's countries.
    public func side(ofCountry name: String?) -> String? {
        guard let name = name?.lowercased() else { return nil }
        return countries.first { $0.names.contains { $0.lowercased() == name } }?.side
    }

    /// The side an adjective or possessive names (`Armenian`, `Azeri`, `Armenia’s`), if any.
    public func side(ofModifier token: Token) -> String? {
        guard token.isWord else { return nil }
        for entry in phrases[token.base, hash: token.baseHash] ?? [] where entry.words.count == 1 {
            switch entry.form {
            case .adjective(let i), .countryName(let i), .capital(let i): return countries[i].side
            default: continue
            }
        }
        return nil
    }

    /// Actor mentions in `tokens[range]`, left to right, not overlapping (longest match wins).
    public func mentions(in tokens: [Token], range: Range<Int>) -> [ActorMention] {
        var result: [ActorMention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let mention = match(tokens, at: i, limit: range.upperBound) {
                result.append(mention)
                i = mention.tokens.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    // MARK: - Matching

    /// The words at `i` as lowercase, with a possessive stripped from the last one.
    private func phrase(at i: Int, in tokens: [Token], limit: Int, roles: Bool = true) -> (entry: (words: [String], form: Form), end: Int, possessive: Bool)? {
        let first = tokens[i]
        guard first.isWord else { return nil }
        for entry in phrases[first.base, hash: first.baseHash] ?? [] {
            if !roles, case .personRole = entry.form { continue }
            let n = entry.words.count
            guard i + n <= limit else { continue }
            var ok = true
            for k in 0..<n where tokens[i + k].base != entry.words[k] {
                ok = false
                break
            }
            if ok { return (entry, i + n, tokens[i + n - 1].isPossessive) }
        }
        return nil
    }

    private func head(at i: Int, in tokens: [Token], limit: Int) -> (kind: String, canonical: String, end: Int, words: [String])? {
        guard let (entry, end) = heads.match(tokens, at: i, limit: limit, byBase: true) else { return nil }
        return (entry.value.kind, entry.value.canonical, end, entry.words)
    }

    func institutionMention(country i: Int, kind: String, canonical: String, headWords: [String], span: TextSpan, tokens: Range<Int>) -> ActorMention {
        let country = countries[i]
        if kind == "government" {
            return ActorMention(span: span, tokens: tokens, actor: "\(country.side)/government", canonical: country.government, side: country.side,
                                kind: .institution, institution: kind)
        }
        let isTroops = headWords.allSatisfy { Self.troopHeads.contains($0) }
        let name = isTroops ? "\(country.canonicalAdjective) military" : "\(country.canonicalAdjective) \(canonical)"
        // Troops are the military, not the ministry: `the ministry` never refers back to them.
        let institution = isTroops ? "military" : kind
        return ActorMention(span: span, tokens: tokens, actor: "\(country.side)/\(institution)", canonical: name, side: country.side,
                            kind: .institution, institution: institution)
    }

    private func match(_ tokens: [Token], at i: Int, limit: Int) -> ActorMention? {
        if var mention = matchName(tokens, at: i, limit: limit) {
            if let country = countryIndex(of: mention), country >= topic.countries.count { mention.inTopic = false }
            guard mention.kind != .place && mention.kind != .person else { return mention }
            return withSpokesperson(mention, tokens: tokens, limit: limit)
        }
        // `Ministry spokeswoman Lusine Karapetyan`, `Foreign ministry spokesman X`: a bare head naming a spokesperson.
        if tokens[i].isCapitalized, let (short, end) = shortHeads.match(tokens, at: i, limit: limit) {
            let reference = ActorMention(span: TextSpan(tokens[i].start, tokens[end - 1].end), tokens: i..<end, actor: "", canonical: "", side: "",
                                         kind: .reference, institution: short.value)
            let extended = withSpokesperson(reference, tokens: tokens, limit: limit)
            if extended.spokesperson != nil { return extended }
        }
        return nil
    }

    /// The index in `countries` of the country a mention stands for (by its government or institution canonical name).
    func countryIndex(of mention: ActorMention) -> Int? {
        guard mention.kind != .person, mention.kind != .reference else { return nil }
        // The first country whose government is the name or whose adjective and a space start it: every prefix
        // of the name that ends in a space looked up.
        let name = mention.canonical
        var found = countryByGovernment[name]
        func prefix(through i: String.Index) {
            if let country = countryByAdjective[String(name[...i])] { found = min(found ?? country, country) }
        }
        if name.utf8.allSatisfy({ $0 < 128 }) {
            // ASCII: every byte a character (a space joins no other).
            var i = name.utf8.startIndex
            while i < name.utf8.endIndex {
                if name.utf8[i] == 0x20 { prefix(through: i) }
                i = name.utf8.index(after: i)
            }
        } else {
            var i = name.startIndex
            while i < name.endIndex {
                if name[i] == " " { prefix(through: i) }
                i = name.index(after: i)
            }
        }
        return found
    }

    /// Extends a mention over `spokesman Name` (a title then two or more capitalised words, or a known person).
    func withSpokesperson(_ mention: ActorMention, tokens: [Token], limit: Int) -> ActorMention {
        var i = mention.tokens.upperBound
        guard i < limit, let (_, titleEnd) = lexicon.spokesTitles.match(tokens, at: i, limit: limit) else { return mention }
        i = titleEnd
        var end = i
        while end < limit && end - i < 4 && tokens[end].isWord && tokens[end].isCapitalized && !tokens[end].isPossessive { end += 1 }
        guard end - i >= 1, end - i >= 2 || topic.people.contains(where: { $0.aliases.contains(tokens[i].text) || $0.name.hasSuffix(tokens[i].text) }) else {
            return mention
        }
        var extended = mention
        extended.tokens = mention.tokens.lowerBound..<end
        extended.span = TextSpan(mention.span.start, tokens[end - 1].end)
        extended.spokesperson = tokens[i..<end].map(\.text).joined(separator: " ")
        return extended
    }

    private func matchName(_ tokens: [Token], at i: Int, limit: Int, roles: Bool = true) -> ActorMention? {
        let previous = i > 0 ? tokens[i - 1].lower : ""
        if let (entry, end, possessive) = phrase(at: i, in: tokens, limit: limit, roles: roles) {
            switch entry.form {
            case .personRole(let p), .personName(let p):
                guard tokens[i].isCapitalized || tokens[i].isAllCaps else { break }
                // A role then the name: one mention.
                var last = end
                if !possessive, last < limit, let (next, nextEnd, _) = phrase(at: last, in: tokens, limit: limit),
                   case .personName(let q) = next.form, q == p {
                    last = nextEnd
                } else if case .personRole = entry.form, !possessive, last < limit, tokens[last].isWord, tokens[last].isCapitalized,
                          lexicon.weekdays[tokens[last].lower] == nil, lexicon.months[tokens[last].lower] == nil {
                    // The role then someone else's name (`Kremlin spokesman Oleg Saburov` when the topic's Kremlin
                    // spokesman is another man): not the topic's person; the words before the name may still name an institution.
                    return matchName(tokens, at: i, limit: limit, roles: false)
                }
                let person = topic.people[p]
                return ActorMention(span: TextSpan(tokens[i].start, tokens[last - 1].end), tokens: i..<last, actor: "person/\(person.name)",
                                    canonical: person.name, side: person.side, kind: .person, institution: nil)
            case .adjective(let c), .countryName(let c), .capital(let c), .metonym(let c):
                // A country form then an institution head: `Armenian defence ministry`, `Azerbaijan's army`.
                if end < limit, let h = head(at: end, in: tokens, limit: limit) {
                    return institutionMention(country: c, kind: h.kind, canonical: h.canonical, headWords: h.words,
                                              span: TextSpan(tokens[i].start, tokens[h.end - 1].end), tokens: i..<h.end)
                }
                // A bare adjective names no actor (`Armenian soldiers`), unless it is also the country's name (`US`).
                if case .adjective = entry.form, !isCountryName(entry.words, c) { return nil }
                guard tokens[i].isCapitalized || tokens[i].isAllCaps else { return nil }
                let country = countries[c]
                var kind: ActorMention.Kind = .country
                if case .capital = entry.form { kind = Self.prepositions.contains(previous) ? .place : .metonym }
                if case .metonym = entry.form { kind = .metonym }
                if case .countryName = entry.form, Self.prepositions.contains(previous) { kind = .place }
                if case .adjective = entry.form, Self.prepositions.contains(previous) { kind = .place }
                return ActorMention(span: TextSpan(tokens[i].start, tokens[end - 1].end), tokens: i..<end, actor: "\(country.side)/government",
                                    canonical: country.government, side: country.side, kind: kind, institution: nil)
            }
        }
        // A head then `of`/`in` and a country: `the Ministry of Defense of Armenia`, `the Defense Ministry in Azerbaijan`.
        if let h = head(at: i, in: tokens, limit: limit), tokens[i].isCapitalized || h.words.count > 1 {
            // `the Ministry of Defence of the Republic of Azerbaijan`: an article before the country's name.
            let countryStart = h.end + 1 < limit && tokens[h.end + 1].lower == "the" ? h.end + 2 : h.end + 1
            if countryStart < limit, ["of", "in"].contains(tokens[h.end].lower), let (entry, end, _) = phrase(at: countryStart, in: tokens, limit: limit) {
                if case .countryName(let c) = entry.form {
                    return institutionMention(country: c, kind: h.kind, canonical: h.canonical, headWords: h.words,
                                              span: TextSpan(tokens[i].start, tokens[end - 1].end), tokens: i..<end)
                }
            }
        }
        // `the ministry`, `the Defense Ministry`: a reference to resolve; `its defence ministry`: the last organization's.
        if previous == "the" || previous == "its" || previous == "their", let (short, end) = shortHeads.match(tokens, at: i, limit: limit) {
            var mention = ActorMention(span: TextSpan(tokens[i - 1].start, tokens[end - 1].end), tokens: (i - 1)..<end, actor: "",
                                       canonical: "", side: "", kind: .reference, institution: short.value)
            mention.ownedByPronoun = previous != "the"
            return mention
        }
        return nil
    }

    private func isCountryName(_ words: [String], _ c: Int) -> Bool {
        countries[c].names.contains { $0.lowercased() == words.joined(separator: " ") }
    }
}
