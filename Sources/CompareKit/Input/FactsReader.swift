public import WorkbenchProtocol

/// Reads a document's analysis outputs — `extract/1`, `attribution/1`, and when present `framing/1`
/// and `sentiment/1` — into `DocumentFacts`, parsing only the members the tables use.
public struct FactsReader: Sendable {
    let settings: CompareSettings

    public init(settings: CompareSettings) { self.settings = settings }

    /// Per input, the members `read` uses (declared in the compare stage's hello `reads`, so the host
    /// sends nothing else: extract's tokens alone are a third of its output).
    public static let reads: [String: [String]] = [
        "extract": ["skipped", "date", "headline", "sentences", "casualties", "headline_casualties", "terms", "entities", "numbers"],
        "attribution": ["attributions", "first_voice", "editorializing"],
        "framing": ["frames"],
        "sentiment": ["sides", "portrayal"],
    ]

    /// The facts of `document`, from its inputs by name (raw JSON bytes).
    /// - Throws: `CompareInputError` naming the input and member that do not have the expected shape.
    public func read(_ document: Document, inputs: [String: [UInt8]]) throws(CompareInputError) -> DocumentFacts {
        let meta = document.meta
        let outlet = meta.outlet ?? "(unknown outlet)"
        var facts = DocumentFacts(id: document.id, group: Self.group(of: meta, by: settings.groupBy), outlet: outlet)
        facts.title = meta.title
        facts.date = meta.date
        guard let extractBytes = inputs["extract"] else { throw CompareInputError("missing input \"extract\"") }
        let extract = try Self.reading { () throws(JSONMembers.Failure) in try JSONMembers(extractBytes, input: "extract") }
        if extract.range("skipped") != nil, let reason = try Self.reading({ () throws(JSONMembers.Failure) in try extract.value("skipped") })?["reason"]?.stringValue {
            facts.skipped = reason
            return facts
        }
        let source = DocumentFacts.TextSource(document.text)
        let text = source.scalars
        func span(_ m: JSONMembers, limit: Int = 240) -> DocumentFacts.Span? {
            guard let start = m.int("start"), let end = m.int("end"), start <= end else { return nil }
            return Self.span(source, start, end, limit: limit)
        }
        facts.date = extract.string("date") ?? facts.date
        if let headline = extract.range("headline"), extractBytes[headline.lowerBound] == UInt8(ascii: "{") {
            facts.headline = span(JSONMembers(trusted: extractBytes, range: headline, input: "extract"))
        }

        // Words of the content sentences: the denominator of every rate, and the distinctive-words counts.
        let sentences = Self.sentenceSpans(extract)
        var counter = WordCounter()
        for (s, e) in sentences { counter.add(text, s..<min(e, text.count)) }
        facts.words = counter.words
        facts.wordCounts = counter.counts

        extract.forEachObject("casualties") { c in if let claim = casualty(c, span: span) { facts.casualties.append(claim) } }
        extract.forEachObject("headline_casualties") { c in if let claim = casualty(c, span: span) { facts.headlineCasualties.append(claim) } }
        extract.forEachObject("terms") { t in
            guard let term = t.string("term"), let s = span(t, limit: 80) else { return }
            facts.terms.append(.init(term: term, group: t.string("group") ?? "term", span: s))
        }

        if let bytes = inputs["attribution"] {
            let attribution = try Self.reading { () throws(JSONMembers.Failure) in try JSONMembers(bytes, input: "attribution") }
            attribution.forEachObject("attributions") { a in
                guard let speaker = a.string("speaker"), let side = a.string("side"), let s = span(a) else { return }
                facts.statements.append(.init(speaker: speaker, side: side, direct: a.string("kind") == "direct",
                                              stance: a.string("stance") ?? "neutral", span: s, sentence: a.int("sentence") ?? -1))
            }
            facts.firstVoice = attribution.string("first_voice")
            attribution.forEachObject("editorializing") { e in
                guard let s = span(e, limit: 400) else { return }
                facts.editorials.append(.init(markers: e.strings("markers"), span: s))
            }
        }
        if let bytes = inputs["framing"] {
            // Frames carry every cue match as evidence: only their figures and first evidence sentences are read.
            let framing = try Self.reading { () throws(JSONMembers.Failure) in try JSONMembers(bytes, input: "framing") }
            var frames: [DocumentFacts.Frame] = []
            for f in framing.objects("frames") {
                guard let id = f.string("frame") else { continue }
                var evidence: [DocumentFacts.Span] = []
                if let e = f.range("evidence"), framing.bytes[e.lowerBound] == UInt8(ascii: "{") {
                    let members = JSONMembers(trusted: framing.bytes, range: e, input: "framing")
                    for sentence in members.elements("sentences").prefix(3) {
                        guard let parts = try? JSONParser.parse(framing.bytes[sentence]).arrayValue, parts.count >= 2,
                              let s = parts[0].intValue, let e = parts[1].intValue, s <= e else { continue }
                        evidence.append(Self.span(source, s, e))
                    }
                }
                frames.append(.init(id: id, label: f.string("label") ?? id, present: f.bool("present") ?? false,
                                    share: f.double("share") ?? 0, evidence: evidence))
            }
            facts.frames = frames
        }
        if let bytes = inputs["sentiment"] {
            let sentiment = try Self.reading { () throws(JSONMembers.Failure) in try JSONMembers(bytes, input: "sentiment") }
            facts.tones = sentiment.objects("sides").compactMap { t in
                guard let side = t.string("side"), let score = t.double("score") else { return nil }
                return .init(side: side, score: score, mentions: t.int("mentions") ?? 0,
                             evidence: t.objects("evidence").prefix(3).compactMap { span($0) })
            }
            facts.portrayals = sentiment.objects("portrayal").compactMap { p in
                guard let agent = p.string("agent_side"), let r = p.range("span"), p.bytes[r.lowerBound] == UInt8(ascii: "{"),
                      let s = span(JSONMembers(trusted: p.bytes, range: r, input: "sentiment")) else { return nil }
                return .init(agentSide: agent, patientSide: p.string("patient_side"), verb: p.string("verb") ?? "",
                             voice: p.string("voice") ?? "outlet", span: s)
            }
        }
        facts.facts = FactFinder.facts(casualties: facts.casualties, entities: Self.anchors(extract),
                                       numbers: Self.numberAnchors(extract), sentences: sentences, source: source)
        return facts
    }

    /// `[start, end, paragraph]` triples of extract's `sentences`, as (start, end).
    static func sentenceSpans(_ extract: JSONMembers) -> [(Int, Int)] {
        extract.elements("sentences").compactMap { range -> (Int, Int)? in
            // Two integers at the front of a small array: read them without building values.
            var numbers: [Int] = []
            var i = range.lowerBound + 1
            while numbers.count < 2 && i < range.upperBound {
                var value = 0, digits = 0
                while i < range.upperBound, extract.bytes[i] >= 0x30, extract.bytes[i] <= 0x39 {
                    value = value * 10 + Int(extract.bytes[i] - 0x30)
                    digits += 1
                    i += 1
                }
                if digits > 0 { numbers.append(value) } else { i += 1 }
            }
            return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
        }
    }

    /// Entities as coverage anchors: (start, name), leaving out countries and capitals that stand for
    /// their governments (they are in nearly every sentence).
    static func anchors(_ extract: JSONMembers) -> [(start: Int, name: String)] {
        var anchors: [(start: Int, name: String)] = []
        extract.forEachObject("entities") { e in
            guard let start = e.int("start") else { return }
            let canonical = e.string("canonical")
            if canonical != nil, e.string("type") == "LOC" { return }
            guard let name = canonical ?? e.string("text"), !name.isEmpty else { return }
            anchors.append((start, name))
        }
        return anchors
    }

    /// Numbers other than dates as coverage anchors: (start, text).
    static func numberAnchors(_ extract: JSONMembers) -> [(start: Int, name: String)] {
        var anchors: [(start: Int, name: String)] = []
        extract.forEachObject("numbers") { n in
            guard let start = n.int("start"), n.string("kind") != "date", let text = n.string("text") else { return }
            anchors.append((start, text))
        }
        return anchors
    }

    func casualty(_ c: JSONMembers, span: (JSONMembers, Int) -> DocumentFacts.Span?) -> DocumentFacts.Casualty? {
        guard let side = c.string("side"), let s = span(c, 240) else { return nil }
        return .init(side: side, killed: c.int("killed"), wounded: c.int("wounded"), day: c.string("day"),
                     claimant: c.string("claimant") ?? "outlet", claimantSide: c.string("claimant_side"), span: s)
    }

    /// Runs a read of the shared `JSONMembers`, its failure as the comparison's.
    static func reading<T>(_ body: () throws(JSONMembers.Failure) -> T) throws(CompareInputError) -> T {
        do { return try body() } catch { throw CompareInputError(error.description) }
    }

    /// The value a document is grouped by.
    static func group(of meta: DocumentMeta, by field: String) -> String {
        let value: String? = switch field {
        case "outlet": meta.outlet
        case "outlet_country", "country": meta.outletCountry
        case "ownership": meta.ownership
        case "language": meta.language
        default: meta.extra[field]?.stringValue
        }
        return value ?? "(unknown \(field == "outlet" ? "outlet" : field))"
    }

    /// A span of the document, its excerpt (up to `limit` scalars) cut out when needed.
    static func span(_ source: DocumentFacts.TextSource, _ start: Int, _ end: Int, limit: Int = 240) -> DocumentFacts.Span {
        let s = max(0, min(start, source.count)), e = max(s, min(end, source.count))
        return DocumentFacts.Span(start: s, end: e, source: source, limit: limit)
    }
}

/// An input that does not have the shape the comparison reads.
public struct CompareInputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
