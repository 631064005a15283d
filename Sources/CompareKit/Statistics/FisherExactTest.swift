#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Fisher's exact test on a 2×2 table
///
///     a  b
///     c  d
///
/// With the margins fixed, the top-left count follows a hypergeometric distribution. The two-sided
/// p-value sums the probabilities of every table no more likely than the observed one (up to a
/// relative 1e-7, as R does, so that ties are not lost to rounding).
public enum FisherExactTest {
    /// The two-sided p-value. Probabilities come from log-factorials, so counts in the millions work;
    /// a p-value below about 1e-307 comes out as 0. A table with an empty row or column gives 1.
    public static func twoSided(a: Int, b: Int, c: Int, d: Int) -> Double {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "Fisher's exact test needs non-negative counts")
        let row1 = a + b, row2 = c + d, column1 = a + c
        let n = row1 + row2
        let lowest = max(0, column1 - row2), highest = min(row1, column1)
        guard lowest < highest else { return 1 }

        /// log P(top-left = x), up to a constant that cancels.
        func logWeight(_ x: Int) -> Double {
            -(SpecialFunctions.logFactorial(x) + SpecialFunctions.logFactorial(row1 - x)
                + SpecialFunctions.logFactorial(column1 - x) + SpecialFunctions.logFactorial(row2 - column1 + x))
        }
        let mode = min(highest, max(lowest, (column1 + 1) * (row1 + 1) / (n + 2)))
        let logMode = logWeight(mode)
        let logObserved = logWeight(a)
        let tieTolerance = 1e-7

        // p = P(observed) · Σ_{as unlikely} P(x)/P(observed) / Σ_all P(x), each sum scaled so it cannot overflow.
        var asUnlikely = 0.0
        var all = 0.0
        for x in lowest...highest {
            let w = logWeight(x)
            all += exp(w - logMode)
            if w <= logObserved + tieTolerance { asUnlikely += exp(w - logObserved) }
        }
        return min(1, exp(logObserved - logMode) * asUnlikely / all)
    }
}
