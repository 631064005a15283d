/// Phrases indexed by their first word, so matching at a token is one dictionary lookup rather than a
/// scan of the whole list. Longest phrases are tried first.
public struct PhraseIndex<Value: Sendable>: Sendable {
    /// A phrase and what it stands for.
    public struct Entry: Sendable {
        public var words: [String]
        public var value: Value
    }

    private var byFirst = WordMap<[Entry]>()

    /// `entries`: lowercase words of each phrase and its value.
    public init(_ entries: [(words: [String], value: Value)]) {
        for entry in entries where !entry.words.isEmpty {
            byFirst[entry.words[0], default: []].append(Entry(words: entry.words, value: entry.value))
        }
        for key in byFirst.allKeys { byFirst[key]!.sort { $0.words.count > $1.words.count } }
    }

    /// The longest phrase at token `i` (words compared by `lower`, or by `base` — possessive stripped).
    public func match(_ tokens: [Token], at i: Int, limit: Int, byBase: Bool = false) -> (entry: Entry, end: Int)? {
        guard i < limit, tokens[i].kind == .word || tokens[i].kind == .number else { return nil }
        let first = tokens[i]
        guard let candidates = byBase ? byFirst[first.base, hash: first.baseHash] : byFirst[first.lower, hash: first.lowerHash] else { return nil }
        for entry in candidates {
            let n = entry.words.count
            guard i + n <= limit else { continue }
            var ok = true
            var k = 1
            while k < n {
                if (byBase ? tokens[i + k].base : tokens[i + k].lower) != entry.words[k] { ok = false; break }
                k += 1
            }
            if ok { return (entry, i + n) }
        }
        return nil
    }

    /// The longest phrase ending at token `end` (inclusive).
    public func match(_ tokens: [Token], endingAt end: Int, floor: Int) -> (entry: Entry, start: Int)? {
        var best: (entry: Entry, start: Int)?
        var start = end
        while start >= max(floor, end - 6) {
            if let found = match(tokens, at: start, limit: end + 1), found.end == end + 1, best.map({ found.entry.words.count > $0.entry.words.count }) ?? true {
                best = (found.entry, start)
            }
            start -= 1
        }
        return best
    }

    public var isEmpty: Bool { byFirst.isEmpty }
}
