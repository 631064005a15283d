import Foundation

/// Renders a `ReportInput` as one self-contained HTML file: inline CSS, inline script, inline SVG
/// charts, no fonts, images or requests (a Content-Security-Policy forbids them), so it opens from
/// disk in any browser and prints cleanly.
///
/// Sections: an overview, every table of every corpus step (sortable, with its charts, notes and the
/// evidence behind each cell), and the articles the evidence links into, with their annotations.
public enum ReportRenderer {
    /// The whole report as a string (for tests and small inputs; `write(_:to:options:)` streams).
    public static func render(_ input: ReportInput, options: ReportOptions = ReportOptions()) -> String {
        let writer = HTMLWriter()
        write(input, options: options, into: writer)
        return writer.string
    }

    /// Writes the report to `path` (through a temporary file, then renamed, so a reader never sees half
    /// a report), streaming: only the current chunk of HTML is held in memory. Returns the bytes written.
    /// - Throws: file errors.
    @discardableResult
    public static func write(_ input: ReportInput, to path: String, options: ReportOptions = ReportOptions()) throws -> Int {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        let writer = HTMLWriter(file: handle)
        do {
            write(input, options: options, into: writer)
            try writer.finish()
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return writer.byteCount
    }

    static func write(_ input: ReportInput, options: ReportOptions, into w: HTMLWriter) {
        let plan = ReportPlan(input: input, options: options)
        w.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        w.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"generator\" content=\"workbench\"><title>")
        w.text("Report — \(input.title)")
        w.raw("</title><style>\n")
        w.raw(ReportStyle.css)
        w.raw(plan.palette.css)
        w.raw("</style></head><body><header class=\"top\"><span class=\"brand\">Workbench report</span><h1>")
        w.text(input.title)
        w.raw("</h1><nav aria-label=\"Sections\"><a href=\"#overview\">Overview</a><a href=\"#tables\">Tables</a><a href=\"#articles\">Articles</a></nav></header><main>\n")
        OverviewSection(input: input, plan: plan).write(into: w)
        w.raw("\n<section id=\"tables\" class=\"tables\"><h2>Tables</h2>")
        if plan.tables.isEmpty {
            w.element("p", "No corpus step has returned tables yet: run a pipeline with a corpus-scope step such as compare.", class: "muted")
        }
        var current: String?
        for (i, item) in plan.tables.enumerated() {
            if item.stepId != current {
                current = item.stepId
                w.raw("<h3 class=\"step-title\">")
                w.text("Step \(item.stepId)")
                w.raw("</h3>")
            }
            TableSection(index: i, stepId: item.stepId, table: item.table, plan: plan, options: options).write(into: w)
            w.raw("\n")
        }
        w.raw("</section>\n")
        let articles = ArticlesSection(plan: plan, corpusSize: input.corpus?.documents)
        articles.writeIndex(into: w)
        w.raw("</main>\n")
        articles.writeViews(into: w)
        w.raw("\n<footer>")
        w.text("Made by workbench from the workspace's cache. This file is self-contained: it loads nothing, and opens from disk without a server. Offsets are Unicode scalars of each document's text.")
        w.raw("</footer><script>\n")
        w.raw(ReportScript.javascript)
        w.raw("</script></body></html>\n")
    }
}
