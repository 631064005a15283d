import Foundation
import WorkbenchProtocol

/// A row per table row (labelled by `category`), a cell per `series` column, shaded by value with the
/// value printed in it. Columns of one type share one scale; columns of mixed types are shaded each
/// on its own scale (and the legend says so).
struct HeatmapChart {
    let source: ChartRenderer.Source
    let hint: DataTable.Chart
    let title: String

    /// Light to dark blue; text turns white on the dark half.
    static let ramp: [RGB] = [RGB(0xF3F6FA), RGB(0x9EC5E8), RGB(0x3B7DBF), RGB(0x12376B)]

    static func shade(_ t: Double) -> RGB {
        let t = min(max(t.isFinite ? t : 0, 0), 1) * Double(ramp.count - 1)
        let i = min(Int(t), ramp.count - 2)
        return ramp[i].mixed(with: ramp[i + 1], t - Double(i))
    }

    func write(into w: HTMLWriter) throws(ChartRenderer.Unfit) {
        typealias S = ChartSupport
        let category = try source.column(hint.category, role: "category")
        let series = try source.seriesColumns(hint.series)
        let rows = source.rows.map { row in
            (label: S.label(source.cell(row, category.index), type: category.column.type),
             values: series.map { S.number(source.cell(row, $0.index)) })
        }
        let shared = Set(series.map(\.column.type)).count == 1
        // Scale per column (or one for all).
        var ranges: [(low: Double, high: Double)] = []
        for c in series.indices {
            let values = shared ? rows.flatMap { $0.values.compactMap { $0 } } : rows.compactMap { $0.values[c] }
            ranges.append((values.min() ?? 0, values.max() ?? 0))
        }
        func text(_ value: Double, column c: Int) -> String { S.format(value, percent: series[c].column.type == .percent) }

        let cellTexts = rows.map { row in row.values.enumerated().map { c, v in v.map { text($0, column: c) } ?? "–" } }
        let widest = cellTexts.flatMap { $0 }.map { S.textWidth($0, size: 11) }.max() ?? 20
        let cellWidth = min(120, max(54, widest + 16))
        let cellHeight = 26.0
        let labelWidth = min(210, max(48, (rows.map { S.textWidth($0.label) }.max() ?? 0) + 10))
        let plotX = labelWidth + 10
        let headerWidths = series.map { S.textWidth($0.column.label) }
        let horizontal = headerWidths.allSatisfy { $0 <= cellWidth - 6 }
        let angle = 40.0 * Double.pi / 180
        let longest = min(170, headerWidths.max() ?? 0)
        let headerHeight = horizontal ? 24 : longest * sin(angle) + 18
        let rightOverhang = horizontal ? 0 : max(0, longest * cos(angle) - cellWidth / 2)
        let plotWidth = cellWidth * Double(series.count)
        let width = max(360, plotX + plotWidth + rightOverhang + 16)
        let top = headerHeight + 4
        let plotHeight = cellHeight * Double(rows.count)
        let height = top + plotHeight + 48

        S.openSVG(width: width, height: height, label: title, into: w)
        w.raw("<defs><linearGradient id=\"\(source.id)-g\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">")
        for (i, color) in Self.ramp.enumerated() {
            w.raw("<stop offset=\"\(S.f(Double(i) / Double(Self.ramp.count - 1) * 100))%\" stop-color=\"\(color.hex)\"/>")
        }
        w.raw("</linearGradient></defs>")
        // Column headers.
        for (c, column) in series.enumerated() {
            let cx = plotX + cellWidth * (Double(c) + 0.5)
            let label = S.fitted(column.column.label, width: horizontal ? cellWidth - 4 : 170)
            if horizontal {
                w.raw("<text class=\"col\" x=\"\(S.f(cx))\" y=\"\(S.f(top - 8))\" text-anchor=\"middle\">")
            } else {
                w.raw("<text class=\"col\" x=\"\(S.f(cx - 2))\" y=\"\(S.f(top - 6))\" transform=\"rotate(-40 \(S.f(cx - 2)) \(S.f(top - 6)))\">")
            }
            w.text(label)
            w.raw("<title>")
            w.text(column.column.label)
            w.raw("</title></text>")
        }
        // Cells.
        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * cellHeight
            let shown = S.fitted(row.label, width: labelWidth - 4)
            w.raw("<text class=\"cat\" x=\"\(S.f(plotX - 8))\" y=\"\(S.f(y + cellHeight / 2 + 4))\" text-anchor=\"end\">")
            w.text(shown)
            if shown != row.label { w.raw("<title>"); w.text(row.label); w.raw("</title>") }
            w.raw("</text>")
            for (c, value) in row.values.enumerated() {
                let x = plotX + Double(c) * cellWidth
                let fill: RGB
                if let value {
                    let range = ranges[c]
                    fill = Self.shade(range.high > range.low ? (value - range.low) / (range.high - range.low) : 0.5)
                } else {
                    fill = RGB(0xFFFFFF)
                }
                w.raw("<rect class=\"cell\" x=\"\(S.f(x))\" y=\"\(S.f(y))\" width=\"\(S.f(cellWidth))\" height=\"\(S.f(cellHeight))\" fill=\"\(fill.hex)\"><title>")
                w.text("\(row.label) — \(series[c].column.label): \(cellTexts[r][c])")
                w.raw("</title></rect>")
                w.raw("<text class=\"val\" x=\"\(S.f(x + cellWidth / 2))\" y=\"\(S.f(y + cellHeight / 2 + 4))\" text-anchor=\"middle\" fill=\"\(value == nil ? "#888" : fill.textColor)\">")
                w.text(cellTexts[r][c])
                w.raw("</text>")
            }
        }
        // Legend: the colour ramp with its ends.
        let ly = top + plotHeight + 14
        w.raw("<rect x=\"\(S.f(plotX))\" y=\"\(S.f(ly))\" width=\"160\" height=\"10\" fill=\"url(#\(source.id)-g)\" stroke=\"#ccc\" stroke-width=\"0.5\"/>")
        if shared, let range = ranges.first {
            w.raw("<text class=\"tick\" x=\"\(S.f(plotX))\" y=\"\(S.f(ly + 24))\">")
            w.text(text(range.low, column: 0))
            w.raw("</text><text class=\"tick\" x=\"\(S.f(plotX + 160))\" y=\"\(S.f(ly + 24))\" text-anchor=\"end\">")
            w.text(text(range.high, column: 0))
            w.raw("</text>")
        } else {
            w.raw("<text class=\"tick\" x=\"\(S.f(plotX))\" y=\"\(S.f(ly + 24))\">low</text>")
            w.raw("<text class=\"tick\" x=\"\(S.f(plotX + 160))\" y=\"\(S.f(ly + 24))\" text-anchor=\"end\">high</text>")
        }
        w.raw("<text class=\"axis-title\" x=\"\(S.f(plotX + 172))\" y=\"\(S.f(ly + 9))\">")
        w.text(shared ? "lowest to highest value" : "shaded within each column (their units differ)")
        w.raw("</text></svg>")
    }
}
