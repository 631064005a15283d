import CompareKit
import Testing

/// Against scipy.special / scipy.stats (Benchmarks/analysis/compare/reference_values.py).
@Suite("Special functions")
struct SpecialFunctionsTests {
    @Test("log-gamma matches scipy's gammaln", arguments: ReferenceValues.logGamma)
    func logGamma(_ reference: (x: Double, value: Double)) {
        expectClose(SpecialFunctions.logGamma(reference.x), reference.value,
                    tolerance: Tolerance.specialFunction, "logGamma(\(reference.x))")
    }

    @Test("log-gamma is exactly 0 at 1 and 2, and log-factorial agrees with it")
    func logGammaZerosAndFactorials() {
        #expect(SpecialFunctions.logGamma(1) == 0)
        #expect(SpecialFunctions.logGamma(2) == 0)
        #expect(SpecialFunctions.logFactorial(0) == 0)
        #expect(SpecialFunctions.logFactorial(1) == 0)
        expectClose(SpecialFunctions.logFactorial(5), 4.787491742782046, tolerance: 1e-15, "log 5! = log 120")
    }

    @Test("regularized incomplete gamma P and Q match gammainc and gammaincc",
          arguments: ReferenceValues.incompleteGamma)
    func incompleteGamma(_ reference: (a: Double, x: Double, lower: Double, upper: Double)) {
        let (a, x) = (reference.a, reference.x)
        expectClose(SpecialFunctions.regularizedLowerGamma(a: a, x: x), reference.lower,
                    tolerance: Tolerance.specialFunction, "P(\(a), \(x))")
        expectClose(SpecialFunctions.regularizedUpperGamma(a: a, x: x), reference.upper,
                    tolerance: Tolerance.specialFunction, "Q(\(a), \(x))")
    }

    @Test("incomplete gamma at the ends of its domain")
    func incompleteGammaLimits() {
        #expect(SpecialFunctions.regularizedLowerGamma(a: 3, x: 0) == 0)
        #expect(SpecialFunctions.regularizedUpperGamma(a: 3, x: 0) == 1)
        #expect(SpecialFunctions.regularizedUpperGamma(a: 3, x: .infinity) == 0)
        #expect(SpecialFunctions.regularizedLowerGamma(a: 0, x: 1).isNaN)
        #expect(SpecialFunctions.regularizedUpperGamma(a: 2, x: -1).isNaN)
    }

    @Test("chi-square survival matches chi2.sf, from p near 1 down to 1e-258",
          arguments: ReferenceValues.chiSquareSurvival)
    func chiSquareSurvival(_ reference: (x: Double, degreesOfFreedom: Int, value: Double)) {
        expectClose(SpecialFunctions.chiSquareSurvival(reference.x, degreesOfFreedom: reference.degreesOfFreedom),
                    reference.value, tolerance: Tolerance.specialFunction,
                    "chi2.sf(\(reference.x), \(reference.degreesOfFreedom))")
    }

    @Test("chi-square survival is 1 at 0")
    func chiSquareSurvivalAtZero() {
        #expect(SpecialFunctions.chiSquareSurvival(0, degreesOfFreedom: 4) == 1)
    }

    @Test("standard normal CDF matches norm.cdf, including 1e-300 in the lower tail",
          arguments: ReferenceValues.normalCDF)
    func normalCDF(_ reference: (x: Double, value: Double)) {
        expectClose(SpecialFunctions.standardNormalCDF(reference.x), reference.value,
                    tolerance: Tolerance.specialFunction, "Φ(\(reference.x))")
    }

    @Test("standard normal quantile matches norm.ppf", arguments: ReferenceValues.normalQuantile)
    func normalQuantile(_ reference: (p: Double, value: Double)) {
        expectClose(SpecialFunctions.standardNormalQuantile(reference.p), reference.value,
                    tolerance: Tolerance.specialFunction, "Φ⁻¹(\(reference.p))")
    }
}
