// outlet-table — the example corpus-scope stage: it sees every document's wordcount and quotes
// results, then answers once with tables (data, not formatting: the host renders them).
import StageKit

struct OutletTable: CorpusStage {
    struct WordCount: Decodable {
        var words: Int
        var top: [Term]
        struct Term: Decodable { var word: String; var count: Int }
    }

    struct Quotes: Decodable {
        var count: Int
        var quotes: [Quote]
        struct Quote: Decodable { var start: Int; var end: Int; var text: String }
    }

    struct Output: Encodable {
        var documents: Int
        var tables: [DataTable]
    }

    /// Per-outlet tallies, with the quote spans behind each count.
    struct Tally {
        var documents = 0
        var words = 0
        var quotes = 0
        var evidence: [DataTable.EvidenceSpan] = []
        var terms: [String: Int] = [:]
    }

    static let info = StageInfo(
        name: "outlet-table", version: "1.0.0", consumes: ["wordcount", "quotes"], produces: "outlet-table/1",
        summary: "Per outlet: documents, words, direct quotes and quote density, with the quotes as evidence.",
        configSchema: ["type": "object", "properties": [
            "top_terms": ["type": "integer", "minimum": 0, "maximum": 50, "description": "frequent words listed per outlet"],
        ], "additionalProperties": false])

    struct Configuration: Decodable {
        var topTerms = 5
        enum CodingKeys: String, CodingKey { case topTerms = "top_terms" }
        init(from decoder: any Decoder) throws {
            topTerms = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Int.self, forKey: .topTerms) ?? 5
        }
    }

    var tallies: [String: Tally] = [:]
    var documents = 0
    let topTerms: Int

    init(configuration: Configuration, context: StageContext) throws { topTerms = configuration.topTerms }

    mutating func add(_ task: StageTask) throws {
        let counts = try task.input("wordcount", as: WordCount.self)
        let quotes = try task.input("quotes", as: Quotes.self)
        let outlet = task.document.meta.outlet ?? "(unknown outlet)"
        var tally = tallies[outlet, default: Tally()]
        tally.documents += 1
        tally.words += counts.words
        tally.quotes += quotes.count
        for quote in quotes.quotes.prefix(20) {
            tally.evidence.append(DataTable.EvidenceSpan(document: task.document.id, start: quote.start, end: quote.end, step: "quotes", text: quote.text))
        }
        for term in counts.top { tally.terms[term.word, default: 0] += term.count }
        tallies[outlet] = tally
        documents += 1
    }

    func finish() throws -> Output {
        let outlets = tallies.keys.sorted()
        var rows: [[JSONValue]] = []
        var evidence: [String: [DataTable.EvidenceSpan]] = [:]
        for (i, outlet) in outlets.enumerated() {
            let t = tallies[outlet]!
            let density = t.words > 0 ? Double(t.quotes) * 1000 / Double(t.words) : 0
            rows.append([.string(outlet), .number(Double(t.documents)), .number(Double(t.words)), .number(Double(t.quotes)),
                         .number((density * 100).rounded() / 100)])
            evidence["\(i):quotes"] = t.evidence
        }
        let quoteTable = DataTable(
            id: "quotes-by-outlet", title: "Direct quotes by outlet",
            columns: [.init(id: "outlet", label: "Outlet"), .init(id: "documents", label: "Articles", type: .integer),
                      .init(id: "words", label: "Words", type: .integer), .init(id: "quotes", label: "Direct quotes", type: .integer),
                      .init(id: "quotes_per_1000_words", label: "Quotes per 1,000 words", type: .number)],
            rows: rows, evidence: evidence,
            notes: ["Quotes of at least the configured number of words; each count links to its quotes."])
        var termRows: [[JSONValue]] = []
        for outlet in outlets {
            let top = tallies[outlet]!.terms.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(topTerms)
            for (rank, term) in top.enumerated() {
                termRows.append([.string(outlet), .number(Double(rank + 1)), .string(term.key), .number(Double(term.value))])
            }
        }
        let termTable = DataTable(
            id: "frequent-words", title: "Most frequent content words by outlet",
            columns: [.init(id: "outlet", label: "Outlet"), .init(id: "rank", label: "Rank", type: .integer),
                      .init(id: "word", label: "Word"), .init(id: "count", label: "Count", type: .integer)],
            rows: termRows)
        return Output(documents: documents, tables: [quoteTable, termTable])
    }
}

StageMain.run(OutletTable.self)
