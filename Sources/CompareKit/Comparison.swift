import Foundation
public import WorkbenchProtocol

/// The cross-outlet comparison: documents go in one at a time (`add`), the tables come out at the end
/// (`tables`). Each table keeps per-group tallies and a bounded number of evidence spans per cell, so
/// memory grows with the number of groups and distinct words, not with the corpus.
public struct Comparison: Sendable {
    public let settings: CompareSettings
    var totals: [String: GroupTotals] = [:]
    var sourceBalance = SourceBalance()
    var firstVoice = FirstVoice()
    var casualties = CasualtyComparison()
    var vocabulary = Vocabulary()
    var ownVoice = OwnVoice()
    var frames = FrameProfile()
    var portrayal = PortrayalComparison()
    var distinctive = DistinctiveWordsTable()
    var coverage = Coverage()
    public private(set) var documents = 0
    public private(set) var passedOver = 0

    public init(settings: CompareSettings) { self.settings = settings }

    /// Adds one document's facts to every table.
    public mutating func add(_ facts: DocumentFacts) {
        documents += 1
        var total = totals[facts.group, default: GroupTotals()]
        total.documents += 1
        if let date = facts.date {
            total.firstDate = min(total.firstDate ?? date, date)
            total.lastDate = max(total.lastDate ?? date, date)
        }
        if facts.skipped != nil {
            total.passedOver += 1
            passedOver += 1
            totals[facts.group] = total
            return
        }
        total.articles += 1
        total.words += facts.words
        total.attributions += facts.statements.count
        totals[facts.group] = total
        let context = AddContext(settings: settings)
        sourceBalance.add(facts, context)
        firstVoice.add(facts, context)
        casualties.add(facts, context)
        vocabulary.add(facts, context)
        ownVoice.add(facts, context)
        frames.add(facts, context)
        portrayal.add(facts, context)
        distinctive.add(facts, context)
        coverage.add(facts, context)
    }

    /// Every table, in the order a reader meets them.
    public func tables() -> [DataTable] {
        let groups = GroupIndex(totals: totals, label: settings.groupBy)
        var out = [Overview.table(groups, settings: settings, documents: documents, passedOver: passedOver)]
        out += sourceBalance.tables(groups, settings)
        out += firstVoice.tables(groups, settings)
        out += casualties.tables(groups, settings)
        out += vocabulary.tables(groups, settings)
        out += ownVoice.tables(groups, settings)
        out += frames.tables(groups, settings)
        out += portrayal.tables(groups, settings)
        out += distinctive.tables(groups, settings)
        out += coverage.tables(groups, settings)
        return out
    }
}

/// What every table is told while adding a document.
struct AddContext {
    let settings: CompareSettings
}

/// Per-group denominators: the n every share is shown with.
struct GroupTotals: Sendable {
    var documents = 0
    var articles = 0
    var passedOver = 0
    var words = 0
    var attributions = 0
    var firstDate: String?
    var lastDate: String?
}

/// The groups in display order (by name) with their totals, and the column set every per-group table starts with.
struct GroupIndex {
    let names: [String]
    let totals: [String: GroupTotals]
    /// `Outlet`, `Country`, `Ownership`…: the first column's label.
    let label: String

    init(totals: [String: GroupTotals], label field: String) {
        self.totals = totals
        names = totals.keys.sorted { $0.localizedStandardLess($1) }
        label = switch field {
        case "outlet": "Outlet"
        case "outlet_country", "country": "Country"
        case "ownership": "Ownership"
        default: field.replacingOccurrences(of: "_", with: " ").capitalized
        }
    }

    /// Groups with at least one analysed article.
    var analysed: [String] { names.filter { (totals[$0]?.articles ?? 0) > 0 } }

    /// `group, articles, words, attributions` — the denominators.
    func leadColumns(attributions: Bool = true) -> [DataTable.Column] {
        var columns = [DataTable.Column(id: "group", label: label), .init(id: "articles", label: "Articles", type: .integer),
                       .init(id: "words", label: "Words", type: .integer)]
        if attributions { columns.append(.init(id: "attributions", label: "Attributions", type: .integer)) }
        return columns
    }

    func leadCells(_ group: String, attributions: Bool = true) -> [JSONValue] {
        let t = totals[group] ?? GroupTotals()
        var cells: [JSONValue] = [.string(group), .number(Double(t.articles)), .number(Double(t.words))]
        if attributions { cells.append(.number(Double(t.attributions))) }
        return cells
    }
}

/// A bounded list of evidence spans for one table cell.
struct EvidenceList: Sendable {
    private(set) var spans: [DataTable.EvidenceSpan] = []
    private(set) var total = 0

    mutating func add(_ document: String, _ span: DocumentFacts.Span, step: String, limit: Int) {
        total += 1
        guard spans.count < limit else { return }
        spans.append(DataTable.EvidenceSpan(document: document, start: span.start, end: span.end, step: step, text: span.text))
    }
}

extension String {
    /// Natural order, case-insensitive (`Outlet 2` before `Outlet 10`), without Foundation.
    func localizedStandardLess(_ other: String) -> Bool {
        let a = lowercased(), b = other.lowercased()
        return a == b ? self < other : a < b
    }
}

/// Rounding for table cells: shares to 4 decimals, rates to 2.
func rounded(_ value: Double, _ places: Int = 4) -> JSONValue {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return .number((value * scale).rounded() / scale)
}

func share(_ part: Int, _ whole: Int) -> JSONValue { whole > 0 ? rounded(Double(part) / Double(whole)) : .null }

func count(_ n: Int) -> JSONValue { .number(Double(n)) }
