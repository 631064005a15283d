extension AnalyzedText {
    /// Rebuilds the analysis a downstream stage needs from extract's output (no re-segmentation).
    public convenience init(text: String, extract: ExtractOutput) {
        self.init(text, paragraphs: extract.paragraphs, sentences: extract.sentences.map { ($0.span, $0.paragraph) })
    }
}
