import Foundation
import WorkbenchProtocol

/// What every chart needs: text measuring (estimated, since the file carries no fonts), axis ticks,
/// number formatting, the categorical palette, a legend, and reading numbers out of table cells.
enum ChartSupport {
    /// Font size of labels, in px.
    static let fontSize = 12.0

    /// Estimated width of `text` in a sans-serif font at `size` px: wide for capitals and digits, narrow
    /// for i, l, punctuation — on the generous side, so labels do not collide.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        var em = 0.0
        for c in text {
            switch c {
            case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", "I": em += 0.3
            case " ", "f", "t", "r", "(", ")", "[", "]", "-": em += 0.38
            case "m", "w", "M", "W", "@", "%": em += 0.9
            case "A"..."Z": em += 0.7
            case "0"..."9": em += 0.64
            default: em += c.isASCII ? 0.58 : 0.75
            }
        }
        return em * size
    }

    /// `text` cut with an ellipsis to fit `width`.
    static func fitted(_ text: String, width: Double, size: Double = fontSize) -> String {
        guard textWidth(text, size: size) > width else { return text }
        var characters = Array(text)
        while !characters.isEmpty && textWidth(String(characters) + "…", size: size) > width { characters.removeLast() }
        return String(characters).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Round tick values covering `low...high` (about `count` of them).
    /// With `integers`, steps are whole numbers.
    static func ticks(low: Double, high: Double, count: Int = 5, integers: Bool = false) -> [Double] {
        guard high > low, high.isFinite, low.isFinite else { return [low] }
        let raw = (high - low) / Double(max(count, 1))
        let magnitude = pow(10, floor(log10(raw)))
        var step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        if integers { step = max(1, step.rounded(.up)) }
        let first = floor(low / step) * step
        var ticks: [Double] = []
        var value = first
        while value <= high + step * 1e-9 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        if let last = ticks.last, last < high - step * 1e-9 { ticks.append(last + step) }
        return ticks
    }

    /// A number for an axis or a label: integers plainly, others with up to two decimals.
    static func format(_ value: Double, percent: Bool = false) -> String {
        if percent {
            let v = value * 100
            return (abs(v - v.rounded()) < 0.05 && abs(v) < 1e15 ? String(Int(v.rounded())) : String(format: "%.1f", v)) + "%"
        }
        if abs(value - value.rounded()) < 1e-9 && abs(value) < 1e15 { return String(Int(value.rounded())) }
        let text = String(format: abs(value) >= 100 ? "%.1f" : "%.2f", value)
        return text.contains(".") ? String(text.reversed().drop { $0 == "0" }.reversed()).trimmingCharacters(in: CharacterSet(charactersIn: ".")) : text
    }

    /// 20 distinguishable colours for series and categories that are not sides.
    static let palette: [RGB] = [
        RGB(0x4E79A7), RGB(0xF28E2B), RGB(0x59A14F), RGB(0xE15759), RGB(0xB07AA1), RGB(0x76B7B2), RGB(0xEDC948),
        RGB(0x9C755F), RGB(0xFF9DA7), RGB(0x1F4E79), RGB(0xA0522D), RGB(0x2E7D32), RGB(0xAD1457), RGB(0x6A1B9A),
        RGB(0x00838F), RGB(0x9E9D24), RGB(0x5D4037), RGB(0xF06292), RGB(0x616161), RGB(0xBAB0AC),
    ]

    /// Colours for `keys`: the side's colour when every key names a side, else the palette in order.
    static func colors(for keys: [String], sides: SidePalette) -> [RGB] {
        let asSides = keys.map { sides.entry($0) }
        if !keys.isEmpty && asSides.allSatisfy({ $0 != nil }) && Set(asSides.map { $0!.index }).count == keys.count {
            return asSides.map { $0!.color }
        }
        return keys.indices.map { palette[$0 % palette.count] }
    }

    /// Colours for series columns: the sides' colours when the ids (or else the labels) all name
    /// different sides, else the palette.
    static func seriesColors(ids: [String], labels: [String], sides: SidePalette) -> [RGB] {
        for keys in [ids, labels] {
            let entries = keys.compactMap { sides.entry($0) }
            if !keys.isEmpty && entries.count == keys.count && Set(entries.map(\.index)).count == keys.count { return entries.map(\.color) }
        }
        return ids.indices.map { palette[$0 % palette.count] }
    }

    /// A cell as a number (null, text and non-finite values are nil; booleans count 0/1).
    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .number(let n)?: n.isFinite ? n : nil
        case .bool(let b)?: b ? 1 : 0
        case .string(let s)?: Double(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// A cell as a label.
    static func label(_ value: JSONValue?, type: DataTable.Column.Kind) -> String {
        guard let value else { return "" }
        return TableRenderer.text(value, type: type)
    }

    static let numericTypes: Set<DataTable.Column.Kind> = [.integer, .number, .percent, .boolean]

    // MARK: - Drawing

    /// An item of a legend.
    struct LegendItem {
        var label: String
        var color: RGB
        /// Draw a dot rather than a square.
        var round = false
    }

    /// Lays out legend items in rows within `width`, starting at (`x`, `y`); returns the height used.
    @discardableResult
    static func legend(_ items: [LegendItem], x: Double, y: Double, width: Double, into w: HTMLWriter) -> Double {
        guard !items.isEmpty else { return 0 }
        let rowHeight = 18.0
        var cx = x
        var cy = y
        w.raw("<g class=\"legend\">")
        for item in items {
            let label = fitted(item.label, width: 220)
            let itemWidth = 16 + textWidth(label) + 18
            if cx > x && cx + itemWidth > x + width {
                cx = x
                cy += rowHeight
            }
            if item.round {
                w.raw("<circle cx=\"\(f(cx + 5))\" cy=\"\(f(cy + 6))\" r=\"5\" fill=\"\(item.color.hex)\"/>")
            } else {
                w.raw("<rect x=\"\(f(cx))\" y=\"\(f(cy + 1))\" width=\"11\" height=\"11\" rx=\"2\" fill=\"\(item.color.hex)\"/>")
            }
            w.raw("<text x=\"\(f(cx + 16))\" y=\"\(f(cy + 10.5))\">")
            w.text(label)
            if label != item.label { w.raw("<title>"); w.text(item.label); w.raw("</title>") }
            w.raw("</text>")
            cx += itemWidth
        }
        w.raw("</g>")
        return cy - y + rowHeight
    }

    /// How many legend rows `items` take in `width` (to size the chart before drawing it).
    static func legendHeight(_ items: [LegendItem], width: Double) -> Double {
        guard !items.isEmpty else { return 0 }
        var rows = 1
        var cx = 0.0
        for item in items {
            let itemWidth = 16 + textWidth(fitted(item.label, width: 220)) + 18
            if cx > 0 && cx + itemWidth > width {
                rows += 1
                cx = 0
            }
            cx += itemWidth
        }
        return Double(rows) * 18
    }

    /// Opens an `<svg>` of the given size with an accessible name.
    static func openSVG(width: Double, height: Double, label: String, into w: HTMLWriter) {
        w.raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"")
        w.attribute(label)
        w.raw("\">")
    }

    /// A coordinate with at most one decimal.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
