import WorkbenchProtocol

/// What the comparison keeps of one document: the findings of extract, attribution, framing and
/// sentiment it tabulates, each with the span it rests on, and nothing else (a corpus of 100,000
/// documents passes through one process).
public struct DocumentFacts: Sendable {
    /// A span of the document's text; its excerpt is cut out only when a table keeps it as evidence.
    public struct Span: Sendable {
        public var start: Int
        public var end: Int
        let source: TextSource
        let limit: Int

        /// The span's text on one line, shortened with an ellipsis.
        public var text: String { source.excerpt(start, end, limit: limit) }
    }

    /// The document's text as scalars, shared by its spans.
    public final class TextSource: Sendable {
        let scalars: [Unicode.Scalar]

        init(_ text: String) { scalars = Array(text.unicodeScalars) }

        var count: Int { scalars.count }

        /// The text of `start..<end` (at most `limit` scalars) on one line: runs of whitespace become
        /// one space, leading and trailing whitespace go; "…" when it was cut. Built as UTF-8 in one pass.
        func excerpt(_ start: Int, _ end: Int, limit: Int) -> String {
            let s = max(0, min(start, scalars.count)), e = max(s, min(end, scalars.count))
            let stop = min(e, s + limit)
            var bytes: [UInt8] = []
            bytes.reserveCapacity((stop - s) + 4)
            var space = false
            for scalar in scalars[s..<stop] {
                let v = scalar.value
                if v == 0x20 || v == 0x0A || v == 0x0D || v == 0x09 {
                    space = true
                    continue
                }
                if space && !bytes.isEmpty { bytes.append(0x20) }
                space = false
                if v < 0x80 {
                    bytes.append(UInt8(v))
                } else {
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
            if e - s > limit { bytes.append(contentsOf: [0xE2, 0x80, 0xA6]) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// An attributed statement.
    public struct Statement: Sendable {
        public var speaker: String
        public var side: String
        public var direct: Bool
        public var stance: String
        public var span: Span
        public var sentence: Int
    }

    /// A casualty claim (`killed`/`wounded` nil when the text gives no figure).
    public struct Casualty: Sendable {
        public var side: String
        public var killed: Int?
        public var wounded: Int?
        public var day: String?
        public var claimant: String
        public var claimantSide: String?
        public var span: Span
    }

    /// A contested term as used.
    public struct Term: Sendable {
        public var term: String
        public var group: String
        public var span: Span
    }

    /// A sentence the outlet states in its own voice with a marker of position.
    public struct Editorial: Sendable {
        public var markers: [String]
        public var span: Span
    }

    /// A frame of the document's profile.
    public struct Frame: Sendable {
        public var id: String
        public var label: String
        public var present: Bool
        public var share: Double
        /// The sentences with the most evidence for it (a few).
        public var evidence: [Span]
    }

    /// Sentiment toward one side, with the clauses behind it.
    public struct Tone: Sendable {
        public var side: String
        public var score: Double
        public var mentions: Int
        public var evidence: [Span]
    }

    /// Who is portrayed acting violently on whom, in whose voice.
    public struct Portrayal: Sendable {
        public var agentSide: String
        public var patientSide: String?
        public var verb: String
        /// `outlet`, or the quoted speaker's side.
        public var voice: String
        public var span: Span
    }

    public var id: String
    /// The value of the grouping field (the outlet, its country, its ownership…).
    public var group: String
    public var outlet: String
    public var title: String?
    public var date: String?
    /// Set when extract passed the document over (another language): the document counts in the
    /// corpus overview only.
    public var skipped: String?
    public var words = 0
    public var headline: Span?
    public var statements: [Statement] = []
    public var firstVoice: String?
    public var casualties: [Casualty] = []
    public var headlineCasualties: [Casualty] = []
    public var terms: [Term] = []
    public var editorials: [Editorial] = []
    public var frames: [Frame]?
    public var tones: [Tone]?
    public var portrayals: [Portrayal]?
    /// Content words (lowercase) with their counts, for distinctive words.
    public var wordCounts: [String: Int] = [:]
    /// Candidate facts for coverage: a key per fact the document states, with the sentence.
    public var facts: [(key: String, label: String, span: Span)] = []

    public init(id: String, group: String, outlet: String) {
        self.id = id
        self.group = group
        self.outlet = outlet
    }
}
