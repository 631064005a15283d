/// The clauses of each scored sentence: stretches between clause punctuation (`,` `;` `:` dashes, brackets,
/// quotation marks) and clause-opening words (`but`, `while`, `because`, `which`…), as token ranges.
public struct ClauseIndex: Sendable {
    /// Words that open a new clause.
    public static let openers: Set<String> = [
        "but", "however", "while", "whereas", "although", "though", "because", "since", "unless", "which", "who",
        "whom",
        "whose", "after", "before", "when", "whereby", "yet", "so", "nevertheless", "nonetheless", "meanwhile",
    ]
    static let breaks: WordSet = [",", ";", ":", "(", ")", "[", "]", "—", "–"]

    /// For each sentence, its clauses as ranges of its token indices.
    public let clauses: [[Range<Int>]]

    public init(_ sentences: [ScoredSentence]) {
        clauses = sentences.map { Self.clauses(of: $0) }
    }

    /// Splits a scored sentence into clauses (every token belongs to exactly one).
    public static func clauses(of sentence: ScoredSentence) -> [Range<Int>] {
        clauses(of: sentence.tokens) { sentence.entries[$0]?.opensClause == true }
    }

    /// Splits tokens into clauses; `opens(i)` says whether word `i` opens one.
    public static func clauses(of tokens: [Token], opens: (Int) -> Bool = { _ in false }) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in tokens.indices where i > start {
            let isBreak = (tokens[i].kind == .punctuation && breaks.contains(tokens[i].text)) || tokens[i].kind == .quote
            if isBreak || (tokens[i].isWord && opens(i)) {
                result.append(start..<i)
                start = i
            }
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }

    /// The clause of sentence `sentence` that holds token `token`.
    public func clause(sentence: Int, token: Int) -> Range<Int>? {
        clauses[sentence].first { $0.contains(token) }
    }
}
