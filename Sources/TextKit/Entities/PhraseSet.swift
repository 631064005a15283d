/// Lowercased multi-word phrases matched token by token, skipping the period after an abbreviation
/// (`Lt. Gen.` matches "lt gen").
struct PhraseSet: Sendable {
    private var byFirst = WordMap<[[String]]>()

    init(_ phrases: [String] = []) {
        for phrase in phrases {
            let words = Self.words(phrase)
            guard let first = words.first else { continue }
            byFirst[first, default: []].append(words)
        }
        for key in byFirst.allKeys { byFirst[key]!.sort { $0.count > $1.count } }
    }

    static func words(_ phrase: String) -> [String] {
        Tokenizer.tokenize(ScalarString(phrase.lowercased())).filter { $0.isWord || $0.text == "&" }.map {
            normalized($0.lower)
        }
    }

    /// `gen.` → `gen`, `u.s.` stays `u.s` (its inner periods kept).
    static func normalized(_ lower: String) -> String { lower.utf8.last == 46 ? String(lower.dropLast()) : lower }

    func contains(_ phrase: String) -> Bool { byFirst[Self.normalized(phrase)]?.contains { $0.count == 1 } ?? false }

    /// The end (exclusive token index) of the longest phrase starting at `start` and ending at or before `limit`.
    func match(_ tokens: [Token], at start: Int, limit: Int) -> Int? {
        guard start < limit, let candidates = byFirst[Self.normalized(tokens[start].lower)] else { return nil }
        for phrase in candidates {
            var k = start
            var w = 0
            while w < phrase.count && k < limit {
                if tokens[k].text == "." {
                    k += 1
                    continue
                }
                guard Self.normalized(tokens[k].lower) == phrase[w] else { break }
                w += 1
                k += 1
            }
            if w == phrase.count {
                if k < limit && tokens[k].text == "." && tokens[k].start == tokens[k - 1].end { k += 1 }
                return k
            }
        }
        return nil
    }

    /// The start of the longest phrase ending right before token `end` (no earlier than `floor`).
    func match(_ tokens: [Token], endingBefore end: Int, floor: Int) -> Int? {
        var best: Int?
        var start = end - 1
        while start >= floor && end - start <= 4 {
            if let e = match(tokens, at: start, limit: end), e == end { best = start }
            start -= 1
        }
        return best
    }
}
