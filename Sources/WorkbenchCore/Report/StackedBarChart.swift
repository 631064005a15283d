import WorkbenchProtocol

/// A horizontal stacked bar per row, labelled by the `category` column, one segment per `series`
/// column; `normalized` bars sum to 100 % (with each row's total at the end of its bar).
struct StackedBarChart {
    let source: ChartRenderer.Source
    let hint: DataTable.Chart
    let title: String

    static let width = 760.0

    func write(into w: HTMLWriter) throws(ChartRenderer.Unfit) {
        typealias S = ChartSupport
        let category = try source.column(hint.category, role: "category")
        let series = try source.seriesColumns(hint.series)
        let normalized = hint.normalized ?? false
        let percentValues = series.allSatisfy { $0.column.type == .percent }
        let palette = S.seriesColors(ids: series.map(\.column.id), labels: series.map(\.column.label), sides: source.sides)

        let rows = source.rows.map { row -> (label: String, values: [Double], total: Double) in
            let values = series.map { max(0, S.number(source.cell(row, $0.index)) ?? 0) }
            return (S.label(source.cell(row, category.index), type: category.column.type), values, values.reduce(0, +))
        }
        let maxTotal = rows.map(\.total).max() ?? 0
        let legendItems = series.enumerated().map { S.LegendItem(label: $1.column.label, color: palette[$0]) }

        let labelWidth = min(210, max(48, (rows.map { S.textWidth($0.label) }.max() ?? 0) + 10))
        let plotX = labelWidth + 10
        let rightMargin = normalized ? 62.0 : 30.0
        let plotWidth = Self.width - plotX - rightMargin
        let legendHeight = S.legendHeight(legendItems, width: Self.width - 20)
        let top = legendHeight + 14
        let rowHeight = 26.0
        let barHeight = 18.0
        let plotHeight = Double(rows.count) * rowHeight
        let height = top + plotHeight + 44

        let ticks = normalized ? [0, 0.25, 0.5, 0.75, 1] : S.ticks(low: 0, high: maxTotal > 0 ? maxTotal : 1, integers: series.allSatisfy { $0.column.type == .integer })
        let axisMax = normalized ? 1 : (ticks.last ?? 1)
        func x(_ value: Double) -> Double { plotX + plotWidth * value / axisMax }

        S.openSVG(width: Self.width, height: height, label: title, into: w)
        S.legend(legendItems, x: 10, y: 4, width: Self.width - 20, into: w)
        // Grid and ticks.
        w.raw("<g class=\"grid\">")
        for tick in ticks {
            let tx = S.f(x(tick))
            w.raw("<line x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(S.f(top - 4))\" y2=\"\(S.f(top + plotHeight))\"/>")
            w.raw("<text class=\"tick\" x=\"\(tx)\" y=\"\(S.f(top + plotHeight + 15))\" text-anchor=\"middle\">")
            w.text(normalized ? S.format(tick, percent: true) : S.format(tick, percent: percentValues))
            w.raw("</text>")
        }
        w.raw("</g>")
        w.raw("<text class=\"axis-title\" x=\"\(S.f(plotX + plotWidth / 2))\" y=\"\(S.f(top + plotHeight + 36))\" text-anchor=\"middle\">")
        w.text(normalized ? "Share of each row's total (%)" : (series.count == 1 ? series[0].column.label : "Sum of the \(series.count) columns"))
        w.raw("</text>")

        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * rowHeight + (rowHeight - barHeight) / 2
            let shown = S.fitted(row.label, width: labelWidth - 4)
            w.raw("<text class=\"cat\" x=\"\(S.f(plotX - 8))\" y=\"\(S.f(y + barHeight / 2 + 4))\" text-anchor=\"end\">")
            w.text(shown)
            if shown != row.label { w.raw("<title>"); w.text(row.label); w.raw("</title>") }
            w.raw("</text>")
            guard row.total > 0 else {
                w.raw("<text class=\"none\" x=\"\(S.f(plotX + 4))\" y=\"\(S.f(y + barHeight / 2 + 4))\">no data</text>")
                continue
            }
            var cursor = 0.0
            for (i, value) in row.values.enumerated() where value > 0 {
                let share = value / row.total
                let length = normalized ? share : value
                let x0 = x(cursor)
                let segmentWidth = x(cursor + length) - x0
                cursor += length
                let color = palette[i]
                w.raw("<rect x=\"\(S.f(x0))\" y=\"\(S.f(y))\" width=\"\(S.f(max(segmentWidth, 0.5)))\" height=\"\(S.f(barHeight))\" fill=\"\(color.hex)\"><title>")
                let valueText = S.format(value, percent: series[i].column.type == .percent)
                w.text("\(row.label) — \(series[i].column.label): \(valueText) (\(S.format(share, percent: true)))")
                w.raw("</title></rect>")
                let label = normalized ? S.format(share, percent: true) : valueText
                if S.textWidth(label, size: 11) + 6 <= segmentWidth {
                    w.raw("<text class=\"seg\" x=\"\(S.f(x0 + segmentWidth / 2))\" y=\"\(S.f(y + barHeight / 2 + 4))\" text-anchor=\"middle\" fill=\"\(color.textColor)\">")
                    w.text(label)
                    w.raw("</text>")
                }
            }
            if normalized {
                w.raw("<text class=\"total\" x=\"\(S.f(plotX + plotWidth + 6))\" y=\"\(S.f(y + barHeight / 2 + 4))\">")
                w.text("n = " + S.format(row.total, percent: percentValues))
                w.raw("</text>")
            }
        }
        w.raw("</svg>")
    }
}
