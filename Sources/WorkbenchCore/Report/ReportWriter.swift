import Foundation

/// Writes `report.html` for a workspace from its cache: what `workbench report` and the end of
/// `workbench run` call.
public enum ReportWriter {
    /// The report's file name in the output folder.
    public static let fileName = "report.html"

    /// Loads the latest results from the cache (`ReportLoader`) and writes `<outputDirectory>/report.html`
    /// (default: the workspace's output folder). Returns the path written. `corpus`: the corpus the run
    /// read, if not the workspace's; `runNotes`: the notes of a run that is not recorded as finished yet.
    /// - Throws: `ReportError` (no cache, no run yet, unreadable cache or corpus, or the file cannot be written).
    @discardableResult
    public static func write(workspace: Workspace, pipeline: Pipeline, outputDirectory: String? = nil,
                             corpus: [CorpusSource]? = nil, runNotes: RunNotes? = nil,
                             options: ReportOptions = ReportOptions()) throws(ReportError) -> String {
        let input = try ReportLoader(workspace: workspace, pipeline: pipeline, corpus: corpus, runNotes: runNotes, options: options).load()
        return try write(input, outputDirectory: outputDirectory ?? workspace.outputDirectory, options: options)
    }

    /// Writes `<outputDirectory>/report.html` for an input already loaded. Returns the path written.
    /// - Throws: `ReportError` when the file cannot be written.
    @discardableResult
    public static func write(_ input: ReportInput, outputDirectory: String, options: ReportOptions = ReportOptions()) throws(ReportError) -> String {
        let path = Paths.join(outputDirectory, fileName)
        do {
            try ReportRenderer.write(input, to: path, options: options)
        } catch {
            throw ReportError("cannot write \(Paths.display(path)): \(error.localizedDescription)")
        }
        return path
    }
}
