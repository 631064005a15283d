public import WorkbenchProtocol

/// Everything `report.html` shows, gathered before rendering: the run's overview, the tables of every
/// corpus step, and the articles the evidence points into. `ReportLoader` builds one from a workspace's
/// cache; tests build one in code.
public struct ReportInput: Sendable {
    /// A side of the story, as the topic file's `sides` names it: the id stages write, and a label for people.
    public struct Side: Hashable, Sendable {
        public var id: String
        public var label: String

        public init(id: String, label: String? = nil) {
            self.id = id
            self.label = label ?? id
        }
    }

    /// The tables one corpus step returned, in the order it returned them.
    public struct StepTables: Sendable {
        public var stepId: String
        public var tables: [DataTable]

        public init(stepId: String, tables: [DataTable]) {
            self.stepId = stepId
            self.tables = tables
        }
    }

    /// One document step's output for an article (read by its shape: `extract/1`, `attribution/1`, …).
    public struct StepOutput: Sendable {
        public var stepId: String
        public var output: JSONValue

        public init(stepId: String, output: JSONValue) {
            self.stepId = stepId
            self.output = output
        }
    }

    /// An article: the document (its text is what every span counts into) and its steps' outputs,
    /// in pipeline order.
    public struct Article: Sendable {
        public var document: Document
        public var outputs: [StepOutput]
        /// Shown above the article (e.g. "changed since the last run; annotations left out").
        public var note: String?
        /// The annotations, read from `outputs` already (the loader keeps these instead of the outputs:
        /// a few hundred articles' output trees were most of the report's memory).
        var facts: ArticleFacts?

        /// The steps whose results annotate the article.
        public var annotatingSteps: [String] { facts?.steps ?? outputs.map(\.stepId) }

        public init(document: Document, outputs: [StepOutput] = [], note: String? = nil) {
            self.document = document
            self.outputs = outputs
            self.note = note
        }
    }

    /// How many articles one outlet has in the corpus.
    public struct OutletCount: Hashable, Sendable {
        public var outlet: String
        public var articles: Int

        public init(outlet: String, articles: Int) {
            self.outlet = outlet
            self.articles = articles
        }
    }

    /// The corpus at a glance: its size, outlets and dates.
    public struct CorpusOverview: Sendable {
        public var documents: Int
        /// Most articles first.
        public var outlets: [OutletCount]
        /// ISO dates (`2023-05-11`) of the earliest and latest article, when any has a date.
        public var firstDate: String?
        public var lastDate: String?
        /// Documents without a date.
        public var undated: Int

        public init(documents: Int, outlets: [OutletCount], firstDate: String? = nil, lastDate: String? = nil, undated: Int = 0) {
            self.documents = documents
            self.outlets = outlets
            self.firstDate = firstDate
            self.lastDate = lastDate
            self.undated = undated
        }

        /// Counts outlets and dates of `documents` (for inputs built in code).
        public init(documents: some Sequence<Document>) {
            var tally = CorpusTally()
            for document in documents { tally.add(document) }
            self = tally.overview
        }
    }

    /// The workspace's name (the report's title).
    public var title: String
    /// The topic file's `name`.
    public var topicName: String?
    /// The topic's sides in file order; sides met in the data but not listed here are added after them.
    public var sides: [Side]
    /// Nil when unknown; then the overview counts the articles given.
    public var corpus: CorpusOverview?
    public var runNotes: RunNotes
    /// Per corpus step, in pipeline order.
    public var tables: [StepTables]
    /// The articles that may be shown; the renderer keeps those the evidence needs (see `ReportOptions`).
    public var articles: [Article]

    public init(
        title: String, topicName: String? = nil, sides: [Side] = [], corpus: CorpusOverview? = nil, runNotes: RunNotes = RunNotes(),
        tables: [StepTables] = [], articles: [Article] = []
    ) {
        self.title = title
        self.topicName = topicName
        self.sides = sides
        self.corpus = corpus
        self.runNotes = runNotes
        self.tables = tables
        self.articles = articles
    }

    /// The sides of a topic file (`{"sides": {"armenia": {"label": "Armenia"}, …}}`), in file order.
    public static func sides(ofTopic topic: JSONValue?) -> [Side] {
        guard let sides = topic?["sides"]?.objectValue else { return [] }
        return sides.members.map { member in
            Side(id: member.key, label: member.value["label"]?.stringValue ?? member.value.stringValue)
        }
    }
}

/// Counts outlets and dates of documents as they stream past, in constant memory per outlet.
struct CorpusTally {
    private(set) var documents = 0
    private var outlets: [String: Int] = [:]
    private var firstDate: String?
    private var lastDate: String?
    private var undated = 0

    mutating func add(_ document: Document) {
        documents += 1
        outlets[document.meta.outlet ?? "(unknown outlet)", default: 0] += 1
        guard let raw = document.meta.date, raw.count >= 4 else {
            undated += 1
            return
        }
        let day = String(raw.prefix(10))
        if firstDate.map({ day < $0 }) ?? true { firstDate = day }
        if lastDate.map({ day > $0 }) ?? true { lastDate = day }
    }

    var overview: ReportInput.CorpusOverview {
        let sorted = outlets.map { ReportInput.OutletCount(outlet: $0.key, articles: $0.value) }
            .sorted { ($0.articles, $1.outlet) > ($1.articles, $0.outlet) }
        return ReportInput.CorpusOverview(documents: documents, outlets: sorted, firstDate: firstDate, lastDate: lastDate, undated: undated)
    }
}
