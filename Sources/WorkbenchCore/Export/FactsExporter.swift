public import WorkbenchProtocol
import Foundation

/// Writes `workbench-facts/1` (see ../shared/eval/README.md): per document the clean text, attributions,
/// casualty claims, historical figures, contested terms, first voice and editorializing, read from the
/// cached outputs of the steps that produce `extract/1` and `attribution/1`.
public struct FactsExporter: Sendable {
    public let workspace: Workspace
    public let pipeline: Pipeline
    public let corpus: [CorpusSource]

    public init(workspace: Workspace, pipeline: Pipeline, corpus: [CorpusSource]? = nil) {
        self.workspace = workspace
        self.pipeline = pipeline
        self.corpus = corpus ?? workspace.corpus
    }

    /// The export for every document of the corpus (as the last run of this pipeline left them in the cache).
    /// - Throws: `ConfigurationError` (pipeline), `CacheError`, `EvalError` (no extract step).
    public func export() async throws -> JSONValue {
        let registry = StageRegistry(searchPath: StageRegistry.searchPath(for: workspace))
        let plan = try await PipelineValidator(registry: registry, probe: false, topic: try workspace.topic()).plan(pipeline)
        func step(producing type: String) -> StepPlan? {
            plan.steps.first { ($0.hello.produces ?? "").hasPrefix(type + "/") || $0.stageName == type }
        }
        guard let extract = step(producing: "extract") else {
            throw EvalError("the pipeline has no step producing extract/1; facts come from the extract and attribution stages")
        }
        let attribution = step(producing: "attribution")
        let cache = try ResultCache(path: workspace.cachePath)
        let keyer = DocumentKeys(plan: plan, workspaceDirectory: workspace.directory)
        var documents: [JSONValue] = []
        var missing: [String] = []
        try CorpusReader(sources: corpus, outlets: workspace.outlets).forEachBatch { batch in
            let keyed = batch.map { keyer.keyed($0) }
            var keys: [String] = []
            for document in keyed {
                keys.append(document.keys[extract.index])
                if let attribution { keys.append(document.keys[attribution.index]) }
            }
            let outputs = try cache.outputs(for: keys)
            for document in keyed {
                guard let raw = outputs[document.keys[extract.index]], let extractOutput = try? JSONParser.parse(raw) else {
                    missing.append(document.document.id)
                    continue
                }
                let attributionOutput = attribution.flatMap { outputs[document.keys[$0.index]] }.flatMap { try? JSONParser.parse($0) }
                documents.append(Self.facts(for: document.document, extract: extractOutput, attribution: attributionOutput))
            }
            return true
        }
        var root = JSONObject()
        root["schema"] = "workbench-facts/1"
        root["documents"] = .array(documents)
        if !missing.isEmpty { root["missing"] = .array(missing.map { .string($0) }) }
        return .object(root)
    }

    /// The members `keys` of `value`, null when absent, in that order.
    static func pick(_ value: JSONValue, _ keys: [String]) -> JSONValue {
        var o = JSONObject()
        for key in keys { o[key] = value[key] ?? .null }
        return .object(o)
    }

    /// The article without its boilerplate: extract's headline and paragraphs cut out of the text (Unicode-scalar
    /// offsets), joined by blank lines; the whole text for a document extract passed over.
    static func cleanText(_ text: String, extract: JSONValue) -> String {
        if let skipped = extract["skipped"], !skipped.isNull { return text }
        let scalars = Array(text.unicodeScalars)
        let spans = ([extract["headline"]].compactMap { $0 } + (extract["paragraphs"]?.arrayValue ?? [])).compactMap { v -> Range<Int>? in
            guard let start = v["start"]?.intValue, let end = v["end"]?.intValue, start <= end, end <= scalars.count else { return nil }
            return start..<end
        }
        return spans.map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }.joined(separator: "\n\n")
    }

    static func facts(for document: Document, extract: JSONValue, attribution: JSONValue?) -> JSONValue {
        var o = JSONObject()
        let file = document.meta.sourcePath.map { ($0.split(separator: "#").first.map(String.init) ?? $0) }.map { ($0 as NSString).lastPathComponent }
        o["file"] = .string(file ?? document.id)
        o["outlet"] = document.meta.outlet.map { .string($0) } ?? .null
        o["date"] = document.meta.date.map { .string($0) } ?? .null
        o["language"] = extract["language"] ?? .null
        if let skipped = extract["skipped"], !skipped.isNull { o["skipped"] = skipped }
        o["clean_text"] = extract["clean_text"] ?? .string(Self.cleanText(document.text, extract: extract))
        o["attributions"] = .array((attribution?["attributions"]?.arrayValue ?? []).map { a in
            pick(a, ["speaker", "side", "kind", "cue", "quote", "start", "end"])
        })
        o["casualties"] = .array((extract["casualties"]?.arrayValue ?? []).map { c in
            var claim = pick(c, ["side", "killed", "wounded", "day"])
            if case .object(var object) = claim {
                object["as_claimed_by"] = c["claimant"] ?? .string("outlet")
                claim = .object(object)
            }
            return claim
        })
        o["historical_figures"] = .array((extract["historical"]?.arrayValue ?? []).compactMap { $0["text"] })
        var seen = Set<String>()
        o["terms"] = .array((extract["terms"]?.arrayValue ?? []).compactMap { $0["term"]?.stringValue }.filter { seen.insert($0).inserted }.map { .string($0) })
        o["first_voice"] = attribution?["first_voice"] ?? .null
        o["editorializing"] = .array((attribution?["editorializing"]?.arrayValue ?? []).compactMap { $0["text"] })
        return .object(o)
    }
}
