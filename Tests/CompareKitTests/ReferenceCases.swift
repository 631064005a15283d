import Testing

/// One contingency table and what scipy says about it (see ReferenceValues.swift).
struct ChiSquareCase: Sendable, CustomTestStringConvertible {
    var name: String
    var table: [[Int]]
    var statistic: Double
    var degreesOfFreedom: Int
    var pValue: Double
    var cramersV: Double
    var n: Int
    var smallestExpectedCount: Double
    var expectedCountsBelowFive: Int
    var cellCount: Int
    var fisherExactPValue: Double?

    var testDescription: String { name }
}

/// Reliability data (units × coders) and the `krippendorff` package's alphas.
struct KrippendorffCase: Sendable, CustomTestStringConvertible {
    var name: String
    var units: [[Double?]]
    var nominal: Double
    var interval: Double

    var testDescription: String { name }
}

/// One word's score from reference_logodds.py.
struct LogOddsCase: Sendable {
    var word: String
    var countInGroup: Int
    var countInRest: Int
    var delta: Double
    var variance: Double
    var zScore: Double
}

/// `|actual − expected| / |expected|`, or the absolute difference when `expected` is 0.
func relativeDeviation(_ actual: Double, from expected: Double) -> Double {
    if actual == expected { return 0 }
    let difference = abs(actual - expected)
    return expected == 0 ? difference : difference / abs(expected)
}

/// Expects `actual` within a relative `tolerance` of `expected` (absolute when `expected` is 0).
func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Double, _ what: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let deviation = relativeDeviation(actual, from: expected)
    #expect(
        deviation <= tolerance,
        "\(what()): \(actual) vs reference \(expected) (relative deviation \(deviation))",
        sourceLocation: sourceLocation)
}

/// Special functions are held to 1e-9 relative, p-values and derived statistics to 1e-6.
enum Tolerance {
    static let specialFunction = 1e-9
    static let pValue = 1e-6
}
