import WorkbenchProtocol

/// The JSONL row `workbench import` writes for a document, in the shape `CorpusReader` reads with no
/// field mapping: `id`, the known metadata (`outlet`, `outlet_country`, `ownership`, `language`,
/// `date`, `title`, `url`), every other metadata member as it came, `imported_from` (the source file
/// and line), and `text` last, so `head` shows the metadata.
enum ImportedRow {
    /// The member naming where a row was imported from (`articles.csv:12`, `corpus/004.txt`).
    static let provenanceKey = "imported_from"

    /// Metadata members a row writes itself, in this order (the reader sets the rest again).
    static let typedKeys = ["outlet", "outlet_country", "ownership", "language", "date", "title", "url"]

    /// Member names a metadata member may not take.
    private static let takenKeys = ["id", "text"] + typedKeys + ["source_path", "outlet_source"]

    /// Appends the row for `document`, with `id` in place of its own, and a newline.
    static func write(_ document: Document, id: String, importedFrom: String?, into writer: inout JSONWriter) {
        let meta = document.meta.json
        writer.writeRaw(#"{"id":"#)
        writer.writeString(id)
        for key in typedKeys {
            guard let value = meta[key] else { continue }
            member(key, value, into: &writer)
        }
        var taken = takenKeys  // a few keys: an array is faster than a set here
        var hasProvenance = false
        for extra in document.meta.extra.members where !DocumentMeta.knownKeys.contains(extra.key) {
            var key = extra.key
            if key == "id" || key == "text" {
                // A column named like one of ours: the same value twice is dropped, a different one renamed.
                if extra.value == .string(key == "id" ? document.id : document.text) { continue }
                key = "source_" + key
                var n = 2
                while taken.contains(key) || document.meta.extra[key] != nil { key = "source_\(extra.key)_\(n)"; n += 1 }
            }
            guard !taken.contains(key) else { continue }
            taken.append(key)
            if key == provenanceKey { hasProvenance = true }
            member(key, extra.value, into: &writer)
        }
        if !hasProvenance, let importedFrom { member(provenanceKey, .string(importedFrom), into: &writer) }
        writer.writeRaw(#","text":"#)
        writer.writeString(document.text)
        writer.writeRaw("}\n")
    }

    private static func member(_ key: String, _ value: JSONValue, into writer: inout JSONWriter) {
        writer.writeRaw(",")
        writer.writeString(key)
        writer.writeRaw(":")
        writer.writeValue(value)
    }

    /// What deduplication needs from a row of an output file: its id (as `CorpusReader` assigns it),
    /// its text (only when `withText`, or when the id comes from it) and its provenance. Only these
    /// members are decoded. Nil when the line is not a JSON object, or (`withText`) has no text string.
    static func identity(of line: [UInt8], withText: Bool) -> (id: String, text: String?, importedFrom: String?)? {
        line.withUnsafeBufferPointer { bytes in
            guard let members = try? JSONParser.scanObject(bytes) else { return nil }
            func value(_ key: String) -> JSONValue? {
                guard let member = members.last(where: { $0.key == key }) else { return nil }
                return try? JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[member.range]))
            }
            var id: String
            switch value("id") {
            case .string(let s)?: id = s.trimmingCharacters(in: " ")
            case let number?: id = number.doubleValue != nil ? String(decoding: number.serialized(), as: UTF8.self) : ""
            case nil: id = ""
            }
            var text: String?
            if withText || id.isEmpty {
                guard let found = value("text")?.stringValue else { return nil }
                text = found
            }
            if id.isEmpty, let text { id = "sha-" + String(Hashing.sha256Hex(Array(text.utf8)).prefix(12)) }
            return (id, text, value(provenanceKey)?.stringValue)
        }
    }
}
