/// Fixed-point number text for table notes, without Foundation: `DecimalText.fixed(0.0149, 3)` is `"0.015"`.
enum DecimalText {
    /// `x` rounded to `decimals` places (half away from zero). Values too large for that fall back to
    /// Swift's shortest round-tripping form.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e15 else { return "\(x)" }
        var digits = String(Int(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (x < 0 && scaled > 0 ? "-" : "") + digits
    }

    /// A p-value as a note shows it: `p = 0.015`, `p < 0.001`, `p > 0.999`.
    static func pValue(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        if p > 0.999 { return "p > 0.999" }
        return "p = " + fixed(p, 3)
    }
}
