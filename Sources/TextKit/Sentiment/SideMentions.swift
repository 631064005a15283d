/// A reference to a side of the topic within a sentence: an actor entity from extract, or a country's name,
/// adjective, capital or metonym from the topic (`Armenian forces`, `Baku`, `the Kremlin`).
public struct SideMention: Sendable, Equatable {
    /// Token indices within the sentence.
    public var tokens: ClosedRange<Int>
    public var side: String
    public var text: String
    /// `Azerbaijan's` — the mention ends with a possessive.
    public var possessive: Bool
}

/// Finds side mentions in a sentence's tokens.
public struct SideMentionFinder: Sendable {
    /// Lowercased word sequences → side, longest first when matching.
    let names: [String: [(words: [String], side: String)]]
    /// Adjectives (`armenian`) → side: they stand for a side only before a force noun or a violence noun.
    let adjectives: [String: String]
    let forceNouns: Set<String>
    let violenceNouns: Set<String>

    public init(topic: Topic, forceNouns: Set<String>, violenceNouns: Set<String>) {
        var names: [String: [(words: [String], side: String)]] = [:]
        var adjectives: [String: String] = [:]
        for country in topic.countries {
            for name in country.names + country.capitals + country.metonyms {
                let words = Tokenizer.tokenize(ScalarString(name)).filter(\.isWord).map(\.lower)
                guard let first = words.first, words.first != "the" || words.count > 1 else { continue }
                names[first, default: []].append((words, country.side))
            }
            for adjective in country.adjectives { adjectives[adjective.lowercased()] = country.side }
        }
        for key in names.keys { names[key]!.sort { $0.words.count > $1.words.count } }
        self.names = names
        self.adjectives = adjectives
        self.forceNouns = forceNouns
        self.violenceNouns = violenceNouns
    }

    /// The side mentions of one sentence: extract's entities with a side first, then topic words not inside them.
    public func mentions(tokens: [Token], entities: [ExtractOutput.Entity]) -> [SideMention] {
        var result: [SideMention] = []
        var covered = [Bool](repeating: false, count: tokens.count)
        for entity in entities {
            guard let side = entity.side else { continue }
            let inside = tokens.indices.filter { tokens[$0].start < entity.end && tokens[$0].end > entity.start }
            guard let a = inside.first, let last = inside.last else { continue }
            // `Armenian` tagged alone, followed by `forces`: the force noun is part of the mention.
            var b = last
            while b + 1 < tokens.count && forceNouns.contains(tokens[b + 1].lower) && b - a < 4 { b += 1 }
            for k in a...b { covered[k] = true }
            result.append(
                SideMention(
                    tokens: a...b, side: side, text: b > last ? text(tokens, a...b) : entity.text,
                    possessive: tokens[b].isPossessive))
        }
        var i = 0
        while i < tokens.count {
            // Names and adjectives of sides are capitalised: other words need no lookup.
            guard tokens[i].isWord, !covered[i], tokens[i].isCapitalized else { i += 1; continue }
            let key = tokens[i].base
            if let match = matchName(tokens, at: i) {
                let end = i + match.words.count - 1
                result.append(
                    SideMention(
                        tokens: i...end, side: match.side, text: text(tokens, i...end),
                        possessive: tokens[end].isPossessive))
                i = end + 1
                continue
            }
            if let side = adjectives[key], i + 1 < tokens.count {
                var end = i
                while end + 1 < tokens.count && forceNouns.contains(tokens[end + 1].lower) && end - i < 3 { end += 1 }
                if end > i || violenceNouns.contains(tokens[i + 1].lower) {
                    result.append(
                        SideMention(
                            tokens: i...end, side: side, text: text(tokens, i...end),
                            possessive: tokens[end].isPossessive))
                    i = end + 1
                    continue
                }
            }
            i += 1
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    func matchName(_ tokens: [Token], at i: Int) -> (words: [String], side: String)? {
        let first = tokens[i].base
        guard tokens[i].isCapitalized || tokens[i].isAllCaps, let candidates = names[first] else { return nil }
        for candidate in candidates where i + candidate.words.count <= tokens.count {
            let ok = candidate.words.indices.allSatisfy { k in
                tokens[i + k].base == candidate.words[k]
            }
            if ok { return candidate }
        }
        return nil
    }

    func text(_ tokens: [Token], _ range: ClosedRange<Int>) -> String {
        tokens[range].map(\.text).joined(separator: " ")
    }
}
