import Testing
import WorkbenchCore

/// Evaluation metrics against definitions computed the slow way.
@Suite("Evaluation metrics")
struct MetricsTests {
    /// Krippendorff's alpha (interval) straight from its definition: all ordered pairs of values.
    static func alphaByPairs(_ units: [[Double]]) -> Double {
        let pairable = units.filter { $0.count >= 2 }
        let n = Double(pairable.reduce(0) { $0 + $1.count })
        var observed = 0.0
        for values in pairable {
            var sum = 0.0
            for i in values.indices { for j in values.indices where i != j { sum += (values[i] - values[j]) * (values[i] - values[j]) } }
            observed += sum / Double(values.count - 1)
        }
        let all = pairable.flatMap { $0 }
        var expected = 0.0
        for i in all.indices { for j in all.indices where i != j { expected += (all[i] - all[j]) * (all[i] - all[j]) } }
        return 1 - (observed / n) / (expected / (n * (n - 1)))
    }

    @Test("Krippendorff's alpha (interval) equals the pairwise definition; perfect agreement is 1; a unit of one value is left out")
    func alphaInterval() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let units = (0..<Int.random(in: 3...30, using: &generator)).map { _ in
                (0..<Int.random(in: 1...6, using: &generator)).map { _ in Double(Int.random(in: -4...4, using: &generator)) }
            }
            guard units.contains(where: { $0.count >= 2 }), Set(units.flatMap { $0 }).count > 1 else { continue }
            #expect(abs(Metrics.krippendorffAlphaInterval(units) - Self.alphaByPairs(units)) < 1e-9)
        }
        #expect(Metrics.krippendorffAlphaInterval([[1, 1], [2, 2], [3, 3, 3]]) == 1)
        #expect(Metrics.krippendorffAlphaInterval([[1, 2], [5]]) == Metrics.krippendorffAlphaInterval([[1, 2]]))
    }
}
