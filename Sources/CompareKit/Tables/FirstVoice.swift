import WorkbenchProtocol

/// Whose account each article gives first: per article, and per outlet the count of articles by the
/// side heard first.
struct FirstVoice: Sendable {
    struct Article: Sendable {
        var group: String
        var id: String
        var date: String?
        var title: String?
        var voice: String
        var statement: DataTable.EvidenceSpan?
    }

    var articles: [Article] = []
    var byGroup: [String: [String: Int]] = [:]
    var voiceEvidence: [String: [String: EvidenceList]] = [:]
    /// Articles listed one by one up to this many; beyond it the per-outlet table alone tells.
    static let articleLimit = 2000

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        let voice = facts.firstVoice ?? "neutral"
        // The statement that made it: the first one by a speaker of that side.
        let statement = facts.statements.first { $0.side == voice }?.span
        if articles.count < Self.articleLimit {
            articles.append(Article(group: facts.group, id: facts.id, date: facts.date, title: facts.title ?? facts.headline?.text, voice: voice,
                                    statement: statement.map { DataTable.EvidenceSpan(document: facts.id, start: $0.start, end: $0.end, step: "attribution", text: $0.text) }))
        }
        byGroup[facts.group, default: [:]][voice, default: 0] += 1
        if let statement {
            voiceEvidence[facts.group, default: [:]][voice, default: EvidenceList()].add(facts.id, statement, step: "attribution",
                                                                                      limit: context.settings.evidencePerCell)
        }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        let voices = settings.orderedSides(byGroup.values.flatMap(\.keys)).filter { v in byGroup.values.contains { ($0[v] ?? 0) > 0 } }
            + (byGroup.values.contains { ($0["neutral"] ?? 0) > 0 } && !settings.sides.contains { $0.id == "neutral" } ? ["neutral"] : [])
        let label = { (v: String) in v == "neutral" ? "Neutral / third party" : settings.label(ofSide: v) }

        var rows: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, a) in articles.sorted(by: { ($0.group, $0.date ?? "", $0.id) < ($1.group, $1.date ?? "", $1.id) }).enumerated() {
            rows.append([.string(a.group), .string(a.id), a.date.map(JSONValue.string) ?? .null, a.title.map(JSONValue.string) ?? .null, .string(label(a.voice))])
            if let s = a.statement { evidence["\(r):first_voice"] = [s] }
        }
        var articleNotes = ["The first voice: the side of the first one-sided statement about the fighting; neutral when a third party speaks first."]
        if articles.count >= Self.articleLimit { articleNotes.append("Only the first \(Self.articleLimit) articles are listed; the next table counts all.") }
        let perArticle = DataTable(
            id: "first_voice_articles", title: "First voice, article by article",
            columns: [.init(id: "group", label: groups.label), .init(id: "document", label: "Article"), .init(id: "date", label: "Date"),
                      .init(id: "title", label: "Headline"), .init(id: "first_voice", label: "First voice")],
            rows: rows, evidence: evidence, notes: articleNotes)

        var columns = groups.leadColumns()
        for v in voices {
            columns.append(.init(id: v, label: label(v), type: .integer))
            columns.append(.init(id: "\(v)_share", label: "\(label(v)) %", type: .percent))
        }
        var groupRows: [[JSONValue]] = []
        var groupEvidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, group) in groups.analysed.enumerated() {
            let counts = byGroup[group] ?? [:]
            let total = counts.values.reduce(0, +)
            var row = groups.leadCells(group)
            for v in voices {
                row += [count(counts[v] ?? 0), share(counts[v] ?? 0, total)]
                if let e = voiceEvidence[group]?[v]?.spans, !e.isEmpty { groupEvidence["\(r):\(v)"] = e }
            }
            groupRows.append(row)
        }
        var notes = ["Articles by the side whose account comes first."]
        if let test = Significance.note(groups.analysed.map { g in voices.map { byGroup[g]?[$0] ?? 0 } }, rows: "outlets", columns: "first voices") {
            notes.append(test)
        }
        let perGroup = DataTable(id: "first_voice", title: "First voice by outlet", columns: columns, rows: groupRows, evidence: groupEvidence, notes: notes,
                                 charts: [.init(kind: .stackedBar, title: "Whose account comes first", category: "group", series: voices, normalized: true)])
        return [perGroup, perArticle]
    }
}
