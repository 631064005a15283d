/// Limits that keep `report.html` small and quick to open whatever the corpus size.
public struct ReportOptions: Hashable, Sendable {
    /// Evidence spans listed per table cell; the rest are counted ("and 37 more").
    public var evidencePerCell = 20
    /// Evidence spans listed in the whole report; cells past the budget show only their counts.
    public var evidenceTotal = 20_000
    /// Corpora up to this size have every article in the report, not only those the evidence cites.
    public var allArticlesUpTo = 200
    /// At most this many articles are embedded (those the first evidence items of each cell cite first).
    public var maxArticles = 500
    /// Rows shown per table (the files in `tables/` always have them all).
    public var maxRowsPerTable = 2_000
    /// Rows (categories) drawn per chart.
    public var maxChartRows = 60
    /// Unicode scalars of context shown on each side of an evidence span.
    public var contextScalars = 90

    public init() {}
}
