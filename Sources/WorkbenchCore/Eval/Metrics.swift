import Foundation

/// The statistics the evaluations report.
public enum Metrics {
    /// Precision, recall and F1 from counts (empty predictions and gold count as perfect).
    public static func prf(truePositives tp: Int, predicted: Int, gold: Int) -> (precision: Double, recall: Double, f1: Double) {
        let p = predicted > 0 ? Double(tp) / Double(predicted) : (gold == 0 ? 1 : 0)
        let r = gold > 0 ? Double(tp) / Double(gold) : 1
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        return (p, r, f)
    }

    /// Multiset intersection size of two lists.
    public static func matches<T: Hashable>(_ predicted: [T], _ gold: [T]) -> Int {
        var counts: [T: Int] = [:]
        for g in gold { counts[g, default: 0] += 1 }
        var tp = 0
        for p in predicted where (counts[p] ?? 0) > 0 {
            counts[p]! -= 1
            tp += 1
        }
        return tp
    }

    /// Pearson correlation of two equally long series.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(min(x.count, y.count))
        guard n > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// Macro-averaged F1 over `labels` (predicted and gold labels per item).
    public static func macroF1<L: Hashable>(predicted: [L], gold: [L], labels: [L]) -> (macro: Double, perLabel: [L: Double]) {
        var perLabel: [L: Double] = [:]
        for label in labels {
            var tp = 0, fp = 0, fn = 0
            for (p, g) in zip(predicted, gold) {
                if p == label && g == label { tp += 1 } else if p == label { fp += 1 } else if g == label { fn += 1 }
            }
            perLabel[label] = prf(truePositives: tp, predicted: tp + fp, gold: tp + fn).f1
        }
        return (labels.map { perLabel[$0]! }.reduce(0, +) / Double(max(1, labels.count)), perLabel)
    }

    /// Krippendorff's alpha for interval data: `units` maps each item to the values its coders gave
    /// (items with fewer than two values are not pairable and are left out). Linear in the number of
    /// values: the squared differences of a set are Σ_{i≠j}(x_i−x_j)² = 2nΣx² − 2(Σx)².
    public static func krippendorffAlphaInterval(_ units: [[Double]]) -> Double {
        var n = 0.0, observed = 0.0, sum = 0.0, squares = 0.0
        for values in units where values.count >= 2 {
            let m = Double(values.count)
            let s = values.reduce(0, +), q = values.reduce(0) { $0 + $1 * $1 }
            observed += (2 * m * q - 2 * s * s) / (m - 1)
            n += m
            sum += s
            squares += q
        }
        guard n > 1 else { return .nan }
        let expected = (2 * n * squares - 2 * sum * sum) / (n * (n - 1))
        return expected > 0 ? 1 - (observed / n) / expected : 1
    }

    /// Krippendorff's alpha for nominal data.
    public static func krippendorffAlphaNominal<L: Hashable>(_ units: [[L]]) -> Double {
        let pairable = units.filter { $0.count >= 2 }
        let n = Double(pairable.reduce(0) { $0 + $1.count })
        guard n > 1 else { return .nan }
        var observed = 0.0
        var totals: [L: Double] = [:]
        for values in pairable {
            let m = Double(values.count)
            var counts: [L: Double] = [:]
            for v in values { counts[v, default: 0] += 1; totals[v, default: 0] += 1 }
            var disagreements = 0.0
            for (a, ca) in counts { for (b, cb) in counts where a != b { disagreements += ca * cb } }
            observed += disagreements / (m - 1)
        }
        observed /= n
        var expected = 0.0
        for (a, ca) in totals { for (b, cb) in totals where a != b { expected += ca * cb } }
        expected /= n * (n - 1)
        return expected > 0 ? 1 - observed / expected : 1
    }

    /// A deterministic train/test assignment by id (FNV-1a hash): `true` for the test split.
    public static func isTest(_ id: String, fraction: Double = 0.5) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Double(hash % 10_000) / 10_000 < fraction
    }
}
