/// Finds attributed statements: direct quotes (with or without a cue verb), reported speech
/// (`said that…`, `according to`, `accused … of`), and resolves speakers — names, roles, institutions,
/// metonyms (`Yerevan said`), pronouns and definite references (`it`, `the ministry`) to the last
/// compatible speaker, unnamed reports and "both sides".
public struct AttributionFinder: Sendable {
    /// A statement found in the text.
    public struct Statement: Hashable, Sendable {
        public var speaker: Speaker
        public var cue: EnglishLexicon.Cue?
        public var cueSpan: TextSpan?
        public var quotes: [QuoteFinder.Quote]
        /// What is said: the quotes, or the reported clause.
        public var span: TextSpan
        public var sentence: Int
        public var isDirect: Bool { !quotes.isEmpty }
    }

    let matcher: ActorMatcher
    let lexicon: EnglishLexicon
    /// The side of the outlet's country, when it is a party: `the ministry` in an Azerbaijani outlet is Azerbaijan's.
    let outletSide: String?
    /// The country the article reports from (an index in the matcher's countries: its dateline's, or the outlet's own when
    /// the article speaks of it): `the foreign ministry` of a Tbilisi dateline is Georgia's when no other came before.
    /// Computed only when a reference needs it (rarely): it reads the whole text.
    let localCountry: @Sendable () -> Int?
    static let determiners: WordSet = ["the", "a", "an", "these", "those", "this", "that", "its", "their", "his", "her", "our", "my", "your",
                                           "any", "no", "such", "of", "whose", "latest", "new", "earlier", "previous", "recent", "his", "official"]
    static let beForms: WordSet = ["is", "was", "were", "are", "be", "been", "being", "has been", "had"]
    static let nounLikeS: WordSet = ["claims", "reports", "calls", "states", "notes", "demands", "warns", "says", "denies", "accuses", "blames",
                                         "statements", "comments", "remarks", "report", "claim", "warning", "statement"]
    static let prepositions: WordSet = ["of", "after", "amid", "over", "by", "for", "from", "with", "about", "against", "despite", "following",
                                            "to", "in", "on", "at", "into", "as", "than", "between", "among", "under", "without", "since"]
    static let clauseBreaks: WordSet = [";", ":", "—", "–"]
    /// Words before `claims`, `reports` that make them nouns: `similar claims`, `made claims`.
    static let nounModifiers: WordSet = ["similar", "such", "false", "repeated", "earlier", "unconfirmed", "unverified", "conflicting", "competing",
                                             "made", "make", "makes", "making", "rejected", "dismissed", "denied", "these", "those", "media", "news", "press"]
    /// Things written or said that a participle can describe (`a message posted`).
    static let documentNouns: WordSet = ["message", "statement", "post", "video", "letter", "note", "report", "article", "tweet", "document",
                                         "communique", "communiqué", "footage", "image", "images", "photo", "photos", "clip", "transcript"]
    /// After a possessive: an office that speaks for its holder's government (`the president's office`), and
    /// people who speak for the possessor (`the ministry's spokesman`).
    static let officeNouns: WordSet = ["office", "administration", "cabinet", "chancellery"]
    static let possessedSpeakers: WordSet = ["spokesman", "spokeswoman", "spokesperson", "spokespeople", "press", "envoy", "ambassador", "official",
                                             "officials", "representative", "representatives", "minister", "ministry", "mission", "embassy",
                                             "delegation", "leader", "leaders", "president", "government", "army", "military", "forces", "troops"]
    /// Words that open a clause with its own subject: `a day after Azerbaijan said`.
    static let subordinators: WordSet = ["after", "before", "since", "as", "while", "because", "when", "until", "following"]

    public init(matcher: ActorMatcher, lexicon: EnglishLexicon = .shared, outletSide: String? = nil, localCountry: @escaping @Sendable () -> Int? = { nil }) {
        self.matcher = matcher
        self.lexicon = lexicon
        self.outletSide = outletSide
        self.localCountry = localCountry
    }

    /// Discourse state: who spoke and who was mentioned last, for pronouns and references.
    struct Context {
        var lastPerson: Speaker?
        var lastOrganization: Speaker?
        var lastGroup: Speaker?
        var lastSpeaker: Speaker?
        var lastSpeakerSentence = -10
        var lastByInstitution: [String: Speaker] = [:]
        var lastBySideInstitution: [String: Speaker] = [:]
        /// Institutions mentioned (not necessarily speaking): the fallback for `the ministry`.
        var mentionedByInstitution: [String: Speaker] = [:]
        /// An organization that opened a sentence after the last statement (`Armenia's defence ministry gave a
        /// different account. It said …`): what `it` refers to next.
        var subjectOrganization: Speaker?
        var subjectOrganizationSentence = -10
        /// The country or institution that opened the latest sentence opened by one: what `its` (`Its
        /// defence ministry said`) belongs to.
        var subjectOwner: Speaker?
        /// The party side named first in the current sentence (a last resort for `the ministry`).
        var sentenceSide: String?
        /// The country opening the current sentence (`Italy is following … , the foreign ministry said`): whose `the
        /// foreign ministry` is, when no ministry of that kind came before.
        var sentenceCountry: Int?
        /// The country of a locative opening the current sentence (`In Paris, the foreign ministry said`): whose `the
        /// foreign ministry` is, before any ministry of that kind mentioned earlier.
        var sentenceLocative: Int?

        /// People named in full before, by surname (`Zhao said`); a spokesperson stands for the institution.
        var bySurname: [String: Speaker] = [:]

        /// The last spokesperson speaking or named: what `the spokeswoman` refers to.
        var lastSpokesperson: Speaker?

        /// People of the topic mentioned or speaking, most recent last: what `the prime minister` refers to.
        var recentPeople: [Speaker] = []

        mutating func rememberName(_ speaker: Speaker) {
            if speaker.category == "person" {
                recentPeople.removeAll { $0.canonical == speaker.canonical }
                recentPeople.append(speaker)
            }
            if speaker.category == "spokesperson" { lastSpokesperson = speaker }
            let name = speaker.spokesperson ?? (speaker.category == "name" ? speaker.canonical : nil)
            guard let name, let surname = name.split(separator: " ").last, name.contains(" ") else { return }
            bySurname[surname.lowercased()] = speaker
        }

        mutating func note(_ speaker: Speaker) {
            rememberName(speaker)
            if speaker.isPerson { lastPerson = speaker }
            if speaker.isOrganization { lastOrganization = speaker }
            if speaker.category == "group" || speaker.category == "both" || speaker.category == "unnamed" { lastGroup = speaker }
            if let institution = speaker.institution {
                lastByInstitution[institution] = speaker
                lastBySideInstitution["\(speaker.side)/\(institution)"] = speaker
                if institution.hasSuffix("ministry") { lastByInstitution["ministry"] = speaker; lastBySideInstitution["\(speaker.side)/ministry"] = speaker }
            }
        }
    }

    /// Every statement in the text's sentences, in order.
    public func find(in text: AnalyzedText, quotes: [QuoteFinder.Quote]) -> [Statement] {
        var context = Context()
        var statements: [Statement] = []
        let tokens = text.tokens
        for s in text.sentences.indices where !text.isHeading(s) {
            let range = text.sentenceTokens[s]
            let sentence = text.sentences[s]
            let mentions = matcher.mentions(in: tokens, range: range)
            context.sentenceSide = range.lazy.compactMap { self.matcher.side(ofModifier: tokens[$0]) }.first { self.matcher.topic.parties.contains($0) }
            context.sentenceCountry = mentions.first.flatMap { mention in
                mention.tokens.lowerBound <= range.lowerBound + 1 && (mention.kind == .country || mention.kind == .metonym) ? matcher.countryIndex(of: mention) : nil
            }
            context.sentenceLocative = nil
            if range.count > 3, tokens[range.lowerBound].lower == "in", let first = mentions.first, first.tokens.lowerBound == range.lowerBound + 1,
               first.kind == .country || first.kind == .metonym || first.kind == .place,
               first.tokens.upperBound < range.upperBound, tokens[first.tokens.upperBound].text == "," {
                context.sentenceLocative = matcher.countryIndex(of: first)
            }
            let sentenceQuotes = quotes.filter { $0.inner.overlaps(sentence) }
            let quoted = Set(sentenceQuotes.flatMap { q in range.filter { q.inner.contains(tokens[$0].span) } })
            var found: [(cue: EnglishLexicon.Cue, cueTokens: Range<Int>, speaker: Speaker)] = []
            var i = range.lowerBound
            while i < range.upperBound {
                defer { i += 1 }
                guard !quoted.contains(i), tokens[i].isWord else { continue }
                // Phrase cues (`according to`, `spoke of`).
                var cue: EnglishLexicon.Cue?
                var cueEnd = i + 1
                if let (phrase, end) = lexicon.cuePhraseIndex.match(tokens, at: i, limit: range.upperBound) {
                    cue = phrase.value
                    cueEnd = end
                }
                if cue == nil, let verb = lexicon.cueVerb(tokens[i]), isVerbUse(tokens, at: i, sentenceStart: range.lowerBound) { cue = verb }
                // `The ministry's statement read: "…"`: a document's wording introduced by `read`.
                if cue == nil, i > range.lowerBound, i + 1 < range.upperBound, tokens[i].lower == "read" || tokens[i].lower == "reads",
                   tokens[i + 1].text == ":", lexicon.speechNouns.contains(tokens[i - 1]) || Self.documentNouns.contains(tokens[i - 1]) {
                    cue = lexicon.cueVerbs["said"]
                }
                guard let cue else { continue }
                // Coordinated with an earlier cue of the same subject: one statement (`said … and blamed`,
                // `… and she rejected`).
                if !found.isEmpty, i > range.lowerBound,
                   tokens[i - 1].lower == "and"
                    || (i > range.lowerBound + 1 && tokens[i - 2].lower == "and"
                        && (tokens[i - 1].lower.hasSuffix("ly") || ["he", "she", "it", "they"].contains(tokens[i - 1].lower))) {
                    i = cueEnd - 1
                    continue
                }
                let speaker: Speaker?
                // `X was quoted by the state news agency as saying`: X speaks, not the agency.
                if tokens[i].lower == "saying", i - 3 >= range.lowerBound, tokens[i - 1].lower == "as",
                   let quoted = (max(range.lowerBound + 1, i - 10)..<(i - 1)).first(where: { tokens[$0].lower == "quoted" && tokens[$0 + 1].lower == "by" }) {
                    speaker = subject(before: quoted, tokens: tokens, range: range, mentions: mentions, context: context, found: found.map(\.speaker),
                                      foundCues: found.map(\.cueTokens), sentence: s)
                } else if tokens[i].lower.hasSuffix("ing"), let last = found.last, !cue.speakerAfter {
                    // `…, saying`, `adding that`: a participle shares the main clause's speaker.
                    speaker = last.speaker
                } else if cue.speakerAfter {
                    speaker = subject(after: cueEnd, tokens: tokens, range: range, mentions: mentions, context: context, sentence: s)
                } else if let before = subject(before: i, tokens: tokens, range: range, mentions: mentions, context: context, found: found.map(\.speaker),
                                               foundCues: found.map(\.cueTokens), sentence: s) {
                    speaker = before
                } else {
                    // `"…," said the ministry`: no subject before the cue, the speaker follows it.
                    speaker = invertedSubject(cueEnd: cueEnd, cueStart: i, tokens: tokens, range: range, mentions: mentions, context: context, sentence: s)
                }
                guard var speaker else { continue }
                // `Armenia and Azerbaijan accused each other`: a reciprocal statement is both sides'.
                if speaker.category != "both", cueEnd + 1 < range.upperBound, (tokens[cueEnd].lower == "each" && tokens[cueEnd + 1].lower == "other")
                    || (tokens[cueEnd].lower == "one" && tokens[cueEnd + 1].lower == "another"),
                   let both = specialSpeaker(startingAt: cueEnd, tokens: tokens, range: range) ?? Optional(Speaker(
                       canonical: "both sides", actor: nil, side: "both", category: "both", institution: nil,
                       span: TextSpan(tokens[cueEnd].start, tokens[cueEnd + 1].end), resolution: "named")) {
                    speaker = both
                }
                // `Armenia and Azerbaijan traded accusations`: reciprocal too.
                if cue.canonical == "traded accusations", speaker.category != "both" {
                    speaker = Speaker(canonical: "both sides", actor: nil, side: "both", category: "both", institution: nil,
                                      span: speaker.span, resolution: "named")
                }
                found.append((cue, i..<cueEnd, speaker))
                // `The Nordic Relief Council (NRC) said`: the acronym names the same speaker later (`the NRC also urged`).
                if speaker.category == "name", let end = speaker.span?.end,
                   let close = range.first(where: { tokens[$0].start >= end }), close + 2 < range.upperBound,
                   tokens[close].text == "(", tokens[close + 1].isAllCaps, tokens[close + 2].text == ")" {
                    context.bySurname[tokens[close + 1].lower] = speaker
                }
                context.note(speaker)
                i = cueEnd - 1
            }
            // Quotes go to the cue whose clause holds them: the nearest cue before the quote, or the cue right after it.
            var assigned: [Int: [QuoteFinder.Quote]] = [:]
            var orphans: [QuoteFinder.Quote] = []
            for quote in sentenceQuotes where quote.inner.end <= sentence.end + 1 && quote.inner.start >= sentence.start - 1 || quote.inner.overlaps(sentence) {
                // A quote spanning sentences is handled in the sentence where it starts.
                if quote.inner.start < sentence.start && statements.contains(where: { $0.quotes.contains(quote) }) { continue }
                let before = found.indices.last { tokens[found[$0].cueTokens.lowerBound].start < quote.outer.start }
                let after = found.indices.first { tokens[found[$0].cueTokens.lowerBound].start >= quote.outer.end }
                if let after, isRightAfterQuote(quote, cueIndex: found[after].cueTokens.lowerBound, speaker: found[after].speaker, tokens: tokens) {
                    assigned[after, default: []].append(quote)
                } else if let before {
                    assigned[before, default: []].append(quote)
                } else if let after {
                    assigned[after, default: []].append(quote)
                } else if quote.inner.end > sentence.end + 1 {
                    // Continues into the next sentence with no cue here: its cue may follow it there
                    // (`"… border. Full responsibility lies with Baku," the ministry said.`).
                    continue
                } else {
                    orphans.append(quote)
                }
            }
            let firstOfSentence = statements.count
            for (k, item) in found.enumerated() {
                let quotesOf = assigned[k] ?? []
                let span = statementSpan(cueTokens: item.cueTokens, speaker: item.speaker, quotes: quotesOf, sentence: sentence, tokens: tokens,
                                         nextCue: k + 1 < found.count ? tokens[found[k + 1].cueTokens.lowerBound].start : nil)
                // A second cue of the same speaker that adds no statement of its own joins the first: a nominal
                // `what it called` (`condemned what it called …`), and both sides again (`accused each other of … that the
                // two countries say …`). (Participles such as `…, adding that` stay statements of their own.)
                let nominal = item.cueTokens.lowerBound - 2 >= range.lowerBound && tokens[item.cueTokens.lowerBound - 2].lower == "what"
                if nominal || item.speaker.category == "both",
                   let same = statements[firstOfSentence...].firstIndex(where: { $0.speaker.canonical == item.speaker.canonical }) {
                    statements[same].quotes += quotesOf
                    if let first = statements[same].quotes.first {
                        statements[same].span = statements[same].quotes.dropFirst().reduce(first.inner) { $0.union($1.inner) }
                    } else {
                        statements[same].span = statements[same].span.union(span)
                    }
                    context.lastSpeaker = item.speaker
                    context.lastSpeakerSentence = s
                    continue
                }
                statements.append(Statement(speaker: item.speaker, cue: item.cue, cueSpan: TextSpan(tokens[item.cueTokens.lowerBound].start, tokens[item.cueTokens.upperBound - 1].end),
                                            quotes: quotesOf, span: span, sentence: s))
                context.lastSpeaker = item.speaker
                context.lastSpeakerSentence = s
            }
            // A short quote inside the outlet's own sentence, with no cue (`Moscow's "peacekeeping"`, `the so-called
            // "Nagorno-Karabakh" separatists`): scare quotes, not anybody's words.
            // A short quote right after a statement in the same paragraph is still that speaker's (`… of wanting to “undermine
            // the talks”. There is only a “very small” chance …`), unless a possessive or `so-called` marks it as the outlet's.
            let followsStatement = context.lastSpeakerSentence == s - 1 && s > 0 && text.sentenceParagraph[s - 1] == text.sentenceParagraph[s]
            orphans.removeAll { isScareQuote($0, tokens: tokens, range: range, followsStatement: followsStatement) }
            // A quote with no cue: the previous speaker's, if they spoke just before.
            if !orphans.isEmpty, found.isEmpty, var previous = context.lastSpeaker, s - context.lastSpeakerSentence <= 2 {
                previous.resolution = "previous"
                previous.span = nil
                let span = orphans.map(\.inner).reduce(orphans[0].inner) { $0.union($1) }
                statements.append(Statement(speaker: previous, cue: nil, cueSpan: nil, quotes: orphans, span: span, sentence: s))
                context.lastSpeakerSentence = s
            }
            // Mentions update who "it"/"he" may refer to next.
            for mention in mentions where mention.canSpeak && mention.kind != .reference {
                let speaker = Self.speaker(from: mention, resolution: "named")
                if mention.kind == .person { context.lastPerson = speaker } else if context.lastOrganization == nil || mention.kind == .institution { context.lastOrganization = speaker }
                if mention.spokesperson != nil || mention.kind == .person { context.rememberName(speaker) }
                if mention.kind != .person, mention.tokens.lowerBound <= range.lowerBound + 1 { context.subjectOwner = speaker }
                if mention.kind == .institution, found.isEmpty, mention.tokens.lowerBound <= range.lowerBound + 1 {
                    context.subjectOrganization = speaker
                    context.subjectOrganizationSentence = s
                }
                if let institution = mention.institution {
                    context.mentionedByInstitution[institution] = speaker
                    if institution.hasSuffix("ministry") { context.mentionedByInstitution["ministry"] = speaker }
                }
            }
        }
        return statements
    }

    // MARK: - Cues

    /// A cue word used as a verb: lowercase, not after a determiner or a preposition, not passive.
    func isVerbUse(_ tokens: [Token], at i: Int, sentenceStart: Int) -> Bool {
        let t = tokens[i]
        if t.isCapitalized && i > sentenceStart { return false }
        guard i > sentenceStart else { return false }
        let previous = tokens[i - 1].lower
        if Self.determiners.contains(previous) { return false }
        // `Baku's claim that …`, `made similar claims`: nouns.
        if tokens[i - 1].isPossessive && tokens[i - 1].isWord { return false }
        if Self.nounLikeS.contains(t) && (Self.nounModifiers.contains(previous) || tokens[i - 1].kind == .number
                                           || EnglishLexicon.shared.numberUnits[previous] != nil) { return false }
        // Passive, also past an adverb: `could be independently confirmed`.
        var aux = i - 1
        while aux > sentenceStart && tokens[aux].lower.hasSuffix("ly") && tokens[aux].isWord { aux -= 1 }
        if Self.beForms.contains(tokens[aux]) && !t.lower.hasSuffix("ing") { return false }
        // Negated: `has not commented`, `did not say`, `has so far not confirmed`, `never said`.
        if (max(sentenceStart, i - 3)..<i).contains(where: { ["not", "never", "n't", "didn't", "hasn't", "haven't", "won't"].contains(tokens[$0].lower) }) { return false }
        // `a message posted on social media`: a participle after a document, not a verb.
        if ["posted", "published", "released", "issued", "shared", "quoted"].contains(t.lower), Self.documentNouns.contains(previous) { return false }
        // `before anyone is asked to explain`, `refused to say`: a possible statement, not one made.
        if previous == "to", i - 2 >= sentenceStart, Self.unrealisedBeforeTo.contains(tokens[i - 2]) { return false }
        // `was to blame`: an idiom, not a statement.
        if t.lower == "blame", i - 2 >= sentenceStart, tokens[i - 1].lower == "to", Self.beForms.contains(tokens[i - 2]) { return false }
        // `reports said`, `media reports say`: the noun is the subject of the cue after it.
        if Self.nounLikeS.contains(t), i + 1 < tokens.count, tokens[i + 1].isWord, lexicon.cueVerbs[tokens[i + 1].lower] != nil { return false }
        // `a war which claimed more than 6,500 lives`: lives lost, not a statement.
        if t.lower.hasPrefix("claim"), (i + 1..<min(tokens.count, i + 6)).contains(where: { ["lives", "life"].contains(tokens[$0].lower) }) { return false }
        // `told a different story`: an idiom, not a statement.
        if t.lower.hasPrefix("t"), ["told", "tells", "tell"].contains(t.lower),
           (i + 1..<min(tokens.count, i + 5)).contains(where: { tokens[$0].lower == "story" }) { return false }
        if Self.nounLikeS.contains(t) && (Self.prepositions.contains(previous) || tokens[i - 1].kind == .punctuation && previous != ",") { return false }
        // `the reported attack`, `so-called`: adjectival uses before a noun the previous token governs.
        if t.lower == "reported" && i + 1 < tokens.count && tokens[i + 1].isWord && !["that", "on", "to", "in", "it", "the"].contains(tokens[i + 1].lower)
            && tokens[i + 1].lower.hasSuffix("s") == false && Self.determiners.contains(previous) { return false }
        return true
    }

    /// A quotation of at most three words, cue-less, with words of the sentence before it (not a quote that opens the
    /// sentence): scare quotes in the outlet's voice.
    func isScareQuote(_ quote: QuoteFinder.Quote, tokens: [Token], range: Range<Int>, followsStatement: Bool) -> Bool {
        guard quote.wordCount <= 3, range.lowerBound < range.upperBound else { return false }
        var wordsBefore = 0
        var last: Int?
        for k in range where tokens[k].end <= quote.outer.start {
            if tokens[k].isWord { wordsBefore += 1 }
            last = k
        }
        guard wordsBefore >= 2, let last else { return false }
        if !followsStatement { return true }
        return Self.marksScareQuote(tokens, before: last)
    }

    /// `Moscow's "peacekeeping"`, `the so-called "republic"`, `its "peace agenda"`: words that make the quote the outlet's irony.
    static func marksScareQuote(_ tokens: [Token], before k: Int) -> Bool {
        let t = tokens[k]
        return t.isWord && (t.isPossessive || ["so-called", "its", "their"].contains(t.lower))
    }

    /// `"…," said the ministry` / `…, said Foreign Minister X`: the speaker right after the cue.
    func invertedSubject(cueEnd: Int, cueStart: Int, tokens: [Token], range: Range<Int>, mentions: [ActorMention], context: Context, sentence: Int) -> Speaker? {
        guard cueStart > range.lowerBound else { return nil }
        let previous = tokens[cueStart - 1]
        guard previous.text == "," || previous.kind == .quote else { return nil }
        guard cueEnd < range.upperBound else { return nil }
        return subject(after: cueEnd, tokens: tokens, range: range, mentions: mentions, context: context, sentence: sentence, strict: true)
    }

    // MARK: - Speakers

    static func speaker(from mention: ActorMention, resolution: String) -> Speaker {
        var category: String = switch mention.kind {
        case .person: "person"
        case .institution: "institution"
        case .country: "country"
        case .metonym: "metonym"
        case .place: "place"
        case .reference: "reference"
        }
        // A spokesperson speaks for the institution, but is "he" or "she" afterwards.
        if mention.spokesperson != nil && mention.kind != .reference { category = "spokesperson" }
        return Speaker(canonical: mention.canonical, actor: mention.actor, side: mention.side, category: category,
                       institution: mention.institution, span: mention.span, resolution: resolution, spokesperson: mention.spokesperson)
    }

    /// `the ministry` → the last ministry (of that kind) mentioned or speaking.
    func resolve(reference mention: ActorMention, context: Context) -> Speaker? {
        guard let institution = mention.institution else { return nil }
        if mention.ownedByPronoun {
            // `Its defence ministry said`: the institution of the country (or government) mentioned last.
            guard let owner = context.subjectOwner ?? context.lastOrganization, matcher.topic.parties.contains(owner.side),
                  var speaker = matcher.institutionSpeaker(side: owner.side, institution: institution) else { return nil }
            speaker.span = mention.span
            return speaker
        }
        var found: Speaker?
        if let country = context.sentenceLocative { found = matcher.institutionSpeaker(country: country, institution: institution) }
        if found == nil { found = context.lastByInstitution[institution] }
        if found == nil { found = context.mentionedByInstitution[institution] }
        if found == nil, institution == "government" { found = context.lastOrganization }
        // Nothing to refer back to: the country the sentence opens with (`Italy … , the foreign ministry said`), the
        // country the article reports from (its dateline's, or the outlet's own it speaks of), the outlet's own party,
        // else the party the sentence names.
        if found == nil, let country = context.sentenceCountry ?? localCountry() {
            found = matcher.institutionSpeaker(country: country, institution: institution)
        }
        if found == nil, let side = outletSide ?? context.sentenceSide {
            found = matcher.institutionSpeaker(side: side, institution: institution)
        }
        guard var speaker = found else { return nil }
        speaker.span = mention.span
        speaker.resolution = "definite"
        if let name = mention.spokesperson {
            speaker.category = "spokesperson"
            speaker.spokesperson = name
        }
        return speaker
    }

    func resolve(pronoun: String, span: TextSpan, context: Context) -> Speaker? {
        var speaker: Speaker?
        switch pronoun {
        case "he", "she": speaker = context.lastSpeaker?.isPerson == true ? context.lastSpeaker : context.lastPerson
        case "it":
            if let subject = context.subjectOrganization, context.subjectOrganizationSentence > context.lastSpeakerSentence {
                speaker = subject
            } else {
                speaker = context.lastSpeaker?.isOrganization == true ? context.lastSpeaker : context.lastOrganization
            }
        case "they": speaker = context.lastSpeaker.flatMap { $0.category == "group" || $0.category == "both" || $0.category == "unnamed" ? $0 : nil } ?? context.lastGroup
        default: speaker = nil
        }
        speaker?.span = span
        speaker?.resolution = "pronoun"
        return speaker
    }

    /// `figures released by`, `a statement issued by` (in `cues.json`): what comes before the source after `according to`.
    static let dataNouns: WordSet = WordSet(TextKitData.strings(try? TextKitData.json("english/cues.json"), "data_nouns"))
    static let dataParticiples: WordSet = WordSet(TextKitData.strings(try? TextKitData.json("english/cues.json"), "data_participles"))

    /// The speaker starting at `start` (after `according to`, or after an inverted cue).
    func subject(after start: Int, tokens: [Token], range: Range<Int>, mentions: [ActorMention], context: Context, sentence: Int, strict: Bool = false) -> Speaker? {
        var i = start
        if i < range.upperBound && ["the", "a", "an"].contains(tokens[i].lower) { i += 1 }
        // `according to figures released by the ministry`: the ministry.
        // Also past an adjective and with `from`: `according to official statements from both governments`.
        if !strict {
            var j = i
            if j + 1 < range.upperBound, tokens[j].isWord, !tokens[j].isCapitalized, !Self.dataNouns.contains(tokens[j]), Self.dataNouns.contains(tokens[j + 1]) { j += 1 }
            if j + 2 < range.upperBound, Self.dataNouns.contains(tokens[j]), Self.dataParticiples.contains(tokens[j + 1]), tokens[j + 2].lower == "by" || tokens[j + 2].lower == "from" {
                i = j + 3
            } else if j + 1 < range.upperBound, Self.dataNouns.contains(tokens[j]), !tokens[j].lower.hasPrefix("report"), tokens[j + 1].lower == "from" {
                i = j + 2
            }
            if i < range.upperBound && ["the", "a", "an"].contains(tokens[i].lower) { i += 1 }
        }
        // `said Dr. Jane Doe`: an honorific before the name.
        if i + 2 < range.upperBound, Self.honorifics.contains(tokens[i]), tokens[i + 1].text == ".", tokens[i + 2].isCapitalized { i += 2 }
        guard i < range.upperBound else { return nil }
        if let mention = mentions.first(where: { $0.tokens.contains(i) || $0.tokens.lowerBound == i || ($0.tokens.lowerBound == start && start < i) }) {
            if mention.kind == .reference { return resolve(reference: mention, context: context) }
            if mention.kind == .place { return Self.speaker(from: ActorMention(span: mention.span, tokens: mention.tokens, actor: mention.actor, canonical: mention.canonical, side: mention.side, kind: .metonym, institution: nil), resolution: "named") }
            return Self.speaker(from: mention, resolution: "named")
        }
        let word = tokens[i].lower
        if ["he", "she", "it", "they"].contains(word) { return resolve(pronoun: word, span: tokens[i].span, context: context) }
        if let special = specialSpeaker(startingAt: i, tokens: tokens, range: range) { return special }
        // `according to Armenian media`, `Georgian state media`: an adjective before unnamed reports.
        if tokens[i].isCapitalized, i + 1 < range.upperBound, var special = specialSpeaker(startingAt: i + 1, tokens: tokens, range: range),
           special.category == "unnamed" {
            special.span = special.span.map { TextSpan(tokens[i].start, $0.end) }
            return special
        }
        if i > range.lowerBound, var spokesperson = spokespersonReference(tokens, at: i, floor: range.lowerBound, context: context) {
            spokesperson.span = TextSpan(tokens[i - 1].start, tokens[i].end)
            return spokesperson
        }
        if tokens[i].isCapitalized, i + 1 >= range.upperBound || !tokens[i + 1].isCapitalized, var known = context.bySurname[tokens[i].lower] {
            known.span = tokens[i].span
            return known
        }
        if strict { return properName(at: i, tokens: tokens, range: range) }
        return properName(at: i, tokens: tokens, range: range) ?? groupSpeaker(at: i, tokens: tokens, range: range)
    }

    static let unrealisedBeforeTo: WordSet = ["asked", "expected", "refused", "refuses", "declined", "declines", "unable", "unwilling", "reluctant",
                                              "want", "wants", "wanted", "willing", "hoping", "hopes", "trying", "tried", "likely", "unlikely", "able"]
    static let honorifics: WordSet = ["dr", "mr", "mrs", "ms", "prof"]
    /// Adverbs between a subject and its cue (`the NRC also urged`, `the council today called on`).
    static let cueAdverbs: WordSet = ["also", "today", "yesterday", "later", "again", "then", "now", "previously", "already", "earlier",
                                      "separately", "meanwhile", "further", "once"]
    /// `the organisation said`: an unnamed organisation that spoke last.
    static let organisationNouns: WordSet = ["organisation", "organization", "group", "charity", "council", "agency", "committee", "foundation", "ngo"]

    /// The subject of a cue: the nearest speaker-like phrase before it in the same clause.
    func subject(before cue: Int, tokens: [Token], range: Range<Int>, mentions: [ActorMention], context: Context, found: [Speaker],
                 foundCues: [Range<Int>], sentence: Int) -> Speaker? {
        var k = cue - 1
        let floor = range.lowerBound
        // `"…," said X`: a quote closes right before the cue — the subject is not inside it.
        var adjacent = k
        while adjacent >= floor && tokens[adjacent].text == "," { adjacent -= 1 }
        if adjacent >= floor && tokens[adjacent].kind == .quote { return nil }
        // Where a name right before the cue ends: past adverbs (`also`, `today`), an acronym in brackets (`(NRC)`) and a
        // relative clause (`X, who represents …, told`).
        var nameSlot = cue - 1
        while nameSlot > floor && tokens[nameSlot].isWord && (Self.cueAdverbs.contains(tokens[nameSlot])
                                                             || (tokens[nameSlot].lower.hasSuffix("ly") && !tokens[nameSlot].isCapitalized)) { nameSlot -= 1 }
        if nameSlot - 2 > floor, tokens[nameSlot].text == ")", tokens[nameSlot - 1].isAllCaps, tokens[nameSlot - 2].text == "(" { nameSlot -= 3 }
        while k >= floor {
            let t = tokens[k]
            // Another cue of this sentence: the same subject carries on (`reported …, but said`).
            if let index = foundCues.lastIndex(where: { $0.contains(k) }) { return found[index] }
            // `the two countries' ministers`: an apostrophe glued to a plural is a possessive, not a quote.
            let possessiveMark = t.kind == .quote && k > floor && tokens[k - 1].end == t.start && tokens[k - 1].lower.hasSuffix("s")
                && k + 1 < cue && tokens[k + 1].start > t.end
            if t.kind == .quote && k < cue - 1 && !possessiveMark {
                // Crossing into a quote going left: the subject is between the quote and the cue.
                break
            }
            if Self.clauseBreaks.contains(t.text) { break }
            // `Iran, which borders both countries, has warned`: past the relative clause to its subject.
            if t.text == ",", let open = (max(floor, k - 20)..<k).last(where: { tokens[$0].text == "," }),
               open + 1 < k, ["which", "who", "whose"].contains(tokens[open + 1].lower) {
                if k == nameSlot { nameSlot = open - 1 }
                k = open - 1
                continue
            }
            if let mention = mentions.last(where: { $0.tokens.contains(k) }) {
                // A possessor is not the subject (`the Kremlin's perfunctory call … underlined`), but its office speaks for it
                // (`the prime minister's office said`) and its spokespeople and statements for itself.
                var head = mention.tokens.upperBound
                if head < cue, tokens[head].kind == .quote, tokens[head].start == tokens[head - 1].end { head += 1 }
                if head < cue, mention.kind != .reference, tokens[mention.tokens.upperBound - 1].isPossessive || head > mention.tokens.upperBound {
                    // The possessed noun, past up to two modifiers (`Japan's top government spokesman`).
                    let nouns = head..<min(cue, head + 3)
                    if let office = nouns.first(where: { Self.officeNouns.contains(tokens[$0]) }),
                       var government = matcher.institutionSpeaker(side: mention.side, institution: "government") {
                        government.span = TextSpan(mention.span.start, tokens[office].end)
                        government.resolution = "named"
                        return government
                    }
                    if !nouns.contains(where: { Self.possessedSpeakers.contains(tokens[$0]) || lexicon.speechNouns.contains(tokens[$0]) }) { return nil }
                }
                if mention.kind == .reference, let resolved = resolve(reference: mention, context: context) { return resolved }
                if mention.kind != .place && mention.kind != .reference {
                    let before = mention.tokens.lowerBound > floor ? tokens[mention.tokens.lowerBound - 1].lower : ""
                    // Objects of prepositions do not speak (`a clash with Armenia said` is not Armenia).
                    // Objects of prepositions do not speak — unless the name comes right before the cue
                    // (`a day after Azerbaijan said`: `after` joins a clause there).
                    // Nor the second of two joined objects (`the border between Armenia and Azerbaijan and calls on`).
                    let joinedObject = before == "and" && mentions.contains { $0.kind == .place && $0.tokens.upperBound == mention.tokens.lowerBound - 1 }
                    if !joinedObject, !Self.prepositions.contains(before) || (mention.tokens.upperBound == cue && Self.subordinators.contains(before)) {
                        return Self.speaker(from: mention, resolution: "named")
                    }
                }
                k = mention.tokens.lowerBound - 1
                continue
            }
            if t.isWord {
                if ["he", "she", "it", "they"].contains(t.lower), let resolved = resolve(pronoun: t.lower, span: t.span, context: context) { return resolved }
                if ["which", "who"].contains(t.lower), let last = found.last { return last }
                if let person = titleReference(tokens, endingAt: k, floor: floor, context: context) { return person }
                if var spokesperson = spokespersonReference(tokens, at: k, floor: floor, context: context) {
                    spokesperson.span = TextSpan(tokens[k - 1].start, t.end)
                    return spokesperson
                }
                // `the two countries' foreign ministers hosted …`: a possessor is not the subject.
                let possessor = k + 1 < cue && (t.isPossessive || (tokens[k + 1].kind == .quote && tokens[k + 1].start == t.end))
                if !possessor, let special = specialSpeakerEnding(at: k, tokens: tokens, floor: floor) { return special }
                if lexicon.groupSources.contains(t) {
                    return groupSpeaker(at: k, tokens: tokens, range: range, endingAt: k)
                }
                // `the organisation said`: the unnamed organisation that spoke last.
                if k == nameSlot, k > floor, tokens[k - 1].lower == "the", Self.organisationNouns.contains(t),
                   var last = context.lastSpeaker, last.category == "name", sentence - context.lastSpeakerSentence <= 3 {
                    last.span = TextSpan(tokens[k - 1].start, t.end)
                    last.resolution = "definite"
                    return last
                }
                // A name we do not know, right before the cue (`Karim Haddadi said`).
                if t.isCapitalized && k == nameSlot {
                    // `Zhao said`: someone named in full earlier.
                    if var known = context.bySurname[t.lower] {
                        known.span = t.span
                        return known
                    }
                    // Not a name that holds a known actor or reference (`the Ministry of Defence`): that is found going on left.
                    if let name = properName(endingAt: k, tokens: tokens, floor: floor),
                       !mentions.contains(where: { m in name.span.map { $0.overlaps(m.span) } ?? false }) {
                        return spokespersonOfLastOrganization(name, tokens: tokens, floor: floor, context: context, sentence: sentence) ?? name
                    }
                }
            }
            k -= 1
        }
        return nil
    }

    /// `both sides`, `reports`, `local media`, `sources` starting at `i`.
    func specialSpeaker(startingAt i: Int, tokens: [Token], range: Range<Int>) -> Speaker? {
        if let (_, end) = lexicon.bothSidesIndex.match(tokens, at: i, limit: range.upperBound, byBase: true) {
            return Speaker(canonical: "both sides", actor: nil, side: "both", category: "both", institution: nil,
                           span: TextSpan(tokens[i].start, tokens[end - 1].end), resolution: "named")
        }
        if let (_, end) = lexicon.unnamedIndex.match(tokens, at: i, limit: range.upperBound) {
            return Speaker(canonical: "unnamed reports", actor: nil, side: "other", category: "unnamed", institution: nil,
                           span: TextSpan(tokens[i].start, tokens[end - 1].end), resolution: "named")
        }
        return nil
    }

    /// The same, for a phrase ending at `end` (scanning left).
    func specialSpeakerEnding(at end: Int, tokens: [Token], floor: Int) -> Speaker? {
        if let (_, start) = lexicon.bothSidesIndex.match(tokens, endingAt: end, floor: floor) {
            return specialSpeaker(startingAt: start, tokens: tokens, range: floor..<(end + 1))
        }
        if let (_, start) = lexicon.unnamedIndex.match(tokens, endingAt: end, floor: floor) {
            return specialSpeaker(startingAt: start, tokens: tokens, range: floor..<(end + 1))
        }
        return nil
    }

    /// `Armenian officials` (the government of that side) or `officials`, `analysts` (others).
    func groupSpeaker(at i: Int, tokens: [Token], range: Range<Int>, endingAt: Int? = nil) -> Speaker? {
        let headIndex = endingAt ?? i
        guard lexicon.groupSources.contains(tokens[headIndex]) else { return nil }
        if headIndex > range.lowerBound, let side = matcher.side(ofModifier: tokens[headIndex - 1]),
           let country = matcher.topic.country(side: side) {
            return Speaker(canonical: country.government, actor: "\(side)/government", side: side, category: "institution", institution: "government",
                           span: TextSpan(tokens[headIndex - 1].start, tokens[headIndex].end), resolution: "named")
        }
        return Speaker(canonical: tokens[headIndex].lower, actor: nil, side: "other", category: "group", institution: nil,
                       span: tokens[headIndex].span, resolution: "named")
    }

    /// A capitalised name not in the topic, starting at `i` (two or more capitalised words).
    /// `the Prime Minister confirmed`: the topic's person with that role mentioned last.
    func titleReference(_ tokens: [Token], endingAt k: Int, floor: Int, context: Context) -> Speaker? {
        for title in lexicon.titles where k - title.count >= floor {
            let start = k - title.count + 1
            guard tokens[start - 1].lower == "the", (0..<title.count).allSatisfy({ tokens[start + $0].lower == title[$0] }) else { continue }
            let phrase = title.joined(separator: " ")
            for person in context.recentPeople.reversed() {
                guard let entry = matcher.topic.people.first(where: { $0.name == person.canonical }),
                      entry.roles.contains(where: { $0.lowercased().hasSuffix(phrase) }) else { continue }
                var speaker = person
                speaker.span = TextSpan(tokens[start - 1].start, tokens[k].end)
                speaker.resolution = "definite"
                return speaker
            }
            return nil
        }
        return nil
    }

    /// `the spokeswoman`: the last spokesperson.
    func spokespersonReference(_ tokens: [Token], at k: Int, floor: Int, context: Context) -> Speaker? {
        guard ["spokesman", "spokeswoman", "spokesperson"].contains(tokens[k].lower), k > floor, tokens[k - 1].lower == "the" else { return nil }
        guard var speaker = context.lastSpokesperson else { return nil }
        speaker.resolution = "definite"
        return speaker
    }

    /// `spokesman Mark Ellison` with no institution named: the organization just mentioned or speaking.
    func spokespersonOfLastOrganization(_ name: Speaker, tokens: [Token], floor: Int, context: Context, sentence: Int) -> Speaker? {
        guard let span = name.span, let first = tokens[floor...].firstIndex(where: { $0.start == span.start }), first > floor,
              ["spokesman", "spokeswoman", "spokesperson"].contains(tokens[first - 1].lower) else { return nil }
        let organization = context.lastSpeaker?.isOrganization == true && sentence - context.lastSpeakerSentence <= 2 ? context.lastSpeaker : context.lastOrganization
        guard var speaker = organization else { return nil }
        speaker.category = "spokesperson"
        speaker.spokesperson = name.canonical
        speaker.span = TextSpan(tokens[first - 1].start, span.end)
        speaker.resolution = "definite"
        return speaker
    }

    func properName(at i: Int, tokens: [Token], range: Range<Int>) -> Speaker? {
        var j = i
        while j < range.upperBound && tokens[j].isWord && tokens[j].isCapitalized && j - i < 5 { j += 1 }
        // `The Nordic Relief Council said`: the article is not part of the name.
        let i = tokens[i].lower == "the" ? i + 1 : i
        guard j - i >= 2 else { return nil }
        let span = TextSpan(tokens[i].start, tokens[j - 1].end)
        return Speaker(canonical: tokens[i..<j].map(\.text).joined(separator: " "), actor: nil, side: "other", category: "name", institution: nil,
                       span: span, resolution: "named")
    }

    func properName(endingAt end: Int, tokens: [Token], floor: Int) -> Speaker? {
        var start = end
        while start > floor && tokens[start - 1].isWord && tokens[start - 1].isCapitalized && end - start < 4 { start -= 1 }
        // `Department of Foreign Affairs and Trade`, `Ministry of the Interior`: capitalised words joined by `of`, `and`, `for`.
        while start - 2 >= floor && end - start < 8 && ["of", "and", "for"].contains(tokens[start - 1].lower) {
            var k = start - 2
            if tokens[start - 1].lower == "of", tokens[k].lower == "the", k - 1 >= floor { k -= 1 }
            guard tokens[k].isWord, tokens[k].isCapitalized, !lexicon.titles.contains([tokens[k].lower]) || k > floor && tokens[k - 1].isCapitalized else { break }
            start = k
            while start > floor && tokens[start - 1].isWord && tokens[start - 1].isCapitalized && end - start < 8 { start -= 1 }
        }
        // `Analyst Maria Okafor`: a capitalised title opening the sentence is not part of the name.
        while start < end && lexicon.titles.contains([tokens[start].lower]) { start += 1 }
        // `The International Council for … said`: nor is the article.
        if start < end, tokens[start].lower == "the" { start += 1 }
        guard end - start >= 1 else { return nil }
        let span = TextSpan(tokens[start].start, tokens[end].end)
        return Speaker(canonical: tokens[start...end].map(\.text).joined(separator: " "), actor: nil, side: "other", category: "name",
                       institution: nil, span: span, resolution: "named")
    }

    // MARK: - Spans

    /// Whether `"…," X said` — the cue follows the quote closely with only the speaker between.
    func isRightAfterQuote(_ quote: QuoteFinder.Quote, cueIndex: Int, speaker: Speaker, tokens: [Token]) -> Bool {
        let gap = tokens[cueIndex].start - quote.outer.end
        let speakerLength = speaker.span.map { $0.length } ?? 0
        return gap <= speakerLength + 12
    }

    func statementSpan(cueTokens: Range<Int>, speaker: Speaker, quotes: [QuoteFinder.Quote], sentence: TextSpan, tokens: [Token], nextCue: Int?) -> TextSpan {
        if let first = quotes.first {
            return quotes.dropFirst().reduce(first.inner) { $0.union($1.inner) }
        }
        let cueEnd = tokens[cueTokens.upperBound - 1].end
        let afterSpeaker = max(cueEnd, speaker.span?.end ?? cueEnd)
        let end = min(nextCue ?? sentence.end, sentence.end)
        // A reported clause follows the cue (`Before the talks began, Michel said the violence showed …`).
        var wordsAfter = 0
        var firstWordAfter: String?
        var k = cueTokens.upperBound
        while k < tokens.count && tokens[k].end <= end && wordsAfter < 5 {
            if tokens[k].start >= afterSpeaker && tokens[k].isWord {
                if wordsAfter == 0 { firstWordAfter = tokens[k].lower }
                wordsAfter += 1
            }
            k += 1
        }
        let clauseFollows = firstWordAfter == "that" || wordsAfter >= 5
        // `…, the ministry said, …` / `…, it said.`: a speaker after a comma and before the cue — the
        // statement is the clause before the comma.
        // Also `…, according to the ministry`, and `…, the Ministry of Defence said` (an article before the name).
        let cueStart = tokens[cueTokens.lowerBound].start
        let lead = speaker.span.map { $0.end <= cueStart ? min($0.start, cueStart) : cueStart } ?? cueStart
        if !clauseFollows, var first = tokens.firstIndex(where: { $0.start == lead }) {
            if first > 0, ["the", "a", "an"].contains(tokens[first - 1].lower) { first -= 1 }
            // Not after an opening adverb or phrase of one or two words (`Predictably, the Kremlin called for restraint`).
            if first > 0, tokens[first - 1].text == ",", tokens[first - 1].start > sentence.start,
               tokens[..<(first - 1)].reversed().prefix { $0.start >= sentence.start }.filter(\.isWord).count > 2 {
                return TextSpan(sentence.start, tokens[first - 1].start)
            }
        }
        if end - afterSpeaker > 3 {
            return TextSpan(afterSpeaker, end)
        }
        // `…, the ministry said.`: the statement is before the speaker.
        let start = sentence.start
        let until = speaker.span.map { min($0.start, tokens[cueTokens.lowerBound].start) } ?? tokens[cueTokens.lowerBound].start
        return TextSpan(start, max(start, until))
    }
}
