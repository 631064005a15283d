import CompareKit
import Testing

/// Against reference_logodds.py, an independent Python implementation written from Monroe, Colaresi &
/// Quinn (2008) (Benchmarks/analysis/compare/reference_values.py generates the numbers).
@Suite("Log-odds with an informative Dirichlet prior")
struct LogOddsDirichletTests {
    static let counts = WordCounts(ReferenceValues.logOddsCounts)
    typealias TopLists = [String: (overUsed: [String], underUsed: [String])]
    /// The two priors the reference computed: strength, every word's score, top lists.
    static let priors: [(LogOddsDirichlet.PriorStrength, [String: [LogOddsCase]], TopLists)] = [
        (.meanGroupSize, ReferenceValues.logOddsScoresMeanGroupSize, ReferenceValues.logOddsTopMeanGroupSize),
        (.total(ReferenceValues.logOddsFixedAlpha0), ReferenceValues.logOddsScoresFixedAlpha0,
         ReferenceValues.logOddsTopFixedAlpha0),
    ]

    @Test("every word's counts, delta, variance and z match the reference", arguments: 0..<2)
    func scoresMatchReference(prior: Int) throws {
        let (strength, expectedScores, _) = Self.priors[prior]
        let model = LogOddsDirichlet(priorStrength: strength)
        for (group, expected) in expectedScores {
            let scores = model.scores(ofGroup: group, in: Self.counts).sorted { $0.word < $1.word }
            #expect(scores.map(\.word) == expected.map(\.word), "\(group): words at or above the minimum count")
            for (score, reference) in zip(scores, expected) {
                #expect(score.countInGroup == reference.countInGroup && score.countInRest == reference.countInRest)
                expectClose(score.delta, reference.delta, tolerance: 1e-12, "\(group) \(score.word) delta")
                expectClose(score.variance, reference.variance, tolerance: 1e-12, "\(group) \(score.word) variance")
                expectClose(score.zScore, reference.zScore, tolerance: 1e-12, "\(group) \(score.word) z")
            }
        }
    }

    @Test("top over- and under-used words match the reference, ties alphabetical", arguments: 0..<2)
    func topWordsMatchReference(prior: Int) {
        let (strength, _, expectedTop) = Self.priors[prior]
        let model = LogOddsDirichlet(priorStrength: strength, topCount: ReferenceValues.logOddsTopCount)
        let results = model.distinctiveWords(in: Self.counts)
        #expect(results.map(\.group) == ["Courier", "Herald", "Wire"])
        for result in results {
            let expected = expectedTop[result.group]
            #expect(result.overUsed.map(\.word) == expected?.overUsed, "\(result.group) over-used")
            #expect(result.underUsed.map(\.word) == expected?.underUsed, "\(result.group) under-used")
        }
    }

    @Test("words below the minimum total count are skipped")
    func minimumCount() {
        let words = Set(LogOddsDirichlet().scores(ofGroup: "Wire", in: Self.counts).map(\.word))
        #expect(words.contains("exactly5"))                       // total 5: kept
        #expect(!words.contains("rare") && !words.contains("once")) // totals 4 and 1: skipped
        let all = Set(LogOddsDirichlet(minimumTotalCount: 0).scores(ofGroup: "Wire", in: Self.counts).map(\.word))
        #expect(all.contains("rare") && all.contains("once"))
    }

    @Test("adding counts one by one equals building from a dictionary")
    func incrementalCounts() {
        var counts = WordCounts()
        for (group, words) in ReferenceValues.logOddsCounts.sorted(by: { $0.key < $1.key }) {
            for (word, count) in words { counts.add(count, of: word, in: group) }
        }
        #expect(counts.count(of: "regime", in: "Herald") == 30)
        #expect(counts.count(of: "regime", in: "Nowhere") == 0)
        #expect(counts.tokenCount(in: "Wire") == ReferenceValues.logOddsCounts["Wire"]!.values.reduce(0, +))
        let model = LogOddsDirichlet(topCount: 5)
        #expect(model.distinctiveWords(in: counts) == model.distinctiveWords(in: Self.counts))
    }

    @Test("one group has no rest to compare with: empty lists")
    func singleGroup() {
        let result = LogOddsDirichlet().distinctiveWords(in: WordCounts(["Only": ["a": 10, "b": 20]]))
        #expect(result.count == 1)
        #expect(result[0].overUsed.isEmpty && result[0].underUsed.isEmpty)
    }

    /// Prints the time (never asserts it): 20 groups × 200,000 distinct words, every word in every group.
    /// Run in release for the figure that matters: `swift test -c release --filter LogOddsDirichletTests`.
    @Test("20 groups × 200,000 words: timing is printed")
    func timing() {
        let groupCount = 20, vocabularySize = 200_000
        let vocabulary = (0..<vocabularySize).map { "w\($0)" }
        var random = SplitMix64(seed: 42)
        let clock = ContinuousClock()
        var counts = WordCounts()
        let buildTime = clock.measure {
            for g in 0..<groupCount {
                let group = "outlet-\(g)"
                for (rank, word) in vocabulary.enumerated() {
                    // Zipf-like magnitudes: frequent words first, every total ≥ 5 so all are scored.
                    counts.add(1 + Int(random.next() % UInt64(1 + 2_000_000 / (rank + 1))), of: word, in: group)
                }
            }
        }
        var results: [DistinctiveWords] = []
        let compareTime = clock.measure {
            results = LogOddsDirichlet(topCount: 20).distinctiveWords(in: counts)
        }
        #expect(results.count == groupCount && results.allSatisfy { $0.overUsed.count == 20 })
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        print("LogOddsDirichlet (\(build)): \(groupCount) groups × \(vocabularySize) words: "
              + "distinctiveWords \(compareTime), building WordCounts \(buildTime)")
    }
}

/// A small deterministic random number generator (Steele, Lea & Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
