/// Finds names of people (`PER`), organisations (`ORG`) and places (`LOC`) in a text, with exact spans.
///
/// Rule- and gazetteer-based, sentence by sentence: `EntityCandidateFinder` joins capitalised words into
/// candidate names (initials, hyphenated names, particles such as `de` or `al-`, `of` inside institutions and
/// places) and trims what is not part of the name (sentence-initial words, personal titles, demonyms,
/// possessive `’s`); `EntityTyper` types each candidate from gazetteers (countries and cities, organisations,
/// first names), cue words (titles and roles before names, organisational and place suffixes, place
/// prepositions) and statistics learned on a training split. About 0.1 ms per 3 KB article.
public struct NamedEntityRecognizer: Sendable {
    /// One recognised name: its span in the document text (possessive `’s` excluded), its type and its text.
    public struct Mention: Hashable, Sendable {
        public var span: TextSpan
        public var type: String
        public var text: String

        public init(span: TextSpan, type: String, text: String) {
            self.span = span
            self.type = type
            self.text = text
        }
    }

    public static let shared = NamedEntityRecognizer()

    let lexicon: EntityLexicon

    public init() { lexicon = .shared }

    init(lexicon: EntityLexicon) { self.lexicon = lexicon }

    public func recognize(_ text: AnalyzedText) -> [Mention] {
        struct Found {
            var span: TextSpan
            var key: String
            /// The name's text when it is one token (the others are read from the text).
            var single: String?
            var decision: EntityTyper.Decision
            /// Only `and`, `or` or a comma separate it from the previous name of its sentence.
            var coordinatedWithPrevious: Bool
            var doubtful = false
        }
        var found: [Found] = []
        let typer = EntityTyper(lexicon: lexicon)
        // What the document itself says about a name (Wojciech Brzezinski … Brzezinski).
        var known: [String: String] = [:]
        // The document's tokens, indexed directly (sentence by sentence, no copy).
        let tokens = text.tokens
        for range in text.sentenceTokens {
            guard tokens[range].contains(where: { $0.isWord && $0.isCapitalized }) else { continue }
            let finder = EntityCandidateFinder(tokens: tokens, sentence: range, lexicon: lexicon)
            var previousLast: Int?
            for candidate in finder.candidates() {
                guard let decision = typer.type(of: candidate, in: tokens, sentence: range) else { continue }
                let name = Self.key(candidate, tokens)
                var coordinated = false
                if let p = previousLast, p < candidate.first - 1, candidate.first - p <= 4 {
                    let between = (p + 1)..<candidate.first
                    coordinated =
                        between.allSatisfy { Self.isCoordinator(tokens[$0].lower) }
                        && between.contains { tokens[$0].lower != "the" }
                }
                previousLast = candidate.last
                found.append(
                    Found(
                        span: TextSpan(tokens[candidate.first].start, candidate.end), key: name,
                        single: candidate.first == candidate.last ? candidate.lastText : nil, decision: decision,
                        coordinatedWithPrevious: coordinated, doubtful: candidate.doubtful))
                guard decision.evidence && !candidate.doubtful else { continue }
                if known[name] == nil { known[name] = decision.type }
                if decision.type == "PER", candidate.last > candidate.first, known[candidate.lastText] == nil {
                    known[candidate.lastText] = "PER"
                }
            }
        }
        func typed(_ d: EntityTyper.Decision) -> Bool { d.evidence || d.context }
        for i in found.indices where !found[i].decision.evidence {
            if let type = known[found[i].key] {
                found[i].decision.type = type
            } else if found[i].decision.context {
                continue
            } else if found[i].coordinatedWithPrevious && typed(found[i - 1].decision) {
                // Coordinated with a name of known type: in Sweden and Kven, near Jermuk and Vardenis.
                found[i].decision.type = found[i - 1].decision.type
            } else if i + 1 < found.count && found[i + 1].coordinatedWithPrevious && typed(found[i + 1].decision) {
                found[i].decision.type = found[i + 1].decision.type
            }
        }
        // A doubtful sentence-initial word is a name only when the document names it elsewhere.
        found.removeAll { $0.doubtful && known[$0.key] == nil }
        for i in found.indices where found[i].doubtful { found[i].decision.type = known[found[i].key]! }
        return found.map { Mention(span: $0.span, type: $0.decision.type, text: $0.single ?? text[$0.span]) }
    }

    static func key(_ c: EntityCandidate, _ tokens: [Token]) -> String {
        EntityCandidateFinder.key(tokens, c.first, c.last, last: c.lastText)
    }

    /// What may stand between two coordinated names: `and`, `or`, a comma, `the`, `nor`.
    static func isCoordinator(_ lower: String) -> Bool {
        switch lower {
        case "and", "or", ",", "the", "nor": true
        default: false
        }
    }
}
