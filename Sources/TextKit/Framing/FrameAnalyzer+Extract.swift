/// Extract's output could not be read as sentences and tokens.
public struct FramingInputError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension FrameAnalyzer {
    /// The members of extract's output `analyze(text:extract:)` reads (declared in the framing stage's hello `reads`).
    public static let extractMembers = ["skipped", "sentences", "tokens"]

    /// The frame profile of a document from the extract stage's raw output (`extract/1` JSON): only
    /// `skipped` when extract passed the document over. Reads just `skipped`, `sentences` and `tokens`.
    /// - Throws: `FramingInputError` when those are malformed.
    public func analyze(text: String, extract: [UInt8]) throws(FramingInputError) -> FramingOutput {
        let sentences: [TextSpan], tokens: [Int]
        do {
            let reader = try ExtractReader(extract)
            if reader.isSkipped { return FramingOutput(skipped: ExtractOutput.Skip(reason: reader.skipReason ?? "skipped by extract")) }
            sentences = try reader.sentences().map(\.span)
            tokens = try reader.tokens()
        } catch {
            throw FramingInputError(error.description)
        }
        guard tokens.count % 2 == 0 else { throw FramingInputError("extract output: tokens must be [start, end] pairs") }
        return analyze(FramingText(text: text, sentences: sentences, flatTokens: tokens))
    }
}
