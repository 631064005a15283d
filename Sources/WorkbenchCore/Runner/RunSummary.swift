public import WorkbenchProtocol
import Foundation

/// What a run did, for people (printed) and programs (`run-summary.json`, and the `run` table).
public struct RunSummary: Sendable {
    /// One step's figures.
    public struct Step: Sendable {
        public var id: String
        public var stage: String
        public var version: String
        public var scope: String
        public var total: Int
        public var computed: Int
        public var cached: Int
        public var failed: Int
        public var skipped: Int
        public var protocolErrors: Int
        public var wallSeconds: Double?
        public var taskSeconds: Double
        public var error: String?
        /// Corpus steps: documents left out because an input failed for them.
        public var excluded: [String]
        /// Documents the stage passed over, by reason (`language fr: English-only analysis`).
        public var passedOver: [String: [String]] = [:]
        public var documentsPerSecond: Double? {
            guard let wall = wallSeconds, wall > 0, computed + failed > 0 else { return nil }
            return Double(computed + failed) / wall
        }
    }

    public var runId: Int64
    public var status: String
    public var seconds: Double
    public var workspace: String
    public var pipeline: String
    public var documents: Int
    public var steps: [Step]
    public var failures: [(step: String, document: String, kind: String, message: String)]
    public var failureCount: Int
    public var corpusProblems: [CorpusProblem]
    public var outputs: [String]
    public var notes: [String]

    public var hasFailures: Bool {
        failureCount > 0 || steps.contains { $0.failed > 0 || $0.protocolErrors > 0 || $0.error != nil }
    }

    /// 0 all succeeded, 1 some tasks failed, 130 interrupted.
    public var exitCode: Int32 {
        if status == "interrupted" { return 130 }
        return hasFailures ? 1 : 0
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["schema"] = "workbench-run-summary/1"
        o["run"] = .number(Double(runId))
        o["status"] = .string(status)
        o["seconds"] = .number((seconds * 1000).rounded() / 1000)
        o["workspace"] = .string(workspace)
        o["pipeline"] = .string(pipeline)
        o["documents"] = .number(Double(documents))
        o["steps"] = .array(steps.map { s in
            var step = JSONObject()
            step["id"] = .string(s.id)
            step["stage"] = .string(s.stage)
            step["version"] = .string(s.version)
            step["scope"] = .string(s.scope)
            step["total"] = .number(Double(s.total))
            step["computed"] = .number(Double(s.computed))
            step["cached"] = .number(Double(s.cached))
            step["failed"] = .number(Double(s.failed))
            step["skipped"] = .number(Double(s.skipped))
            if s.protocolErrors > 0 { step["protocol_errors"] = .number(Double(s.protocolErrors)) }
            if let wall = s.wallSeconds { step["wall_seconds"] = .number((wall * 1000).rounded() / 1000) }
            if let rate = s.documentsPerSecond { step["documents_per_second"] = .number(rate.rounded()) }
            if let error = s.error { step["error"] = .string(error) }
            if !s.excluded.isEmpty { step["excluded_documents"] = .array(s.excluded.prefix(1000).map { .string($0) }) }
            if !s.passedOver.isEmpty {
                step["passed_over"] = .object(JSONObject(s.passedOver.sorted { $0.key < $1.key }.map {
                    JSONObject.Member(key: $0.key, value: .array($0.value.map { .string($0) }))
                }))
            }
            return .object(step)
        })
        o["failure_count"] = .number(Double(failureCount))
        o["failures"] = .array(failures.map { ["step": .string($0.step), "document": .string($0.document), "kind": .string($0.kind), "message": .string($0.message)] })
        o["corpus_problems"] = .array(corpusProblems.prefix(1000).map {
            var p = JSONObject()
            p["source"] = .string($0.source)
            if let line = $0.line { p["line"] = .number(Double(line)) }
            p["reason"] = .string($0.reason)
            p["skipped"] = .bool($0.skipped)
            return .object(p)
        })
        o["outputs"] = .array(outputs.map { .string($0) })
        o["notes"] = .array(notes.map { .string($0) })
        return .object(o)
    }

    /// A short report for the terminal.
    public var text: String {
        var lines: [String] = []
        let verdict = switch status {
        case "interrupted": "interrupted"
        default: hasFailures ? "finished with failures" : "succeeded"
        }
        lines.append("run \(runId) \(verdict) in \(String(format: "%.2f", seconds)) s: \(documents) documents")
        for s in steps {
            var parts = ["\(s.computed) computed", "\(s.cached) cached"]
            if s.failed > 0 { parts.append("\(s.failed) failed") }
            if s.skipped > 0 { parts.append("\(s.skipped) skipped") }
            if s.protocolErrors > 0 { parts.append("\(s.protocolErrors) protocol errors") }
            var line = "  \(s.id) (\(s.stage) \(s.version)): " + parts.joined(separator: ", ")
            if let rate = s.documentsPerSecond, s.scope == "document" { line += String(format: ", %.0f docs/s", rate) }
            lines.append(line)
            if let error = s.error { lines.append("    error: " + error.replacingOccurrences(of: "\n", with: "\n    ")) }
            for (reason, documents) in s.passedOver.sorted(by: { $0.key < $1.key }) {
                lines.append("    passed over \(documents.count) (\(reason)): \(documents.prefix(5).joined(separator: ", "))\(documents.count > 5 ? ", …" : "")")
            }
        }
        if failureCount > 0 {
            lines.append("failures (\(failureCount)):")
            for f in failures.prefix(20) { lines.append("  \(f.step) · \(f.document) · \(f.kind): \(f.message.split(separator: "\n").first ?? "")") }
            if failureCount > 20 { lines.append("  … \(failureCount - 20) more in run-summary.json and the cache's failure table") }
        }
        let skipped = corpusProblems.filter(\.skipped)
        if !skipped.isEmpty {
            lines.append("corpus: \(skipped.count) rows or files skipped")
            for p in skipped.prefix(5) { lines.append("  \(p)") }
        }
        for note in notes { lines.append("note: \(note)") }
        let tables = outputs.filter { $0.contains("/tables/") }
        if !tables.isEmpty {
            let folder = (tables[0] as NSString).deletingLastPathComponent
            let names = Set(tables.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
            let formats = Set(tables.map { ($0 as NSString).pathExtension }).sorted()
            lines.append("tables: \(names.count) in \(folder)/ (\(formats.joined(separator: ", ")))")
        }
        for output in outputs where !output.contains("/tables/") { lines.append("wrote: \(output)") }
        return lines.joined(separator: "\n")
    }
}
