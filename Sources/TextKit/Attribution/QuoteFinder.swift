/// Finds quotations: text between matching quotation marks — straight ("…"), curly (“…”), guillemets
/// («…», ‹…›) and German („…“) — within a paragraph or spanning paragraphs, never counting apostrophes.
public struct QuoteFinder: Sendable {
    /// One quotation: the quoted words (without the marks) and the marks.
    public struct Quote: Hashable, Sendable {
        /// The quoted text, without the marks and surrounding spaces.
        public var inner: TextSpan
        /// Including the marks.
        public var outer: TextSpan
        public var wordCount: Int
    }

    public init() {}

    /// The closing mark of an opening one (no dictionary: this runs at every character).
    @inline(__always)
    static func closer(of c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c.value {
        case 0x201C: "”"
        case 0x00AB: "»"
        case 0x201E: "“"
        case 0x2039: "›"
        default: nil
        }
    }

    /// Quotes in `text` restricted to `spans` (the content paragraphs).
    public func find(_ text: ScalarString, in spans: [TextSpan]) -> [Quote] {
        let s = text.scalars
        var quotes: [Quote] = []
        // Paragraphs are searched in order; an unclosed quote may continue into the next paragraph
        // (news style reopens the quote mark at each quoted paragraph).
        var openAt: Int?
        var closer: Unicode.Scalar?
        for (p, span) in spans.enumerated() {
            var i = span.start
            while i < span.end {
                let c = s[i]
                // Letters, digits and spaces are never marks.
                if c.value < 0x80 && c != "\"" {
                    i += 1
                    continue
                }
                if let wanted = closer, c == wanted || (wanted == "”" && c == "\"") || (wanted == "\"" && c == "”") {
                    if let start = openAt, let q = makeQuote(text, start, i) { quotes.append(q) }
                    openAt = nil
                    closer = nil
                } else if let close = Self.closer(of: c), closer == nil || closer == close {
                    openAt = i
                    closer = close
                } else if (c == "\"" || c == "”") && closer == nil {
                    // A straight mark opens; a closing curly mark with no opener is used the other way round.
                    openAt = i
                    closer = c == "\"" ? "\"" : "”"
                }
                i += 1
            }
            // Open at the end of a paragraph: a quote continues only when the next paragraph reopens it
            // (news style); it ends here. Otherwise the mark was unbalanced and is ignored.
            if closer != nil, let start = openAt {
                if p + 1 < spans.count, let next = spans[p + 1].range.first(where: { !s[$0].isSpace }),
                   Self.closer(of: s[next]) != nil || s[next] == "\"" {
                    if let q = makeQuote(text, start, paragraphEnd(s, before: span.end)) { quotes.append(q) }
                }
                openAt = nil
                closer = nil
            }
        }
        return quotes
    }

    private func paragraphEnd(_ s: [Unicode.Scalar], before i: Int) -> Int {
        var k = i
        while k > 0 && s[k - 1].isSpace { k -= 1 }
        return k
    }

    private func makeQuote(_ text: ScalarString, _ open: Int, _ close: Int) -> Quote? {
        let s = text.scalars
        var a = open + 1, b = close
        while a < b && s[a].isSpace { a += 1 }
        while b > a && s[b - 1].isSpace { b -= 1 }
        guard b > a else { return nil }
        let words = Tokenizer.tokenize(text, in: a..<b).filter(\.isWord).count
        guard words >= 1 else { return nil }
        return Quote(inner: TextSpan(a, b), outer: TextSpan(open, min(s.count, close + 1)), wordCount: words)
    }
}
