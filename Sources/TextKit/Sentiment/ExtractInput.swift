/// Reads the parts of extract's output the sentiment stage uses (`skipped`, `language`, `paragraphs`, `sentences`,
/// `entities`, `statements`) straight from its JSON bytes, skipping the rest (clean text, token offsets, numbers…): decoding the
/// whole `ExtractOutput` with `JSONDecoder` costs more than the analysis itself.
public enum ExtractInput {
    /// The members of extract's output `decode` reads (declared in the sentiment stage's hello `reads`).
    public static let members = ["language", "skipped", "paragraphs", "sentences", "entities", "statements"]

    /// - Throws: `ExtractReader.Failure` naming what is malformed.
    public static func decode(_ bytes: [UInt8]) throws(ExtractReader.Failure) -> ExtractOutput {
        let extract = try ExtractReader(bytes)
        var output = ExtractOutput(language: extract.string("language") ?? "", languageConfidence: 0)
        output.skipped = extract.skipped
        output.paragraphs = try extract.paragraphs()
        output.sentences = try extract.sentences()
        output.entities = try extract.entities()
        // The statements extract found (the same records as attribution's), for who speaks in a portrayal.
        output.statements = try extract.statements()
        return output
    }
}
