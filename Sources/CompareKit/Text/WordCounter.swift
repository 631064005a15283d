/// Counts the words of a text, and the content words among them (lowercase, without stop words,
/// numbers or one-letter words) for the distinctive-words table.
struct WordCounter {
    private(set) var words = 0
    private(set) var counts: [String: Int] = [:]

    /// Adds the words of `text[range]`: runs of letters, with inner apostrophes and hyphens.
    mutating func add(_ text: [Unicode.Scalar], _ range: Range<Int>) {
        var i = range.lowerBound
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            words += 1
            let w = String(word)
            word.removeAll(keepingCapacity: true)
            guard w.unicodeScalars.count > 1, !Stopwords.english.contains(w) else { return }
            counts[w, default: 0] += 1
        }
        while i < range.upperBound {
            let c = text[i]
            if c.properties.isAlphabetic {
                word.append(c.value < 128 ? Self.lower(c) : (c.properties.lowercaseMapping.unicodeScalars.first ?? c))
            } else if (c == "'" || c == "’" || c == "-") && !word.isEmpty && i + 1 < range.upperBound && text[i + 1].properties.isAlphabetic {
                // `Armenia’s` counts as `armenia`; `arch-rival` stays whole.
                if c == "-" {
                    word.append(c)
                } else {
                    flush()
                    // Skip the possessive `s`.
                    if i + 2 <= range.upperBound, text[i + 1] == "s" || text[i + 1] == "S", i + 2 == range.upperBound || !text[i + 2].properties.isAlphabetic {
                        i += 2
                        continue
                    }
                }
            } else {
                flush()
            }
            i += 1
        }
        flush()
    }

    @inline(__always)
    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 65 && c.value <= 90 ? Unicode.Scalar(c.value + 32)! : c
    }
}
