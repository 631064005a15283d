import WorkbenchProtocol

/// The corpus at a glance: per group, documents, analysed articles, documents passed over (other
/// languages), words, attributions and the date range.
enum Overview {
    static func table(_ groups: GroupIndex, settings: CompareSettings, documents: Int, passedOver: Int) -> DataTable {
        var rows: [[JSONValue]] = []
        for group in groups.names {
            let t = groups.totals[group]!
            rows.append([.string(group), count(t.documents), count(t.articles), count(t.passedOver), count(t.words), count(t.attributions),
                         t.firstDate.map(JSONValue.string) ?? .null, t.lastDate.map(JSONValue.string) ?? .null])
        }
        var notes = ["\(documents) documents in \(groups.names.count) \(groups.label.lowercased() == "outlet" ? "outlets" : "groups (\(groups.label.lowercased()))")."]
        if passedOver > 0 { notes.append("\(passedOver) documents were passed over by the English-only stages (see the run summary for why); they count here and nowhere else.") }
        return DataTable(
            id: "overview", title: "Corpus overview",
            columns: [.init(id: "group", label: groups.label), .init(id: "documents", label: "Documents", type: .integer),
                      .init(id: "articles", label: "Analysed", type: .integer), .init(id: "passed_over", label: "Passed over", type: .integer),
                      .init(id: "words", label: "Words", type: .integer), .init(id: "attributions", label: "Attributions", type: .integer),
                      .init(id: "first_date", label: "From"), .init(id: "last_date", label: "To")],
            rows: rows, notes: notes)
    }
}
