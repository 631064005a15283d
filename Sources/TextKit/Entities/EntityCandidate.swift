/// A candidate name in a sentence's tokens, before it is typed.
struct EntityCandidate: Hashable, Sendable {
    /// Token indices (in the document's tokens) of the name's first and last tokens.
    var first: Int
    var last: Int
    /// Scalar end of the name: the last token's end, less a possessive `’s` or a hyphenated tail (`Moscow-based`).
    var end: Int
    /// The last token's text as it counts for the name (`Armenia’s` → `Armenia`).
    var lastText: String
    /// A personal title (`President`, `Gen.`) stood right before the name and was left out of it.
    var titled = false
    /// The name follows a title and `of` (`President of Armenia`, `Countess of Lennox`): a title's domain.
    var domain = false
    /// A sentence-initial word that is also a common word (`Trump`, `Sessions`): a name only if the document
    /// names it elsewhere.
    var doubtful = false
    /// The name starts the sentence (or a quotation), where any word is capitalised.
    var sentenceInitial = false
    /// Index of the token before the name and its title or demonym, if any (context for typing).
    var before: Int?
    /// Index of the token after the name, if any.
    var after: Int?
}
