import WorkbenchProtocol

/// Reads members of extract's raw JSON output (`extract/1`) straight from its bytes into the structs
/// the later stages use: no `JSONValue` tree, and members nobody asks for are never parsed (extract's
/// output is several times the article's size). The host validated the output when extract answered.
public struct ExtractReader: Sendable {
    let json: JSONMembers

    /// - Throws: `Failure` when `bytes` is not a JSON object.
    public init(_ bytes: [UInt8]) throws(Failure) {
        do { json = try JSONMembers(bytes, input: "extract") } catch { throw Failure("extract output is not a JSON object") }
    }

    /// Whether `skipped` is there (and not null).
    public var isSkipped: Bool { json.isPresent("skipped") }

    /// `skipped.reason`.
    public var skipReason: String? { json.object("skipped")?.string("reason") }

    /// The skip, when extract passed the document over and said why.
    public var skipped: ExtractOutput.Skip? { skipReason.map(ExtractOutput.Skip.init(reason:)) }

    /// Member `key` when it is a string (`language`, `date`).
    public func string(_ key: String) -> String? { json.string(key) }

    /// `headline`, when not null.
    public func headline() throws(Failure) -> TextSpan? {
        guard json.isPresent("headline") else { return nil }
        return try Self.span(json.object("headline"), "headline")
    }

    /// `paragraphs`: `{start, end}` spans.
    public func paragraphs() throws(Failure) -> [TextSpan] {
        try map("paragraphs") { object, i throws(Failure) in try Self.span(object, "paragraphs[\(i)]") }
    }

    /// `sentences`: `[start, end, paragraph]` triples.
    public func sentences() throws(Failure) -> [ExtractOutput.SentenceRef] {
        try array("sentences").enumerated().map { i, range throws(Failure) in
            guard let parts = json.integers(at: range), parts.count == 3, parts[0] <= parts[1] else {
                throw Failure("extract output sentences[\(i)]: expected [start, end, paragraph]")
            }
            return ExtractOutput.SentenceRef(span: TextSpan(parts[0], parts[1]), paragraph: parts[2])
        }
    }

    /// `tokens`: the flat `[start0, end0, start1, end1, …]` list (empty when absent).
    public func tokens() throws(Failure) -> [Int] {
        guard json.range("tokens") != nil else { return [] }
        guard let tokens = json.integers("tokens") else { throw Failure("extract output tokens: expected an array of integers") }
        return tokens
    }

    /// `entities`.
    public func entities() throws(Failure) -> [ExtractOutput.Entity] {
        try map("entities") { e, i throws(Failure) in
            guard let e, let start = e.int("start"), let end = e.int("end") else {
                throw Failure("extract output entities[\(i)]: expected start and end")
            }
            return ExtractOutput.Entity(span: TextSpan(start, end), text: e.string("text") ?? "", type: e.string("type") ?? "",
                                        canonical: e.string("canonical"), actor: e.string("actor"), side: e.string("side"))
        }
    }

    /// `statements`: the attributed statements extract found.
    public func statements() throws(Failure) -> [ExtractOutput.Statement] {
        try map("statements") { s, i throws(Failure) in
            func path() -> String { "statements[\(i)]" }
            guard let s else { throw Failure("extract output \(path()): expected an object") }
            func string(_ key: String) throws(Failure) -> String {
                guard let value = s.string(key) else { throw Failure("extract output \(path()).\(key): expected a string") }
                return value
            }
            func int(_ key: String) throws(Failure) -> Int {
                guard let value = s.int(key) else { throw Failure("extract output \(path()).\(key): expected an integer") }
                return value
            }
            func optionalSpan(_ key: String) throws(Failure) -> TextSpan? {
                guard s.isPresent(key) else { return nil }
                return try Self.span(s.object(key), "\(path()).\(key)")
            }
            return ExtractOutput.Statement(
                speaker: try string("speaker"), actor: s.string("actor"), side: try string("side"), kind: try string("kind"),
                cue: s.string("cue"), stance: try string("stance"), start: try int("start"), end: try int("end"),
                speakerSpan: try optionalSpan("speaker_span"), cueSpan: try optionalSpan("cue_span"), resolution: try string("resolution"),
                sentence: try int("sentence"))
        }
    }

    /// The element ranges of array member `key` (none when absent).
    func array(_ key: String) throws(Failure) -> [Range<Int>] {
        guard let range = json.range(key) else { return [] }
        guard range.first.map({ json.bytes[$0] }) == UInt8(ascii: "[") else { throw Failure("extract output \(key): expected an array") }
        return json.elements(at: range)
    }

    /// Each element of array member `key` read by `read`, with its members when it is an object and its index.
    func map<T>(_ key: String, _ read: (JSONMembers?, Int) throws(Failure) -> T) throws(Failure) -> [T] {
        let elements = try array(key)
        var out: [T] = []
        out.reserveCapacity(elements.count)
        for (i, range) in elements.enumerated() {
            let object = json.isObject(at: range) ? JSONMembers(trusted: json.bytes, range: range, input: json.input) : nil
            out.append(try read(object, i))
        }
        return out
    }

    /// A `{start, end}` span with `start <= end`.
    static func span(_ object: JSONMembers?, _ path: @autoclosure () -> String) throws(Failure) -> TextSpan {
        guard let object, let start = object.int("start"), let end = object.int("end"), start <= end else {
            throw Failure("extract output \(path()): expected {\"start\": …, \"end\": …}")
        }
        return TextSpan(start, end)
    }

    /// Extract's output does not have the shape this reader expects.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
