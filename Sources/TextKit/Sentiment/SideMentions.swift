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
    let names: WordMap<[(words: [String], side: String)]>
    /// Adjectives (`armenian`) → side: they stand for a side only before a force noun or a violence noun.
    let adjectives: WordMap<String>
    let forceNouns: WordSet
    let violenceNouns: WordSet

    public init(topic: Topic, forceNouns: Set<String>, violenceNouns: Set<String>) {
        var names = WordMap<[(words: [String], side: String)]>()
        var adjectives = WordMap<String>()
        for country in topic.countries {
            for name in country.names + country.capitals + country.metonyms {
                let words = Tokenizer.tokenize(ScalarString(name)).filter(\.isWord).map(\.lower)
                guard let first = words.first, words.first != "the" || words.count > 1 else { continue }
                names[first, default: []].append((words, country.side))
            }
            for adjective in country.adjectives { adjectives[adjective.lowercased()] = country.side }
        }
        for key in names.allKeys { names[key]!.sort { $0.words.count > $1.words.count } }
        self.names = names
        self.adjectives = adjectives
        self.forceNouns = WordSet(forceNouns)
        self.violenceNouns = WordSet(violenceNouns)
    }

    /// The side mentions of one sentence: extract's entities with a side first, then topic words not inside them.
    public func mentions(tokens: [Token], entities: [ExtractOutput.Entity]) -> [SideMention] {
        var result: [SideMention] = []
        var covered = [Bool](repeating: false, count: tokens.count)
        for e in entities.indices {
            guard let side = entities[e].side else { continue }
            // The first and last tokens that overlap the entity.
            let start = entities[e].start, end = entities[e].end
            var first: Int?, last = 0
            for k in tokens.indices where tokens[k].start < end && tokens[k].end > start {
                if first == nil { first = k }
                last = k
            }
            guard let a = first else { continue }
            // `Armenian` tagged alone, followed by `forces`: the force noun is part of the mention.
            var b = last
            while b + 1 < tokens.count && forceNouns.contains(tokens[b + 1]) && b - a < 4 { b += 1 }
            for k in a...b { covered[k] = true }
            result.append(
                SideMention(
                    tokens: a...b, side: side, text: b > last ? text(tokens, a...b) : entities[e].text,
                    possessive: tokens[b].isPossessive))
        }
        var i = 0
        while i < tokens.count {
            // Names and adjectives of sides are capitalised: other words need no lookup.
            guard tokens[i].isWord, !covered[i], tokens[i].isCapitalized else { i += 1; continue }
            if let match = matchName(tokens, at: i) {
                let end = i + match.words.count - 1
                result.append(
                    SideMention(
                        tokens: i...end, side: match.side, text: text(tokens, i...end),
                        possessive: tokens[end].isPossessive))
                i = end + 1
                continue
            }
            if let side = adjectives[tokens[i].base, hash: tokens[i].baseHash], i + 1 < tokens.count {
                var end = i
                while end + 1 < tokens.count && forceNouns.contains(tokens[end + 1]) && end - i < 3 { end += 1 }
                if end > i || violenceNouns.contains(tokens[i + 1]) {
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
        guard tokens[i].isCapitalized || tokens[i].isAllCaps, let candidates = names[tokens[i].base, hash: tokens[i].baseHash] else { return nil }
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
