import WorkbenchProtocol

/// One table of a corpus step: its charts, the sortable table (cells with evidence are links showing
/// their count), its notes, and the evidence panels its cells open.
struct TableSection {
    let index: Int
    let stepId: String
    let table: DataTable
    let plan: ReportPlan
    let options: ReportOptions

    var elementId: String { "t\(index)" }

    func write(into w: HTMLWriter) {
        let shownRows = table.rows.prefix(options.maxRowsPerTable)
        w.raw("<section class=\"table-section\" id=\"\(elementId)\" aria-labelledby=\"\(elementId)-h\"><h4 id=\"\(elementId)-h\">")
        w.text(table.title)
        w.raw("</h4><p class=\"table-id\">")
        w.text("step \(stepId) · table \(table.id) · \(table.rows.count) row\(table.rows.count == 1 ? "" : "s")")
        if let count = table.evidence?.values.reduce(0, { $0 + $1.count }), count > 0 {
            w.text(" · \(count) evidence span\(count == 1 ? "" : "s") (click a cell with a count to see them)")
        }
        w.raw("</p>")
        ChartRenderer.write(charts: table.charts ?? [], table: table, tableIndex: index, sides: plan.palette,
                             categoryColors: plan.categoryColors, maxRows: options.maxChartRows, into: w)

        w.raw("<div class=\"table-wrap\"><table class=\"data sortable\"><thead><tr>")
        for column in table.columns {
            let numeric = ChartSupport.numericTypes.contains(column.type) && column.type != .boolean
            w.raw("<th scope=\"col\" data-type=\"\(column.type.rawValue)\"\(numeric ? " class=\"num\"" : "") aria-sort=\"none\"><button type=\"button\" title=\"Sort by this column\">")
            w.text(column.label)
            w.raw("<span class=\"arrow\" aria-hidden=\"true\"></span></button></th>")
        }
        w.raw("</tr></thead><tbody>")
        for (r, row) in shownRows.enumerated() {
            w.raw("<tr id=\"\(elementId)-r\(r)\">")
            for (c, column) in table.columns.enumerated() {
                writeCell(row: r, column: c, type: column.type, value: c < row.count ? row[c] : .null, into: w)
            }
            w.raw("</tr>")
        }
        w.raw("</tbody></table></div>")
        if table.rows.count > shownRows.count {
            w.raw("<p class=\"note\">")
            w.text("Showing the first \(shownRows.count) of \(table.rows.count) rows; the files in tables/ have them all.")
            w.raw("</p>")
        }
        if let notes = table.notes, !notes.isEmpty {
            w.raw("<ul class=\"notes\">")
            for note in notes { w.element("li", note) }
            w.raw("</ul>")
        }
        for cell in plan.cells where cell.table == index && cell.row < shownRows.count {
            EvidencePanel(cell: cell, table: table, tableElementId: elementId, plan: plan, options: options).write(into: w)
        }
        w.raw("</section>")
    }

    private func writeCell(row r: Int, column c: Int, type: DataTable.Column.Kind, value: JSONValue, into w: HTMLWriter) {
        let numeric = ChartSupport.numericTypes.contains(type) && type != .boolean
        let text = TableRenderer.text(value, type: type)
        var attributes = numeric ? " class=\"num" : " class=\""
        // Short single words (dates, codes) never break at their hyphens.
        if !numeric && text.count <= 16 && !text.contains(" ") && !text.isEmpty { attributes += attributes.hasSuffix("\"") ? "nw" : " nw" }
        let cell = plan.cell(table: index, row: r, column: c)
        if cell != nil { attributes += " ev" }
        attributes += "\""
        if let sortKey = ChartSupport.numericTypes.contains(type) ? ChartSupport.number(value) : nil {
            attributes += " data-v=\"\(sortKey)\""
        }
        w.raw("<td\(attributes == " class=\"\"" ? "" : attributes)>")
        if let cell {
            let count = cell.spans.count
            w.raw("<a class=\"evlink\" href=\"#\(ReportPlan.panelId(table: index, row: r, column: c))\" title=\"\(count) evidence span\(count == 1 ? "" : "s")\">")
            w.text(text.isEmpty ? "—" : text)
            w.raw("<span class=\"evn\">\(count)</span></a>")
        } else {
            w.text(text)
        }
        w.raw("</td>")
    }
}
