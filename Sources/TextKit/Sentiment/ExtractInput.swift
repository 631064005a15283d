import WorkbenchProtocol

/// Reads the parts of extract's output the sentiment stage uses (`skipped`, `language`, `paragraphs`, `sentences`,
/// `entities`, `statements`) straight from its JSON bytes, skipping the rest (clean text, token offsets, numbers…): decoding the
/// whole `ExtractOutput` with `JSONDecoder` costs more than the analysis itself.
public enum ExtractInput {
    /// - Throws: `ExtractInput.Failure` naming what is malformed.
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

    /// The byte range of each top-level member's value. The host validated the JSON when extract answered, so this
    /// only finds the boundaries (strings with their escapes, nested brackets) without building anything.
    static func topLevelMembers(_ bytes: [UInt8]) throws(Failure) -> [String: Range<Int>] {
        var members: [String: Range<Int>] = [:]
        let n = bytes.count
        var i = 0
        func skipSpace() {
            while i < n && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) { i += 1 }
        }
        /// Moves past a string whose opening quote is at `i`.
        func skipString() {
            i += 1
            while i < n && bytes[i] != 0x22 { i += bytes[i] == 0x5C ? 2 : 1 }
            i += 1
        }
        skipSpace()
        guard i < n, bytes[i] == 0x7B else { throw Failure("extract's output is not a JSON object") }
        i += 1
        while true {
            skipSpace()
            guard i < n else { throw Failure("extract's output ends early") }
            if bytes[i] == 0x7D { break }
            if bytes[i] == 0x2C { i += 1; continue }
            guard bytes[i] == 0x22 else { throw Failure("extract's output: expected a member name at byte \(i)") }
            let keyStart = i + 1
            skipString()
            let key = String(decoding: bytes[keyStart..<(i - 1)], as: UTF8.self)
            skipSpace()
            guard i < n, bytes[i] == 0x3A else { throw Failure("extract's output: expected ':' after \"\(key)\"") }
            i += 1
            skipSpace()
            let start = i
            var depth = 0
            while i < n {
                let b = bytes[i]
                if b == 0x22 { skipString(); if depth == 0 { break }; continue }
                if b == 0x7B || b == 0x5B {
                    depth += 1
                } else if b == 0x7D || b == 0x5D {
                    if depth == 0 { break }
                    depth -= 1
                    if depth == 0 { i += 1; break }
                } else if depth == 0 && b == 0x2C {
                    break
                }
                i += 1
            }
            members[key] = start..<min(i, n)
        }
        return members
    }

    /// Malformed input from extract.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
