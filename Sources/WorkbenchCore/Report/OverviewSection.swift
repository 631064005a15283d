import WorkbenchProtocol

/// The report's first section: workspace, topic, corpus size, outlets with their article counts, the
/// date range, the run and its notes (documents passed over and why, failures), the sides' colours,
/// and a table of contents.
struct OverviewSection {
    let input: ReportInput
    let plan: ReportPlan

    /// Outlets listed before "and N more".
    static let maximumOutlets = 40
    /// Document ids listed per note before "and N more".
    static let maximumIds = 12

    func write(into w: HTMLWriter) {
        let corpus = input.corpus ?? ReportInput.CorpusOverview(documents: input.articles.map(\.document))
        w.raw("<section id=\"overview\" class=\"overview\"><h2>Overview</h2><dl class=\"facts\">")
        fact("Workspace", input.title, into: w)
        if let topic = input.topicName { fact("Topic", topic, into: w) }
        let outlets = corpus.outlets.count
        fact("Corpus", "\(NumberText.grouped(corpus.documents)) document\(corpus.documents == 1 ? "" : "s") from \(outlets) outlet\(outlets == 1 ? "" : "s")", into: w)
        if let first = corpus.firstDate, let last = corpus.lastDate {
            w.raw("<div><dt>Dates</dt><dd><span class=\"nw\">")
            w.text(first)
            if first != last {
                w.raw("</span> – <span class=\"nw\">")
                w.text(last)
            }
            w.raw("</span>")
            if corpus.undated > 0 { w.text(" (\(corpus.undated) undated)") }
            w.raw("</dd></div>")
        } else if corpus.documents > 0 {
            fact("Dates", "no document has a date", into: w)
        }
        let notes = input.runNotes
        if let run = notes.runId {
            fact("Run", "run \(run)" + (notes.status.map { ", \($0)" } ?? "") + (notes.finishedAt.map { ", finished \(Self.readableTime($0))" } ?? ""), into: w)
        }
        w.raw("</dl><div class=\"cols\"><div><h3>Outlets</h3><table class=\"data outlets\"><thead><tr><th scope=\"col\">Outlet</th><th scope=\"col\" class=\"num\">Articles</th></tr></thead><tbody>")
        for outlet in corpus.outlets.prefix(Self.maximumOutlets) {
            w.raw("<tr><td>")
            w.text(outlet.outlet)
            w.raw("</td><td class=\"num\">\(outlet.articles)</td></tr>")
        }
        w.raw("</tbody></table>")
        if corpus.outlets.count > Self.maximumOutlets {
            let rest = corpus.outlets.dropFirst(Self.maximumOutlets)
            w.element("p", "… and \(rest.count) more outlets with \(NumberText.grouped(rest.map(\.articles).reduce(0, +))) articles.", class: "note")
        }
        w.raw("</div><div><h3>Run notes</h3><ul class=\"run-notes\">")
        writeNotes(notes, into: w)
        w.raw("</ul>")
        writeSides(into: w)
        w.raw("</div></div>")
        writeContents(into: w)
        w.raw("</section>")
    }

    private func fact(_ term: String, _ value: String, into w: HTMLWriter) {
        w.raw("<div><dt>")
        w.text(term)
        w.raw("</dt><dd>")
        w.text(value)
        w.raw("</dd></div>")
    }

    private func writeNotes(_ notes: RunNotes, into w: HTMLWriter) {
        var any = false
        for group in notes.passedOver {
            any = true
            w.raw("<li>")
            let count = group.documents.count
            w.text("\(count) document\(count == 1 ? "" : "s") passed over (\(group.reason)) by \(group.steps.joined(separator: ", ")): ")
            writeIds(group.documents, into: w)
            w.raw("</li>")
        }
        if notes.failureCount > 0 {
            any = true
            w.raw("<li class=\"failures\">")
            w.text("\(notes.failureCount) task\(notes.failureCount == 1 ? "" : "s") failed" + (notes.failures.isEmpty ? "." : ":"))
            if !notes.failures.isEmpty {
                w.raw("<ul>")
                for failure in notes.failures.prefix(20) {
                    w.raw("<li>")
                    w.text("\(failure.step) · \(failure.document) · \(failure.kind): \(failure.message.split(separator: "\n").first.map(String.init) ?? "")")
                    w.raw("</li>")
                }
                if notes.failureCount > min(20, notes.failures.count) {
                    w.element("li", "… \(notes.failureCount - min(20, notes.failures.count)) more in run-summary.json and the cache's failure table", class: "muted")
                }
                w.raw("</ul>")
            }
            w.raw("</li>")
        }
        for note in notes.notes {
            any = true
            w.element("li", note)
        }
        if !any { w.element("li", "No document was passed over and no task failed.", class: "muted") }
    }

    /// Ids, linked to their article when it is in the report.
    private func writeIds(_ ids: [String], into w: HTMLWriter) {
        for (i, id) in ids.prefix(Self.maximumIds).enumerated() {
            if i > 0 { w.raw(", ") }
            if let index = plan.articleIndex[id] {
                w.raw("<a href=\"#doc-\(index)\">")
                w.text(id)
                w.raw("</a>")
            } else {
                w.element("code", id)
            }
        }
        if ids.count > Self.maximumIds { w.text(" and \(ids.count - Self.maximumIds) more") }
    }

    private func writeSides(into w: HTMLWriter) {
        guard !plan.palette.entries.isEmpty else { return }
        w.raw("<h3>Sides</h3><ul class=\"sides\">")
        for entry in plan.palette.entries {
            w.raw("<li><span class=\"chip s\(entry.index)\" aria-hidden=\"true\"></span>")
            w.text(entry.label)
            w.raw("</li>")
        }
        w.raw("</ul>")
    }

    private func writeContents(into w: HTMLWriter) {
        w.raw("<h3>Contents</h3>")
        guard !plan.tables.isEmpty else {
            w.element("p", "No corpus step has returned tables yet.", class: "muted")
            return
        }
        w.raw("<ol class=\"toc\">")
        var current: String?
        for (i, item) in plan.tables.enumerated() {
            if item.stepId != current {
                if current != nil { w.raw("</ol></li>") }
                current = item.stepId
                w.raw("<li>")
                w.text("step \(item.stepId)")
                w.raw("<ol>")
            }
            w.raw("<li><a href=\"#t\(i)\">")
            w.text(item.table.title)
            w.raw("</a>")
            let charts = item.table.charts?.count ?? 0
            w.element("span", " \(item.table.rows.count) rows" + (charts > 0 ? ", \(charts) chart\(charts == 1 ? "" : "s")" : ""), class: "muted")
            w.raw("</li>")
        }
        w.raw("</ol></li></ol>")
    }

    /// `2026-11-22T05:24:47.565Z` as `2026-11-22 05:24 UTC`.
    static func readableTime(_ iso: String) -> String {
        guard iso.count >= 16, iso.dropFirst(10).first == "T" else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + (iso.hasSuffix("Z") ? " UTC" : "")
    }
}
