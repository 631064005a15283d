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
        let extract = try Members(extractBytes, input: "extract")
        if extract.range("skipped") != nil, let reason = try extract.value("skipped")?["reason"]?.stringValue {
            facts.skipped = reason
            return facts
        }
        let source = DocumentFacts.TextSource(document.text)
        let text = source.scalars
        func span(_ m: Members, limit: Int = 240) -> DocumentFacts.Span? {
            guard let start = m.int("start"), let end = m.int("end"), start <= end else { return nil }
            return Self.span(source, start, end, limit: limit)
        }
        facts.date = extract.string("date") ?? facts.date
        if let headline = extract.range("headline"), extractBytes[headline.lowerBound] == UInt8(ascii: "{") {
            facts.headline = span(Members(trusted: extractBytes, range: headline, input: "extract"))
        }

        // Words of the content sentences: the denominator of every rate, and the distinctive-words counts.
        let sentences = Self.sentenceSpans(extract)
        var counter = WordCounter()
        for (s, e) in sentences { counter.add(text, s..<min(e, text.count)) }
        facts.words = counter.words
        facts.wordCounts = counter.counts

        for c in extract.objects("casualties") { if let claim = casualty(c, span: span) { facts.casualties.append(claim) } }
        for c in extract.objects("headline_casualties") { if let claim = casualty(c, span: span) { facts.headlineCasualties.append(claim) } }
        for t in extract.objects("terms") {
            guard let term = t.string("term"), let s = span(t, limit: 80) else { continue }
            facts.terms.append(.init(term: term, group: t.string("group") ?? "term", span: s))
        }

        if let bytes = inputs["attribution"] {
            let attribution = try Members(bytes, input: "attribution")
            for a in attribution.objects("attributions") {
                guard let speaker = a.string("speaker"), let side = a.string("side"), let s = span(a) else { continue }
                facts.statements.append(.init(speaker: speaker, side: side, direct: a.string("kind") == "direct",
                                              stance: a.string("stance") ?? "neutral", span: s, sentence: a.int("sentence") ?? -1))
            }
            facts.firstVoice = attribution.string("first_voice")
            for e in attribution.objects("editorializing") {
                guard let s = span(e, limit: 400) else { continue }
                facts.editorials.append(.init(markers: e.strings("markers"), span: s))
            }
        }
        if let bytes = inputs["framing"] {
            // Frames carry every cue match as evidence: only their figures and first evidence sentences are read.
            let framing = try Members(bytes, input: "framing")
            var frames: [DocumentFacts.Frame] = []
            for f in framing.objects("frames") {
                guard let id = f.string("frame") else { continue }
                var evidence: [DocumentFacts.Span] = []
                if let e = f.range("evidence"), framing.bytes[e.lowerBound] == UInt8(ascii: "{") {
                    let members = Members(trusted: framing.bytes, range: e, input: "framing")
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
            let sentiment = try Members(bytes, input: "sentiment")
            facts.tones = sentiment.objects("sides").compactMap { t in
                guard let side = t.string("side"), let score = t.double("score") else { return nil }
                return .init(side: side, score: score, mentions: t.int("mentions") ?? 0,
                             evidence: t.objects("evidence").prefix(3).compactMap { span($0) })
            }
            facts.portrayals = sentiment.objects("portrayal").compactMap { p in
                guard let agent = p.string("agent_side"), let r = p.range("span"), p.bytes[r.lowerBound] == UInt8(ascii: "{"),
                      let s = span(Members(trusted: p.bytes, range: r, input: "sentiment")) else { return nil }
                return .init(agentSide: agent, patientSide: p.string("patient_side"), verb: p.string("verb") ?? "",
                             voice: p.string("voice") ?? "outlet", span: s)
            }
        }
        facts.facts = FactFinder.facts(casualties: facts.casualties, entities: Self.anchors(extract.objects("entities")),
                                       numbers: Self.numberAnchors(extract.objects("numbers")), sentences: sentences, source: source)
        return facts
    }

    /// `[start, end, paragraph]` triples of extract's `sentences`, as (start, end).
    static func sentenceSpans(_ extract: Members) -> [(Int, Int)] {
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
    static func anchors(_ entities: [Members]) -> [(start: Int, name: String)] {
        entities.compactMap { e in
            guard let start = e.int("start") else { return nil }
            let canonical = e.string("canonical")
            if canonical != nil, e.string("type") == "LOC" { return nil }
            guard let name = canonical ?? e.string("text"), !name.isEmpty else { return nil }
            return (start, name)
        }
    }

    /// Numbers other than dates as coverage anchors: (start, text).
    static func numberAnchors(_ numbers: [Members]) -> [(start: Int, name: String)] {
        numbers.compactMap { n in
            guard let start = n.int("start"), n.string("kind") != "date", let text = n.string("text") else { return nil }
            return (start, text)
        }
    }

    func casualty(_ c: Members, span: (Members, Int) -> DocumentFacts.Span?) -> DocumentFacts.Casualty? {
        guard let side = c.string("side"), let s = span(c, 240) else { return nil }
        return .init(side: side, killed: c.int("killed"), wounded: c.int("wounded"), day: c.string("day"),
                     claimant: c.string("claimant") ?? "outlet", claimantSide: c.string("claimant_side"), span: s)
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

/// The members of one JSON object of an input, located but not parsed; scalar members are read
/// straight from the bytes (no `JSONValue` tree), arrays and objects parsed on demand.
struct Members {
    let bytes: [UInt8]
    let input: String
    /// Members in order, ranges in `bytes` (objects are small: a linear search beats hashing).
    private(set) var members: [JSONParser.ScannedMember] = []

    init(_ bytes: [UInt8], input: String) throws(CompareInputError) {
        self.bytes = bytes
        self.input = input
        // The host validated every output it forwards: only the members' boundaries are needed here.
        guard bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{") else {
            throw CompareInputError("input \"\(input)\" is not a JSON object")
        }
        members = bytes.withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0) }
    }

    /// The members of the object at `range` of `bytes` (part of an input already checked).
    init(trusted bytes: [UInt8], range: Range<Int>, input: String) {
        self.bytes = bytes
        self.input = input
        members = bytes.withUnsafeBufferPointer { buffer in
            JSONParser.membersOfValidatedObject(UnsafeBufferPointer(rebasing: buffer[range])).map {
                JSONParser.ScannedMember(key: $0.key, range: (range.lowerBound + $0.range.lowerBound)..<(range.lowerBound + $0.range.upperBound))
            }
        }
    }

    /// The byte range of member `key`'s value.
    func range(_ key: String) -> Range<Int>? {
        for member in members where member.key == key { return member.range }
        return nil
    }

    /// The byte ranges of the elements of member `key` (an array).
    func elements(_ key: String) -> [Range<Int>] {
        guard let range = range(key) else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            JSONParser.elementsOfValidatedArray(UnsafeBufferPointer(rebasing: buffer[range])).map {
                (range.lowerBound + $0.lowerBound)..<(range.lowerBound + $0.upperBound)
            }
        }
    }

    /// The elements of member `key` that are objects, each split into its members.
    func objects(_ key: String) -> [Members] {
        elements(key).compactMap { bytes[$0.lowerBound] == UInt8(ascii: "{") ? Members(trusted: bytes, range: $0, input: input) : nil }
    }

    /// Member `key` parsed as a JSON value.
    func value(_ key: String) throws(CompareInputError) -> JSONValue? {
        guard let range = range(key) else { return nil }
        do { return try JSONParser.parse(bytes[range]) } catch { throw CompareInputError("input \"\(input)\" member \(key): \(error)") }
    }

    /// Member `key` when it is a string (nil for null, absent or another type).
    func string(_ key: String) -> String? {
        guard let range = range(key), range.count >= 2, bytes[range.lowerBound] == 0x22 else { return nil }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if !bytes[inner].contains(0x5C) { return String(decoding: bytes[inner], as: UTF8.self) }
        return (try? JSONParser.parse(bytes[range]))?.stringValue
    }

    /// Member `key` when it is an integral number.
    func int(_ key: String) -> Int? {
        guard let range = range(key), !range.isEmpty else { return nil }
        var i = range.lowerBound
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value = 0
        var digits = 0
        while i < range.upperBound, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 15 {
            value = value * 10 + Int(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        if i == range.upperBound && digits > 0 { return negative ? -value : value }
        guard digits > 0 || negative else { return nil }
        return (try? JSONParser.parse(bytes[range]))?.intValue
    }

    /// Member `key` when it is a number.
    func double(_ key: String) -> Double? {
        guard let range = range(key), !range.isEmpty else { return nil }
        let c = bytes[range.lowerBound]
        guard c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else { return nil }
        if let int = int(key) { return Double(int) }
        return (try? JSONParser.parse(bytes[range]))?.doubleValue
    }

    /// Member `key` when it is `true` or `false`.
    func bool(_ key: String) -> Bool? {
        guard let range = range(key), let c = range.first.map({ bytes[$0] }) else { return nil }
        return c == UInt8(ascii: "t") ? true : c == UInt8(ascii: "f") ? false : nil
    }

    /// Member `key` when it is an array of strings.
    func strings(_ key: String) -> [String] {
        (try? value(key))?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
