/// The tests the tables report, in the words of a table note: a chi-square test of independence (or
/// Fisher's exact test, or "n too small to tell") over a table of counts, and the distinctive words.
enum Significance {
    /// A note on whether `table` (rows: groups, columns: categories) shows a real difference. Nil when
    /// there is nothing to test (fewer than two groups or categories with counts); with `onlyWhenNotable`,
    /// also nil unless p < 0.05.
    static func note(_ table: [[Int]], rows: String, columns: String, onlyWhenNotable: Bool = false) -> String? {
        let nonEmptyRows = table.filter { $0.contains { $0 > 0 } }.count
        let nonEmptyColumns = (table.first?.indices ?? 0..<0).filter { c in table.contains { $0[c] > 0 } }.count
        guard nonEmptyRows >= 2, nonEmptyColumns >= 2, let test = try? ChiSquareTest(table) else { return nil }
        let note = SignificanceNote(test)
        if onlyWhenNotable {
            let p = test.isReliable ? test.pValue : test.fisherExactPValue
            guard let p, p < 0.05 else { return nil }
        }
        return "Test of independence (\(rows) × \(columns)): \(note.text)."
    }

    /// One distinctive word of a group.
    struct Word {
        var word: String
        var z: Double
        var delta: Double
        var inGroup: Int
        var elsewhere: Int
    }

    /// Per group, the `top` words it over-uses and under-uses most surely (log-odds with an informative
    /// Dirichlet prior), skipping words seen fewer than `minimumCount` times.
    static func distinctiveWords(_ counts: [String: [String: Int]], top: Int, minimumCount: Int) -> [String: (over: [Word], under: [Word])] {
        let model = LogOddsDirichlet(priorStrength: .meanGroupSize, minimumTotalCount: minimumCount, topCount: top)
        var out: [String: (over: [Word], under: [Word])] = [:]
        for result in model.distinctiveWords(in: WordCounts(counts)) {
            func words(_ scores: [WordScore]) -> [Word] {
                scores.map { Word(word: $0.word, z: $0.zScore, delta: $0.delta, inGroup: $0.countInGroup, elsewhere: $0.countInRest) }
            }
            out[result.group] = (words(result.overUsed), words(result.underUsed))
        }
        return out
    }
}
