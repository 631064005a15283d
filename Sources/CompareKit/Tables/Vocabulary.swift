import Foundation
import WorkbenchProtocol

/// Contested vocabulary: per outlet, uses per 1,000 words of each term of the topic file, and which of
/// the competing terms of a group (Azeri vs Azerbaijani; occupied / disputed / separatist) it prefers.
struct Vocabulary: Sendable {
    /// Uses per group, then term.
    var uses: [String: [String: Int]] = [:]
    var evidence: [String: [String: EvidenceList]] = [:]
    /// Term → its group, as seen (terms the topic file does not list keep the group extract gave).
    var groupOf: [String: String] = [:]

    mutating func add(_ facts: DocumentFacts, _ context: AddContext) {
        for t in facts.terms {
            uses[facts.group, default: [:]][t.term, default: 0] += 1
            evidence[facts.group, default: [:]][t.term, default: EvidenceList()].add(facts.id, t.span, step: "extract",
                                                                                     limit: context.settings.evidencePerCell)
            groupOf[t.term] = groupOf[t.term] ?? t.group
        }
    }

    func tables(_ groups: GroupIndex, _ settings: CompareSettings) -> [DataTable] {
        // Term groups and terms in topic order, then any others seen.
        var termGroups: [(group: String, terms: [String])] = []
        func note(_ term: String, _ group: String) {
            if let i = termGroups.firstIndex(where: { $0.group == group }) {
                if !termGroups[i].terms.contains(term) { termGroups[i].terms.append(term) }
            } else {
                termGroups.append((group, [term]))
            }
        }
        for (term, group) in settings.terms { note(term, group) }
        for (term, group) in groupOf.sorted(by: { $0.key < $1.key }) { note(term, group) }

        var rows: [[JSONValue]] = []
        var evidenceOut: [String: [DataTable.EvidenceSpan]] = [:]
        for group in groups.analysed {
            let words = groups.totals[group]?.words ?? 0
            for (termGroup, terms) in termGroups {
                let inGroup = terms.reduce(0) { $0 + (uses[group]?[$1] ?? 0) }
                for term in terms {
                    let n = uses[group]?[term] ?? 0
                    if let e = evidence[group]?[term], !e.spans.isEmpty { evidenceOut["\(rows.count):uses"] = e.spans }
                    rows.append([.string(group), count(words), .string(termGroup), .string(term), count(n),
                                 words > 0 ? rounded(Double(n) * 1000 / Double(words), 3) : .null, share(n, inGroup)])
                }
            }
        }
        let termUse = DataTable(
            id: "term_use", title: "Contested vocabulary: uses of each term",
            columns: [.init(id: "group", label: groups.label), .init(id: "words", label: "Words", type: .integer),
                      .init(id: "term_group", label: "Term group"), .init(id: "term", label: "Term"), .init(id: "uses", label: "Uses", type: .integer),
                      .init(id: "per_1000_words", label: "Per 1,000 words", type: .number),
                      .init(id: "share_of_group", label: "Share of the term group", type: .percent)],
            rows: rows, evidence: evidenceOut,
            notes: ["One row per outlet and term (tidy). `Share of the term group`: of the outlet's uses of any term of that group."])

        // Wide: the preferred term of each group per outlet, with the counts behind it.
        var columns = groups.leadColumns(attributions: false)
        for (termGroup, _) in termGroups { columns.append(.init(id: termGroup, label: termGroup.replacingOccurrences(of: "-", with: " ").capitalizedFirst)) }
        var wide: [[JSONValue]] = []
        var wideEvidence: [String: [DataTable.EvidenceSpan]] = [:]
        var notes = ["Each cell: the terms of the group the outlet uses, most used first, with their counts; blank when it uses none."]
        for (r, group) in groups.analysed.enumerated() {
            var row = groups.leadCells(group, attributions: false)
            for (termGroup, terms) in termGroups {
                let used = terms.map { ($0, uses[group]?[$0] ?? 0) }.filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
                row.append(used.isEmpty ? .null : .string(used.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")))
                let spans = used.flatMap { evidence[group]?[$0.0]?.spans ?? [] }.prefix(settings.evidencePerCell)
                if !spans.isEmpty { wideEvidence["\(r):\(termGroup)"] = Array(spans) }
            }
            wide.append(row)
        }
        for (termGroup, terms) in termGroups where terms.count > 1 {
            let table = groups.analysed.map { g in terms.map { uses[g]?[$0] ?? 0 } }
            if let test = Significance.note(table, rows: "outlets", columns: "terms of \(termGroup)") { notes.append("\(termGroup): \(test)") }
        }
        let preferred = DataTable(id: "preferred_terms", title: "Which competing term each outlet prefers", columns: columns, rows: wide,
                                  evidence: wideEvidence, notes: notes)
        return [preferred, termUse]
    }
}

extension String {
    /// `ethnonym` → `Ethnonym`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
