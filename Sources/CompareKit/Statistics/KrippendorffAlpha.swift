/// Krippendorff's alpha: agreement among coders, `1 − observed disagreement / expected disagreement`,
/// for any number of coders, with missing values.
///
/// Coincidence-matrix method: within each unit with m ≥ 2 values, every ordered pair of values from
/// different coders adds `1/(m − 1)` to the coincidence of their two values; units with fewer than two
/// values are not pairable and drop out. Observed disagreement averages δ² over the coincidences,
/// expected disagreement over all pairs drawn from the coincidence marginals. The matrix is summed on
/// the fly (per unit and from its marginals), so continuous interval data costs no more than categories.
public struct KrippendorffAlpha: Hashable, Sendable {
    /// How a difference between two values is weighed.
    public enum Level: String, Hashable, Sendable {
        /// Categories: two values either agree (δ² = 0) or not (δ² = 1).
        case nominal
        /// Numbers on an interval scale: δ² = (a − b)².
        case interval
    }

    /// The agreement coefficient: 1 is perfect agreement, 0 agreement at chance level, below 0 systematic
    /// disagreement. `nil` when there are no pairable values or all of them are the same, so that
    /// agreement cannot be told apart from chance.
    public var alpha: Double?
    /// The level the values were compared at.
    public var level: Level
    /// How many values are pairable (in units coded by at least two coders): the `n` of the coincidence matrix.
    public var pairableValueCount: Int
    /// How many units have at least two values.
    public var pairableUnitCount: Int
    /// Mean δ² between values in the same unit.
    public var observedDisagreement: Double
    /// Mean δ² between any two pairable values.
    public var expectedDisagreement: Double

    /// Alpha for numbers: `units[u][c]` is coder c's value for unit u, nil (or NaN) when missing.
    /// At `.nominal` level each distinct number is a category.
    public init(units: [[Double?]], level: Level) {
        let units = units.map { unit in unit.map { $0.flatMap { $0.isNaN ? nil : $0 } } }
        switch level {
        case .interval:
            self.init(intervalUnits: units)
        case .nominal:
            let (coded, categoryCount) = Self.categoryIDs(units)
            self.init(nominalUnits: coded, categoryCount: categoryCount)
        }
    }

    /// Nominal alpha for categories: `units[u][c]` is coder c's category for unit u, nil when missing.
    public init(units: [[String?]]) {
        let (coded, categoryCount) = Self.categoryIDs(units)
        self.init(nominalUnits: coded, categoryCount: categoryCount)
    }

    // MARK: - The two levels

    /// Nominal level on category ids `0..<categoryCount`: in a unit with category counts f and m values,
    /// the disagreeing ordered pairs number `m² − Σ f²`; over the marginals n_c, `n² − Σ n_c²`.
    private init(nominalUnits units: [[Int?]], categoryCount: Int) {
        var marginals = [Int](repeating: 0, count: categoryCount)
        var unitCounts = [Int](repeating: 0, count: categoryCount)
        var observed = 0.0
        var unitsPaired = 0
        for unit in units {
            let values = unit.compactMap { $0 }
            guard values.count >= 2 else { continue }
            unitsPaired += 1
            for v in values { unitCounts[v] += 1 }
            var sumOfSquares = 0
            for v in values where unitCounts[v] > 0 {
                sumOfSquares += unitCounts[v] * unitCounts[v]
                marginals[v] += unitCounts[v]
                unitCounts[v] = 0
            }
            let m = values.count
            observed += Double(m * m - sumOfSquares) / Double(m - 1)
        }
        let n = marginals.reduce(0, +)
        let expected = Double(n * n - marginals.reduce(0) { $0 + $1 * $1 })
        self.init(level: .nominal, n: n, units: unitsPaired, observedPairs: observed, expectedPairs: expected)
    }

    /// Interval level: in a unit, `Σ_{i≠j} (v_i − v_j)² = 2m · Σ (v − mean)²`; the same identity over all
    /// pairable values gives the expected sum. Centring first keeps large values from cancelling.
    private init(intervalUnits units: [[Double?]]) {
        var observed = 0.0
        var pairable: [Double] = []
        var unitsPaired = 0
        for unit in units {
            let values = unit.compactMap { $0 }
            guard values.count >= 2 else { continue }
            unitsPaired += 1
            let m = Double(values.count)
            observed += 2 * m * Self.sumOfSquaredDeviations(values) / (m - 1)
            pairable += values
        }
        let n = pairable.count
        let expected = 2 * Double(n) * Self.sumOfSquaredDeviations(pairable)
        self.init(level: .interval, n: n, units: unitsPaired, observedPairs: observed, expectedPairs: expected)
    }

    /// From the δ²-weighted sums over coincidences (`observedPairs`) and over all ordered pairs of
    /// pairable values (`expectedPairs`): D_o = observed/n, D_e = expected/(n(n − 1)).
    private init(level: Level, n: Int, units: Int, observedPairs: Double, expectedPairs: Double) {
        self.level = level
        pairableValueCount = n
        pairableUnitCount = units
        let count = Double(n)
        observedDisagreement = n > 0 ? observedPairs / count : 0
        expectedDisagreement = n > 1 ? expectedPairs / (count * (count - 1)) : 0
        alpha = expectedDisagreement > 0 ? 1 - observedDisagreement / expectedDisagreement : nil
    }

    /// Each distinct value replaced by a small integer id, in order of first appearance.
    private static func categoryIDs<Value: Hashable>(_ units: [[Value?]]) -> (units: [[Int?]], count: Int) {
        var ids: [Value: Int] = [:]
        let coded = units.map { unit in
            unit.map { value -> Int? in
                guard let value else { return nil }
                if let id = ids[value] { return id }
                ids[value] = ids.count
                return ids.count - 1
            }
        }
        return (coded, ids.count)
    }

    private static func sumOfSquaredDeviations(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
}
