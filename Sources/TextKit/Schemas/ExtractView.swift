import WorkbenchProtocol

/// What the stages after extract read from its output — whether it was skipped, the date, headline,
/// paragraphs, sentences and statements — taken from the raw JSON without decoding the rest: extract's
/// output is several times the article's size, and its tokens, entities and numbers stay bytes.
public struct ExtractView: Sendable {
    public var skipped: ExtractOutput.Skip?
    public var date: String?
    public var headline: TextSpan?
    public var paragraphs: [TextSpan] = []
    public var sentences: [ExtractOutput.SentenceRef] = []
    public var statements: [ExtractOutput.Statement] = []

    /// The members of extract's output this view reads (a stage declares them in its hello `reads`, so
    /// the host sends no others).
    public static let members = ["skipped", "date", "headline", "paragraphs", "sentences", "statements"]

    /// The view of an output already in memory.
    public init(_ output: ExtractOutput) {
        skipped = output.skipped
        date = output.date
        headline = output.headline
        paragraphs = output.paragraphs
        sentences = output.sentences
        statements = output.statements
    }

    /// Reads extract's raw JSON output.
    /// - Throws: `ExtractView.Failure` naming the member that does not have the expected shape.
    public init(json bytes: [UInt8]) throws(Failure) {
        // The host validated extract's output when it arrived: only its members' boundaries are needed.
        let members = bytes.withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0) }
        guard bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{") else {
            throw Failure("extract output is not a JSON object")
        }
        func value(_ member: JSONParser.ScannedMember) throws(Failure) -> JSONValue {
            do { return try JSONParser.parse(bytes[member.range]) } catch { throw Failure("extract output \(member.key): \(error)") }
        }
        for member in members {
            switch member.key {
            case "skipped":
                if let reason = try value(member)["reason"]?.stringValue { skipped = ExtractOutput.Skip(reason: reason) }
            case "date":
                date = try value(member).stringValue
            case "headline":
                let v = try value(member)
                if !v.isNull { headline = try Self.span(v, "headline") }
            case "paragraphs":
                paragraphs = try Self.array(try value(member), "paragraphs").enumerated().map { i, v throws(Failure) in try Self.span(v, "paragraphs[\(i)]") }
            case "sentences":
                sentences = try Self.array(try value(member), "sentences").enumerated().map { i, v throws(Failure) in
                    guard let parts = v.arrayValue, parts.count == 3, let start = parts[0].intValue, let end = parts[1].intValue, let paragraph = parts[2].intValue,
                          start <= end else { throw Failure("extract output sentences[\(i)]: expected [start, end, paragraph]") }
                    return ExtractOutput.SentenceRef(span: TextSpan(start, end), paragraph: paragraph)
                }
            case "statements":
                statements = try Self.array(try value(member), "statements").enumerated().map { i, v throws(Failure) in
                    try ExtractOutput.Statement(json: v, path: "statements[\(i)]")
                }
            default:
                continue
            }
        }
    }

    static func array(_ value: JSONValue, _ path: String) throws(Failure) -> [JSONValue] {
        guard let array = value.arrayValue else { throw Failure("extract output \(path): expected an array") }
        return array
    }

    static func span(_ value: JSONValue, _ path: String) throws(Failure) -> TextSpan {
        guard let start = value["start"]?.intValue, let end = value["end"]?.intValue, start <= end else {
            throw Failure("extract output \(path): expected {\"start\": …, \"end\": …}")
        }
        return TextSpan(start, end)
    }

    /// Extract's output does not have the shape this reader expects.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}

extension ExtractOutput.Statement {
    /// Reads one of extract's `statements[]`.
    init(json v: JSONValue, path: String) throws(ExtractView.Failure) {
        func string(_ key: String) throws(ExtractView.Failure) -> String {
            guard let s = v[key]?.stringValue else { throw ExtractView.Failure("extract output \(path).\(key): expected a string") }
            return s
        }
        func int(_ key: String) throws(ExtractView.Failure) -> Int {
            guard let n = v[key]?.intValue else { throw ExtractView.Failure("extract output \(path).\(key): expected an integer") }
            return n
        }
        func optionalSpan(_ key: String) throws(ExtractView.Failure) -> TextSpan? {
            guard let s = v[key], !s.isNull else { return nil }
            return try ExtractView.span(s, "\(path).\(key)")
        }
        self.init(speaker: try string("speaker"), actor: v["actor"]?.stringValue, side: try string("side"), kind: try string("kind"),
                  cue: v["cue"]?.stringValue, stance: try string("stance"), start: try int("start"), end: try int("end"),
                  speakerSpan: try optionalSpan("speaker_span"), cueSpan: try optionalSpan("cue_span"), resolution: try string("resolution"),
                  sentence: try int("sentence"))
    }
}
