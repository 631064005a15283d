/// What the framing analysis reads: the document's scalars, its content sentences and their tokens, as
/// the extract stage found them (no re-tokenising).
public struct FramingText: Sendable {
    public let scalars: [Unicode.Scalar]
    public let sentences: [TextSpan]
    /// Token spans, in order; `sentenceTokens[s]` is the range of sentence `s`'s tokens.
    public let tokens: [TextSpan]
    public let sentenceTokens: [Range<Int>]
    /// Word tokens (starting with a letter): the denominator of "per 1,000 words".
    public let wordCount: Int

    /// From extract's output: `sentences` and the flattened token spans `[start0, end0, start1, end1, …]`.
    /// Tokens outside every sentence are ignored.
    public init(text: String, sentences: [TextSpan], flatTokens: [Int]) {
        let scalars = Array(text.unicodeScalars)
        var tokens: [TextSpan] = []
        tokens.reserveCapacity(flatTokens.count / 2)
        var sentenceTokens: [Range<Int>] = []
        sentenceTokens.reserveCapacity(sentences.count)
        var t = 0
        let tokenCount = flatTokens.count / 2
        for sentence in sentences {
            while t < tokenCount && flatTokens[2 * t] < sentence.start { t += 1 }
            let first = tokens.count
            while t < tokenCount && flatTokens[2 * t + 1] <= sentence.end {
                let start = flatTokens[2 * t]
                let end = flatTokens[2 * t + 1]
                if start >= sentence.start && start < end && end <= scalars.count {
                    tokens.append(TextSpan(start, end))
                }
                t += 1
            }
            sentenceTokens.append(first..<tokens.count)
        }
        self.init(scalars: scalars, sentences: sentences, tokens: tokens, sentenceTokens: sentenceTokens)
    }

    /// From an analysed text (tests, and callers that segment themselves).
    public init(_ text: AnalyzedText) {
        self.init(
            scalars: text.string.scalars, sentences: text.sentences, tokens: text.tokens.map(\.span),
            sentenceTokens: text.sentenceTokens)
    }

    init(scalars: [Unicode.Scalar], sentences: [TextSpan], tokens: [TextSpan], sentenceTokens: [Range<Int>]) {
        self.scalars = scalars
        self.sentences = sentences
        self.tokens = tokens
        self.sentenceTokens = sentenceTokens
        var words = 0
        for token in tokens where scalars[token.start].isLetter { words += 1 }
        wordCount = words
    }
}
