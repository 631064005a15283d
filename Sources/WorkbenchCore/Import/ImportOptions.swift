/// What `workbench import` reads, where it writes, and how it treats what is already there.
public struct ImportOptions: Sendable {
    /// The sources, read in this order (their `fields` say which columns hold what).
    public var sources: [CorpusSource]
    /// The JSONL corpus file written (absolute).
    public var outputPath: String
    /// Where every rejected row and duplicate is listed (default: `<output>.rejected.jsonl`).
    public var rejectsPath: String
    /// Start the output afresh instead of appending to it (and deduplicating against it).
    public var replacesOutput = false
    /// The workspace's outlets: names, aliases and rules are applied as a run applies them.
    public var outlets = OutletRegistry()
    /// Put before every document id (`npa/`), for sources whose ids would clash.
    public var idPrefix = ""
    /// `imported_from` paths are written relative to this folder (the workspace) when inside it.
    public var baseDirectory: String

    public init(sources: [CorpusSource], outputPath: String, baseDirectory: String) {
        self.sources = sources
        self.outputPath = outputPath
        self.rejectsPath = outputPath + ".rejected.jsonl"
        self.baseDirectory = baseDirectory
    }
}
