import WorkbenchProtocol

/// Coverage: the facts the articles state — casualty claims, and names and numbers that occur together
/// in a sentence — and which outlets include or omit each. Facts stated by one article only are
/// dropped when the table of candidates grows large, so memory stays bounded.
struct Coverage: Sendable {
    struct Fact: Sendable {
        var label: String
        var articles = 0
        var byGroup: [String: Int] = [:]
        var evidence: [String: EvidenceList] = [:]

        /// One more article of `group` states the fact.
        mutating func record(_ document: String, group: String, span: DocumentFacts.Span, limit: Int) {
            articles += 1
            byGroup[group, default: 0] += 1
            evidence[group, default: EvidenceList()].add(document, span, step: "extract", limit: limit)
        }
    }

    var facts: [String: Fact] = [:]
    static let pruneAt = 200_000

    mutating func add(_ document: DocumentFacts, _ context: AddContext) {
        let limit = min(5, context.settings.evidencePerCell)
        for (key, label, span) in document.facts {
            // Mutated in place: a copy taken out and stored back would copy its dictionaries every time.
            facts[key, default: Fact(label: label)].record(document.id, group: document.group, span: span, limit: limit)
        }
        if facts.count > Self.pruneAt { facts = facts.filter { $0.value.articles > 1 } }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        let analysed = groups.analysed
        guard settings.coverageFacts > 0, analysed.count >= 2 else { return [] }
        // The facts most outlets state (then most articles), stated in at least two articles.
        let top = facts.filter { $0.value.articles >= 2 }
            .sorted { ($0.value.byGroup.count, $0.value.articles, $1.key) > ($1.value.byGroup.count, $1.value.articles, $0.key) }
            .prefix(settings.coverageFacts)
        var columns: [DataTable.Column] = [.init(id: "fact", label: "Fact"), .init(id: "articles", label: "Articles", type: .integer),
                                           .init(id: "groups", label: "\(groups.label)s", type: .integer)]
        for (i, group) in analysed.enumerated() { columns.append(.init(id: "g\(i)", label: group, type: .integer)) }
        columns.append(.init(id: "omitted_by", label: "Omitted by"))
        columns.append(.init(id: "example", label: "Example"))
        var rows: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, (_, fact)) in top.enumerated() {
            var row: [JSONValue] = [.string(fact.label), count(fact.articles), count(fact.byGroup.count)]
            var omitted: [String] = []
            for (i, group) in analysed.enumerated() {
                let n = fact.byGroup[group] ?? 0
                row.append(count(n))
                if n == 0 { omitted.append(group) }
                if let e = fact.evidence[group], !e.spans.isEmpty { evidence["\(r):g\(i)"] = e.spans }
            }
            let example = analysed.lazy.compactMap { fact.evidence[$0]?.spans.first }.first
            row.append(omitted.isEmpty ? .null : .string(omitted.joined(separator: ", ")))
            row.append(example.flatMap { $0.text.map(JSONValue.string) } ?? .null)
            if let example { evidence["\(r):example"] = [example] }
            rows.append(row)
        }
        return [DataTable(
            id: "coverage", title: "Coverage: which outlets state which facts", columns: columns, rows: rows, evidence: evidence,
            notes: ["A fact: a casualty claim (side, figures, day), or two names or numbers stated together in one sentence. Each outlet cell: "
                    + "how many of its articles state it (0: omitted). The facts stated by the most outlets, then by the most articles."])]
    }
}
