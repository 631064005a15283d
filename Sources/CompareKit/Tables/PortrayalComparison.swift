import WorkbenchProtocol

/// Portrayal: sentiment toward each side per outlet, and who is shown as attacker and who as
/// attacked — in the outlet's own voice and in the voices it quotes.
struct PortrayalComparison: Sendable {
    struct ToneTally: Sendable {
        var sum = 0.0
        var articles = 0
        var mentions = 0
        var evidence = EvidenceList()
    }

    struct ActKey: Hashable, Sendable, Comparable {
        var group: String
        var voice: String
        var agent: String
        var patient: String

        static func < (a: ActKey, b: ActKey) -> Bool { (a.group, a.voice, a.agent, a.patient) < (b.group, b.voice, b.agent, b.patient) }
    }

    var tones: [String: [String: ToneTally]] = [:]
    var acts: [ActKey: (count: Int, verbs: [String: Int], evidence: EvidenceList)] = [:]
    var seen = false

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        guard facts.tones != nil || facts.portrayals != nil else { return }
        seen = true
        let limit = context.settings.evidencePerCell
        for tone in facts.tones ?? [] where tone.mentions > 0 {
            tones[facts.group, default: [:]].update(tone.side, default: ToneTally()) { t in
                t.sum += tone.score
                t.articles += 1
                t.mentions += tone.mentions
                for span in tone.evidence { t.evidence.add(facts.id, span, step: "sentiment", limit: limit) }
            }
        }
        for p in facts.portrayals ?? [] {
            let voice = p.voice == "outlet" ? "outlet's own voice" : "quoted: \(context.settings.label(ofSide: p.voice))"
            let key = ActKey(group: facts.group, voice: voice, agent: p.agentSide, patient: p.patientSide ?? "")
            acts.update(key, default: (0, [:], EvidenceList())) { act in
                act.count += 1
                act.verbs[p.verb, default: 0] += 1
                act.evidence.add(facts.id, p.span, step: "sentiment", limit: limit)
            }
        }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        guard seen else { return [] }
        let sides = settings.orderedSides(tones.values.flatMap(\.keys)).filter { s in tones.values.contains { $0[s] != nil } }
        var columns = groups.leadColumns(attributions: false)
        for side in sides {
            columns.append(.init(id: side, label: "Toward \(settings.label(ofSide: side))", type: .number))
            columns.append(.init(id: "\(side)_articles", label: "Articles", type: .integer))
        }
        var rows: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, group) in groups.analysed.enumerated() {
            var row = groups.leadCells(group, attributions: false)
            for side in sides {
                let t = tones[group]?[side]
                row += [t.map { rounded($0.sum / Double(max(1, $0.articles)), 3) } ?? .null, count(t?.articles ?? 0)]
                if let e = t?.evidence.spans, !e.isEmpty { evidence["\(r):\(side)"] = e }
            }
            rows.append(row)
        }
        let tone = DataTable(
            id: "tone", title: "Sentiment toward each side", columns: columns, rows: rows, evidence: evidence,
            notes: ["Mean over the outlet's articles of the article's sentiment toward the side (−1 negative … +1 positive), from the "
                    + "clauses that mention the side's actors; `Articles`: how many articles mention the side."],
            charts: [.init(kind: .heatmap, title: "Tone toward each side", category: "group", series: sides)])

        var actRows: [[JSONValue]] = []
        var actEvidence: [String: [DataTable.EvidenceSpan]] = [:]
        for key in acts.keys.sorted() {
            let act = acts[key]!
            actEvidence["\(actRows.count):acts"] = act.evidence.spans
            let verbs = act.verbs.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            actRows.append([.string(key.group), .string(key.voice), .string(settings.label(ofSide: key.agent)),
                            key.patient.isEmpty ? .null : .string(settings.label(ofSide: key.patient)), count(act.count), .string(verbs)])
        }
        let portrayal = DataTable(
            id: "portrayal", title: "Who is shown attacking whom, and in whose voice",
            columns: [.init(id: "group", label: groups.label), .init(id: "voice", label: "Voice"), .init(id: "attacker", label: "Shown attacking"),
                      .init(id: "attacked", label: "Shown attacked"), .init(id: "acts", label: "Portrayals", type: .integer),
                      .init(id: "verbs", label: "Acts")],
            rows: actRows, evidence: actEvidence,
            notes: ["`X opened fire on Y`, `Y came under fire from X`, `a provocation by X`: one portrayal each, in the outlet's own voice or in a quoted speaker's."])
        return [tone, portrayal]
    }
}
