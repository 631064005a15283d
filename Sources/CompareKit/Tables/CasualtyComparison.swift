import WorkbenchProtocol

/// Casualty claims side by side: for each day and side, what each outlet reports and in whose name,
/// with disagreements between outlets flagged; and the articles whose headline figure does not match
/// their own body.
struct CasualtyComparison: Sendable {
    struct Key: Hashable, Sendable, Comparable {
        var day: String
        var side: String
        var group: String
        var claimant: String
        var killed: Int?
        var wounded: Int?

        static func < (a: Key, b: Key) -> Bool {
            (a.day, a.side, a.group, a.claimant, a.killed ?? -1, a.wounded ?? -1) < (b.day, b.side, b.group, b.claimant, b.killed ?? -1, b.wounded ?? -1)
        }
    }

    struct Row: Sendable {
        var articles = 0
        var claimantSide: String?
        var evidence = EvidenceList()
    }

    struct Contradiction: Sendable {
        var group: String
        var document: String
        var headline: String
        var body: String
        var problem: String
        var headlineSpan: DocumentFacts.Span
        var bodySpans: [DocumentFacts.Span]
    }

    var rows: [Key: Row] = [:]
    var contradictions: [Contradiction] = []
    static let rowLimit = 1000

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        var seen = Set<Key>()
        for c in facts.casualties where c.killed != nil || c.wounded != nil {
            let key = Key(day: c.day ?? "?", side: c.side, group: facts.group, claimant: c.claimant, killed: c.killed, wounded: c.wounded)
            guard rows[key] != nil || rows.count < Self.rowLimit * 4 else { continue }
            let first = seen.insert(key).inserted
            rows.update(key, default: Row()) { row in
                if first { row.articles += 1 }
                row.claimantSide = c.claimantSide ?? (c.claimant == "outlet" ? "outlet" : nil)
                row.evidence.add(facts.id, c.span, step: "extract", limit: context.settings.evidencePerCell)
            }
        }
        if let contradiction = Self.contradiction(facts, parties: context.settings.parties) { contradictions.append(contradiction) }
    }

    /// A headline figure the article's own body does not bear out: compared with what the outlet says in
    /// its own voice when it gives figures itself, else with the claims it reports (per side and day, the
    /// largest figure; days added up).
    static func contradiction(_ facts: DocumentFacts, parties: [String]) -> Contradiction? {
        for h in facts.headlineCasualties {
            guard let headlineKilled = h.killed else { continue }
            let own = facts.casualties.filter { $0.claimant == "outlet" && $0.killed != nil }
            let pool = own.isEmpty ? facts.casualties.filter { $0.killed != nil } : own
            let sides: Set<String> = h.side == "both" ? Set(parties.isEmpty ? pool.map(\.side) : parties) : [h.side]
            var perSideDay: [String: Int] = [:]
            var spans: [DocumentFacts.Span] = []
            for c in pool where sides.contains(c.side) || (h.side == "both" && c.side == "both") {
                let key = "\(c.side)|\(c.day ?? "?")"
                if c.killed! > (perSideDay[key] ?? -1) { perSideDay[key] = c.killed! }
                spans.append(c.span)
            }
            guard !perSideDay.isEmpty else { continue }
            let bodyTotal = perSideDay.values.reduce(0, +)
            guard bodyTotal != headlineKilled else { continue }
            let parts = perSideDay.sorted { $0.key < $1.key }.map { "\($0.value) (\($0.key.replacingPipe()))" }.joined(separator: " + ")
            let voice = own.isEmpty ? "the claims it reports" : "the article in its own voice"
            return Contradiction(
                group: facts.group, document: facts.id, headline: "\(headlineKilled) killed (\(h.side))",
                body: "\(bodyTotal) killed: \(parts)",
                problem: "the headline says \(headlineKilled) killed; \(voice) adds up to \(bodyTotal)",
                headlineSpan: h.span, bodySpans: Array(spans.prefix(5)))
        }
        return nil
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        // Agreement between outlets: per day, side and claimant side, the distinct figures reported.
        var figures: [String: Set<String>] = [:]
        var outlets: [String: Set<String>] = [:]
        for (key, row) in rows {
            let topic = "\(key.day)|\(key.side)|\(row.claimantSide ?? key.claimant)"
            figures[topic, default: []].insert("\(key.killed.map(String.init) ?? "–")/\(key.wounded.map(String.init) ?? "–")")
            outlets[topic, default: []].insert(key.group)
        }
        var out: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        let sorted = rows.keys.sorted()
        for key in sorted.prefix(Self.rowLimit) {
            let row = rows[key]!
            let topic = "\(key.day)|\(key.side)|\(row.claimantSide ?? key.claimant)"
            let agreement: String
            if figures[topic]!.count > 1 {
                agreement = "differs: " + figures[topic]!.sorted().joined(separator: " vs ") + " (killed/wounded)"
            } else {
                agreement = outlets[topic]!.count > 1 ? "agrees (\(outlets[topic]!.count) outlets)" : "one outlet"
            }
            let r = out.count
            out.append([.string(key.day), .string(settings.label(ofSide: key.side)), .string("\(key.day) · \(settings.label(ofSide: key.side))"),
                        .string(key.group), .string(key.claimant), key.killed.map { count($0) } ?? .null, key.wounded.map { count($0) } ?? .null,
                        count(row.articles), .string(agreement)])
            if !row.evidence.spans.isEmpty {
                evidence["\(r):killed"] = row.evidence.spans
                evidence["\(r):wounded"] = row.evidence.spans
            }
        }
        var notes = ["One row per figure an outlet reports for a day and side, in the claimant's name (`outlet`: in its own voice). "
                     + "`differs`: outlets report different figures for the same day, side and claimant side."]
        if rows.count > Self.rowLimit { notes.append("The first \(Self.rowLimit) of \(rows.count) rows, by day.") }
        let claims = DataTable(
            id: "casualty_claims", title: "Casualty claims side by side",
            columns: [.init(id: "day", label: "Day"), .init(id: "side", label: "Side"), .init(id: "day_side", label: "Day and side"),
                      .init(id: "group", label: groups.label), .init(id: "claimant", label: "In whose name"),
                      .init(id: "killed", label: "Killed", type: .integer), .init(id: "wounded", label: "Wounded", type: .integer),
                      .init(id: "articles", label: "Articles", type: .integer), .init(id: "agreement", label: "Between outlets")],
            rows: out, evidence: evidence, notes: notes,
            charts: [.init(kind: .dotPlot, title: "Killed, by day and side, per outlet", category: "day_side", value: "killed", color: "group")])

        var contradictionRows: [[JSONValue]] = []
        var contradictionEvidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, c) in contradictions.prefix(Self.rowLimit).enumerated() {
            contradictionRows.append([.string(c.group), .string(c.document), .string(c.headline), .string(c.body), .string(c.problem)])
            contradictionEvidence["\(r):headline"] = [DataTable.EvidenceSpan(document: c.document, start: c.headlineSpan.start, end: c.headlineSpan.end,
                                                                            step: "extract", text: c.headlineSpan.text)]
            contradictionEvidence["\(r):body"] = c.bodySpans.map {
                DataTable.EvidenceSpan(document: c.document, start: $0.start, end: $0.end, step: "extract", text: $0.text)
            }
        }
        let selfContradictions = DataTable(
            id: "casualty_contradictions", title: "Articles whose headline figure their body does not bear out",
            columns: [.init(id: "group", label: groups.label), .init(id: "document", label: "Article"), .init(id: "headline", label: "Headline says"),
                      .init(id: "body", label: "Body says"), .init(id: "problem", label: "Problem")],
            rows: contradictionRows, evidence: contradictionEvidence,
            notes: [contradictions.isEmpty ? "No article contradicts itself." : "\(contradictions.count) articles."])
        return [claims, selfContradictions]
    }
}

extension String {
    /// `armenia|2023-05-12` → `armenia, 2023-05-12`.
    func replacingPipe() -> String { split(separator: "|").joined(separator: ", ") }
}
