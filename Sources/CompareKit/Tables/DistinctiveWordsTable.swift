import WorkbenchProtocol

/// The words each outlet over- and under-uses relative to the others: weighted log-odds ratios with an
/// informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), with z-scores.
struct DistinctiveWordsTable: Sendable {
    /// Content-word counts per group.
    var counts: [String: [String: Int]] = [:]

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        guard context.settings.distinctiveWords > 0 else { return }
        counts.update(facts.group, default: [:]) { c in
            for (word, n) in facts.wordCounts { c[word, default: 0] += n }
        }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        let analysed = groups.analysed.filter { counts[$0] != nil }
        guard analysed.count >= 2, settings.distinctiveWords > 0 else { return [] }
        let results = Significance.distinctiveWords(counts.filter { analysed.contains($0.key) }, top: settings.distinctiveWords,
                                                    minimumCount: settings.minimumWordCount)
        var rows: [[JSONValue]] = []
        for group in analysed {
            guard let r = results[group] else { continue }
            for (direction, list) in [("over", r.over), ("under", r.under)] {
                for (rank, w) in list.enumerated() {
                    rows.append([.string(group), .string(direction == "over" ? "over-used" : "under-used"), count(rank + 1), .string(w.word),
                                 rounded(w.z, 2), rounded(w.delta, 3), count(w.inGroup), count(w.elsewhere)])
                }
            }
        }
        return [DataTable(
            id: "distinctive_words", title: "Distinctive words of each outlet",
            columns: [.init(id: "group", label: groups.label), .init(id: "direction", label: "Direction"), .init(id: "rank", label: "Rank", type: .integer),
                      .init(id: "word", label: "Word"), .init(id: "z", label: "z", type: .number), .init(id: "log_odds", label: "Log-odds ratio", type: .number),
                      .init(id: "in_group", label: "Uses in outlet", type: .integer), .init(id: "elsewhere", label: "Uses elsewhere", type: .integer)],
            rows: rows,
            notes: ["Weighted log-odds ratio of each word in the outlet vs all other outlets, with an informative Dirichlet prior from the whole "
                    + "corpus (Monroe, Colaresi & Quinn 2008); |z| > 1.96 is conventionally notable. Content words of the article bodies "
                    + "(boilerplate removed), lowercased, without function words; words used fewer than \(settings.minimumWordCount) times are left out."])]
    }
}
