import Foundation
import WorkbenchProtocol

/// Who each outlet lets speak: attributions by the speaker's side (count and share), direct vs
/// indirect speech and the stance of the cue verbs, and the speakers quoted most.
struct SourceBalance: Sendable {
    struct Tally: Sendable {
        var bySide: [String: Int] = [:]
        var sideEvidence: [String: EvidenceList] = [:]
        var direct = 0
        var indirect = 0
        var byStance: [String: Int] = [:]
        var stanceEvidence: [String: EvidenceList] = [:]
        var speakers: [String: (side: String, count: Int, evidence: EvidenceList)] = [:]
    }

    static let stances = ["neutral", "assertive", "distancing", "accusatory", "denial", "demand"]
    var tallies: [String: Tally] = [:]

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        let limit = context.settings.evidencePerCell
        tallies.update(facts.group, default: Tally()) { t in
            for s in facts.statements {
                t.bySide[s.side, default: 0] += 1
                t.sideEvidence[s.side, default: EvidenceList()].add(facts.id, s.span, step: "attribution", limit: limit)
                if s.direct { t.direct += 1 } else { t.indirect += 1 }
                t.byStance[s.stance, default: 0] += 1
                t.stanceEvidence[s.stance, default: EvidenceList()].add(facts.id, s.span, step: "attribution", limit: limit)
                t.speakers.update(s.speaker, default: (s.side, 0, EvidenceList())) { speaker in
                    speaker.count += 1
                    speaker.evidence.add(facts.id, s.span, step: "attribution", limit: limit)
                }
            }
        }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        let names = groups.analysed
        let sides = settings.orderedSides(tallies.values.flatMap(\.bySide.keys)).filter { side in tallies.values.contains { ($0.bySide[side] ?? 0) > 0 } }

        // 1. Attributions by side.
        var columns = groups.leadColumns()
        for side in sides {
            columns.append(.init(id: side, label: settings.label(ofSide: side), type: .integer))
            columns.append(.init(id: "\(side)_share", label: "\(settings.label(ofSide: side)) %", type: .percent))
        }
        var rows: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, group) in names.enumerated() {
            let t = tallies[group] ?? Tally()
            let total = t.bySide.values.reduce(0, +)
            var row = groups.leadCells(group)
            for side in sides {
                row += [count(t.bySide[side] ?? 0), share(t.bySide[side] ?? 0, total)]
                if let e = t.sideEvidence[side], !e.spans.isEmpty { evidence["\(r):\(side)"] = e.spans }
            }
            rows.append(row)
        }
        let sideTable = names.map { g in sides.map { tallies[g]?.bySide[$0] ?? 0 } }
        var notes = ["Shares are of the outlet's attributions (the `Attributions` column). `Both sides`: statements credited to both parties at once."]
        if let test = Significance.note(sideTable, rows: "outlets", columns: "speaker sides") { notes.append(test) }
        let balance = DataTable(id: "source_balance", title: "Source balance: attributions by the speaker's side", columns: columns, rows: rows,
                                evidence: evidence, notes: notes,
                                charts: [.init(kind: .stackedBar, title: "Who speaks, by side", category: "group", series: sides, normalized: true)])

        // 2. Direct vs indirect, and cue stance.
        var formColumns = groups.leadColumns() + [.init(id: "direct", label: "Direct", type: .integer),
                                                   .init(id: "direct_share", label: "Direct %", type: .percent),
                                                   .init(id: "indirect", label: "Indirect", type: .integer)]
        for stance in Self.stances { formColumns.append(.init(id: stance, label: stance.capitalized, type: .integer)) }
        formColumns.append(.init(id: "distancing_share", label: "Distancing %", type: .percent))
        var formRows: [[JSONValue]] = []
        var formEvidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (r, group) in names.enumerated() {
            let t = tallies[group] ?? Tally()
            var row = groups.leadCells(group) + [count(t.direct), share(t.direct, t.direct + t.indirect), count(t.indirect)]
            for stance in Self.stances {
                row.append(count(t.byStance[stance] ?? 0))
                if let e = t.stanceEvidence[stance], !e.spans.isEmpty { formEvidence["\(r):\(stance)"] = e.spans }
            }
            row.append(share(t.byStance["distancing"] ?? 0, t.direct + t.indirect))
            formRows.append(row)
        }
        var formNotes = ["Direct: any of the speaker's words in quotation marks. Stance of the cue verb: neutral (said), assertive (confirmed), "
                         + "distancing (claimed, alleged), accusatory (accused), denial (denied), demand (urged)."]
        if let test = Significance.note(names.map { [tallies[$0]?.direct ?? 0, tallies[$0]?.indirect ?? 0] }, rows: "outlets", columns: "direct vs indirect") {
            formNotes.append(test)
        }
        if let test = Significance.note(names.map { g in Self.stances.map { tallies[g]?.byStance[$0] ?? 0 } }, rows: "outlets", columns: "cue stances") {
            formNotes.append(test)
        }
        let form = DataTable(id: "speech_form", title: "Direct and reported speech, and the stance of cue verbs", columns: formColumns, rows: formRows,
                             evidence: formEvidence, notes: formNotes)

        // 3. The speakers quoted most.
        var speakerRows: [[JSONValue]] = []
        var speakerEvidence: [String: [DataTable.EvidenceSpan]] = [:]
        for group in names {
            let t = tallies[group] ?? Tally()
            let total = t.speakers.values.reduce(0) { $0 + $1.count }
            let top = t.speakers.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(max(5, settings.examples))
            for (rank, (speaker, entry)) in top.enumerated() {
                speakerEvidence["\(speakerRows.count):attributions"] = entry.evidence.spans
                speakerRows.append([.string(group), count(rank + 1), .string(speaker), .string(settings.label(ofSide: entry.side)),
                                    count(entry.count), share(entry.count, total)])
            }
        }
        let speakers = DataTable(
            id: "top_speakers", title: "The speakers each outlet quotes most",
            columns: [.init(id: "group", label: groups.label), .init(id: "rank", label: "Rank", type: .integer), .init(id: "speaker", label: "Speaker"),
                      .init(id: "side", label: "Side"), .init(id: "attributions", label: "Attributions", type: .integer),
                      .init(id: "share", label: "Share of the outlet's attributions", type: .percent)],
            rows: speakerRows, evidence: speakerEvidence)
        return [balance, form, speakers]
    }
}
