/// Counts the words of a text, and the content words among them (lowercase, without stop words,
/// numbers or one-letter words) for the distinctive-words table.
struct WordCounter {
    private(set) var words = 0
    private(set) var counts: [String: Int]
    private var word: [UInt8] = []
    private let longestStopword = Stopwords.longest

    init() {
        counts = Dictionary(minimumCapacity: 256)
    }

    /// Adds the words of `text[range]`: runs of letters, with inner hyphens (`arch-rival`); a possessive
    /// `’s`/`'s` ends a word (`Armenia’s` counts as `armenia`).
    mutating func add(_ text: [Unicode.Scalar], _ range: Range<Int>) {
        word.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        while i < range.upperBound {
            let c = text[i]
            let v = c.value
            if (v >= 97 && v <= 122) || (v >= 65 && v <= 90) {
                word.append(UInt8(v | 0x20))
            } else if v >= 128, c.properties.isAlphabetic {
                let lower = c.properties.lowercaseMapping
                word.append(contentsOf: lower.utf8)
            } else if (v == 0x27 || v == 0x2019) && !word.isEmpty && i + 1 < range.upperBound && Self.isLetter(text[i + 1]) {
                flush()
                // The possessive `s`.
                if text[i + 1] == "s" || text[i + 1] == "S", i + 2 == range.upperBound || !Self.isLetter(text[i + 2]) {
                    i += 2
                    continue
                }
            } else if v == 0x2D && !word.isEmpty && i + 1 < range.upperBound && Self.isLetter(text[i + 1]) {
                word.append(0x2D)
            } else {
                flush()
            }
            i += 1
        }
        flush()
    }

    private mutating func flush() {
        guard !word.isEmpty else { return }
        words += 1
        if word.count > 1 {
            let w = String(decoding: word, as: UTF8.self)
            if word.count > longestStopword || !Stopwords.english.contains(w) { counts[w, default: 0] += 1 }
        }
        word.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) }
        return c.properties.isAlphabetic
    }
}
