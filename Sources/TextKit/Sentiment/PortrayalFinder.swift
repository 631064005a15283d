public import WorkbenchProtocol

/// Finds who is portrayed acting violently on whom: `X opened fire on Y`, `X shelled Y`, `Y was attacked by X`,
/// `Y came under fire from X`, `an attack by X on Y`, `a provocation by X`, `X's aggression`, `Azerbaijani
/// aggression`, `X killed two Y soldiers` — X and Y being side mentions (`SideMentionFinder`). Each portrayal
/// carries its voice: the outlet's, or the speaker's when it lies inside an attributed statement.
public struct PortrayalFinder: Sendable {
    /// What a word can be in the patterns, found with one lookup per token.
    struct Word: Sendable {
        var verb: String?
        var noun: String?
        var roles: Roles = []
    }

    struct Roles: OptionSet, Sendable {
        let rawValue: UInt16
        static let openFire = Roles(rawValue: 1 << 0)
        static let fireVerb = Roles(rawValue: 1 << 1)
        static let fireObject = Roles(rawValue: 1 << 2)
        static let support = Roles(rawValue: 1 << 3)
        static let cameUnder = Roles(rawValue: 1 << 4)
        static let auxiliary = Roles(rawValue: 1 << 5)
        static let negator = Roles(rawValue: 1 << 6)
        static let patientPreposition = Roles(rawValue: 1 << 7)
        static let agentPreposition = Roles(rawValue: 1 << 8)
        static let determiner = Roles(rawValue: 1 << 9)
        static let breaksClause = Roles(rawValue: 1 << 10)
        static let nounModifier = Roles(rawValue: 1 << 11)
        static let accusation = Roles(rawValue: 1 << 12)
    }

    let vocabulary: WordMap<Word>
    let maxGap: Int
    let sides: SideMentionFinder

    /// Reads `Resources/sentiment/portrayal.json`; the topic says which words name which side.
    public init(json: JSONValue, topic: Topic) {
        var vocabulary = WordMap<Word>()
        func mark(_ key: String, _ role: Roles) {
            for word in TextKitData.strings(json, key) { vocabulary[word, default: Word()].roles.insert(role) }
        }
        for member in json["verbs"]?.objectValue ?? JSONObject() {
            vocabulary[member.key, default: Word()].verb = member.value.stringValue
        }
        var nouns = Set<String>()
        for member in json["nouns"]?.objectValue ?? JSONObject() {
            vocabulary[member.key, default: Word()].noun = member.value.stringValue
            nouns.insert(member.key)
        }
        mark("open_fire", .openFire)
        mark("fire_verbs", .fireVerb)
        mark("fire_objects", .fireObject)
        mark("support_verbs", .support)
        mark("came_under", .cameUnder)
        mark("accusation_verbs", .accusation)
        mark("passive_auxiliaries", .auxiliary)
        mark("negators", .negator)
        mark("patient_prepositions", .patientPreposition)
        mark("agent_prepositions", .agentPreposition)
        for word in ["a", "an", "the", "this", "that", "its", "their", "his", "her", "new", "latest", "another"] {
            vocabulary[word, default: Word()].roles.insert(.determiner)
        }
        for word in ["said", "says", "and", "but", "while", "which", "who", "that"] {
            vocabulary[word, default: Word()].roles.insert(.breaksClause)
        }
        for word in [
            "a", "an", "the", "new", "fresh", "another", "latest", "armed", "military", "large-scale", "renewed",
        ] {
            vocabulary[word, default: Word()].roles.insert(.nounModifier)
        }
        self.vocabulary = vocabulary
        maxGap = json["max_gap"]?.intValue ?? 6
        sides = SideMentionFinder(
            topic: topic, forceNouns: Set(TextKitData.strings(json, "force_nouns")), violenceNouns: nouns)
    }

    /// The shipped patterns with a topic.
    public static func load(topic: Topic) throws(DataFileError) -> PortrayalFinder {
        PortrayalFinder(json: try TextKitData.json("sentiment/portrayal.json"), topic: topic)
    }

    /// Every portrayal in the scored sentences, in text order; `sentences[i]` is sentence `i` of extract.
    public func find(
        in sentences: [ScoredSentence], entities: [ExtractOutput.Entity],
        attributions: [AttributionOutput.Attribution]
    ) -> [SentimentOutput.Portrayal] {
        var result: [SentimentOutput.Portrayal] = []
        var e = 0
        let sortedEntities = entities.filter { $0.side != nil }.sorted { $0.start < $1.start }
        for (s, sentence) in sentences.enumerated() {
            while e < sortedEntities.count && sortedEntities[e].end <= sentence.span.start { e += 1 }
            var here: [ExtractOutput.Entity] = []
            var k = e
            while k < sortedEntities.count && sortedEntities[k].start < sentence.span.end {
                here.append(sortedEntities[k])
                k += 1
            }
            let mentions = sides.mentions(tokens: sentence.tokens, entities: here)
            guard !mentions.isEmpty else { continue }
            for var item in find(sentence, mentions: mentions, index: s) {
                if let a = attributions.first(where: { $0.start < item.span.end && item.span.start < $0.end }) {
                    item.voice = a.side
                    item.speaker = a.speaker
                }
                result.append(item)
            }
        }
        return result
    }

    /// One sentence's tokens with what each word can be in the patterns.
    struct Context {
        var tokens: [Token]
        var keys: [String]
        var words: [Word?]
        var mentions: [SideMention]

        func has(_ i: Int, _ role: Roles) -> Bool {
            i >= 0 && i < tokens.count && words[i]?.roles.contains(role) == true
        }
        func key(_ i: Int) -> String { i >= 0 && i < keys.count ? keys[i] : "" }
    }

    /// The portrayals of one sentence.
    func find(_ sentence: ScoredSentence, mentions: [SideMention], index: Int) -> [SentimentOutput.Portrayal] {
        let c = Context(
            tokens: sentence.tokens, keys: sentence.keys,
            words: sentence.keys.map { $0.isEmpty ? nil : vocabulary[$0] }, mentions: mentions)
        var found: [SentimentOutput.Portrayal] = []
        var used = Set<Int>()
        func add(_ agent: SideMention, _ patient: SideMention?, _ verb: String, _ v: Int) {
            guard used.insert(v).inserted else { return }
            var lower = min(agent.tokens.lowerBound, v), upper = max(agent.tokens.upperBound, v)
            if let patient {
                lower = min(lower, patient.tokens.lowerBound)
                upper = max(upper, patient.tokens.upperBound)
            }
            found.append(
                SentimentOutput.Portrayal(
                    agentSide: agent.side, agent: agent.text, patientSide: patient?.side, patient: patient?.text,
                    verb: verb,
                    span: TextSpan(c.tokens[lower].start, c.tokens[upper].end), sentence: index))
        }
        for v in c.tokens.indices {
            guard let word = c.words[v], !negated(c, before: v) else { continue }
            // `Y came under fire / attack from X`.
            if word.roles.contains(.cameUnder), c.key(v + 1) == "under", v + 2 < c.tokens.count,
                let noun = c.words[v + 2]?.noun
            {
                if let agent = mentionAfter(v + 2, c, prepositions: .agentPreposition, required: true) {
                    add(agent, mentionBefore(v, c), noun, v + 2)
                }
                continue
            }
            // `X opened fire on Y`, `X fired on Y`, `X fired shells at Y`.
            if word.roles.contains(.openFire), c.key(v + 1) == "fire" {
                if let agent = mentionBefore(v, c) {
                    add(agent, mentionAfter(v + 1, c, prepositions: .patientPreposition), "open fire", v + 1)
                }
                continue
            }
            if word.roles.contains(.fireVerb), c.has(v + 1, .patientPreposition) || c.has(v + 1, .fireObject) {
                if let (agent, patient) = roles(verb: v, c) { add(agent, patient, "fire", v) }
                continue
            }
            if let verb = word.verb, c.key(v - 1) != "fire" {
                // A noun use (`the attack`, `shelling by X`) is handled as a noun.
                if let noun = word.noun, isNounUse(v, c) {
                    nominal(noun, at: v, c, add: add)
                    continue
                }
                if let (agent, patient) = roles(verb: v, c) { add(agent, patient, verb, v) }
                continue
            }
            if let noun = word.noun, c.keys[v] != "fire" { nominal(noun, at: v, c, add: add) }
        }
        return found
    }

    /// A noun of violence: `an attack by X on Y`, `X's aggression`, `Azerbaijani aggression`,
    /// `X launched an attack on Y`.
    func nominal(_ noun: String, at v: Int, _ c: Context, add: (SideMention, SideMention?, String, Int) -> Void) {
        if let agent = mentionAfter(v, c, prepositions: .agentPreposition, required: true, maxGap: 3, only: "by") {
            // `an attack by X on Y`: the patient follows the agent.
            add(
                agent, mentionAfter(agent.tokens.upperBound, c, prepositions: .patientPreposition, required: true),
                noun, v)
            return
        }
        let patient = mentionAfter(v, c, prepositions: .patientPreposition, required: true)
        var j = v - 1
        while j >= 0 && (c.has(j, .nounModifier) || c.tokens[j].kind == .number) { j -= 1 }
        guard j >= 0 else { return }
        if let m = c.mentions.first(where: { $0.tokens.upperBound == j && ($0.possessive || !c.tokens[j].isPossessive) }
        ) {
            add(m, patient, noun, v)
            return
        }
        // `accused X of a provocation`, `blamed X for the attack`.
        if c.key(j) == "of" || c.key(j) == "for",
            let m = c.mentions.first(where: { $0.tokens.upperBound == j - 1 }), c.has(m.tokens.lowerBound - 1, .accusation)
        {
            add(m, patient, noun, v)
            return
        }
        // `X launched / carried out an attack on Y`.
        let support = c.has(j, .support) ? j : (c.key(j) == "out" && c.has(j - 1, .support) ? j - 1 : nil)
        if let support, let agent = mentionBefore(support, c) { add(agent, patient, noun, v) }
    }

    /// Agent and patient of a verb, active or passive (`Y was shelled by X`).
    func roles(verb v: Int, _ c: Context) -> (SideMention, SideMention?)? {
        let passive =
            c.has(v - 1, .auxiliary)
            || (c.has(v - 2, .auxiliary) && c.tokens[v - 1].isWord && c.key(v - 1).hasSuffix("ly"))
        if passive {
            guard let agent = mentionAfter(v, c, prepositions: .agentPreposition, required: true) else { return nil }
            return (agent, mentionBefore(v, c))
        }
        guard let agent = mentionBefore(v, c) else { return nil }
        return (agent, mentionAfter(v, c, prepositions: .patientPreposition))
    }

    /// The nearest mention ending before token `v`, within `maxGap` tokens and the same clause, not itself after a
    /// preposition (`by X`, `on X`).
    func mentionBefore(_ v: Int, _ c: Context) -> SideMention? {
        guard let m = c.mentions.last(where: { $0.tokens.upperBound < v }) else { return nil }
        let gap = (m.tokens.upperBound + 1)..<v
        guard gap.count <= maxGap, !gap.contains(where: { isBreak($0, c) }) else { return nil }
        let before = m.tokens.lowerBound - 1
        if c.has(before, .agentPreposition) || c.has(before, .patientPreposition) { return nil }
        return m
    }

    /// The first mention after token `v` within the gap limit and the clause. With `required`, a preposition of
    /// `prepositions` (or exactly `only`) must lead to it (`on Y`); without, an agent preposition in between rules
    /// it out (`X shelled villages, said Y` was already cut by the clause break).
    func mentionAfter(
        _ v: Int, _ c: Context, prepositions: Roles, required: Bool = false, maxGap gapLimit: Int? = nil,
        only: String? = nil
    ) -> SideMention? {
        guard let m = c.mentions.first(where: { $0.tokens.lowerBound > v }) else { return nil }
        let gap = (v + 1)..<m.tokens.lowerBound
        guard gap.count <= (gapLimit ?? maxGap), !gap.contains(where: { isBreak($0, c) }) else { return nil }
        let hasPreposition = gap.contains { c.has($0, prepositions) && (only == nil || c.keys[$0] == only) }
        if required && !hasPreposition { return nil }
        if !required && gap.contains(where: { c.has($0, .agentPreposition) }) { return nil }
        return m
    }

    func isBreak(_ i: Int, _ c: Context) -> Bool {
        let token = c.tokens[i]
        if token.kind == .quote { return true }
        if token.kind == .punctuation {
            switch token.text {
            case ",", ";", ":", "(", ")", "—", "–": return true
            default: return false
            }
        }
        return c.has(i, .breaksClause)
    }

    /// `the attack`, `an attack by`, `X's attack`, `Azerbaijani shelling on …`: used as a noun.
    func isNounUse(_ v: Int, _ c: Context) -> Bool {
        if v > 0 && (c.has(v - 1, .determiner) || c.tokens[v - 1].isPossessive || c.tokens[v - 1].kind == .number) {
            return true
        }
        if c.key(v + 1) == "by" { return true }
        // `Azerbaijani shelling`: a capitalised word (a side's adjective) directly before.
        return v > 0 && c.tokens[v - 1].isCapitalized && (v + 1 >= c.tokens.count || c.has(v + 1, .patientPreposition))
    }

    /// `did not attack`, `denied shelling`: the act is negated or denied.
    func negated(_ c: Context, before v: Int) -> Bool {
        for j in max(0, v - 2)..<v where c.has(j, .negator) || c.keys[j].hasSuffix("n't") { return true }
        return false
    }
}
