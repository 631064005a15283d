/// Finds the topic's contested terms: whole words and phrases, case-insensitive, plurals and possessives
/// included (`Azeris`, `Karabakh's`), with exclusions such as `Karabakh` after `Nagorno`.
public struct TermFinder: Sendable {
    struct Variant {
        var words: [String]
        var term: Topic.Term
        var notPrecededBy: WordSet
    }

    /// First word → variants starting with it, longest first.
    let variants: WordMap<[Variant]>

    public init(topic: Topic) {
        var variants = WordMap<[Variant]>()
        for term in topic.terms {
            let exclusions = WordSet(term.notPrecededBy.map { $0.lowercased().trimming(" -") })
            for variant in term.variants {
                let words = Tokenizer.tokenize(ScalarString(variant)).filter(\.isWord).map(\.base)
                guard let first = words.first else { continue }
                variants[first, default: []].append(Variant(words: words, term: term, notPrecededBy: exclusions))
            }
        }
        for key in variants.allKeys { variants[key]!.sort { $0.words.count > $1.words.count } }
        self.variants = variants
    }

    public func find(_ tokens: [Token], range: Range<Int>) -> [ExtractOutput.TermMention] {
        var found: [ExtractOutput.TermMention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            guard tokens[i].isWord, let candidates = variants[tokens[i].base] else { continue }
            for variant in candidates {
                let n = variant.words.count
                guard i + n <= range.upperBound else { continue }
                var ok = true
                for k in 0..<n where tokens[i + k].base != variant.words[k] {
                    ok = false
                    break
                }
                guard ok else { continue }
                if i > range.lowerBound, variant.notPrecededBy.contains(tokens[i - 1].base) { continue }
                let span = TextSpan(tokens[i].start, tokens[i + n - 1].end)
                found.append(ExtractOutput.TermMention(term: variant.term.term, group: variant.term.group, start: span.start, end: span.end,
                                                       text: tokens[i..<(i + n)].map(\.text).joined(separator: " ")))
                i += n - 1
                break
            }
        }
        return found
    }
}
