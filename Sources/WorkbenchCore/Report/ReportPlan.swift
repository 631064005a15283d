import WorkbenchProtocol

/// What a report will contain, decided before any HTML is written: the tables in order, the evidence
/// listed per cell, the articles embedded, and the anchor (element id) behind every evidence link —
/// so a link is only written when its target will exist.
struct ReportPlan {
    /// An embedded article and the anchors evidence links point to in it.
    struct Article {
        /// Position among embedded articles; the view's element id is `doc-<index>`.
        var index: Int
        var article: ReportInput.Article
        var text: ScalarText
        var facts: ArticleFacts
        var anchors: [TextAnchor] = []
        /// Listed evidence spans citing it.
        var citations = 0

        var elementId: String { "doc-\(index)" }
    }

    /// Identifies a cell: (table, row, column).
    struct CellKey: Hashable {
        var table: Int
        var row: Int
        var column: Int
    }

    let tables: [(stepId: String, table: DataTable)]
    let cells: [EvidenceSelection.Cell]
    let cellIndex: [CellKey: Int]
    private(set) var articles: [Article] = []
    let articleIndex: [String: Int]
    let palette: SidePalette
    /// Colours of the values dot plots colour by (outlets, mostly): one per value for the whole report,
    /// in order of first appearance, so an outlet has the same colour in every chart.
    let categoryColors: [String: (color: RGB, order: Int)]
    /// Articles in the input (before the cap).
    let inputArticles: Int
    /// Whether every input article is embedded.
    let embedsAll: Bool

    init(input: ReportInput, options: ReportOptions) {
        tables = input.tables.flatMap { step in step.tables.map { (step.stepId, $0) } }
        cells = EvidenceSelection.cells(of: tables.map(\.table), options: options)
        var cellIndex: [CellKey: Int] = [:]
        for (i, cell) in cells.enumerated() { cellIndex[CellKey(table: cell.table, row: cell.row, column: cell.column)] = i }
        self.cellIndex = cellIndex
        inputArticles = input.articles.count

        // Which articles: all of a small input, else those the listed evidence cites (in input order).
        embedsAll = input.articles.count <= options.allArticlesUpTo && input.articles.count <= options.maxArticles
        let chosen: [ReportInput.Article]
        if embedsAll {
            chosen = input.articles
        } else {
            let wanted = Set(EvidenceSelection.documents(cells: cells, limit: options.maxArticles))
            chosen = input.articles.filter { wanted.contains($0.document.id) }
        }
        var index: [String: Int] = [:]
        for article in chosen where index[article.document.id] == nil {
            index[article.document.id] = articles.count
            articles.append(Article(index: articles.count, article: article, text: ScalarText(article.document.text),
                                    facts: article.facts ?? ArticleFacts(outputs: article.outputs)))
        }
        articleIndex = index

        // Anchors for every listed span whose article is embedded.
        var seen: Set<String> = []
        for cell in cells {
            for span in cell.spans.prefix(cell.shown) {
                guard let a = index[span.document] else { continue }
                articles[a].citations += 1
                let id = Self.anchorId(article: a, span: span)
                if seen.insert(id).inserted { articles[a].anchors.append(TextAnchor(id: id, start: span.start, end: span.end)) }
            }
        }
        palette = SidePalette(sides: input.sides, alsoSeen: Array(Set(articles.flatMap(\.facts.sidesMentioned))))
        var colors: [String: (color: RGB, order: Int)] = [:]
        for (_, table) in tables {
            for chart in table.charts ?? [] where chart.kind == .dotPlot {
                guard let id = chart.color, let c = table.columns.firstIndex(where: { $0.id == id }) else { continue }
                for row in table.rows.prefix(options.maxChartRows) where c < row.count {
                    let key = ChartSupport.label(row[c], type: table.columns[c].type)
                    if colors[key] == nil { colors[key] = (ChartSupport.palette[colors.count % ChartSupport.palette.count], colors.count) }
                }
            }
        }
        categoryColors = colors
    }

    static func anchorId(article: Int, span: DataTable.EvidenceSpan) -> String { "a\(article)-\(span.start)-\(span.end)" }

    /// The anchor id a listed span links to, when its article is embedded.
    func anchorId(for span: DataTable.EvidenceSpan) -> String? {
        articleIndex[span.document].map { Self.anchorId(article: $0, span: span) }
    }

    /// The evidence of a cell, if it has any.
    func cell(table: Int, row: Int, column: Int) -> EvidenceSelection.Cell? {
        cellIndex[CellKey(table: table, row: row, column: column)].map { cells[$0] }
    }

    /// The element id of a cell's evidence panel.
    static func panelId(table: Int, row: Int, column: Int) -> String { "ev-\(table)-\(row)-\(column)" }
}
