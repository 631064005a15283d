/// Splits text into tokens with Unicode-scalar spans.
///
/// Words keep inner apostrophes (`Armenia’s` stays one token; `’s` is split off as a possessive
/// marker by `Token`'s users via `possessiveBase`), inner hyphens (`Nagorno-Karabakh`, `arch-rival`)
/// and inner periods of abbreviations (`U.S.`). Numbers keep thousands separators and decimals
/// (`6,500`, `3.5`). Every quotation mark is its own token of kind `.quote`.
public enum Tokenizer {
    public static let quoteMarks: Set<Unicode.Scalar> = ["\"", "“", "”", "„", "«", "»", "‹", "›", "‘", "‚", "'"]

    /// One of `quoteMarks`, without hashing.
    @inline(__always)
    public static func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2039, 0x203A, 0x2018, 0x201A: true
        default: false
        }
    }

    public static func tokenize(_ text: ScalarString, in range: Range<Int>? = nil) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity((range?.count ?? text.count) / 5)
        tokenize(text, in: range, into: &tokens)
        return tokens
    }

    /// `tokenize(_:in:)` appending to `tokens` (a document's sentences into one array, no copy per sentence).
    public static func tokenize(_ text: ScalarString, in range: Range<Int>? = nil, into tokens: inout [Token]) {
        let s = text.scalars
        let range = (range ?? 0..<s.count).clamped(to: 0..<s.count)
        var i = range.lowerBound
        let end = range.upperBound
        func make(_ a: Int, _ b: Int, _ kind: Token.Kind) {
            tokens.append(text.withUTF8(of: a..<b) { Token.make(span: TextSpan(a, b), utf8: $0, kind: kind) })
        }
        // Scalars read in place (no bounds checks: every index is below `end`).
        s.withUnsafeBufferPointer { s in
            while i < end {
                let c = s[i]
                if c.isSpace { i += 1; continue }
                if c.isDigit {
                    var j = i + 1
                    while j < end {
                        if s[j].isDigit { j += 1; continue }
                        // 6,500 and 3.5: a separator between digits.
                        if (s[j] == "," || s[j] == ".") && j + 1 < end && s[j + 1].isDigit { j += 2; continue }
                        break
                    }
                    // 2020s, 1990s, 3rd, 21st: letters glued to a number stay with it.
                    var k = j
                    while k < end && s[k].isASCIILetter && k - j < 3 { k += 1 }
                    if k > j && (k == end || !s[k].isLetter) { j = k }
                    make(i, j, .number)
                    i = j
                    continue
                }
                if c.isLetter {
                    var j = i + 1
                    while j < end {
                        let d = s[j]
                        if d.isLetter || d.isDigit || d.isNonspacingMark { j += 1; continue }
                        // Inner apostrophe or hyphen followed by a letter: part of the word.
                        if (d.isApostrophe || d.isWordHyphen) && j + 1 < end && s[j + 1].isLetter { j += 2; continue }
                        // U.S., U.K., e.g.: single letters separated by periods.
                        if d == "." && j + 1 < end && s[j + 1].isLetter && j + 2 <= end && (j + 2 == end || s[j + 2] == ".") && j - i <= 2 {
                            j += 2
                            continue
                        }
                        break
                    }
                    // The final period of an abbreviation like U.S. (a letter-period pattern) is kept.
                    if j < end && s[j] == "." && j - i >= 3 && s[j - 2] == "." { j += 1 }
                    make(i, j, .word)
                    i = j
                    continue
                }
                if isQuoteMark(c) {
                    make(i, i + 1, .quote)
                    i += 1
                    continue
                }
                // Ellipsis as one token.
                if c == "." && i + 2 < end && s[i + 1] == "." && s[i + 2] == "." {
                    make(i, i + 3, .punctuation)
                    i += 3
                    continue
                }
                make(i, i + 1, c.isPunctuation ? .punctuation : .symbol)
                i += 1
            }
        }
    }
}

extension Token {
    /// `Armenia’s` → `Armenia` (the possessive stripped, case kept), otherwise the text.
    public var possessiveBase: String { Token.stripPossessive(text) }
}

extension Unicode.Scalar {
    /// A combining mark (general category Mn); none is below U+0300.
    @inline(__always) var isNonspacingMark: Bool { value >= 0x300 && properties.generalCategory == .nonspacingMark }

    /// Punctuation of any general category (P*); ASCII by table.
    @inline(__always) var isPunctuation: Bool {
        value < 128 ? Tokenizer.asciiPunctuation & (1 << UInt128(value)) != 0 : Tokenizer.isPunctuation(properties.generalCategory)
    }
}

extension Tokenizer {
    static func isPunctuation(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .otherPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .connectorPunctuation: true
        default: false
        }
    }

    /// Bit `c` set for the ASCII characters that are punctuation.
    static let asciiPunctuation: UInt128 = (0..<128).reduce(0) { bits, c in
        isPunctuation(Unicode.Scalar(UInt8(c)).properties.generalCategory) ? bits | (1 << UInt128(c)) : bits
    }
}
