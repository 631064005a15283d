import WorkbenchProtocol
import Foundation

/// Builds a `ReportInput` from a workspace's cache without running any stage: the latest results of
/// the pipeline's corpus steps (their task is stored under document id `*`), the run's notes, the
/// topic's sides, and — for the articles the evidence cites (or all of a small corpus) — the text from
/// the corpus and the per-document outputs from the cache. One pass over the corpus also counts its
/// outlets and dates.
public struct ReportLoader {
    public let workspace: Workspace
    public let pipeline: Pipeline
    public let corpus: [CorpusSource]
    public let options: ReportOptions
    /// The notes to show instead of those of the last finished run in the cache (a run that is writing
    /// its report before it is recorded as finished passes its own: `RunNotes(summary: summary.json)`).
    public let runNotes: RunNotes?

    /// The document id under which the cache keeps a corpus step's task.
    static let corpusDocumentId = "*"

    public init(workspace: Workspace, pipeline: Pipeline, corpus: [CorpusSource]? = nil, runNotes: RunNotes? = nil,
                options: ReportOptions = ReportOptions()) {
        self.workspace = workspace
        self.pipeline = pipeline
        self.corpus = corpus ?? workspace.corpus
        self.runNotes = runNotes
        self.options = options
    }

    /// Reads everything the report shows.
    /// - Throws: `ReportError` when there is no cache or no run yet, or the cache or corpus cannot be read.
    public func load() throws(ReportError) -> ReportInput {
        guard FileManager.default.fileExists(atPath: workspace.cachePath) else {
            throw ReportError("no cache at \(Paths.display(workspace.cachePath)) yet", hint: "run `workbench run` first; the report is made from its results")
        }
        let cache: ResultCache
        let runs: [ResultCache.RunRecord]
        do {
            cache = try ResultCache(path: workspace.cachePath)
            runs = try cache.recentRuns(limit: 10)
        } catch {
            throw ReportError("cannot read the cache: \(error)")
        }
        guard !runs.isEmpty else {
            throw ReportError("the cache at \(Paths.display(workspace.cachePath)) has no run yet", hint: "run `workbench run` first")
        }

        var notes = runNotes ?? notes(of: runs)
        let tables = try corpusTables(cache: cache, notes: &notes)
        var topic: JSONValue?
        do { topic = try workspace.topic() } catch { notes.notes.append("topic file: \(error.description)") }

        let (overview, articles) = try readCorpus(tables: tables, cache: cache, notes: &notes)
        return ReportInput(
            title: workspace.name ?? (workspace.directory as NSString).lastPathComponent,
            topicName: topic?["name"]?.stringValue, sides: ReportInput.sides(ofTopic: topic), corpus: overview, runNotes: notes,
            tables: tables, articles: articles)
    }

    /// Notes of the latest run that finished with a summary (and a word about a later one that did not).
    private func notes(of runs: [ResultCache.RunRecord]) -> RunNotes {
        guard let finished = runs.first(where: { $0.summary != nil }), let text = finished.summary,
              let summary = try? JSONValue(parsing: text) else {
            var notes = RunNotes(runId: runs[0].id, status: runs[0].status)
            notes.notes.append("Run \(runs[0].id) has not finished; its results so far are shown.")
            return notes
        }
        var notes = RunNotes(summary: summary, finishedAt: finished.finishedAt)
        notes.runId = notes.runId ?? finished.id
        if runs[0].id != finished.id {
            notes.notes.insert("Run \(runs[0].id) (\(runs[0].status)) did not finish; these notes are run \(finished.id)'s, the tables the latest results.", at: 0)
        }
        return notes
    }

    /// The tables of each corpus step, in pipeline order.
    private func corpusTables(cache: ResultCache, notes: inout RunNotes) throws(ReportError) -> [ReportInput.StepTables] {
        var tables: [ReportInput.StepTables] = []
        for step in pipeline.steps {
            do {
                guard let task = try cache.task(stepId: step.id, documentId: Self.corpusDocumentId) else { continue }
                guard let result = try cache.result(key: task.key) else {
                    let failure = try cache.failures(documentId: Self.corpusDocumentId, stepId: step.id, limit: 1).first { $0.key == task.key }
                    notes.notes.append("Step \(step.id) has no result for its latest inputs" + (failure.map { " (it failed: \($0.message.split(separator: "\n").first ?? ""))" } ?? " (not run yet, or interrupted)") + ".")
                    continue
                }
                let found = TableRenderer.tables(in: Array(result.output.utf8))
                if !found.isEmpty { tables.append(ReportInput.StepTables(stepId: step.id, tables: found)) }
            } catch {
                throw ReportError("cannot read the results of step \(step.id): \(error)")
            }
        }
        return tables
    }

    /// One pass over the corpus: outlets and dates of every document, and the articles the report embeds.
    private func readCorpus(tables: [ReportInput.StepTables], cache: ResultCache, notes: inout RunNotes)
        throws(ReportError) -> (ReportInput.CorpusOverview, [ReportInput.Article]) {
        let reader = CorpusReader(sources: corpus, outlets: workspace.outlets)
        let takeAll = reader.count() <= min(options.allArticlesUpTo, options.maxArticles)
        let wanted = Set(EvidenceSelection.documents(for: tables, options: options))
        var tally = CorpusTally()
        var documents: [Document] = []
        do {
            try reader.forEachBatch { batch in
                for document in batch {
                    tally.add(document)
                    if takeAll || wanted.contains(document.id) { documents.append(document) }
                }
                return true
            }
        } catch {
            throw ReportError("cannot read the corpus: \(error)")
        }
        var overview = tally.overview
        if corpus.isEmpty { overview = ReportInput.CorpusOverview(documents: 0, outlets: []) }
        let found = Set(documents.map(\.id))
        let missing = wanted.subtracting(found)
        if !missing.isEmpty {
            notes.notes.append("\(missing.count) document\(missing.count == 1 ? "" : "s") cited as evidence \(missing.count == 1 ? "is" : "are") not in the corpus any more (e.g. \(missing.sorted().first!)); \(missing.count == 1 ? "its" : "their") evidence is listed without context.")
        }
        let articles: [ReportInput.Article]
        do {
            articles = try documents.map { document throws(CacheError) in try article(document, cache: cache) }
        } catch {
            throw ReportError("cannot read the results of the articles: \(error)")
        }
        return (overview, articles)
    }

    /// A document with its steps' outputs as the last run left them; none when its text changed since.
    private func article(_ raw: Document, cache: ResultCache) throws(CacheError) -> ReportInput.Article {
        var document = raw
        if let source = document.meta.sourcePath, source.hasPrefix(workspace.directory + "/") {
            document.meta.sourcePath = String(source.dropFirst(workspace.directory.count + 1))
        }
        let hash = String(Hashing.sha256Hex(document.canonicalJSON).prefix(32))
        if let record = try cache.document(document.id), record.hash != hash {
            return ReportInput.Article(document: raw, note: "This article changed after the last run; its annotations are left out. Run the pipeline again to see them.")
        }
        let order = Dictionary(pipeline.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let tasks = try cache.tasks(documentId: document.id).filter { order[$0.stepId] != nil }.sorted { order[$0.stepId]! < order[$1.stepId]! }
        let outputs = try cache.outputs(for: tasks.map(\.key))
        let stepOutputs = tasks.compactMap { task -> ReportInput.StepOutput? in
            guard let bytes = outputs[task.key], let value = try? JSONParser.parse(bytes) else { return nil }
            return ReportInput.StepOutput(stepId: task.stepId, output: value)
        }
        var article = ReportInput.Article(document: raw)
        article.facts = ArticleFacts(outputs: stepOutputs)
        return article
    }
}
