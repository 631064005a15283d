import WorkbenchProtocol

/// Own-voice assertions: the positioned statements each outlet makes without attributing them
/// (loaded labels, evaluations, claims about motives), counted per 1,000 words, with examples.
struct OwnVoice: Sendable {
    struct Tally: Sendable {
        var sentences = 0
        var articlesWith = 0
        var markers: [String: Int] = [:]
        var evidence = EvidenceList()
        var examples: [(document: String, span: DocumentFacts.Span, markers: [String])] = []
    }

    var tallies: [String: Tally] = [:]

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        tallies.update(facts.group, default: Tally()) { t in
            if !facts.editorials.isEmpty { t.articlesWith += 1 }
            for e in facts.editorials {
                t.sentences += 1
                for m in e.markers { t.markers[m, default: 0] += 1 }
                t.evidence.add(facts.id, e.span, step: "attribution", limit: context.settings.evidencePerCell)
                if t.examples.count < context.settings.examples { t.examples.append((facts.id, e.span, e.markers)) }
            }
        }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        var rows: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, group) in groups.analysed.enumerated() {
            let t = tallies[group] ?? Tally()
            let words = groups.totals[group]?.words ?? 0
            let articles = groups.totals[group]?.articles ?? 0
            let markers = t.markers.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(6).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            rows.append(groups.leadCells(group, attributions: false) + [
                count(t.sentences), words > 0 ? rounded(Double(t.sentences) * 1000 / Double(words), 3) : .null, share(t.articlesWith, articles),
                markers.isEmpty ? .null : .string(markers), t.examples.first.map { .string($0.span.text) } ?? .null,
            ])
            if !t.evidence.spans.isEmpty {
                evidence["\(r):sentences"] = t.evidence.spans
                evidence["\(r):example"] = Array(t.evidence.spans.prefix(1))
            }
        }
        var notes = ["Sentences the outlet states in its own voice (not attributed, quotes excluded) with a marker of position."]
        let table = groups.analysed.map { g in [tallies[g]?.articlesWith ?? 0, (groups.totals[g]?.articles ?? 0) - (tallies[g]?.articlesWith ?? 0)] }
        if let test = Significance.note(table, rows: "outlets", columns: "articles with and without own-voice assertions") { notes.append(test) }
        let summary = DataTable(
            id: "own_voice", title: "Own-voice assertions",
            columns: groups.leadColumns(attributions: false) + [
                .init(id: "sentences", label: "Sentences", type: .integer), .init(id: "per_1000_words", label: "Per 1,000 words", type: .number),
                .init(id: "articles_share", label: "Articles with any", type: .percent), .init(id: "markers", label: "Markers"),
                .init(id: "example", label: "Example"),
            ],
            rows: rows, evidence: evidence, notes: notes)

        var exampleRows: [[JSONValue]] = []
        var exampleEvidence: [String: [DataTable.EvidenceSpan]] = [:]
        for group in groups.analysed {
            for e in tallies[group]?.examples ?? [] {
                exampleEvidence["\(exampleRows.count):sentence"] = [DataTable.EvidenceSpan(document: e.document, start: e.span.start, end: e.span.end,
                                                                                            step: "attribution", text: e.span.text)]
                exampleRows.append([.string(group), .string(e.document), .string(e.span.text), .string(e.markers.joined(separator: ", "))])
            }
        }
        let examples = DataTable(
            id: "own_voice_examples", title: "Own-voice assertions: examples",
            columns: [.init(id: "group", label: groups.label), .init(id: "document", label: "Article"), .init(id: "sentence", label: "Sentence"),
                      .init(id: "markers", label: "Markers")],
            rows: exampleRows, evidence: exampleEvidence, notes: ["Up to \(settings.examples) per outlet, in corpus order."])
        return [summary, examples]
    }
}
