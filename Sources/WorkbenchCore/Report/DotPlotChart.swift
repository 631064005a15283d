import WorkbenchProtocol

/// One line per distinct `category` value, a dot per row at its `value`, coloured by the `color`
/// column (with a legend). Dots that would overlap on a line are stacked above and below it.
struct DotPlotChart {
    let source: ChartRenderer.Source
    let hint: DataTable.Chart
    let title: String

    static let width = 760.0
    static let radius = 5.5
    /// Rows of a stack, from the line outwards (beyond them dots overlap).
    static let levels = [0] + (1...12).flatMap { [-$0, $0] }

    func write(into w: HTMLWriter) throws(ChartRenderer.Unfit) {
        typealias S = ChartSupport
        let category = try source.column(hint.category, role: "category")
        guard let valueId = hint.value else { throw .init(reason: "it names no value column") }
        let value = try source.numericColumn(valueId, role: "value")
        let color = try hint.color.map { id throws(ChartRenderer.Unfit) in try source.column(id, role: "color") }

        /// A row's dot: its value, colour key, and stacking level on its line.
        struct Dot {
            var value: Double
            var colorKey: String
            var level = 0
        }
        var lines: [(label: String, dots: [Dot])] = []
        var lineIndex: [String: Int] = [:]
        var colorKeys: [String] = []
        var colorIndex: [String: Int] = [:]
        for row in source.rows {
            guard let v = S.number(source.cell(row, value.index)) else { continue }
            let label = S.label(source.cell(row, category.index), type: category.column.type)
            let key = color.map { S.label(source.cell(row, $0.index), type: $0.column.type) } ?? ""
            if colorIndex[key] == nil {
                colorIndex[key] = colorKeys.count
                colorKeys.append(key)
            }
            if let i = lineIndex[label] {
                lines[i].dots.append(Dot(value: v, colorKey: key))
            } else {
                lineIndex[label] = lines.count
                lines.append((label, [Dot(value: v, colorKey: key)]))
            }
        }
        guard !lines.isEmpty else { throw .init(reason: "no row has a number in \"\(valueId)\"") }
        // Sides keep their colours; other values the report's colour for them; the legend in the report's order.
        let bySide = colorKeys.allSatisfy { source.sides.entry($0) != nil }
        if !bySide { colorKeys.sort { (source.categoryColors[$0]?.order ?? Int.max, $0) < (source.categoryColors[$1]?.order ?? Int.max, $1) } }
        var colorOf: [String: RGB] = [:]
        for (i, key) in colorKeys.enumerated() {
            colorOf[key] = color == nil ? S.palette[0]
                : bySide ? source.sides.entry(key)!.color : (source.categoryColors[key]?.color ?? S.palette[i % S.palette.count])
        }
        let legendItems = color == nil ? [] : colorKeys.map {
            S.LegendItem(label: $0.isEmpty ? "(none)" : (source.sides.entry($0)?.label ?? $0), color: colorOf[$0]!, round: true)
        }

        let values = lines.flatMap { $0.dots.map(\.value) }
        let low = min(0, values.min() ?? 0)
        let high = max(values.max() ?? 1, low + 1e-9)
        let ticks = S.ticks(low: low, high: high == low ? low + 1 : high, integers: value.column.type == .integer)
        let axisLow = ticks.first ?? low
        let axisHigh = ticks.last ?? high
        let percent = value.column.type == .percent

        let labelWidth = min(210, max(48, (lines.map { S.textWidth($0.label) }.max() ?? 0) + 10))
        let plotX = labelWidth + 12
        let plotWidth = Self.width - plotX - 24
        func x(_ v: Double) -> Double { plotX + plotWidth * (v - axisLow) / max(axisHigh - axisLow, 1e-9) }

        // Stack dots that would overlap: levels 0, -1, +1, -2, +2, … on their line.
        let step = Self.radius * 2 + 1
        var lineHeights: [Double] = []
        for i in lines.indices {
            var placed: [(x: Double, level: Int)] = []
            var order = Array(lines[i].dots.indices)
            order.sort { lines[i].dots[$0].value < lines[i].dots[$1].value }
            var maxLevel = 0
            for d in order {
                let dx = x(lines[i].dots[d].value)
                var candidate = 0
                for level in Self.levels {
                    candidate = level
                    if !placed.contains(where: { $0.level == level && abs($0.x - dx) < Self.radius * 2 }) { break }
                }
                lines[i].dots[d].level = candidate
                placed.append((dx, candidate))
                maxLevel = max(maxLevel, abs(candidate))
            }
            lineHeights.append(max(26, Double(2 * maxLevel + 1) * step + 12))
        }

        let legendHeight = S.legendHeight(legendItems, width: Self.width - 20)
        let top = legendHeight + (legendItems.isEmpty ? 6 : 16)
        let plotHeight = lineHeights.reduce(0, +)
        let height = top + plotHeight + 46

        S.openSVG(width: Self.width, height: height, label: title, into: w)
        S.legend(legendItems, x: 10, y: 4, width: Self.width - 20, into: w)
        // Stripes and line labels.
        var y = top
        for (i, line) in lines.enumerated() {
            let h = lineHeights[i]
            if i % 2 == 0 { w.raw("<rect class=\"stripe\" x=\"\(S.f(plotX))\" y=\"\(S.f(y))\" width=\"\(S.f(plotWidth))\" height=\"\(S.f(h))\"/>") }
            w.raw("<line class=\"guide\" x1=\"\(S.f(plotX))\" x2=\"\(S.f(plotX + plotWidth))\" y1=\"\(S.f(y + h / 2))\" y2=\"\(S.f(y + h / 2))\"/>")
            let shown = S.fitted(line.label, width: labelWidth - 4)
            w.raw("<text class=\"cat\" x=\"\(S.f(plotX - 8))\" y=\"\(S.f(y + h / 2 + 4))\" text-anchor=\"end\">")
            w.text(shown)
            if shown != line.label { w.raw("<title>"); w.text(line.label); w.raw("</title>") }
            w.raw("</text>")
            y += h
        }
        // Axis.
        w.raw("<g class=\"grid\">")
        for tick in ticks {
            let tx = S.f(x(tick))
            w.raw("<line x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(S.f(top))\" y2=\"\(S.f(top + plotHeight))\"/>")
            w.raw("<text class=\"tick\" x=\"\(tx)\" y=\"\(S.f(top + plotHeight + 15))\" text-anchor=\"middle\">")
            w.text(S.format(tick, percent: percent))
            w.raw("</text>")
        }
        w.raw("</g>")
        w.raw("<text class=\"axis-title\" x=\"\(S.f(plotX + plotWidth / 2))\" y=\"\(S.f(top + plotHeight + 36))\" text-anchor=\"middle\">")
        w.text(value.column.label)
        w.raw("</text>")
        // Dots.
        y = top
        for (i, line) in lines.enumerated() {
            let centre = y + lineHeights[i] / 2
            for dot in line.dots {
                let fill = colorOf[dot.colorKey] ?? S.palette[0]
                w.raw("<circle class=\"dot\" cx=\"\(S.f(x(dot.value)))\" cy=\"\(S.f(centre + Double(dot.level) * step))\" r=\"\(S.f(Self.radius))\" fill=\"\(fill.hex)\"><title>")
                w.text(line.label + (dot.colorKey.isEmpty ? "" : " · \(source.sides.entry(dot.colorKey)?.label ?? dot.colorKey)") + ": " + S.format(dot.value, percent: percent))
                w.raw("</title></circle>")
            }
            y += lineHeights[i]
        }
        w.raw("</svg>")
    }
}
