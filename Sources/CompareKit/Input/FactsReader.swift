public import WorkbenchProtocol

/// Reads a document's analysis outputs — `extract/1`, `attribution/1`, and when present `framing/1`
/// and `sentiment/1` — into `DocumentFacts`, parsing only the members the tables use.
public struct FactsReader: Sendable {
    let settings: CompareSettings

    public init(settings: CompareSettings) { self.settings = settings }

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
        if let reason = try extract.value("skipped")?["reason"]?.stringValue {
            facts.skipped = reason
            return facts
        }
        let source = DocumentFacts.TextSource(document.text)
        let text = source.scalars
        func span(_ v: JSONValue?, limit: Int = 240) -> DocumentFacts.Span? {
            guard let start = v?["start"]?.intValue, let end = v?["end"]?.intValue, start <= end else { return nil }
            return Self.span(source, start, end, limit: limit)
        }
        facts.date = try extract.value("date")?.stringValue ?? facts.date
        facts.headline = span(try extract.value("headline"))

        // Words of the content sentences: the denominator of every rate, and the distinctive-words counts.
        let sentences = (try extract.value("sentences")?.arrayValue ?? []).compactMap { v -> (Int, Int)? in
            guard let parts = v.arrayValue, parts.count >= 2, let s = parts[0].intValue, let e = parts[1].intValue else { return nil }
            return (s, e)
        }
        var counter = WordCounter()
        for (s, e) in sentences { counter.add(text, s..<min(e, text.count)) }
        facts.words = counter.words
        facts.wordCounts = counter.counts

        for c in try extract.value("casualties")?.arrayValue ?? [] { if let claim = casualty(c, span: span) { facts.casualties.append(claim) } }
        for c in try extract.value("headline_casualties")?.arrayValue ?? [] { if let claim = casualty(c, span: span) { facts.headlineCasualties.append(claim) } }
        for t in try extract.value("terms")?.arrayValue ?? [] {
            guard let term = t["term"]?.stringValue, let s = span(t, limit: 80) else { continue }
            facts.terms.append(.init(term: term, group: t["group"]?.stringValue ?? "term", span: s))
        }
        let entities = try extract.value("entities")?.arrayValue ?? []
        let numbers = try extract.value("numbers")?.arrayValue ?? []

        if let bytes = inputs["attribution"] {
            let attribution = try Members(bytes, input: "attribution")
            for a in try attribution.value("attributions")?.arrayValue ?? [] {
                guard let speaker = a["speaker"]?.stringValue, let side = a["side"]?.stringValue, let s = span(a) else { continue }
                facts.statements.append(.init(speaker: speaker, side: side, direct: a["kind"]?.stringValue == "direct",
                                              stance: a["stance"]?.stringValue ?? "neutral", span: s, sentence: a["sentence"]?.intValue ?? -1))
            }
            facts.firstVoice = try attribution.value("first_voice")?.stringValue
            for e in try attribution.value("editorializing")?.arrayValue ?? [] {
                guard let s = span(e, limit: 400) else { continue }
                facts.editorials.append(.init(markers: e["markers"]?.arrayValue?.compactMap(\.stringValue) ?? [], span: s))
            }
        }
        if let bytes = inputs["framing"] {
            // Frames carry every cue match as evidence: each frame is split, and only its figures and first
            // evidence sentences are parsed.
            let framing = try Members(bytes, input: "framing")
            var frames: [DocumentFacts.Frame] = []
            for element in framing.elements("frames") {
                let f = Members(trusted: framing.bytes, range: element, input: "framing")
                guard let id = try f.value("frame")?.stringValue else { continue }
                var evidence: [DocumentFacts.Span] = []
                if let e = f.ranges["evidence"] {
                    let members = Members(trusted: framing.bytes, range: e, input: "framing")
                    for sentence in members.elements("sentences").prefix(3) {
                        guard let parts = try? JSONParser.parse(framing.bytes[sentence]).arrayValue, parts.count >= 2,
                              let s = parts[0].intValue, let e = parts[1].intValue, s <= e else { continue }
                        evidence.append(Self.span(source, s, e))
                    }
                }
                frames.append(.init(id: id, label: try f.value("label")?.stringValue ?? id, present: try f.value("present")?.boolValue ?? false,
                                    share: try f.value("share")?.doubleValue ?? 0, evidence: evidence))
            }
            facts.frames = frames
        }
        if let bytes = inputs["sentiment"] {
            let sentiment = try Members(bytes, input: "sentiment")
            facts.tones = (try sentiment.value("sides")?.arrayValue ?? []).compactMap { t in
                guard let side = t["side"]?.stringValue, let score = t["score"]?.doubleValue else { return nil }
                return .init(side: side, score: score, mentions: t["mentions"]?.intValue ?? 0,
                             evidence: (t["evidence"]?.arrayValue ?? []).prefix(3).compactMap { span($0) })
            }
            facts.portrayals = (try sentiment.value("portrayal")?.arrayValue ?? []).compactMap { p in
                guard let agent = p["agent_side"]?.stringValue, let s = span(p["span"]) else { return nil }
                return .init(agentSide: agent, patientSide: p["patient_side"]?.stringValue, verb: p["verb"]?.stringValue ?? "",
                             voice: p["voice"]?.stringValue ?? "outlet", span: s)
            }
        }
        facts.facts = FactFinder.facts(casualties: facts.casualties, entities: entities, numbers: numbers, sentences: sentences, source: source)
        return facts
    }

    func casualty(_ c: JSONValue, span: (JSONValue?, Int) -> DocumentFacts.Span?) -> DocumentFacts.Casualty? {
        guard let side = c["side"]?.stringValue, let s = span(c, 240) else { return nil }
        return .init(side: side, killed: c["killed"]?.intValue, wounded: c["wounded"]?.intValue, day: c["day"]?.stringValue,
                     claimant: c["claimant"]?.stringValue ?? "outlet", claimantSide: c["claimant_side"]?.stringValue, span: s)
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

/// The top-level members of one JSON output, parsed on demand.
struct Members {
    let bytes: [UInt8]
    let input: String
    var ranges: [String: Range<Int>] = [:]

    init(_ bytes: [UInt8], input: String) throws(CompareInputError) {
        self.bytes = bytes
        self.input = input
        // The host validated every output it forwards: only the members' boundaries are needed here.
        guard bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{") else {
            throw CompareInputError("input \"\(input)\" is not a JSON object")
        }
        for member in bytes.withUnsafeBufferPointer({ JSONParser.membersOfValidatedObject($0) }) { ranges[member.key] = member.range }
    }

    /// The members of the object at `range` of `bytes` (part of an input already checked).
    init(trusted bytes: [UInt8], range: Range<Int>, input: String) {
        self.bytes = bytes
        self.input = input
        bytes.withUnsafeBufferPointer { buffer in
            for member in JSONParser.membersOfValidatedObject(UnsafeBufferPointer(rebasing: buffer[range])) {
                ranges[member.key] = (range.lowerBound + member.range.lowerBound)..<(range.lowerBound + member.range.upperBound)
            }
        }
    }

    /// The byte ranges of the elements of member `key` (an array).
    func elements(_ key: String) -> [Range<Int>] {
        guard let range = ranges[key] else { return [] }
        return bytes.withUnsafeBufferPointer { buffer in
            JSONParser.elementsOfValidatedArray(UnsafeBufferPointer(rebasing: buffer[range])).map {
                (range.lowerBound + $0.lowerBound)..<(range.lowerBound + $0.upperBound)
            }
        }
    }

    func value(_ key: String) throws(CompareInputError) -> JSONValue? {
        guard let range = ranges[key] else { return nil }
        do { return try JSONParser.parse(bytes[range]) } catch { throw CompareInputError("input \"\(input)\" member \(key): \(error)") }
    }
}

extension String {
    /// Line breaks and runs of spaces as single spaces (excerpts are one line).
    func replacingNewlines() -> String {
        var out = ""
        var space = false
        for scalar in unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
