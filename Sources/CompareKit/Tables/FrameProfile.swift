import WorkbenchProtocol

/// The frame profile per outlet: for each frame of the codebook, the share of the outlet's articles
/// that have it, with the sentences behind it.
struct FrameProfile: Sendable {
    struct Tally: Sendable {
        var articles = 0
        var present: [String: Int] = [:]
        var shareSum: [String: Double] = [:]
        var evidence: [String: EvidenceList] = [:]
    }

    var tallies: [String: Tally] = [:]
    /// Frame ids in codebook order, with labels.
    var frames: [(id: String, label: String)] = []
    var seen = false

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        guard let profile = facts.frames else { return }
        seen = true
        for f in profile where !frames.contains(where: { $0.id == f.id }) { frames.append((f.id, f.label)) }
        tallies.update(facts.group, default: Tally()) { t in
            t.articles += 1
            for f in profile {
                t.shareSum[f.id, default: 0] += f.share
                guard f.present else { continue }
                t.present[f.id, default: 0] += 1
                for span in f.evidence.prefix(2) {
                    t.evidence[f.id, default: EvidenceList()].add(facts.id, span, step: "framing", limit: context.settings.evidencePerCell)
                }
            }
        }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        guard seen else { return [] }
        var columns = groups.leadColumns(attributions: false)
        for f in frames { columns.append(.init(id: f.id, label: f.label, type: .percent)) }
        var rows: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, group) in groups.analysed.enumerated() {
            let t = tallies[group] ?? Tally()
            var row = groups.leadCells(group, attributions: false)
            for f in frames {
                row.append(share(t.present[f.id] ?? 0, t.articles))
                if let e = t.evidence[f.id], !e.spans.isEmpty { evidence["\(r):\(f.id)"] = e.spans }
            }
            rows.append(row)
        }
        var notes = ["Each cell: the share of the outlet's articles in which the frame is present (the codebook's decision rule)."]
        for f in frames {
            let table = groups.analysed.map { g in [tallies[g]?.present[f.id] ?? 0, (tallies[g]?.articles ?? 0) - (tallies[g]?.present[f.id] ?? 0)] }
            if let test = Significance.note(table, rows: "outlets", columns: "\(f.label) present or not", onlyWhenNotable: true) {
                notes.append("\(f.label): \(test)")
            }
        }
        return [DataTable(id: "frames", title: "Frame profile by outlet", columns: columns, rows: rows, evidence: evidence, notes: notes,
                          charts: [.init(kind: .heatmap, title: "Frames × outlets (share of articles)", category: "group", series: frames.map(\.id))])]
    }
}
