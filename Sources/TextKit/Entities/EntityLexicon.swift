import Foundation

/// The gazetteers and cue lists of the entity recogniser, loaded once from `Resources/entities/`
/// (formats and origins in that folder's README.md).
///
/// Names (places, organisations) are keyed by their tokens' texts joined by single spaces, in their usual
/// capitalisation, so a candidate span is looked up with the same key. Cue words are lowercased.
///
/// A class, so the finders and typers that hold it share one copy (a struct of thirty tables was copied per
/// sentence); it is filled in by `load()` and never changed afterwards, hence `@unchecked Sendable`.
final class EntityLexicon: @unchecked Sendable {
    var places = WordSet()
    var cities = WordSet()
    var organisations = WordSet()
    var firstNames = WordSet()
    var surnames = WordSet()
    var commonWords = WordSet()
    /// Capitalised dictionary words (people, places, brands): a common word that is also one (Bush) may be a name.
    var properNouns = WordSet()
    /// First token of each multi-token place or organisation name → the longest such name, in tokens.
    var nameLengths = WordMap<Int>()
    var personTitles = PhraseSet()
    var personRoles = WordSet()
    var personVerbsAfter = WordSet()
    var orgSuffixes = WordSet()
    var orgHeads = WordSet()
    var placeSuffixes = WordSet()
    var placeHeads = WordSet()
    var placePreps = PhraseSet()
    var connectors = WordSet()
    var personParticles = WordSet()
    var notNames = WordSet()
    var demonyms = PhraseSet()
    var sentenceAdverbs = WordSet()
    /// Last words of events, documents, works and languages (MISC, not PER/ORG/LOC): `War`, `Treaty`, `Games`.
    var miscSuffixes = WordSet()
    /// First words that make a place whatever follows (`Mount`, `Lake`, `Gulf`).
    var strongPlaceHeads = WordSet()
    /// `Northern`, `central`: left out before a known place (`Northern Algeria` → `Algeria`) unless the whole is known.
    var directionalAdjectives = WordSet()
    /// Regnal numbers after a name (`Ramesses II`).
    var regnalNumerals = WordSet()
    /// Words after a sentence-initial word that make it a name although it is also a common word (`Bush said`).
    var nameFollowers = WordSet()
    /// After a sentence-initial surname or first name, these make it the subject (`Pence had`, `Sanders was`).
    var subjectAuxiliaries = WordSet()
    /// Titles that split a capitalised run in two (`UC Berkeley Chancellor Nicholas Dirks`).
    var innerSplitTitles = PhraseSet()
    /// Endings of place names (`-ville`, `-stan`, `-ia`) for names no list knows.
    var placeNameEndings: [String] = []
    /// Endings of contractions (`I’m`, `Don’t`): such words are not names.
    var contractions: [String] = []
    /// Lowercase words after a name that make it an organisation (`a Google spokesman`).
    var orgRolesAfter = WordSet()
    /// Endings of adjectives and common nouns that are capitalised without being names (`Sephardic`, `Marxism`).
    var nonNameEndings: [String] = []
    /// Learned from the training split (`learned.json`): how often a capitalised word is a name or part of one.
    var learned = LearnedEntityStatistics()

    static let shared: EntityLexicon = {
        do { return try EntityLexicon.load() } catch {
            fatalError("entity recogniser: \(error)")
        }
    }()

    static func load() throws(DataFileError) -> EntityLexicon {
        let lexicon = EntityLexicon()
        func names(_ file: String) throws(DataFileError) -> WordSet {
            var set = WordSet()
            for line in try Self.lines("entities/\(file)") {
                let key = Self.key(line)
                set.insert(key)
                let parts = key.split(separator: " ")
                if parts.count > 1 {
                    lexicon.nameLengths[String(parts[0]), default: 1] = max(
                        lexicon.nameLengths[String(parts[0])] ?? 1, parts.count)
                }
            }
            return set
        }
        lexicon.places = try names("places.txt").union(try names("places-extra.txt"))
        lexicon.cities = try names("cities.txt")
        lexicon.organisations = try names("organisations.txt")
        lexicon.firstNames = WordSet(try Self.lines("entities/first-names.txt"))
            .union(try Self.lines("entities/first-names-extra.txt"))
        lexicon.surnames = WordSet(try Self.lines("entities/surnames.txt"))
        lexicon.commonWords = WordSet(try Self.lines("entities/common-words.txt"))
        lexicon.properNouns = WordSet(try Self.lines("entities/proper-nouns.txt"))

        let cues = try TextKitData.json("entities/cues.json")
        func words(_ key: String) -> WordSet { WordSet(TextKitData.strings(cues, key).map { $0.lowercased() }) }
        lexicon.personTitles = PhraseSet(TextKitData.strings(cues, "person_titles"))
        lexicon.personRoles = words("person_roles")
        lexicon.personVerbsAfter = WordSet(
            words("person_verbs_after").compactMap { $0.split(separator: " ").first.map(String.init) })
        lexicon.orgSuffixes = words("org_suffixes")
        lexicon.orgHeads = words("org_heads")
        lexicon.placeSuffixes = words("place_suffixes")
        lexicon.placeHeads = words("place_heads")
        lexicon.placePreps = PhraseSet(TextKitData.strings(cues, "place_preps"))
        lexicon.connectors = words("connectors")
        lexicon.personParticles = words("person_particles")
        lexicon.notNames = words("not_names")
        lexicon.demonyms = PhraseSet(TextKitData.strings(cues, "demonyms"))
        lexicon.sentenceAdverbs = words("sentence_adverbs")
        lexicon.miscSuffixes = words("misc_suffixes")
        lexicon.strongPlaceHeads = words("strong_place_heads")
        lexicon.directionalAdjectives = words("directional_adjectives")
        lexicon.regnalNumerals = WordSet(TextKitData.strings(cues, "regnal_numerals"))
        lexicon.nameFollowers = words("name_followers")
        lexicon.subjectAuxiliaries = words("subject_auxiliaries")
        lexicon.innerSplitTitles = PhraseSet(TextKitData.strings(cues, "inner_split_titles"))
        lexicon.placeNameEndings = TextKitData.strings(cues, "place_name_endings")
        lexicon.contractions = TextKitData.strings(cues, "contractions")
        lexicon.orgRolesAfter = words("org_roles_after")
        lexicon.nonNameEndings = TextKitData.strings(cues, "non_name_endings")
        lexicon.learned = try LearnedEntityStatistics(json: TextKitData.json("entities/learned.json"))
        return lexicon
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
