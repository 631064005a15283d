/// Word counts per group (e.g. per outlet), over one shared vocabulary: the input of `LogOddsDirichlet`.
///
/// Words are interned once, so the comparison works on integer ids and never hashes a string in its
/// inner loop. Each group keeps a dense row of counts over the vocabulary it has seen (a missing tail
/// counts as 0), which costs `groups × vocabulary` integers at most.
public struct WordCounts: Sendable {
    /// Group names, in the order they were first added.
    public private(set) var groups: [String] = []
    /// Every word seen, in the order it was first added (for the dictionary initializer, dictionary
    /// order); results never depend on this order.
    public private(set) var vocabulary: [String] = []

    private var groupIDs: [String: Int] = [:]
    private var wordIDs: [String: Int] = [:]
    /// `rows[g][w]`: count of word w in group g; words past the row's end have count 0.
    private(set) var rows: [[Int]] = []

    /// No groups, no words.
    public init() {}

    /// Counts from `countsByGroup[group][word]`; groups are taken in name order.
    public init(_ countsByGroup: [String: [String: Int]]) {
        for group in countsByGroup.keys.sorted() {
            let g = addGroup(group)
            for (word, count) in countsByGroup[group]! { add(count, ofWordID: wordID(word), toGroupID: g) }
        }
    }

    /// Adds `count` (≥ 0) occurrences of `word` to `group`, creating either if new.
    public mutating func add(_ count: Int, of word: String, in group: String) {
        add(count, ofWordID: wordID(word), toGroupID: groupIDs[group] ?? addGroup(group))
    }

    /// How often `word` occurs in `group` (0 when either is unknown).
    public func count(of word: String, in group: String) -> Int {
        guard let g = groupIDs[group], let w = wordIDs[word] else { return 0 }
        return w < rows[g].count ? rows[g][w] : 0
    }

    /// Total tokens counted in `group`.
    public func tokenCount(in group: String) -> Int {
        groupIDs[group].map { rows[$0].reduce(0, +) } ?? 0
    }

    private mutating func add(_ count: Int, ofWordID w: Int, toGroupID g: Int) {
        if rows[g].count <= w { rows[g].append(contentsOf: repeatElement(0, count: w + 1 - rows[g].count)) }
        rows[g][w] += count
    }

    /// The id of `word`, interning it if new.
    private mutating func wordID(_ word: String) -> Int {
        if let id = wordIDs[word] { return id }
        let id = vocabulary.count
        wordIDs[word] = id
        vocabulary.append(word)
        return id
    }

    private mutating func addGroup(_ group: String) -> Int {
        let id = groups.count
        groupIDs[group] = id
        groups.append(group)
        rows.append([])
        return id
    }
}
