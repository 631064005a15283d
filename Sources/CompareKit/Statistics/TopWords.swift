/// The best `capacity` words seen so far by z-score, largest or smallest first; ties go to the
/// alphabetically first word, so the result does not depend on vocabulary order.
///
/// Kept as a sorted array: after the first `capacity` words, almost every candidate is rejected by
/// one comparison with the current worst, so insertion cost does not matter.
struct TopWords {
    private let capacity: Int
    private let vocabulary: [String]
    private let largestFirst: Bool
    private var entries: [(word: Int, z: Double)] = []

    init(capacity: Int, vocabulary: [String], largestFirst: Bool) {
        self.capacity = max(0, capacity)
        self.vocabulary = vocabulary
        self.largestFirst = largestFirst
        entries.reserveCapacity(self.capacity + 1)
    }

    /// Word ids, best first.
    var ranked: [Int] { entries.map(\.word) }

    /// Keeps `word` if it ranks among the best so far. NaN z-scores are ignored.
    @inline(__always)
    mutating func consider(_ word: Int, z: Double) {
        guard capacity > 0, !z.isNaN else { return }
        if entries.count == capacity, let worst = entries.last, !ranks(word, z, above: worst) { return }
        var position = entries.count
        while position > 0, ranks(word, z, above: entries[position - 1]) { position -= 1 }
        entries.insert((word, z), at: position)
        if entries.count > capacity { entries.removeLast() }
    }

    @inline(__always)
    private func ranks(_ word: Int, _ z: Double, above other: (word: Int, z: Double)) -> Bool {
        if z != other.z { return largestFirst ? z > other.z : z < other.z }
        return vocabulary[word] < vocabulary[other.word]
    }
}
