#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// "Fightin' Words" (Monroe, Colaresi & Quinn 2008, §3.5): which words a group (an outlet) uses more
/// or less than all other groups together, by the log-odds ratio with an informative Dirichlet prior.
///
/// The prior is the word distribution over all groups, scaled to a total mass `α₀`:
/// `α_w = α₀ · y_w / N`.
/// For group i against the rest j, with `n` tokens and `y_w` counts on each side:
///
///     δ_w = log((y_iw + α_w) / (n_i + α₀ − y_iw − α_w)) − log((y_jw + α_w) / (n_j + α₀ − y_jw − α_w))
///     σ²_w ≈ 1/(y_iw + α_w) + 1/(y_jw + α_w)          z_w = δ_w / σ_w
///
/// The prior shrinks the log-odds of rare words towards 0, so the z-scores rank words by how surely,
/// not just how much, a group over- or under-uses them.
public struct LogOddsDirichlet: Hashable, Sendable {
    /// The prior's total mass `α₀`: how many pseudo-tokens of "the corpus as a whole" each side gets.
    public enum PriorStrength: Hashable, Sendable {
        /// `α₀` = the mean number of tokens per group: the prior weighs as much as a typical group.
        case meanGroupSize
        /// A fixed `α₀ > 0`.
        case total(Double)
    }

    /// The prior's total mass.
    public var priorStrength: PriorStrength
    /// Words counted fewer times than this over all groups are skipped.
    public var minimumTotalCount: Int
    /// How many over-used and how many under-used words to keep per group.
    public var topCount: Int

    /// A comparison with the given prior mass, frequency floor and list length.
    public init(priorStrength: PriorStrength = .meanGroupSize, minimumTotalCount: Int = 5, topCount: Int = 20) {
        self.priorStrength = priorStrength
        self.minimumTotalCount = minimumTotalCount
        self.topCount = topCount
    }

    /// Each group against the rest, in `counts.groups` order: its `topCount` words with the largest and
    /// the smallest z. Ties in z go to the alphabetically first word. Fewer than two groups: empty lists.
    public func distinctiveWords(in counts: WordCounts) -> [DistinctiveWords] {
        let model = Model(counts, priorStrength: priorStrength, minimumTotalCount: minimumTotalCount)
        return counts.groups.indices.map { g in
            var overUsed = TopWords(capacity: topCount, vocabulary: counts.vocabulary, largestFirst: true)
            var underUsed = TopWords(capacity: topCount, vocabulary: counts.vocabulary, largestFirst: false)
            if counts.groups.count >= 2 {
                model.forEachScore(ofGroup: g, in: counts) { word, z in
                    overUsed.consider(word, z: z)
                    underUsed.consider(word, z: z)
                }
            }
            return DistinctiveWords(
                group: counts.groups[g], tokenCount: model.groupSizes[g],
                overUsed: overUsed.ranked.map { model.score(ofWord: $0, inGroup: g, counts) },
                underUsed: underUsed.ranked.map { model.score(ofWord: $0, inGroup: g, counts) })
        }
    }

    /// Every word's score for `group` against the rest, in vocabulary order (for inspection and tests).
    public func scores(ofGroup group: String, in counts: WordCounts) -> [WordScore] {
        guard let g = counts.groups.firstIndex(of: group) else { return [] }
        let model = Model(counts, priorStrength: priorStrength, minimumTotalCount: minimumTotalCount)
        return model.includedWords.map { model.score(ofWord: $0, inGroup: g, counts) }
    }
}

/// One group's most over- and under-used words against all other groups.
public struct DistinctiveWords: Hashable, Sendable {
    /// The group's name.
    public var group: String
    /// Tokens counted in the group.
    public var tokenCount: Int
    /// Largest z first.
    public var overUsed: [WordScore]
    /// Smallest (most negative) z first.
    public var underUsed: [WordScore]
}

/// One word's log-odds comparison of a group against the rest.
public struct WordScore: Hashable, Sendable {
    /// The word.
    public var word: String
    /// Its count in the group.
    public var countInGroup: Int
    /// Its count in all other groups together.
    public var countInRest: Int
    /// δ: the prior-smoothed log-odds in the group minus that in the rest (> 0: over-used).
    public var delta: Double
    /// The approximate variance of δ.
    public var variance: Double
    /// `delta / √variance`.
    public var zScore: Double
}

// MARK: - Computation

extension LogOddsDirichlet {
    /// Totals and prior shared by every group's comparison.
    struct Model {
        var totals: [Int]
        var groupSizes: [Int]
        var allTokens: Double
        var alpha0: Double
        /// `α_w` per word id.
        var prior: [Double]
        /// Ids of the words at or above the frequency floor.
        var includedWords: [Int]

        init(_ counts: WordCounts, priorStrength: PriorStrength, minimumTotalCount: Int) {
            var totals = [Int](repeating: 0, count: counts.vocabulary.count)
            for row in counts.rows {
                for (w, count) in row.enumerated() { totals[w] += count }
            }
            self.totals = totals
            groupSizes = counts.rows.map { $0.reduce(0, +) }
            let n = totals.reduce(0, +)
            allTokens = Double(n)
            switch priorStrength {
            case .meanGroupSize: alpha0 = counts.groups.isEmpty ? 0 : allTokens / Double(counts.groups.count)
            case .total(let mass): alpha0 = mass
            }
            precondition(alpha0 > 0 || n == 0, "the prior's total mass must be positive")
            let scale = n > 0 ? alpha0 / allTokens : 0
            prior = totals.map { Double($0) * scale }
            includedWords = totals.indices.filter { totals[$0] >= max(1, minimumTotalCount) }
        }

        /// Calls `body(wordID, z)` for every included word; the hot loop, with no allocation or hashing.
        func forEachScore(ofGroup g: Int, in counts: WordCounts, _ body: (Int, Double) -> Void) {
            let row = counts.rows[g]
            let sizeInGroup = Double(groupSizes[g]), sizeInRest = allTokens - sizeInGroup
            totals.withUnsafeBufferPointer { totals in
                prior.withUnsafeBufferPointer { prior in
                    row.withUnsafeBufferPointer { row in
                        for w in includedWords {
                            let inGroup = w < row.count ? row[w] : 0
                            let (delta, variance) = Self.deltaAndVariance(
                                inGroup: Double(inGroup), inRest: Double(totals[w] - inGroup), prior: prior[w],
                                sizeInGroup: sizeInGroup, sizeInRest: sizeInRest, alpha0: alpha0)
                            body(w, delta / variance.squareRoot())
                        }
                    }
                }
            }
        }

        /// δ (as one log of a ratio of odds) and its variance, from the smoothed counts `y + α_w`.
        @inline(__always)
        static func deltaAndVariance(
            inGroup: Double, inRest: Double, prior a: Double, sizeInGroup: Double, sizeInRest: Double, alpha0: Double
        ) -> (delta: Double, variance: Double) {
            let yi = inGroup + a, yj = inRest + a
            let delta = log(yi * (sizeInRest + alpha0 - yj) / ((sizeInGroup + alpha0 - yi) * yj))
            return (delta, 1 / yi + 1 / yj)
        }

        /// The full score of one word (used for the few words reported).
        func score(ofWord w: Int, inGroup g: Int, _ counts: WordCounts) -> WordScore {
            let row = counts.rows[g]
            let inGroup = w < row.count ? row[w] : 0
            let sizeInGroup = Double(groupSizes[g])
            let (delta, variance) = Self.deltaAndVariance(
                inGroup: Double(inGroup), inRest: Double(totals[w] - inGroup), prior: prior[w],
                sizeInGroup: sizeInGroup, sizeInRest: allTokens - sizeInGroup, alpha0: alpha0)
            return WordScore(
                word: counts.vocabulary[w], countInGroup: inGroup, countInRest: totals[w] - inGroup,
                delta: delta, variance: variance, zScore: delta / variance.squareRoot())
        }
    }
}
