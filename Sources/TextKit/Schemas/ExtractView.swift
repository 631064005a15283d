/// What the stages after extract read from its output — whether it was skipped, the date, headline,
/// paragraphs, sentences and statements — taken from the raw JSON without decoding the rest: extract's
/// output is several times the article's size, and its tokens, entities and numbers stay bytes.
public struct ExtractView: Sendable {
    public var skipped: ExtractOutput.Skip?
    public var date: String?
    public var headline: TextSpan?
    public var paragraphs: [TextSpan] = []
    public var sentences: [ExtractOutput.SentenceRef] = []
    public var statements: [ExtractOutput.Statement] = []

    /// The members of extract's output this view reads (a stage declares them in its hello `reads`, so
    /// the host sends no others).
    public static let members = ["skipped", "date", "headline", "paragraphs", "sentences", "statements"]

    /// The view of an output already in memory.
    public init(_ output: ExtractOutput) {
        skipped = output.skipped
        date = output.date
        headline = output.headline
        paragraphs = output.paragraphs
        sentences = output.sentences
        statements = output.statements
    }

    /// Reads extract's raw JSON output.
    /// - Throws: `ExtractReader.Failure` naming the member that does not have the expected shape.
    public init(json bytes: [UInt8]) throws(ExtractReader.Failure) {
        let extract = try ExtractReader(bytes)
        skipped = extract.skipped
        date = extract.string("date")
        headline = try extract.headline()
        paragraphs = try extract.paragraphs()
        sentences = try extract.sentences()
        statements = try extract.statements()
    }
}
