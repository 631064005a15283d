/// The Wilson score interval for a proportion `successes / n`: unlike the textbook `p ± z·√(p(1−p)/n)`
/// it stays inside [0, 1] and keeps its coverage for small n and proportions near 0 or 1.
public struct WilsonInterval: Hashable, Sendable {
    /// The observed proportion `successes / n` (NaN when n is 0).
    public var proportion: Double
    /// Lower bound of the interval.
    public var lower: Double
    /// Upper bound of the interval.
    public var upper: Double
    /// The confidence level, e.g. 0.95.
    public var level: Double

    /// The interval for `successes` out of `n` at confidence `level`. With n = 0 nothing is known:
    /// the interval is all of [0, 1].
    /// - Throws: `StatisticsInputError` unless `0 ≤ successes ≤ n` and `0 < level < 1`.
    public init(successes: Int, n: Int, level: Double = 0.95) throws(StatisticsInputError) {
        guard successes >= 0, successes <= n else {
            throw StatisticsInputError("successes (\(successes)) must lie between 0 and n (\(n))")
        }
        guard level > 0, level < 1 else {
            throw StatisticsInputError("confidence level \(level) must lie strictly between 0 and 1")
        }
        self.level = level
        guard n > 0 else {
            (proportion, lower, upper) = (.nan, 0, 1)
            return
        }
        let z = SpecialFunctions.standardNormalQuantile(1 - (1 - level) / 2)
        let count = Double(n), p = Double(successes) / count
        let zz = z * z
        let center = (p + zz / (2 * count)) / (1 + zz / count)
        let halfWidth = z / (1 + zz / count) * (p * (1 - p) / count + zz / (4 * count * count)).squareRoot()
        proportion = p
        // At 0 or n successes the formula's bound is exactly 0 or 1; rounding should not move it.
        lower = successes == 0 ? 0 : max(0, center - halfWidth)
        upper = successes == n ? 1 : min(1, center + halfWidth)
    }
}
