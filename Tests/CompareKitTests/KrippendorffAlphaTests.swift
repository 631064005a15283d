import CompareKit
import Testing

/// Against the `krippendorff` package from PyPI (Benchmarks/analysis/compare/reference_values.py).
@Suite("Krippendorff's alpha")
struct KrippendorffAlphaTests {
    @Test("nominal and interval alpha match the krippendorff package", arguments: ReferenceValues.krippendorff)
    func matchesReference(_ reference: KrippendorffCase) throws {
        let nominal = try #require(KrippendorffAlpha(units: reference.units, level: .nominal).alpha)
        let interval = try #require(KrippendorffAlpha(units: reference.units, level: .interval).alpha)
        expectClose(nominal, reference.nominal, tolerance: 1e-9, "nominal alpha")
        expectClose(interval, reference.interval, tolerance: 1e-9, "interval alpha")
    }

    @Test("category strings give the same nominal alpha as the numbers they stand for")
    func categoryStrings() throws {
        let reference = ReferenceValues.krippendorff[0]
        let names = [1.0: "conflict", 2.0: "human interest", 3.0: "economic", 4.0: "morality", 5.0: "responsibility"]
        let labelled = reference.units.map { unit in unit.map { $0.flatMap { names[$0] } } }
        let alpha = try #require(KrippendorffAlpha(units: labelled).alpha)
        expectClose(alpha, reference.nominal, tolerance: 1e-12, "nominal alpha from strings")
    }

    /// The reference package raises here ("more than one value in the domain"): with no variation,
    /// agreement cannot be told apart from chance.
    @Test("all-identical values leave alpha undefined")
    func allIdentical() {
        let same: [[Double?]] = [[1, 1, 1], [1, nil, 1], [1, 1, nil]]
        let result = KrippendorffAlpha(units: same, level: .interval)
        #expect(result.alpha == nil)
        #expect(result.pairableValueCount == 7)
        #expect(KrippendorffAlpha(units: [["a", "a"], ["a", nil]]).alpha == nil)
    }

    @Test("units coded by one coder only are not pairable and drop out")
    func singleCodedUnitsDropOut() {
        let result = KrippendorffAlpha(units: [[1, 2], [3, nil], [nil, 4], [2, 2]], level: .nominal)
        #expect(result.pairableUnitCount == 2)
        #expect(result.pairableValueCount == 4)
        #expect(KrippendorffAlpha(units: [[1, nil], [nil, 2]], level: .nominal).alpha == nil)
    }

    @Test("NaN counts as a missing value")
    func nanIsMissing() {
        let withNaN = KrippendorffAlpha(units: [[1, .nan], [2, 2], [3, 3], [1, 2]], level: .interval)
        let withNil = KrippendorffAlpha(units: [[1, nil], [2, 2], [3, 3], [1, 2]], level: .interval)
        #expect(withNaN == withNil)
    }
}
