#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The special functions behind the tests' p-values: log-gamma, the regularized incomplete gamma
/// functions, the standard normal distribution and the chi-square survival function.
///
/// The incomplete gamma functions use the power series below `x < a + 1` and a continued fraction
/// (modified Lentz) above it, as Numerical Recipes (§6.2) describes; each side is computed directly,
/// so a tiny tail probability keeps its relative precision instead of being `1 - (almost 1)`.
public enum SpecialFunctions {
    /// `log |Γ(x)|`, from the platform's C library (`lgamma_r`, which is thread-safe).
    public static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// `log(k!)` for a count `k ≥ 0`.
    public static func logFactorial(_ k: Int) -> Double {
        k < 2 ? 0 : logGamma(Double(k) + 1)
    }

    /// The regularized lower incomplete gamma function `P(a, x) = γ(a, x) / Γ(a)`, for `a > 0`, `x ≥ 0`.
    public static func regularizedLowerGamma(a: Double, x: Double) -> Double {
        guard a > 0, x >= 0 else { return .nan }
        if x == 0 { return 0 }
        if x == .infinity { return 1 }
        return x < a + 1 ? gammaSeries(a: a, x: x) : 1 - gammaContinuedFraction(a: a, x: x)
    }

    /// The regularized upper incomplete gamma function `Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x)`,
    /// for `a > 0`, `x ≥ 0`.
    public static func regularizedUpperGamma(a: Double, x: Double) -> Double {
        guard a > 0, x >= 0 else { return .nan }
        if x == 0 { return 1 }
        if x == .infinity { return 0 }
        return x < a + 1 ? 1 - gammaSeries(a: a, x: x) : gammaContinuedFraction(a: a, x: x)
    }

    /// The probability that a chi-square variable with `degreesOfFreedom` exceeds `x`: the p-value of
    /// a chi-square statistic. 1 for `x ≤ 0`.
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom > 0 else { return .nan }
        guard x > 0 else { return 1 }
        return regularizedUpperGamma(a: Double(degreesOfFreedom) / 2, x: x / 2)
    }

    /// `Φ(x)`, the standard normal CDF, as `erfc(−x/√2) / 2` (accurate far into the lower tail).
    public static func standardNormalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// `Φ⁻¹(p)`, the standard normal quantile, for `0 < p < 1`: Acklam's rational approximation,
    /// refined by one Halley step on `standardNormalCDF` (about 1e-15 relative).
    public static func standardNormalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        // The upper half by symmetry: `1 - p` is exact there, and the lower tail refines precisely.
        if p > 0.5 { return -standardNormalQuantile(1 - p) }
        var x = acklamQuantile(p)
        let error = standardNormalCDF(x) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    // MARK: - Incomplete gamma internals

    /// `log(x^a e^-x / Γ(a))`, the prefactor both expansions share.
    private static func logPrefactor(a: Double, x: Double) -> Double {
        a * log(x) - x - logGamma(a)
    }

    /// Generous bound on terms: both expansions need about `√a` terms near `x ≈ a`.
    private static func iterationLimit(a: Double) -> Int {
        1_000 + 20 * Int(a.squareRoot())
    }

    /// `P(a, x)` by its power series `e^-x x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n))`; converges fast for `x < a + 1`.
    private static func gammaSeries(a: Double, x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<iterationLimit(a: a) {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * Double.ulpOfOne { break }
        }
        return sum * exp(logPrefactor(a: a, x: x))
    }

    /// `Q(a, x)` by its continued fraction, evaluated with the modified Lentz method; for `x ≥ a + 1`.
    private static func gammaContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...iterationLimit(a: a) {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < Double.ulpOfOne { break }
        }
        return exp(logPrefactor(a: a, x: x)) * h
    }

    // MARK: - Normal quantile internals

    /// Acklam's approximation to `Φ⁻¹(p)` (relative error below 1.15e-9 before refinement).
    private static func acklamQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let lowTail = 0.02425
        if p < lowTail || p > 1 - lowTail {
            let q = (-2 * log(p < lowTail ? p : 1 - p)).squareRoot()
            let x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            return p < lowTail ? x : -x
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
