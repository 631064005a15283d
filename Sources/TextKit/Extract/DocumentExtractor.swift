public import WorkbenchProtocol

/// Runs the extract rules over one document and assembles `ExtractOutput`.
public struct DocumentExtractor: Sendable {
    public let topic: Topic
    public let englishOnly: Bool

    public init(topic: Topic, englishOnly: Bool = true) {
        self.topic = topic
        self.englishOnly = englishOnly
    }

    public func extract(_ document: Document) -> ExtractOutput {
        let (language, confidence) = LanguageDetector.shared.detect(document.text)
        var output = ExtractOutput(language: language, languageConfidence: (confidence * 100).rounded() / 100)
        output.outlet = document.meta.outlet
        output.outletSource = document.meta.outletSource
        output.date = document.meta.date
        if englishOnly && language != "en" {
            output.skipped = ExtractOutput.Skip(reason: "language \(language): English-only analysis")
            return output
        }
        let text = AnalyzedText(document.text)
        output.paragraphs = text.paragraphs
        output.sentences = zip(text.sentences, text.sentenceParagraph).map { ExtractOutput.SentenceRef(span: $0, paragraph: $1) }
        output.tokens = text.tokens.flatMap { [$0.start, $0.end] }
        output.cleanText = text.paragraphs.map { text[$0] }.joined(separator: "\n\n")
        output.entities = NamedEntityRecognizer.shared.recognize(text).map {
            ExtractOutput.Entity(span: $0.span, text: $0.text, type: $0.type)
        }
        return output
    }
}
