public import WorkbenchProtocol
import Foundation

/// Everything `why` and `replay` need about one (document, step): the plan, the document as a run
/// would send it, and every step's key for it.
public struct TaskContext: Sendable {
    public let plan: RunPlan
    public let step: StepPlan
    public let document: Document
    public let documentJSON: [UInt8]
    public let documentHash: String
    /// Per plan step, as a run would compute them now.
    public let keys: [String]
    public let cache: ResultCache

    /// Why a task context could not be built.
    public enum Problem: Error, CustomStringConvertible {
        case configuration(ConfigurationError)
        case unknownStep(String, hint: String?)
        case unknownDocument(String, hint: String?)
        case corpusStep(String)
        case cache(CacheError)

        public var description: String {
            switch self {
            case .configuration(let e): e.description
            case .unknownStep(let s, let hint): "error: no step \"\(s)\" in the pipeline" + (hint.map { "\n  hint: \($0)" } ?? "")
            case .unknownDocument(let d, let hint): "error: no document \"\(d)\" in the corpus" + (hint.map { "\n  hint: \($0)" } ?? "")
            case .corpusStep(let s): "error: step \"\(s)\" is corpus-scope; it has no per-document task (use `workbench show` for its result)"
            case .cache(let e): "error: \(e)"
            }
        }
    }

    /// Plans the pipeline (without probing stages), finds the document in the corpus and keys it.
    public static func make(workspace: Workspace, pipeline: Pipeline, corpus: [CorpusSource]? = nil, documentId: String,
                            stepId: String) async throws(Problem) -> TaskContext {
        let registry = StageRegistry(searchPath: StageRegistry.searchPath(for: workspace))
        let plan: RunPlan
        do { plan = try await PipelineValidator(registry: registry, probe: false, topic: try workspace.topic()).plan(pipeline) } catch { throw .configuration(error) }
        guard let step = plan.step(stepId) else {
            throw .unknownStep(stepId, hint: Suggestion.hint(for: stepId, in: plan.steps.map(\.id), kind: "steps"))
        }
        guard step.scope == .document else { throw .corpusStep(stepId) }
        let cache: ResultCache
        do { cache = try ResultCache(path: workspace.cachePath) } catch { throw .cache(error) }
        let reader = CorpusReader(sources: corpus ?? workspace.corpus, outlets: workspace.outlets)
        var found: Document?
        var ids: [String] = []
        try? reader.forEachBatch { batch in
            if let match = batch.first(where: { $0.id == documentId }) {
                found = match
                return false
            }
            if ids.count < 200_000 { ids.append(contentsOf: batch.map(\.id)) }
            return true
        }
        guard let found else {
            let prefixed = ids.filter { $0.hasPrefix(documentId) }
            let hint = prefixed.count == 1 ? "did you mean \"\(prefixed[0])\"?" : Suggestion.closest(to: documentId, in: ids).map { "did you mean \"\($0)\"?" }
            throw .unknownDocument(documentId, hint: hint)
        }
        let keyed = DocumentKeys(plan: plan, workspaceDirectory: workspace.directory).keyed(found)
        return TaskContext(plan: plan, step: step, document: keyed.document, documentJSON: keyed.json, documentHash: keyed.hash,
                           keys: keyed.keys, cache: cache)
    }

    /// The key this task has now.
    public var key: String { keys[step.index] }

    /// The key parts this task has now.
    public var parts: KeyParts { step.keyParts(documentHash: documentHash, inputKeys: step.inputs.map { keys[$0.stepIndex] }) }
}
