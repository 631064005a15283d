/// A one-sentence note for under a table, saying what a test found in words a reader can check, and
/// saying plainly when there are too few counts to tell:
///
///     χ²(4) = 12.3, p = 0.015, Cramér's V = 0.21 (n = 340)
///     n too small to tell (3 of 8 expected counts below 5; n = 31)
///     too few counts for χ² (2 of 4 expected counts below 5): Fisher's exact p = 0.410 (n = 23)
///     nothing to compare: only one non-empty row (n = 57)
public struct SignificanceNote: Hashable, Sendable, CustomStringConvertible {
    /// The sentence.
    public var text: String
    /// Whether the counts were too few for the test to say anything (a reader should not read the
    /// differences in the table as real). False when Fisher's exact test stood in for chi-square.
    public var isTooSmallToTell: Bool

    /// The note for a chi-square test of independence.
    public init(_ test: ChiSquareTest) {
        isTooSmallToTell = false
        if test.n == 0 {
            text = "no counts to compare"
            isTooSmallToTell = true
            return
        }
        guard test.isTestable else {
            let single = test.testedTable.count < 2 ? "row" : "column"
            text = "nothing to compare: only one non-empty \(single) (n = \(test.n))"
            return
        }
        var facts = "n = \(test.n)"
        let dropped = Self.droppedDescription(rows: test.droppedRows.count, columns: test.droppedColumns.count)
        if let dropped { facts += "; " + dropped }

        if test.isReliable {
            let statistic = DecimalText.fixed(test.statistic, test.statistic < 10 ? 2 : 1)
            text = "χ²(\(test.degreesOfFreedom)) = \(statistic), \(DecimalText.pValue(test.pValue)), "
                + "Cramér's V = \(DecimalText.fixed(test.cramersV, 2)) (\(facts))"
            return
        }
        var reason = "\(test.expectedCountsBelowFive) of \(test.cellCount) expected counts below 5"
        if test.smallestExpectedCount < 1 {
            reason += ", smallest \(DecimalText.fixed(test.smallestExpectedCount, 2))"
        }
        if let fisher = test.fisherExactPValue {
            text = "too few counts for χ² (\(reason)): Fisher's exact \(DecimalText.pValue(fisher)) (\(facts))"
        } else {
            text = "n too small to tell (\(reason); \(facts))"
            isTooSmallToTell = true
        }
    }

    /// The sentence.
    public var description: String { text }

    private static func droppedDescription(rows: Int, columns: Int) -> String? {
        var parts: [String] = []
        if rows > 0 { parts.append(rows == 1 ? "1 empty row" : "\(rows) empty rows") }
        if columns > 0 { parts.append(columns == 1 ? "1 empty column" : "\(columns) empty columns") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ") + " left out"
    }
}
