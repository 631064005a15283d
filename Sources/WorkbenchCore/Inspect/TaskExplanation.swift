import Foundation
import WorkbenchProtocol

/// `workbench why DOC STEP`: whether the next run reuses a result or recomputes it, and which part of
/// the key changed — now, and in the run that last changed it.
public struct TaskExplanation: Sendable {
    public let context: TaskContext
    public let recorded: TaskRecord?
    public let result: ResultCache.ResultRecord?
    public let failures: [FailureRecord]

    public init(context: TaskContext) throws(CacheError) {
        self.context = context
        recorded = try context.cache.task(stepId: context.step.id, documentId: context.document.id)
        result = try context.cache.result(key: context.key)
        failures = try context.cache.failures(documentId: context.document.id, stepId: context.step.id, limit: 3)
    }

    /// True when the next run will serve the stored result.
    public var willReuse: Bool { result != nil }

    /// Differences between two sets of key parts, in words.
    public func differences(from old: KeyParts, to new: KeyParts) -> [String] {
        var lines: [String] = []
        if old.stage != new.stage { lines.append("stage: \(old.stage) → \(new.stage)") }
        if old.version != new.version { lines.append("stage version: \(old.version) → \(new.version)") }
        if old.fingerprint != new.fingerprint {
            lines.append("stage code: fingerprint \(old.fingerprint.prefix(12)) → \(new.fingerprint.prefix(12)) (the stage's files changed: rebuilt or edited)")
        }
        if old.configHash != new.configHash {
            var line = "config: \(old.configHash.prefix(12)) → \(new.configHash.prefix(12))"
            if let before = (try? context.cache.config(hash: old.configHash)).flatMap({ $0 }), let after = (try? context.cache.config(hash: new.configHash)).flatMap({ $0 }) ?? Optional(String(decoding: context.step.configCanonical, as: UTF8.self)),
               let a = try? JSONValue(parsing: before), let b = try? JSONValue(parsing: after) {
                let changes = Self.configChanges(a, b, path: .root)
                if !changes.isEmpty { line += " — " + changes.prefix(8).joined(separator: "; ") }
            }
            lines.append(line)
        }
        if old.documentHash != new.documentHash { lines.append("document: \(old.documentHash.prefix(12)) → \(new.documentHash.prefix(12)) (its text or metadata changed)") }
        let oldInputs = Dictionary(old.inputs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for input in new.inputs {
            if let before = oldInputs[input.name] {
                if before.key != input.key {
                    lines.append("input \(input.name) (step \(input.step)): \(before.key.prefix(12)) → \(input.key.prefix(12)) — see `workbench why \(context.document.id) \(input.step)`")
                }
            } else {
                lines.append("input \(input.name) (step \(input.step)): new")
            }
        }
        for input in old.inputs where !new.inputs.contains(where: { $0.name == input.name }) { lines.append("input \(input.name): no longer read") }
        return lines
    }

    static func configChanges(_ a: JSONValue, _ b: JSONValue, path: JSONPath) -> [String] {
        if a == b { return [] }
        if case .object(let x) = a, case .object(let y) = b {
            var out: [String] = []
            for key in Array(Set(x.keys).union(y.keys)).sorted() {
                let p = path.appending(key)
                switch (x[key], y[key]) {
                case (let u?, let v?): out += configChanges(u, v, path: p)
                case (let u?, nil): out.append("\(p) removed (was \(u.jsonString()))")
                case (nil, let v?): out.append("\(p) added: \(v.jsonString())")
                default: break
                }
            }
            return out
        }
        return ["\(path.components.isEmpty ? "config" : path.description): \(a.jsonString()) → \(b.jsonString())"]
    }

    /// The explanation as text.
    public var text: String {
        let step = context.step
        var lines = ["document \(context.document.id), step \(step.id) (stage \(step.stageName) \(step.hello.version))"]
        lines.append("  key now: \(context.key)")
        if let result {
            lines.append("  next run: reused — the result with this key was computed in run \(result.runId.map(String.init) ?? "?") at \(result.createdAt)"
                         + (result.seconds.map { String(format: " (%.1f ms)", $0 * 1000) } ?? ""))
        } else {
            lines.append("  next run: recomputed — no stored result has this key")
        }
        if let recorded {
            if recorded.key != context.key {
                lines.append("  what changed since it was last planned (run \(recorded.runId.map(String.init) ?? "?")):")
                for change in differences(from: recorded.parts, to: context.parts) { lines.append("    \(change)") }
            } else if let previous = recorded.previousParts, let previousKey = recorded.previousKey {
                lines.append("  in run \(recorded.runId.map(String.init) ?? "?") the key changed from \(previousKey.prefix(12)) because:")
                for change in differences(from: previous, to: recorded.parts) { lines.append("    \(change)") }
            } else {
                lines.append("  the key has not changed since the task was first planned (run \(recorded.runId.map(String.init) ?? "?"))")
            }
        } else {
            lines.append("  never planned before in this workspace")
        }
        if result == nil, let failure = failures.first, failure.key == context.key {
            lines.append("  last attempt failed (run \(failure.runId.map(String.init) ?? "?"), \(failure.kind)): \(failure.message.split(separator: "\n").first ?? "")")
            lines.append("  try: workbench replay \(context.document.id) \(step.id)")
        }
        return lines.joined(separator: "\n")
    }
}
