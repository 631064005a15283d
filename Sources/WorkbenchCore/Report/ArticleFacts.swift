import WorkbenchProtocol

/// What the article view shows, read from an article's step outputs by their shape — `extract/1`
/// (paragraphs, headline, casualties, terms, removed), `attribution/1` (attributions, first voice,
/// editorializing), `framing/1` (frames present), `sentiment/1` (tone) — so renamed steps still work.
/// Reading is defensive: a missing or mistyped member is skipped, never fatal.
struct ArticleFacts {
    /// An attributed statement: its span, where the speaker is named, and who speaks for which side.
    struct Statement {
        var span: Range<Int>
        var speakerSpan: Range<Int>?
        var speaker: String
        var side: String
        var kind: String?
        var cue: String?
        var stance: String?
    }

    /// A casualty claim: the sentence, the words it rests on, and its figures.
    struct Casualty {
        var span: Range<Int>
        /// The words the claim rests on (number, victims, killed/wounded); the whole span when absent.
        var evidence: [Range<Int>]
        var side: String?
        var killed: Int?
        var wounded: Int?
        var day: String?
        var claimant: String?
        var inHeadline: Bool
    }

    /// A contested term where it occurs.
    struct Term {
        var span: Range<Int>
        var term: String
        var group: String?
    }

    /// A sentence in the outlet's own voice, with its markers of position.
    struct Editorial {
        var span: Range<Int>
        var markers: [String]
    }

    /// Boilerplate extract removed.
    struct Removal {
        var span: Range<Int>
        var kind: String
    }

    /// One frame of the codebook and whether the article has it.
    struct Frame {
        var id: String
        var label: String
        var share: Double?
        var present: Bool
    }

    /// A sentiment label and score (-1…1).
    struct Tone {
        var label: String?
        var score: Double?
    }

    /// Who is shown acting on whom.
    struct Portrayal {
        var agentSide: String
        var patientSide: String?
        var verb: String
        var voice: String?
    }

    var hasExtract = false
    var language: String?
    var outlet: String?
    var headline: Range<Int>?
    var paragraphs: [Range<Int>] = []
    var removed: [Removal] = []
    var statements: [Statement] = []
    var casualties: [Casualty] = []
    var terms: [Term] = []
    var editorials: [Editorial] = []
    var firstVoice: String?
    var frames: [Frame] = []
    var dominantFrame: String?
    var documentTone: Tone?
    var sideTones: [(side: String, tone: Tone, mentions: Int?)] = []
    var portrayals: [Portrayal] = []
    /// Reasons steps gave for passing the document over, with the step.
    var skipped: [(step: String, reason: String)] = []
    /// The steps whose outputs these were read from, in order.
    var steps: [String] = []

    /// The kinds of output the view understands.
    enum Schema { case extract, attribution, framing, sentiment }

    /// Which schema an output has, from its members.
    static func schema(of output: JSONValue) -> Schema? {
        guard let object = output.objectValue else { return nil }
        if object["paragraphs"] != nil || object["clean_text"] != nil { return .extract }
        if object["attributions"] != nil || object["first_voice"] != nil || object["editorializing"] != nil { return .attribution }
        if object["frames"]?.arrayValue != nil || object["codebook"] != nil { return .framing }
        if object["portrayal"] != nil || object["document"]?["score"] != nil || object["sides"]?.arrayValue != nil { return .sentiment }
        return nil
    }

    init(outputs: [ReportInput.StepOutput]) {
        var seen: Set<String> = []
        var extractStatements: [Statement] = []
        steps = outputs.map(\.stepId)
        for item in outputs {
            if let reason = item.output["skipped"]?["reason"]?.stringValue { skipped.append((item.stepId, reason)) }
            guard let schema = Self.schema(of: item.output), seen.insert("\(schema)").inserted else { continue }
            switch schema {
            case .extract: extractStatements = readExtract(item.output)
            case .attribution: readAttribution(item.output)
            case .framing: readFraming(item.output)
            case .sentiment: readSentiment(item.output)
            }
        }
        if !seen.contains("\(Schema.attribution)") { statements = extractStatements }
    }

    // MARK: - Reading

    /// `{"start": s, "end": e}` or `[s, e, …]`.
    static func span(_ value: JSONValue?) -> Range<Int>? {
        guard let value else { return nil }
        if let start = value["start"]?.intValue, let end = value["end"]?.intValue { return start <= end ? start..<end : nil }
        if let items = value.arrayValue, items.count >= 2, let start = items[0].intValue, let end = items[1].intValue {
            return start <= end ? start..<end : nil
        }
        return nil
    }

    private mutating func readExtract(_ output: JSONValue) -> [Statement] {
        hasExtract = true
        language = output["language"]?.stringValue
        outlet = output["outlet"]?.stringValue
        headline = Self.span(output["headline"])
        paragraphs = (output["paragraphs"]?.arrayValue ?? []).compactMap { Self.span($0) }
        removed = (output["removed"]?.arrayValue ?? []).compactMap { item in
            Self.span(item).map { Removal(span: $0, kind: item["kind"]?.stringValue ?? "boilerplate") }
        }
        for (key, inHeadline) in [("casualties", false), ("headline_casualties", true)] {
            for item in output[key]?.arrayValue ?? [] {
                guard let span = Self.span(item) else { continue }
                let evidence = (item["evidence"]?.arrayValue ?? []).compactMap { Self.span($0) }
                casualties.append(Casualty(
                    span: span, evidence: evidence.isEmpty ? [span] : evidence, side: item["side"]?.stringValue,
                    killed: item["killed"]?.intValue, wounded: item["wounded"]?.intValue, day: item["day"]?.stringValue,
                    claimant: item["claimant"]?.stringValue, inHeadline: inHeadline))
            }
        }
        terms = (output["terms"]?.arrayValue ?? []).compactMap { item in
            Self.span(item).map { Term(span: $0, term: item["term"]?.stringValue ?? item["text"]?.stringValue ?? "term", group: item["group"]?.stringValue) }
        }
        return (output["statements"]?.arrayValue ?? []).compactMap(Self.statement)
    }

    private static func statement(_ item: JSONValue) -> Statement? {
        guard let span = span(item) else { return nil }
        return Statement(span: span, speakerSpan: Self.span(item["speaker_span"]), speaker: item["speaker"]?.stringValue ?? "unknown speaker",
                         side: item["side"]?.stringValue ?? "other", kind: item["kind"]?.stringValue, cue: item["cue"]?.stringValue,
                         stance: item["stance"]?.stringValue)
    }

    private mutating func readAttribution(_ output: JSONValue) {
        statements = (output["attributions"]?.arrayValue ?? []).compactMap(Self.statement)
        firstVoice = output["first_voice"]?.stringValue
        editorials = (output["editorializing"]?.arrayValue ?? []).compactMap { item in
            Self.span(item).map { Editorial(span: $0, markers: item["markers"]?.arrayValue?.compactMap(\.stringValue) ?? []) }
        }
    }

    private mutating func readFraming(_ output: JSONValue) {
        let present = Set(output["present"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        frames = (output["frames"]?.arrayValue ?? []).compactMap { item in
            guard let id = item["frame"]?.stringValue else { return nil }
            return Frame(id: id, label: item["label"]?.stringValue ?? id, share: item["share"]?.doubleValue,
                         present: item["present"]?.boolValue ?? present.contains(id))
        }
        dominantFrame = output["dominant"]?.stringValue
    }

    private mutating func readSentiment(_ output: JSONValue) {
        if let document = output["document"], document.objectValue != nil {
            documentTone = Tone(label: document["label"]?.stringValue, score: document["score"]?.doubleValue)
        }
        for item in output["sides"]?.arrayValue ?? [] {
            guard let side = item["side"]?.stringValue else { continue }
            sideTones.append((side, Tone(label: item["label"]?.stringValue, score: item["score"]?.doubleValue), item["mentions"]?.intValue))
        }
        for item in output["portrayal"]?.arrayValue ?? [] {
            guard let agent = item["agent_side"]?.stringValue, let verb = item["verb"]?.stringValue else { continue }
            portrayals.append(Portrayal(agentSide: agent, patientSide: item["patient_side"]?.stringValue, verb: verb, voice: item["voice"]?.stringValue))
        }
    }

    /// Every side the article's statements, claims and tone mention.
    var sidesMentioned: [String] {
        var sides = statements.map(\.side) + casualties.compactMap(\.side) + sideTones.map(\.side)
        if let firstVoice { sides.append(firstVoice) }
        sides += portrayals.flatMap { [$0.agentSide] + ($0.patientSide.map { [$0] } ?? []) }
        return sides
    }
}
