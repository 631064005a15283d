public import WorkbenchProtocol

/// Topic knowledge, from the workspace's topic file: the sides of the story, the countries and people
/// who speak for them, the contested terms and the event window. Data, not code: a researcher studying
/// another conflict writes their own file (see docs/TOPICS.md).
public struct Topic: Sendable {
    /// A country (or union) whose name, adjective and capital stand for its government.
    public struct Country: Sendable {
        public var side: String
        public var names: [String]
        public var adjectives: [String]
        public var capitals: [String]
        /// Other words that stand for its government: `Kremlin`, `State Department`.
        public var metonyms: [String]
        /// How its government is named in results: `Armenian government`, `EU`.
        public var government: String
        /// The adjective used in canonical institution names: `Armenian` → `Armenian Defense Ministry`.
        public var canonicalAdjective: String
    }

    /// A person who speaks for a side.
    public struct Person: Sendable {
        public var name: String
        public var side: String
        public var aliases: [String]
        /// Titles that, with the country, name the person: `Armenian Prime Minister`.
        public var roles: [String]
    }

    /// A contested term and its spellings.
    public struct Term: Sendable {
        public var term: String
        public var group: String
        public var variants: [String]
        /// Not counted when directly preceded by one of these (`Karabakh` after `Nagorno-`).
        public var notPrecededBy: [String]
        /// Terms of the same group it competes with (for "which term does an outlet prefer").
        public var note: String?
    }

    public var name: String
    public var sides: [String: String]
    public var countries: [Country]
    public var people: [Person]
    public var terms: [Term]
    /// The days of the events: weekdays are resolved into this window when an article has no date.
    public var eventStart: String?
    public var eventEnd: String?
    /// Which sides are the parties of the conflict (one-sided voices); the others are third parties.
    public var parties: [String]

    public init(name: String = "", sides: [String: String] = [:], countries: [Country] = [], people: [Person] = [], terms: [Term] = [],
                eventStart: String? = nil, eventEnd: String? = nil, parties: [String] = []) {
        self.name = name
        self.sides = sides
        self.countries = countries
        self.people = people
        self.terms = terms
        self.eventStart = eventStart
        self.eventEnd = eventEnd
        self.parties = parties
    }

    /// Reads a topic file's JSON (as inlined into a stage config).
    /// - Throws: `TopicError` naming the field.
    public init(json: JSONValue) throws(TopicError) {
        guard case .object(let o) = json else { throw TopicError("a topic must be a JSON object") }
        func strings(_ v: JSONValue?) -> [String] { v?.arrayValue?.compactMap(\.stringValue) ?? [] }
        var sides: [String: String] = [:]
        for member in o["sides"]?.objectValue ?? JSONObject() { sides[member.key] = member.value["label"]?.stringValue ?? member.key }
        var countries: [Country] = []
        for (i, c) in (o["countries"]?.arrayValue ?? []).enumerated() {
            guard let side = c["side"]?.stringValue else { throw TopicError("countries[\(i)].side is required") }
            let names = strings(c["names"])
            let adjectives = strings(c["adjectives"])
            guard let government = c["government"]?.stringValue ?? adjectives.first.map({ "\($0) government" }) else {
                throw TopicError("countries[\(i)] needs \"government\" or \"adjectives\"")
            }
            countries.append(Country(side: side, names: names, adjectives: adjectives, capitals: strings(c["capitals"]),
                                     metonyms: strings(c["metonyms"]), government: government,
                                     canonicalAdjective: c["canonical_adjective"]?.stringValue ?? adjectives.first ?? names.first ?? side))
        }
        var people: [Person] = []
        for (i, p) in (o["people"]?.arrayValue ?? []).enumerated() {
            guard let name = p["name"]?.stringValue, let side = p["side"]?.stringValue else {
                throw TopicError("people[\(i)] needs \"name\" and \"side\"")
            }
            people.append(Person(name: name, side: side, aliases: strings(p["aliases"]), roles: strings(p["roles"])))
        }
        var terms: [Term] = []
        for (i, t) in (o["terms"]?.arrayValue ?? []).enumerated() {
            guard let term = t["term"]?.stringValue else { throw TopicError("terms[\(i)].term is required") }
            let variants = strings(t["variants"])
            terms.append(Term(term: term, group: t["group"]?.stringValue ?? "term", variants: variants.isEmpty ? [term] : variants,
                              notPrecededBy: strings(t["not_preceded_by"]), note: t["note"]?.stringValue))
        }
        self.init(name: o["name"]?.stringValue ?? "", sides: sides, countries: countries, people: people, terms: terms,
                  eventStart: o["event_window"]?["start"]?.stringValue, eventEnd: o["event_window"]?["end"]?.stringValue,
                  parties: strings(o["parties"]))
    }

    /// The country whose side is `side`.
    public func country(side: String) -> Country? { countries.first { $0.side == side } }
}

/// A topic file that cannot be used.
public struct TopicError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "topic: \(message)" }
}
