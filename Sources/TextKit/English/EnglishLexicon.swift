public import WorkbenchProtocol

/// General knowledge of English news, loaded once from `Resources/english/*.json`: cue verbs, speakers,
/// institutions, titles, number words, casualty vocabulary, time words, boilerplate and editorial markers.
public final class EnglishLexicon: Sendable {
    /// A cue verb or phrase: how it is reported and the stance it takes.
    public struct Cue: Sendable, Hashable {
        public var canonical: String
        public var stance: String
        /// `according to X`: the speaker follows the cue.
        public var speakerAfter: Bool
    }

    /// An institution kind and the head phrases that name it.
    public struct Institution: Sendable {
        public var kind: String
        public var canonical: String
        public var heads: [[String]]
        public var short: [[String]]
    }

    /// A multi-word number phrase (`half a dozen`).
    public struct VagueNumber: Sendable {
        public var words: [String]
        public var value: Double
        public var approximate: Bool
    }

    /// A relative time phrase (`a day earlier`).
    public struct RelativeDay: Sendable {
        public var words: [String]
        public var offset: Int
        public var relativeToContext: Bool
    }

    public let cueVerbs: WordMap<Cue>
    public let cuePhrases: [(words: [String], cue: Cue)]
    public let speechNouns: WordSet
    public let unnamedSources: [[String]]
    public let groupSources: WordSet
    public let bothSides: [[String]]
    public let institutions: [Institution]
    public let titles: [[String]]
    /// Titles of people who speak for an institution (`spokesman`, `press secretary`).
    public let spokesTitles: PhraseIndex<Bool>
    /// The world's countries (`countries.json`), side `other`: recognised when a topic does not list them.
    public let worldCountries: [Topic.Country]
    public let numberUnits: WordMap<Double>
    /// Every word a number phrase can start with (units, modifiers, vague quantities), so most tokens are
    /// ruled out with one lookup.
    public let numberStarts: WordSet
    public let numberScales: WordMap<Double>
    public let vagueNumbers: [VagueNumber]
    public let numberModifiers: [[String]]
    public let victims: WordSet
    public let victimPhrases: [[String]]
    public let killedWords: WordSet
    public let killedPhrases: [[String]]
    public let woundedWords: WordSet
    public let attackWords: WordSet
    public let positionWords: WordSet
    public let weekdays: WordMap<Int>
    public let months: WordMap<Int>
    public let relativeDays: [RelativeDay]
    public let historicalWords: WordSet
    public let futureWords: WordSet
    public let boilerplate: JSONValue
    public let editorialMarkers: [[String]]

    // Indexes for matching at a token in one lookup.
    public let cuePhraseIndex: PhraseIndex<Cue>
    public let modifierIndex: PhraseIndex<Bool>
    public let vagueIndex: PhraseIndex<VagueNumber>
    public let killedPhraseIndex: PhraseIndex<Bool>
    public let victimPhraseIndex: PhraseIndex<Bool>
    public let relativeDayIndex: PhraseIndex<RelativeDay>
    public let bothSidesIndex: PhraseIndex<Bool>
    public let unnamedIndex: PhraseIndex<Bool>
    public let editorialIndex: PhraseIndex<String>

    /// The lexicon the stages use.
    public static let shared = EnglishLexicon()

    private init() {
        func load(_ name: String) -> JSONValue { (try? TextKitData.json("english/\(name).json")) ?? .object(JSONObject()) }
        func strings(_ v: JSONValue?) -> [String] { v?.arrayValue?.compactMap(\.stringValue) ?? [] }
        func words(_ phrase: String) -> [String] { phrase.lowercased().split(separator: " ").map(String.init) }

        let cues = load("cues")
        var cueVerbs = WordMap<Cue>()
        for entry in cues["verbs"]?.arrayValue ?? [] {
            let cue = Cue(canonical: entry["canonical"]?.stringValue ?? "", stance: entry["stance"]?.stringValue ?? "neutral", speakerAfter: false)
            for form in strings(entry["forms"]) { cueVerbs[form] = cue }
        }
        self.cueVerbs = cueVerbs
        cuePhrases = (cues["phrases"]?.arrayValue ?? []).map { entry in
            (strings(entry["words"]), Cue(canonical: entry["canonical"]?.stringValue ?? "", stance: entry["stance"]?.stringValue ?? "neutral",
                                           speakerAfter: entry["speaker_after"]?.boolValue ?? false))
        }
        speechNouns = WordSet(strings(cues["speech_nouns"]))

        let sources = load("sources")
        unnamedSources = strings(sources["unnamed"]).map(words).sorted { $0.count > $1.count }
        groupSources = WordSet(strings(sources["group"]))
        bothSides = (sources["both"]?.arrayValue ?? []).map { strings($0) }.sorted { $0.count > $1.count }

        institutions = (load("institutions")["institutions"]?.arrayValue ?? []).map { entry in
            Institution(kind: entry["kind"]?.stringValue ?? "", canonical: entry["canonical"]?.stringValue ?? "",
                        heads: (entry["heads"]?.arrayValue ?? []).map { strings($0) }.sorted { $0.count > $1.count },
                        short: (entry["short"]?.arrayValue ?? []).map { strings($0) }.sorted { $0.count > $1.count })
        }
        worldCountries = (load("countries")["countries"]?.arrayValue ?? []).map { entry in
            let adjectives = strings(entry["adjectives"])
            return Topic.Country(side: "other", names: strings(entry["names"]), adjectives: adjectives, capitals: strings(entry["capitals"]),
                                 metonyms: strings(entry["metonyms"]), government: entry["government"]?.stringValue ?? "\(adjectives.first ?? "") government",
                                 canonicalAdjective: entry["canonical_adjective"]?.stringValue ?? adjectives.first ?? "")
        }
        let titleData = load("titles")
        titles = strings(titleData["titles"]).map(words).sorted { $0.count > $1.count }
        spokesTitles = PhraseIndex(strings(titleData["spokes_titles"]).map { (words($0), true) })

        let numbers = load("numbers")
        var units = WordMap<Double>()
        for member in numbers["units"]?.objectValue ?? JSONObject() { units[member.key] = member.value.doubleValue }
        numberUnits = units
        var scales = WordMap<Double>()
        for member in numbers["scales"]?.objectValue ?? JSONObject() { scales[member.key] = member.value.doubleValue }
        numberScales = scales
        vagueNumbers = (numbers["vague"]?.arrayValue ?? []).map {
            VagueNumber(words: strings($0["words"]), value: $0["value"]?.doubleValue ?? 0, approximate: $0["approximate"]?.boolValue ?? true)
        }.sorted { $0.words.count > $1.words.count }
        numberModifiers = strings(numbers["modifiers"]).map(words).sorted { $0.count > $1.count }

        let casualties = load("casualties")
        let victimList = strings(casualties["victims"])
        victims = WordSet(victimList.filter { !$0.contains(" ") })
        victimPhrases = victimList.filter { $0.contains(" ") }.map(words)
        let killed = strings(casualties["killed"])
        killedWords = WordSet(killed.filter { !$0.contains(" ") })
        killedPhrases = killed.filter { $0.contains(" ") }.map(words).sorted { $0.count > $1.count }
        woundedWords = WordSet(strings(casualties["wounded"]))
        attackWords = WordSet(strings(casualties["attack_words"]))
        positionWords = WordSet(strings(casualties["positions"]))

        let time = load("time")
        var weekdays = WordMap<Int>()
        for member in time["weekdays"]?.objectValue ?? JSONObject() { weekdays[member.key] = member.value.intValue }
        self.weekdays = weekdays
        var months = WordMap<Int>()
        for member in time["months"]?.objectValue ?? JSONObject() { months[member.key] = member.value.intValue }
        self.months = months
        relativeDays = (time["relative"]?.arrayValue ?? []).map {
            RelativeDay(words: strings($0["words"]), offset: $0["offset"]?.intValue ?? 0, relativeToContext: $0["relative_to"]?.stringValue == "context")
        }.sorted { $0.words.count > $1.words.count }
        historicalWords = WordSet(strings(time["historical"]))
        futureWords = WordSet(strings(time["future"]))

        boilerplate = load("boilerplate")
        editorialMarkers = strings(load("editorial")["markers"]).map(words).sorted { $0.count > $1.count }

        cuePhraseIndex = PhraseIndex(cuePhrases.map { ($0.words, $0.cue) })
        numberStarts = WordSet(numberUnits.allKeys + numberModifiers.compactMap(\.first) + vagueNumbers.compactMap(\.words.first) + ["a", "an", "single"])
        modifierIndex = PhraseIndex(numberModifiers.map { ($0, !["another", "further"].contains($0.first!) && $0 != ["a", "further"]) })
        vagueIndex = PhraseIndex(vagueNumbers.map { ($0.words, $0) })
        killedPhraseIndex = PhraseIndex(killedPhrases.map { ($0, true) })
        victimPhraseIndex = PhraseIndex(victimPhrases.map { ($0, true) })
        relativeDayIndex = PhraseIndex(relativeDays.map { ($0.words, $0) })
        bothSidesIndex = PhraseIndex(bothSides.map { ($0, true) })
        unnamedIndex = PhraseIndex(unnamedSources.map { ($0, true) })
        editorialIndex = PhraseIndex(editorialMarkers.map { ($0, $0.joined(separator: " ")) })
    }

    /// The cue at `index` in `tokens` if the word there is a cue verb form.
    public func cueVerb(_ token: Token) -> Cue? { token.isWord ? cueVerbs[token.lower] : nil }
}

extension ArraySlice where Element == Token {
    /// Whether the lowercased words starting at `index` equal `phrase`.
    public func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index >= startIndex, index + phrase.count <= endIndex else { return false }
        for (k, word) in phrase.enumerated() where self[index + k].lower != word { return false }
        return true
    }
}

extension Array where Element == Token {
    /// Whether the lowercased words starting at `index` equal `phrase`.
    public func matches(_ phrase: [String], at index: Int) -> Bool { self[...].matches(phrase, at: index) }
}
