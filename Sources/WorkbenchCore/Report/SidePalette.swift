import Foundation

/// One colour per side for the whole report — article highlights, legends and chart series that are
/// sides — so "Armenia" is the same blue everywhere. Topic sides come first, in file order; `both`,
/// `other`, `neutral` and `unknown` get fixed neutral colours.
struct SidePalette {
    /// A side with its colour and CSS class index (`s<index>`).
    struct Entry {
        var id: String
        var label: String
        var color: RGB
        var index: Int
    }

    private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]

    /// Colour-blind-safe hues first (Okabe–Ito), then more; never red or violet, which articles use for
    /// casualty claims and editorializing.
    static let hues: [RGB] = [
        RGB(0x0072B2), RGB(0xE69F00), RGB(0x009E73), RGB(0xCC79A7), RGB(0x56B4E9), RGB(0xB8860B),
        RGB(0x17BECF), RGB(0x8C564B), RGB(0x2E7D32), RGB(0xF28E2B), RGB(0x4E79A7), RGB(0xBCBD22),
    ]
    static let fixed: [String: (label: String, color: RGB)] = [
        "both": ("Both sides", RGB(0x8D6E63)), "other": ("Others", RGB(0x868E96)),
        "neutral": ("Neutral", RGB(0xA8A29E)), "unknown": ("Unknown", RGB(0xADB5BD)),
    ]

    init(sides: [ReportInput.Side], alsoSeen: [String] = []) {
        var hue = 0
        func add(_ id: String, label: String?) {
            guard byKey[id] == nil, !id.isEmpty else { return }
            let color: RGB
            if let fixed = Self.fixed[id] {
                color = fixed.color
            } else {
                color = Self.hues[hue % Self.hues.count]
                hue += 1
            }
            let entry = Entry(id: id, label: label ?? Self.fixed[id]?.label ?? Self.humanized(id), color: color, index: entries.count)
            byKey[id] = entry.index
            byKey[entry.label.lowercased()] = byKey[entry.label.lowercased()] ?? entry.index
            entries.append(entry)
        }
        for side in sides { add(side.id, label: side.label) }
        for id in alsoSeen.sorted() { add(id, label: nil) }
        // Without any side there is nothing to tell "both" and "other" from.
        if !entries.isEmpty { for id in ["both", "other"] { add(id, label: nil) } }
    }

    /// The entry of a side id (or label, case-insensitively).
    func entry(_ side: String) -> Entry? {
        (byKey[side] ?? byKey[side.lowercased()]).map { entries[$0] }
    }

    /// The label of a side id, or the id made readable.
    func label(_ side: String) -> String { entry(side)?.label ?? Self.humanized(side) }

    static func humanized(_ id: String) -> String {
        let spaced = id.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// The CSS of the side classes: statement tints, speaker underlines, legend chips.
    var css: String {
        var out = ""
        for entry in entries {
            let c = entry.color
            out += ".st.s\(entry.index){background:\(c.css(alpha: 0.2))}"
            out += ".sp.s\(entry.index){border-bottom-color:\(c.hex)}"
            out += ".chip.s\(entry.index){background:\(c.hex)}\n"
        }
        return out
    }
}

/// An sRGB colour.
struct RGB: Hashable, Sendable {
    var r: Int
    var g: Int
    var b: Int

    init(_ hex: Int) {
        r = (hex >> 16) & 0xFF
        g = (hex >> 8) & 0xFF
        b = hex & 0xFF
    }

    init(r: Int, g: Int, b: Int) {
        self.r = min(max(r, 0), 255)
        self.g = min(max(g, 0), 255)
        self.b = min(max(b, 0), 255)
    }

    var hex: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for v in [r, g, b] { out.append(digits[v >> 4]); out.append(digits[v & 0xF]) }
        return out
    }

    func css(alpha: Double) -> String { "rgba(\(r),\(g),\(b),\(alpha))" }

    /// Relative luminance (WCAG), 0 black … 1 white.
    var luminance: Double {
        func channel(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// Black or white, whichever reads better on this colour.
    var textColor: String { luminance > 0.3 ? "#111" : "#fff" }

    /// The colour `t` (0…1) of the way from `self` to `other`.
    func mixed(with other: RGB, _ t: Double) -> RGB {
        let t = min(max(t, 0), 1)
        return RGB(r: Int((Double(r) + (Double(other.r) - Double(r)) * t).rounded()),
                   g: Int((Double(g) + (Double(other.g) - Double(g)) * t).rounded()),
                   b: Int((Double(b) + (Double(other.b) - Double(b)) * t).rounded()))
    }
}
