/// A document's text with its paragraphs, sentences and tokens, computed once and shared by the rules.
public final class AnalyzedText: @unchecked Sendable {
    public let string: ScalarString
    public let paragraphs: [TextSpan]
    public let sentences: [TextSpan]
    /// For each sentence, the paragraph it is in.
    public let sentenceParagraph: [Int]
    public let tokens: [Token]
    /// For each sentence, the range of its tokens in `tokens`.
    public let sentenceTokens: [Range<Int>]

    /// Segments `text`, optionally only within given paragraphs (e.g. after boilerplate removal), or
    /// with given sentences (as extract found them).
    public init(_ text: String, paragraphs given: [TextSpan]? = nil, sentences givenSentences: [(TextSpan, Int)]? = nil) {
        string = ScalarString(text)
        let paragraphs = given ?? Segmenter.paragraphs(string)
        var sentences: [TextSpan] = []
        var sentenceParagraph: [Int] = []
        if let givenSentences {
            sentences = givenSentences.map(\.0)
            sentenceParagraph = givenSentences.map(\.1)
        } else {
            for (p, paragraph) in paragraphs.enumerated() {
                for sentence in Segmenter.sentences(string, in: paragraph) {
                    sentences.append(sentence)
                    sentenceParagraph.append(p)
                }
            }
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(string.count / 5)
        var sentenceTokens: [Range<Int>] = []
        sentenceTokens.reserveCapacity(sentences.count)
        for sentence in sentences {
            let first = tokens.count
            Tokenizer.tokenize(string, in: sentence.range, into: &tokens)
            sentenceTokens.append(first..<tokens.count)
        }
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.sentenceParagraph = sentenceParagraph
        self.tokens = tokens
        self.sentenceTokens = sentenceTokens
    }

    public subscript(span: TextSpan) -> String { string[span] }

    /// A sentence that is a short paragraph of its own with no final punctuation: a subheading or a
    /// live page's post title, not body text.
    public func isHeading(_ sentence: Int) -> Bool {
        let span = sentences[sentence]
        guard paragraphs[sentenceParagraph[sentence]] == span else { return false }
        let range = sentenceTokens[sentence]
        guard range.count <= 14, let last = range.last.map({ tokens[$0] }) else { return false }
        return ![".", "!", "?", "”", "\"", "»", "…", ":"].contains(last.text)
    }

    /// The tokens of sentence `index`.
    public func tokens(ofSentence index: Int) -> ArraySlice<Token> { tokens[sentenceTokens[index]] }

    /// The sentence containing scalar offset `offset`, if any.
    public func sentence(containing offset: Int) -> Int? {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else if sentences[mid].start > offset { high = mid - 1 } else { return mid }
        }
        return nil
    }
}
