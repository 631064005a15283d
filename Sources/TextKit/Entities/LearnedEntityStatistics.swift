public import WorkbenchProtocol

/// What the recogniser learned from its training split (UNER English-PUD, Wikipedia half; built by
/// `Benchmarks/analysis/entities/learn_statistics.py`): for each capitalised word seen there at least twice,
/// how often it was outside any name and how often inside a person's, an organisation's or a place's name.
struct LearnedEntityStatistics: Sendable {
    /// Counts per capitalised word (exact case): outside, PER, ORG, LOC.
    struct Counts: Sendable {
        var outside = 0, person = 0, organisation = 0, place = 0
    }

    var words = WordMap<Counts>()

    init() {}

    init(json: JSONValue) {
        if case .object(let o)? = json["words"] {
            for member in o {
                guard let a = member.value.arrayValue, a.count == 4 else { continue }
                let n = a.map { $0.intValue ?? 0 }
                words[member.key] = Counts(outside: n[0], person: n[1], organisation: n[2], place: n[3])
            }
        }
    }

    /// The type a word most often had inside names in training, when it was seen inside names at least
    /// `minimum` times and more often inside than outside.
    func type(of word: String, minimum: Int = 2) -> String? {
        guard let c = words[word] else { return nil }
        let named = c.person + c.organisation + c.place
        guard named >= minimum, named > c.outside else { return nil }
        if c.person >= c.organisation && c.person >= c.place { return "PER" }
        return c.organisation > c.place ? "ORG" : "LOC"
    }

    /// Whether a capitalised word was seen outside names more often than inside them.
    func isMostlyOutside(_ word: String) -> Bool {
        guard let c = words[word] else { return false }
        return c.outside > c.person + c.organisation + c.place
    }
}
