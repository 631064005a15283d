import WorkbenchProtocol

/// Reads the parts of extract's output the sentiment stage uses (`skipped`, `language`, `paragraphs`, `sentences`,
/// `entities`, `statements`) straight from its JSON bytes, skipping the rest (clean text, token offsets, numbers…): decoding the
/// whole `ExtractOutput` with `JSONDecoder` costs more than the analysis itself.
public enum ExtractInput {
    /// - Throws: `ExtractInput.Failure` naming what is malformed.
    /// The members of extract's output `decode` reads (declared in the sentiment stage's hello `reads`).
    public static let members = ["language", "skipped", "paragraphs", "sentences", "entities", "statements"]

    public static func decode(_ bytes: [UInt8]) throws(Failure) -> ExtractOutput {
        let members = try topLevelMembers(bytes)
        func value(_ key: String) throws(Failure) -> JSONValue? {
            guard let range = members[key] else { return nil }
            do { return try JSONParser.parse(bytes[range]) } catch { throw Failure("extract's \(key): \(error)") }
        }
        var output = ExtractOutput(language: try value("language")?.stringValue ?? "", languageConfidence: 0)
        if let reason = try value("skipped")?["reason"]?.stringValue {
            output.skipped = ExtractOutput.Skip(reason: reason)
        }
        output.paragraphs = try (value("paragraphs")?.arrayValue ?? []).map { p throws(Failure) in
            guard let start = p["start"]?.intValue, let end = p["end"]?.intValue else {
                throw Failure("extract's paragraphs: expected {start, end}")
            }
            return TextSpan(start, end)
        }
        output.sentences = try (value("sentences")?.arrayValue ?? []).map { s throws(Failure) in
            guard let a = s.arrayValue, a.count == 3, let start = a[0].intValue, let end = a[1].intValue,
                let paragraph = a[2].intValue
            else {
                throw Failure("extract's sentences: expected [start, end, paragraph]")
            }
            return ExtractOutput.SentenceRef(span: TextSpan(start, end), paragraph: paragraph)
        }
        output.entities = try (value("entities")?.arrayValue ?? []).map { e throws(Failure) in
            guard let start = e["start"]?.intValue, let end = e["end"]?.intValue else {
                throw Failure("extract's entities: expected start and end")
            }
            return ExtractOutput.Entity(
                span: TextSpan(start, end), text: e["text"]?.stringValue ?? "", type: e["type"]?.stringValue ?? "",
                canonical: e["canonical"]?.stringValue, actor: e["actor"]?.stringValue, side: e["side"]?.stringValue)
        }
        // The statements extract found (the same records as attribution's), for who speaks in a portrayal.
        let statements: [JSONValue] = try value("statements")?.arrayValue ?? []
        for (i, v) in statements.enumerated() {
            do { output.statements.append(try ExtractOutput.Statement(json: v, path: "statements[\(i)]")) } catch { throw Failure(error.description) }
        }
        return output
    }

    /// The byte range of each top-level member's value (the host validated the JSON when extract answered).
    static func topLevelMembers(_ bytes: [UInt8]) throws(Failure) -> [String: Range<Int>] {
        guard bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{") else {
            throw Failure("extract's output is not a JSON object")
        }
        var members: [String: Range<Int>] = [:]
        for member in bytes.withUnsafeBufferPointer({ JSONParser.membersOfValidatedObject($0) }) { members[member.key] = member.range }
        return members
    }

    /// Malformed input from extract.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
