import WorkbenchProtocol

/// Which evidence the report lists and which articles it therefore embeds. Shared by the loader (to
/// read only the articles needed) and the renderer, so both choose the same.
///
/// Evidence is taken round-robin: the first span of every cell, then the second of every cell, … up
/// to `evidencePerCell` per cell and `evidenceTotal` in all, so a huge table cannot starve the others.
/// Articles are taken in the same order, each once, up to `maxArticles`.
enum EvidenceSelection {
    /// The evidence of one table cell.
    struct Cell {
        /// Index of the table over all corpus steps.
        var table: Int
        var row: Int
        var column: Int
        var spans: [DataTable.EvidenceSpan]
        /// How many of `spans` (from the first) the report lists.
        var shown = 0
    }

    /// The cells with evidence, in table, row, column order, with how many spans each lists.
    /// Keys naming a row or column the table does not have are left out.
    static func cells(of tables: [DataTable], options: ReportOptions) -> [Cell] {
        var cells: [Cell] = []
        for (t, table) in tables.enumerated() {
            guard let evidence = table.evidence, !evidence.isEmpty else { continue }
            let columnIndex = Dictionary(table.columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            var tableCells: [Cell] = []
            for (key, spans) in evidence where !spans.isEmpty {
                guard let (row, column) = parse(key, columns: columnIndex), row < table.rows.count else { continue }
                tableCells.append(Cell(table: t, row: row, column: column, spans: spans))
            }
            cells += tableCells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        }
        var budget = max(0, options.evidenceTotal)
        for rank in 0..<max(0, options.evidencePerCell) {
            var took = false
            for i in cells.indices where budget > 0 && cells[i].spans.count > rank {
                cells[i].shown = rank + 1
                budget -= 1
                took = true
            }
            if !took || budget == 0 { break }
        }
        return cells
    }

    /// `"<row>:<column id>"` as (row, column index).
    static func parse(_ key: String, columns: [String: Int]) -> (Int, Int)? {
        guard let colon = key.firstIndex(of: ":"), let row = Int(key[..<colon]), row >= 0,
              let column = columns[String(key[key.index(after: colon)...])] else { return nil }
        return (row, column)
    }

    /// Ids of the documents the listed evidence cites, round-robin over cells, each once, at most `limit`.
    static func documents(cells: [Cell], limit: Int) -> [String] {
        var ids: [String] = []
        var seen: Set<String> = []
        let deepest = cells.map(\.shown).max() ?? 0
        for rank in 0..<deepest {
            for cell in cells where cell.shown > rank {
                guard ids.count < limit else { return ids }
                let id = cell.spans[rank].document
                if seen.insert(id).inserted { ids.append(id) }
            }
        }
        return ids
    }

    /// The documents a report of `tables` embeds from the evidence (the loader reads these, or the whole
    /// corpus when it has at most `allArticlesUpTo` documents).
    static func documents(for tables: [ReportInput.StepTables], options: ReportOptions) -> [String] {
        documents(cells: cells(of: tables.flatMap(\.tables), options: options), limit: options.maxArticles)
    }
}
