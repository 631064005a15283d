/// Pearson's chi-square test of independence on an r×c table of counts (no continuity correction).
///
/// Rows and columns that are all zero say nothing about independence and have no expected count,
/// so they are left out before testing; `droppedRows` and `droppedColumns` say which. A table left
/// with fewer than two rows or columns cannot be tested: it gets statistic 0, 0 degrees of freedom
/// and p = 1 (as scipy does), and `isTestable` is false.
public struct ChiSquareTest: Hashable, Sendable {
    /// The table that was tested: the input without its all-zero rows and columns.
    public var testedTable: [[Int]]
    /// Indices (in the input) of the rows left out because they were all zero.
    public var droppedRows: [Int]
    /// Indices (in the input) of the columns left out because they were all zero.
    public var droppedColumns: [Int]
    /// `row total × column total / n` for each cell of `testedTable`.
    public var expectedCounts: [[Double]]
    /// Pearson's `Σ (observed − expected)² / expected`.
    public var statistic: Double
    /// `(rows − 1)(columns − 1)` of the tested table.
    public var degreesOfFreedom: Int
    /// Upper tail of the chi-square distribution at `statistic`.
    public var pValue: Double
    /// `√(χ² / (n · (min(rows, columns) − 1)))`, from 0 (independent) to 1; 0 when not testable.
    public var cramersV: Double
    /// Total count.
    public var n: Int
    /// The smallest expected count (0 for an empty table).
    public var smallestExpectedCount: Double
    /// How many expected counts are below 5.
    public var expectedCountsBelowFive: Int
    /// How many cells the tested table has.
    public var cellCount: Int
    /// Fisher's exact two-sided p-value, when the tested table is 2×2.
    public var fisherExactPValue: Double?

    /// Tests `table` (rows × columns of counts).
    /// - Throws: `StatisticsInputError` when rows differ in length or a count is negative.
    public init(_ table: [[Int]]) throws(StatisticsInputError) {
        let columnCount = table.first?.count ?? 0
        for (i, row) in table.enumerated() {
            guard row.count == columnCount else {
                throw StatisticsInputError("row \(i) has \(row.count) counts, row 0 has \(columnCount)")
            }
            if let j = row.firstIndex(where: { $0 < 0 }) {
                throw StatisticsInputError("negative count \(row[j]) at row \(i), column \(j)")
            }
        }
        let keptRows = table.indices.filter { table[$0].contains { $0 > 0 } }
        let keptColumns = (0..<columnCount).filter { j in table.contains { $0[j] > 0 } }
        droppedRows = table.indices.filter { !keptRows.contains($0) }
        droppedColumns = (0..<columnCount).filter { !keptColumns.contains($0) }
        let tested = keptRows.map { i in keptColumns.map { j in table[i][j] } }
        testedTable = tested

        let rowTotals = tested.map { $0.reduce(0, +) }
        let columnTotals = keptColumns.indices.map { j in tested.reduce(0) { $0 + $1[j] } }
        let total = Double(rowTotals.reduce(0, +))
        n = rowTotals.reduce(0, +)
        let expected = rowTotals.map { r in columnTotals.map { c in Double(r) * Double(c) / total } }
        expectedCounts = expected

        var statistic = 0.0
        for (observedRow, expectedRow) in zip(tested, expected) {
            for (observed, expected) in zip(observedRow, expectedRow) {
                let difference = Double(observed) - expected
                statistic += difference * difference / expected
            }
        }
        let allExpected = expected.joined()
        cellCount = allExpected.count
        smallestExpectedCount = allExpected.min() ?? 0
        expectedCountsBelowFive = allExpected.count { $0 < 5 }

        let rows = tested.count, columns = keptColumns.count
        degreesOfFreedom = rows >= 2 && columns >= 2 ? (rows - 1) * (columns - 1) : 0
        if degreesOfFreedom > 0 {
            self.statistic = statistic
            pValue = SpecialFunctions.chiSquareSurvival(statistic, degreesOfFreedom: degreesOfFreedom)
            cramersV = (statistic / (total * Double(min(rows, columns) - 1))).squareRoot()
        } else {
            self.statistic = 0
            pValue = 1
            cramersV = 0
        }
        if rows == 2 && columns == 2 {
            let t = tested
            fisherExactPValue = FisherExactTest.twoSided(a: t[0][0], b: t[0][1], c: t[1][0], d: t[1][1])
        } else {
            fisherExactPValue = nil
        }
    }

    /// Whether the table has at least two non-empty rows and columns, so that there is something to test.
    public var isTestable: Bool { degreesOfFreedom > 0 }

    /// Share of cells whose expected count is below 5 (0 for an empty table).
    public var shareOfExpectedCountsBelowFive: Double {
        cellCount == 0 ? 0 : Double(expectedCountsBelowFive) / Double(cellCount)
    }

    /// Cochran's rule: the chi-square approximation can be trusted when no expected count is below 1
    /// and at most 20 % are below 5. False for a table that is not testable.
    public var isReliable: Bool {
        isTestable && smallestExpectedCount >= 1 && shareOfExpectedCountsBelowFive <= 0.2
    }
}
