import CompareKit
import Testing

/// Tests of independence, proportions and multiple comparisons, against scipy
/// (Benchmarks/analysis/compare/reference_values.py).
@Suite("Chi-square test of independence")
struct ChiSquareTestTests {
    @Test("matches scipy's chi2_contingency (no correction) and Cramér's V",
          arguments: ReferenceValues.chiSquareTables)
    func matchesScipy(_ reference: ChiSquareCase) throws {
        let test = try ChiSquareTest(reference.table)
        expectClose(test.statistic, reference.statistic, tolerance: Tolerance.pValue, "statistic")
        #expect(test.degreesOfFreedom == reference.degreesOfFreedom)
        expectClose(test.pValue, reference.pValue, tolerance: Tolerance.pValue, "p-value")
        expectClose(test.cramersV, reference.cramersV, tolerance: Tolerance.pValue, "Cramér's V")
        #expect(test.n == reference.n)
        expectClose(test.smallestExpectedCount, reference.smallestExpectedCount, tolerance: 1e-12, "smallest expected")
        #expect(test.expectedCountsBelowFive == reference.expectedCountsBelowFive)
        #expect(test.cellCount == reference.cellCount)
        #expect((test.fisherExactPValue == nil) == (reference.fisherExactPValue == nil))
        if let fisher = test.fisherExactPValue, let expected = reference.fisherExactPValue {
            expectClose(fisher, expected, tolerance: Tolerance.pValue, "Fisher's exact p")
        }
    }

    @Test("all-zero rows and columns are dropped and reported")
    func dropsEmptyRowsAndColumns() throws {
        let test = try ChiSquareTest([[0, 0, 0, 0], [5, 0, 3, 8], [2, 0, 9, 1], [0, 0, 0, 0]])
        #expect(test.droppedRows == [0, 3])
        #expect(test.droppedColumns == [1])
        #expect(test.testedTable == [[5, 3, 8], [2, 9, 1]])
        #expect(test.isTestable)
    }

    @Test("a table that is 2×2 once emptied rows are dropped gets Fisher's p")
    func fisherAfterDropping() throws {
        let test = try ChiSquareTest([[3, 0, 1], [0, 0, 0], [1, 0, 3]])
        #expect(test.testedTable == [[3, 1], [1, 3]])
        let fisher = try #require(test.fisherExactPValue)
        expectClose(fisher, 0.48571428571428565, tolerance: Tolerance.pValue, "Fisher's exact p")
    }

    @Test("one row, one column or no counts: nothing to test",
          arguments: [[[4, 5, 6]], [[4], [5]], [[0, 0], [0, 0]], []])
    func untestableTables(_ table: [[Int]]) throws {
        let test = try ChiSquareTest(table)
        #expect(!test.isTestable)
        #expect(!test.isReliable)
        #expect(test.statistic == 0 && test.pValue == 1 && test.cramersV == 0 && test.degreesOfFreedom == 0)
        #expect(test.fisherExactPValue == nil)
    }

    @Test("Cochran's rule: reliable only with no expected count below 1 and at most 20 % below 5")
    func cochransRule() throws {
        #expect(try ChiSquareTest([[10, 20, 30], [20, 25, 15]]).isReliable)
        #expect(try !ChiSquareTest([[3, 1], [1, 3]]).isReliable)                        // all 4 below 5
        #expect(try !ChiSquareTest([[40, 30, 1], [35, 42, 0], [38, 33, 1]]).isReliable) // one below 1
        // 1 of 6 cells (17 %) below 5 and none below 1: still reliable.
        let borderline = try ChiSquareTest([[100, 100, 6], [20, 20, 2]])
        #expect(borderline.expectedCountsBelowFive == 1)
        #expect(borderline.shareOfExpectedCountsBelowFive < 0.2)
        #expect(borderline.isReliable)
    }

    @Test("ragged tables and negative counts are refused")
    func invalidTables() {
        #expect(throws: StatisticsInputError.self) { try ChiSquareTest([[1, 2], [3]]) }
        #expect(throws: StatisticsInputError.self) { try ChiSquareTest([[1, -2], [3, 4]]) }
    }
}

@Suite("Fisher's exact test")
struct FisherExactTestTests {
    @Test("two-sided p matches scipy's fisher_exact, for tiny counts and counts in the thousands",
          arguments: ReferenceValues.fisher)
    func matchesScipy(_ reference: (a: Int, b: Int, c: Int, d: Int, pValue: Double)) {
        let p = FisherExactTest.twoSided(a: reference.a, b: reference.b, c: reference.c, d: reference.d)
        expectClose(p, reference.pValue, tolerance: Tolerance.pValue,
                    "[[\(reference.a), \(reference.b)], [\(reference.c), \(reference.d)]]")
    }

    @Test("a p-value is the same for the transposed and the mirrored table")
    func symmetric() {
        let p = FisherExactTest.twoSided(a: 12, b: 5, c: 30, d: 120)
        expectClose(FisherExactTest.twoSided(a: 12, b: 30, c: 5, d: 120), p, tolerance: 1e-12, "transposed")
        expectClose(FisherExactTest.twoSided(a: 120, b: 30, c: 5, d: 12), p, tolerance: 1e-12, "rotated")
    }

    @Test("counts in the hundreds of thousands finish and give a probability")
    func hugeCounts() {
        let p = FisherExactTest.twoSided(a: 200_000, b: 201_000, c: 199_500, d: 200_700)
        #expect(p > 0 && p <= 1)
    }
}

@Suite("Wilson interval")
struct WilsonIntervalTests {
    @Test("matches scipy's binomtest(...).proportion_ci(method: wilson)", arguments: ReferenceValues.wilson)
    func matchesScipy(_ reference: (successes: Int, n: Int, level: Double, lower: Double, upper: Double)) throws {
        let interval = try WilsonInterval(successes: reference.successes, n: reference.n, level: reference.level)
        expectClose(interval.lower, reference.lower, tolerance: Tolerance.pValue, "lower")
        expectClose(interval.upper, reference.upper, tolerance: Tolerance.pValue, "upper")
        #expect(interval.lower <= interval.proportion && interval.proportion <= interval.upper)
    }

    @Test("n = 0 tells nothing: the interval is all of [0, 1]")
    func emptySample() throws {
        let interval = try WilsonInterval(successes: 0, n: 0)
        #expect(interval.lower == 0 && interval.upper == 1)
        #expect(interval.proportion.isNaN)
    }

    @Test("impossible inputs are refused")
    func invalidInputs() {
        #expect(throws: StatisticsInputError.self) { try WilsonInterval(successes: 5, n: 4) }
        #expect(throws: StatisticsInputError.self) { try WilsonInterval(successes: -1, n: 4) }
        #expect(throws: StatisticsInputError.self) { try WilsonInterval(successes: 1, n: 4, level: 1) }
    }
}

@Suite("Benjamini–Hochberg")
struct BenjaminiHochbergTests {
    @Test("adjusted p-values match scipy's false_discovery_control, in input order",
          arguments: ReferenceValues.benjaminiHochberg)
    func matchesScipy(_ reference: (pValues: [Double], adjusted: [Double])) {
        let adjusted = BenjaminiHochberg.adjusted(reference.pValues)
        #expect(adjusted.count == reference.adjusted.count)
        for (actual, expected) in zip(adjusted, reference.adjusted) {
            expectClose(actual, expected, tolerance: 1e-12, "adjusted p")
        }
    }

    @Test("no p-values, no adjustments")
    func empty() { #expect(BenjaminiHochberg.adjusted([]).isEmpty) }
}
