import WorkbenchProtocol

/// Draws a table's chart hints (PROTOCOL.md §4.6) as inline SVG from the table's own columns; a hint
/// that does not fit its table gets a one-line note instead of a chart.
enum ChartRenderer {
    /// Why a hint cannot be drawn.
    struct Unfit: Error {
        var reason: String
    }

    /// The table a chart draws from, with its columns found by id.
    struct Source {
        let table: DataTable
        let rows: ArraySlice<[JSONValue]>
        let sides: SidePalette
        /// The report's colours for category values (see `ReportPlan.categoryColors`).
        let categoryColors: [String: (color: RGB, order: Int)]
        /// Unique prefix for ids inside the SVG (gradients).
        let id: String

        func column(_ id: String, role: String) throws(Unfit) -> (index: Int, column: DataTable.Column) {
            guard let index = table.columns.firstIndex(where: { $0.id == id }) else {
                throw Unfit(reason: "its \(role) column \"\(id)\" is not in the table (columns: \(table.columns.map(\.id).joined(separator: ", ")))")
            }
            return (index, table.columns[index])
        }

        func numericColumn(_ id: String, role: String) throws(Unfit) -> (index: Int, column: DataTable.Column) {
            let found = try column(id, role: role)
            guard ChartSupport.numericTypes.contains(found.column.type) else {
                throw Unfit(reason: "its \(role) column \"\(id)\" is \(found.column.type.rawValue), not numeric")
            }
            return found
        }

        /// The numeric columns a chart's `series` names, in order; at least one.
        func seriesColumns(_ ids: [String]?) throws(Unfit) -> [(index: Int, column: DataTable.Column)] {
            guard let ids, !ids.isEmpty else { throw Unfit(reason: "it names no series columns") }
            var columns: [(index: Int, column: DataTable.Column)] = []
            for id in ids { columns.append(try numericColumn(id, role: "series")) }
            return columns
        }

        func cell(_ row: [JSONValue], _ index: Int) -> JSONValue? { index < row.count ? row[index] : nil }
    }

    /// Writes `<figure>`s for the table's charts.
    static func write(charts: [DataTable.Chart], table: DataTable, tableIndex: Int, sides: SidePalette,
                      categoryColors: [String: (color: RGB, order: Int)] = [:], maxRows: Int, into w: HTMLWriter) {
        guard !charts.isEmpty else { return }
        w.raw("<div class=\"charts\">")
        for (k, chart) in charts.enumerated() {
            let source = Source(table: table, rows: table.rows.prefix(maxRows), sides: sides, categoryColors: categoryColors, id: "c\(tableIndex)-\(k)")
            let title = chart.title ?? defaultTitle(chart, table: table)
            w.raw("<figure class=\"chart-figure \(chart.kind.rawValue)\" id=\"\(source.id)\"><figcaption>")
            w.text(title)
            w.raw("</figcaption>")
            do {
                switch chart.kind {
                case .stackedBar: try StackedBarChart(source: source, hint: chart, title: title).write(into: w)
                case .heatmap: try HeatmapChart(source: source, hint: chart, title: title).write(into: w)
                case .dotPlot: try DotPlotChart(source: source, hint: chart, title: title).write(into: w)
                }
                if table.rows.count > maxRows {
                    w.raw("<p class=\"chart-note\">")
                    w.text("The chart shows the first \(maxRows) of \(table.rows.count) rows.")
                    w.raw("</p>")
                }
            } catch {
                w.raw("<p class=\"chart-note\">")
                w.text("Chart not drawn: \(error.reason).")
                w.raw("</p>")
            }
            w.raw("</figure>")
        }
        w.raw("</div>")
    }

    static func defaultTitle(_ chart: DataTable.Chart, table: DataTable) -> String {
        func label(_ id: String?) -> String { id.flatMap { id in table.columns.first { $0.id == id }?.label } ?? id ?? "" }
        switch chart.kind {
        case .stackedBar: return "\(table.title) by \(label(chart.category))"
        case .heatmap: return "\(table.title): \(label(chart.category)) × \((chart.series ?? []).count) columns"
        case .dotPlot: return "\(label(chart.value)) by \(label(chart.category))" + (chart.color.map { ", coloured by \(label($0))" } ?? "")
        }
    }
}
