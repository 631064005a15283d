/// A token: a word, a number, a punctuation mark or a quotation mark, with its scalar span.
public struct Token: Hashable, Sendable {
    /// What kind of token it is.
    public enum Kind: UInt8, Hashable, Sendable {
        case word, number, punctuation, quote, symbol
    }

    public var span: TextSpan
    public var text: String
    public var kind: Kind
    /// The lowercased text (words), for lexicon lookups.
    public var lower: String
    /// The lowercased text without a possessive `’s` (`armenia` for `Armenia’s`).
    public var base: String

    public init(span: TextSpan, text: String, kind: Kind) {
        self.span = span
        self.text = text
        self.kind = kind
        self.lower = kind == .word ? text.lowercased() : text
        self.base = lower
        if kind == .word { self.base = Self.stripPossessive(lower) }
    }

    static func stripPossessive(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > 2, scalars[scalars.count - 1] == "s", scalars[scalars.count - 2].isApostrophe {
            return String(String.UnicodeScalarView(scalars[0..<(scalars.count - 2)]))
        }
        if scalars.count > 1, scalars[scalars.count - 1].isApostrophe {
            return String(String.UnicodeScalarView(scalars[0..<(scalars.count - 1)]))
        }
        return word
    }

    public var start: Int { span.start }
    public var end: Int { span.end }

    /// Starts with an uppercase letter.
    public var isCapitalized: Bool { text.unicodeScalars.first?.isUppercaseLetter == true }
    /// Every letter is uppercase (`NATO`, `EU`), with at least two letters.
    public var isAllCaps: Bool {
        let letters = text.unicodeScalars.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercaseLetter)
    }
    public var isWord: Bool { kind == .word }
}
