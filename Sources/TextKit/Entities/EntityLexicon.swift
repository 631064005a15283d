import Foundation

/// The gazetteers and cue lists of the entity recogniser, loaded once from `Resources/entities/`
/// (formats and origins in that folder's README.md).
///
/// Names (places, organisations) are keyed by their tokens' texts joined by single spaces, in their usual
/// capitalisation, so a candidate span is looked up with the same key. Cue words are lowercased.
///
/// A class, so the finders and typers that hold it share one copy (a struct of thirty tables was copied per
/// sentence). Its tables are `let`s: a lookup in a `var` table of a class retained and released the table's two
/// arrays (the table could change during the lookup), four atomic operations per word.
final class EntityLexicon: Sendable {
    let places: WordSet
    let cities: WordSet
    let organisations: WordSet
    let firstNames: WordSet
    let surnames: WordSet
    let commonWords: WordSet
    /// Capitalised dictionary words (people, places, brands): a common word that is also one (Bush) may be a name.
    let properNouns: WordSet
    /// First token of each multi-token place or organisation name → the longest such name, in tokens.
    let nameLengths: WordMap<Int>
    let personTitles: PhraseSet
    let personRoles: WordSet
    let personVerbsAfter: WordSet
    let orgSuffixes: WordSet
    let orgHeads: WordSet
    let placeSuffixes: WordSet
    let placeHeads: WordSet
    let placePreps: PhraseSet
    let connectors: WordSet
    let personParticles: WordSet
    let notNames: WordSet
    let demonyms: PhraseSet
    let sentenceAdverbs: WordSet
    /// Last words of events, documents, works and languages (MISC, not PER/ORG/LOC): `War`, `Treaty`, `Games`.
    let miscSuffixes: WordSet
    /// First words that make a place whatever follows (`Mount`, `Lake`, `Gulf`).
    let strongPlaceHeads: WordSet
    /// `Northern`, `central`: left out before a known place (`Northern Algeria` → `Algeria`) unless the whole is known.
    let directionalAdjectives: WordSet
    /// Regnal numbers after a name (`Ramesses II`).
    let regnalNumerals: WordSet
    /// Words after a sentence-initial word that make it a name although it is also a common word (`Bush said`).
    let nameFollowers: WordSet
    /// After a sentence-initial surname or first name, these make it the subject (`Pence had`, `Sanders was`).
    let subjectAuxiliaries: WordSet
    /// Titles that split a capitalised run in two (`UC Berkeley Chancellor Nicholas Dirks`).
    let innerSplitTitles: PhraseSet
    /// Endings of place names (`-ville`, `-stan`, `-ia`) for names no list knows.
    let placeNameEndings: [String]
    /// Endings of contractions (`I’m`, `Don’t`): such words are not names.
    let contractions: [String]
    /// Lowercase words after a name that make it an organisation (`a Google spokesman`).
    let orgRolesAfter: WordSet
    /// Endings of adjectives and common nouns that are capitalised without being names (`Sephardic`, `Marxism`).
    let nonNameEndings: [String]
    /// Learned from the training split (`learned.json`): how often a capitalised word is a name or part of one.
    let learned: LearnedEntityStatistics

    static let shared: EntityLexicon = {
        do { return try EntityLexicon.load() } catch {
            fatalError("entity recogniser: \(error)")
        }
    }()

    static func load() throws(DataFileError) -> EntityLexicon { try EntityLexicon() }

    private init() throws(DataFileError) {
        var nameLengths = WordMap<Int>()
        func names(_ file: String) throws(DataFileError) -> WordSet {
            var set = WordSet()
            for line in try Self.lines("entities/\(file)") {
                let key = Self.key(line)
                set.insert(key)
                let parts = key.split(separator: " ")
                if parts.count > 1 {
                    nameLengths[String(parts[0]), default: 1] = max(nameLengths[String(parts[0])] ?? 1, parts.count)
                }
            }
            return set
        }
        places = try names("places.txt").union(try names("places-extra.txt"))
        cities = try names("cities.txt")
        organisations = try names("organisations.txt")
        self.nameLengths = nameLengths
        firstNames = WordSet(try Self.lines("entities/first-names.txt"))
            .union(try Self.lines("entities/first-names-extra.txt"))
        surnames = WordSet(try Self.lines("entities/surnames.txt"))
        commonWords = WordSet(try Self.lines("entities/common-words.txt"))
        properNouns = WordSet(try Self.lines("entities/proper-nouns.txt"))

        let cues = try TextKitData.json("entities/cues.json")
        func words(_ key: String) -> WordSet { WordSet(TextKitData.strings(cues, key).map { $0.lowercased() }) }
        personTitles = PhraseSet(TextKitData.strings(cues, "person_titles"))
        personRoles = words("person_roles")
        personVerbsAfter = WordSet(
            words("person_verbs_after").compactMap { $0.split(separator: " ").first.map(String.init) })
        orgSuffixes = words("org_suffixes")
        orgHeads = words("org_heads")
        placeSuffixes = words("place_suffixes")
        placeHeads = words("place_heads")
        placePreps = PhraseSet(TextKitData.strings(cues, "place_preps"))
        connectors = words("connectors")
        personParticles = words("person_particles")
        notNames = words("not_names")
        demonyms = PhraseSet(TextKitData.strings(cues, "demonyms"))
        sentenceAdverbs = words("sentence_adverbs")
        miscSuffixes = words("misc_suffixes")
        strongPlaceHeads = words("strong_place_heads")
        directionalAdjectives = words("directional_adjectives")
        regnalNumerals = WordSet(TextKitData.strings(cues, "regnal_numerals"))
        nameFollowers = words("name_followers")
        subjectAuxiliaries = words("subject_auxiliaries")
        innerSplitTitles = PhraseSet(TextKitData.strings(cues, "inner_split_titles"))
        placeNameEndings = TextKitData.strings(cues, "place_name_endings")
        contractions = TextKitData.strings(cues, "contractions")
        orgRolesAfter = words("org_roles_after")
        nonNameEndings = TextKitData.strings(cues, "non_name_endings")
        learned = try LearnedEntityStatistics(json: TextKitData.json("entities/learned.json"))
    }

    /// A list file's entries: its lines without `#` comments and blank lines (a byte-level reader: the word
    /// lists have tens of thousands of lines and load at every stage start).
    static func lines(_ relativePath: String) throws(DataFileError) -> [String] {
        let url = TextKitData.url(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataFileError(file: relativePath, message: "missing (looked in \(url.path))")
        }
        var result: [String] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var a = start
                var b = end
                while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
                while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D) { b -= 1 }
                if b > a && bytes[a] != 0x23 {
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
                }
                start = end + 1
            }
        }
        return result
    }

    /// The lookup key of a name: its tokens' texts joined by single spaces.
    static func key(_ name: String) -> String {
        Tokenizer.tokenize(ScalarString(name)).map(\.text).joined(separator: " ")
    }

    /// Whether a (capitalised) word is a known name of any kind.
    func isKnownName(_ word: String) -> Bool {
        places.contains(word) || organisations.contains(word) || firstNames.contains(word) || cities.contains(word)
    }
}
