import WorkbenchProtocol

/// The panel a cell with evidence opens (`:target`, so it works without script): the spans behind the
/// cell, each with a little context, its document and outlet, and a link to the span in its article.
struct EvidencePanel {
    let cell: EvidenceSelection.Cell
    let table: DataTable
    let tableElementId: String
    let plan: ReportPlan
    let options: ReportOptions

    /// Longest span text shown (in scalars) before it is shortened.
    static let maximumSpan = 360

    func write(into w: HTMLWriter) {
        let id = ReportPlan.panelId(table: cell.table, row: cell.row, column: cell.column)
        let row = table.rows[cell.row]
        let column = table.columns[cell.column]
        w.raw("<aside class=\"ev-panel\" id=\"\(id)\" aria-label=\"Evidence\"><div class=\"evp-head\">")
        w.raw("<a class=\"close\" href=\"#\(tableElementId)-r\(cell.row)\" aria-label=\"Close\" title=\"Close (Esc)\">×</a>")
        w.raw("<p class=\"evp-where\">")
        w.text(table.title)
        w.raw("</p><h4>")
        w.text("\(rowLabel(row)) · \(column.label): \(TableRenderer.text(cell.column < row.count ? row[cell.column] : .null, type: column.type))")
        w.raw("</h4><p class=\"evp-count\">")
        let total = cell.spans.count
        w.text(total == 1 ? "1 evidence span" : "\(total) evidence spans" + (cell.shown < total ? ", the first \(cell.shown) listed" : ""))
        w.raw("</p></div><ol class=\"evp-list\">")
        for span in cell.spans.prefix(cell.shown) { writeItem(span, into: w) }
        w.raw("</ol>")
        if cell.shown < total {
            w.raw("<p class=\"evp-more\">")
            w.text("… and \(total - cell.shown) more: the table's JSON file in tables/ lists every span.")
            w.raw("</p>")
        }
        w.raw("</aside>")
    }

    /// The row's label: its first text column, else its first cell.
    private func rowLabel(_ row: [JSONValue]) -> String {
        let index = table.columns.firstIndex { $0.type == .string } ?? 0
        return index < row.count ? TableRenderer.text(row[index], type: table.columns[index].type) : "row \(cell.row + 1)"
    }

    private func writeItem(_ span: DataTable.EvidenceSpan, into w: HTMLWriter) {
        w.raw("<li>")
        let embedded = plan.articleIndex[span.document].map { plan.articles[$0] }
        if let embedded, let anchor = plan.anchorId(for: span) {
            let text = embedded.text
            let before = text.context(before: span.start, length: options.contextScalars)
            let after = text.context(after: span.end, length: options.contextScalars)
            w.raw("<a class=\"evq\" href=\"#\(anchor)\">")
            w.text((before.cut ? "…" : "") + before.text)
            w.raw("<mark>")
            w.text(Self.shortened(text.string(span.start, span.end)))
            w.raw("</mark>")
            w.text(after.text + (after.cut ? "…" : ""))
            w.raw("</a>")
        } else {
            w.raw("<span class=\"evq\"><mark>")
            w.text(Self.shortened(span.text ?? "(no text given)"))
            w.raw("</mark></span>")
        }
        w.raw("<span class=\"evs\">")
        let document = embedded?.article.document
        var source: [String] = []
        if let outlet = document?.meta.outlet ?? embedded?.facts.outlet { source.append(outlet) }
        if let date = document?.meta.date { source.append(String(date.prefix(10))) }
        source.append(span.document)
        if let step = span.step { source.append("from \(step)") }
        if embedded == nil { source.append("article not included in this report") }
        w.text(source.joined(separator: " · "))
        w.raw("</span></li>")
    }

    static func shortened(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > maximumSpan else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(maximumSpan - 20))
        return String(view) + " […]"
    }
}
