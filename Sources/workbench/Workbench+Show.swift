import ArgumentParser
import Foundation
import WorkbenchCore
import WorkbenchProtocol

extension Workbench {
    /// `workbench show DOC`: a document's metadata and its cached results, step by step.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a document's metadata and its cached results.",
            discussion: """
                Examples:
                  workbench show 004_1175d99892e37792
                  workbench show 004_1175d99892e37792 --step attribution --full
                  workbench show '*'            the results of corpus-scope steps
                """)

        @Argument(help: ArgumentHelp("The document id ('*' for corpus-scope results).", valueName: "document"))
        var document: String

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: "Only this step.")
        var step: String?

        @Flag(help: "Print outputs in full (default: the first 40 lines of each).")
        var full = false

        @Flag(help: "Print one JSON object: the document and its results.")
        var json = false

        func run() async throws {
            let workspace = try workspaceOptions.load()
            let cache = try openCache(workspace)
            var id = document
            var record = try cache.document(id)
            if record == nil && id != "*" {
                let candidates = try cache.documentIds(withPrefix: id)
                if candidates.count == 1 {
                    id = candidates[0]
                    record = try cache.document(id)
                } else {
                    StandardError.print("error: no document \"\(document)\" in the cache" + (candidates.isEmpty ? " (has the pipeline run?)" : "; did you mean one of: \(candidates.joined(separator: ", "))?"))
                    throw ExitCode(1)
                }
            }
            let tasks = try cache.tasks(documentId: id).filter { step == nil || $0.stepId == step }
            var results: [JSONValue] = []
            if !json {
                if let record {
                    print("document \(record.id)  (hash \(record.hash.prefix(12)), \(record.length) characters)")
                    if let meta = try? JSONValue(parsing: record.meta), case .object(let o) = meta {
                        for member in o { print("  \(member.key): \(member.value.stringValue ?? member.value.jsonString())") }
                    }
                } else {
                    print("corpus-scope results")
                }
            }
            if tasks.isEmpty && !json { print("  no steps recorded for it" + (step.map { " (step \($0))" } ?? "")) }
            for task in tasks {
                let result = try cache.result(key: task.key)
                let failures = try cache.failures(documentId: id, stepId: task.stepId, limit: 1).filter { $0.key == task.key }
                if json {
                    var o = JSONObject()
                    o["step"] = .string(task.stepId)
                    o["stage"] = .string(task.parts.stage)
                    o["key"] = .string(task.key)
                    if let result {
                        o["output"] = (try? JSONValue(parsing: result.output)) ?? .string(result.output)
                        o["run"] = result.runId.map { .number(Double($0)) } ?? .null
                    } else if let failure = failures.first {
                        o["failure"] = ["kind": .string(failure.kind), "message": .string(failure.message)]
                    }
                    results.append(.object(o))
                    continue
                }
                print("")
                print("step \(task.stepId) · \(task.parts.stage) \(task.parts.version) · key \(task.key.prefix(12))")
                if let result {
                    print("  computed in run \(result.runId.map(String.init) ?? "?") at \(result.createdAt)")
                    let pretty = (try? JSONValue(parsing: result.output)).map(PrettyJSON.render) ?? result.output
                    let lines = pretty.split(separator: "\n", omittingEmptySubsequences: false)
                    for line in (full ? lines[...] : lines.prefix(40)) { print("  " + line) }
                    if !full && lines.count > 40 { print("  … \(lines.count - 40) more lines (--full)") }
                } else if let failure = failures.first {
                    print("  failed (\(failure.kind)): \(failure.message)")
                    print("  replay it: workbench replay \(id) \(task.stepId)")
                } else {
                    print("  no result stored for the current key (not run yet, or interrupted)")
                }
            }
            if json {
                var o = JSONObject()
                o["document"] = .string(id)
                if let record { o["meta"] = (try? JSONValue(parsing: record.meta)) ?? .null; o["hash"] = .string(record.hash) }
                o["steps"] = .array(results)
                print(PrettyJSON.render(.object(o)))
            }
        }
    }
}

/// Opens the workspace's cache, or explains why it cannot.
func openCache(_ workspace: Workspace) throws -> ResultCache {
    guard FileManager.default.fileExists(atPath: workspace.cachePath) else {
        StandardError.print("error: no cache at \(Paths.display(workspace.cachePath)) yet; run `workbench run` first")
        throw ExitCode(1)
    }
    do {
        return try ResultCache(path: workspace.cachePath)
    } catch {
        StandardError.print("error: \(error)")
        throw ExitCode(1)
    }
}

/// Indented JSON for people, keeping member order.
enum PrettyJSON {
    static func render(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        switch value {
        case .array(let items) where !items.isEmpty && items.contains(where: { $0.objectValue != nil || $0.arrayValue != nil }):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                write(item, indent: indent + "  ", into: &out)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let object) where !object.isEmpty:
            out += "{\n"
            for (i, member) in object.members.enumerated() {
                out += indent + "  " + JSONValue.string(member.key).jsonString() + ": "
                write(member.value, indent: indent + "  ", into: &out)
                out += i < object.count - 1 ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            out += value.jsonString()
        }
    }
}
