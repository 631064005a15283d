/// The Benjamini–Hochberg step-up procedure: p-values adjusted to control the false discovery rate
/// when many comparisons are tested at once (e.g. one test per frame per outlet pair).
public enum BenjaminiHochberg {
    /// The adjusted p-values ("q-values"), in the order of `pValues`: for the i-th smallest of m
    /// p-values, `min over j ≥ i of p(j) · m / j`, capped at 1. Rejecting those ≤ q keeps the expected
    /// share of false discoveries at most q.
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let ascending = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: m)
        var runningMinimum = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = ascending[rank - 1]
            runningMinimum = min(runningMinimum, pValues[index] * Double(m) / Double(rank))
            adjusted[index] = runningMinimum
        }
        return adjusted
    }
}
