import Foundation
public import WorkbenchCore
import WorkbenchProtocol

/// A throwaway workspace in a temporary folder: a corpus of text files, workspace.json, pipeline.json,
/// the fixture stages and the built stages on its search path.
public final class TestWorkspace: @unchecked Sendable {
    public let directory: String

    /// Creates the folder with `documents` (file name → text) in `corpus/`.
    public init(documents: [String: String] = [:], name: String = #function) throws {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        directory = NSTemporaryDirectory() + "wb-test-\(safe.prefix(40))-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory + "/corpus", withIntermediateDirectories: true)
        for (file, text) in documents { try write(text, to: "corpus/\(file)") }
        try writeWorkspace()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    public func path(_ relative: String) -> String { (directory as NSString).appendingPathComponent(relative) }

    public func write(_ text: String, to relative: String) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    /// workspace.json with the corpus folder, `extraStagePaths` (searched first), the fixture and example stages.
    public func writeWorkspace(extraStagePaths: [String] = [], extra: String = "") throws {
        let stages = (extraStagePaths + [Fixtures.stagesDirectory, Fixtures.repositoryRoot + "/Plugins"]).map { "\"\($0)\"" }.joined(separator: ", ")
        try write("""
            {"name": "test", "corpus": [{"path": "corpus"}], "stages": [\(stages)]\(extra.isEmpty ? "" : ", " + extra)}
            """, to: "workspace.json")
    }

    public func writePipeline(_ json: String) throws { try write(json, to: "pipeline.json") }

    public func workspace() throws -> Workspace { try Workspace.load(directory: directory) }

    public func pipeline() throws -> Pipeline { try Pipeline.load(path: path("pipeline.json")) }

    /// Runs the pipeline in this process (real stage processes, real cache) and returns the summary.
    public func run(_ configure: (inout RunOptions) -> Void = { _ in }) async throws -> RunSummary {
        var options = RunOptions()
        options.progress = .none
        options.jobs = 2
        configure(&options)
        return try await RunEngine(workspace: try workspace(), pipeline: try pipeline(), options: options).run()
    }

    public func cache() throws -> ResultCache { try ResultCache(path: path(".workbench/cache.sqlite")) }

    /// `stepId/documentId` → output, for every stored result (one per pair: use only when keys did not change).
    public func results() throws -> [String: String] {
        var all: [String: String] = [:]
        for row in try cache().allResults() { all["\(row.stepId)/\(row.documentId)"] = row.output }
        return all
    }

    /// Copies a fixture stage folder into the workspace (to edit it in a test) and returns its path.
    public func copyStage(_ name: String, as newName: String? = nil) throws -> String {
        let target = path("stages/\(newName ?? name)")
        try FileManager.default.createDirectory(atPath: path("stages"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.stagesDirectory + "/\(name)", toPath: target)
        return target
    }
}
