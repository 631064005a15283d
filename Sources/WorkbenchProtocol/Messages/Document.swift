/// One article as stages see it: a stable id, its text, and what is known about where it came from.
public struct Document: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    public var meta: DocumentMeta

    public init(id: String, text: String, meta: DocumentMeta = DocumentMeta()) {
        self.id = id
        self.text = text
        self.meta = meta
    }

    /// Canonical JSON (members sorted, no whitespace): what the host sends and what it hashes.
    public var canonicalJSON: [UInt8] {
        var w = JSONWriter(sortedKeys: true, reservingCapacity: text.utf8.count + 256)
        w.writeRaw(#"{"id":"#)
        w.writeString(id)
        w.writeRaw(#","meta":"#)
        w.writeValue(.object(meta.json))
        w.writeRaw(#","text":"#)
        w.writeString(text)
        w.writeRaw("}")
        return w.bytes
    }
}

/// Where a document came from. Known fields are typed; anything else a corpus carries stays in `extra`.
public struct DocumentMeta: Hashable, Sendable, Codable {
    public var outlet: String?
    public var outletCountry: String?
    public var ownership: String?
    public var language: String?
    /// Publication date, ISO 8601 (`2023-05-12`).
    public var date: String?
    public var title: String?
    public var url: String?
    /// The file (and for JSONL/CSV, `#line`) the document was read from.
    public var sourcePath: String?
    /// How the outlet was decided: `catalog`, `corpus`, `file-rule`, `url-rule`, `signature`.
    public var outletSource: String?
    public var extra: JSONObject

    public init(
        outlet: String? = nil, outletCountry: String? = nil, ownership: String? = nil, language: String? = nil,
        date: String? = nil, title: String? = nil, url: String? = nil, sourcePath: String? = nil,
        outletSource: String? = nil, extra: JSONObject = JSONObject()
    ) {
        self.outlet = outlet
        self.outletCountry = outletCountry
        self.ownership = ownership
        self.language = language
        self.date = date
        self.title = title
        self.url = url
        self.sourcePath = sourcePath
        self.outletSource = outletSource
        self.extra = extra
    }

    /// JSON names of the typed fields.
    public static let knownKeys: [String] = [
        "outlet", "outlet_country", "ownership", "language", "date", "title", "url", "source_path", "outlet_source",
    ]

    /// The metadata as a JSON object; nil fields are left out.
    public var json: JSONObject {
        var o = JSONObject()
        let typed: [(String, String?)] = [
            ("outlet", outlet), ("outlet_country", outletCountry), ("ownership", ownership), ("language", language),
            ("date", date), ("title", title), ("url", url), ("source_path", sourcePath), ("outlet_source", outletSource),
        ]
        for (key, value) in typed { if let value { o[key] = .string(value) } }
        for member in extra.members where !Self.knownKeys.contains(member.key) { o[member.key] = member.value }
        return o
    }

    /// Reads metadata from a JSON object; non-string known fields are kept as text.
    public init(json: JSONObject) {
        func text(_ key: String) -> String? {
            switch json[key] {
            case .string(let s)?: s
            case .number?, .bool?: json[key].map { String(decoding: $0.serialized(), as: UTF8.self) }
            default: nil
            }
        }
        self.init(
            outlet: text("outlet"), outletCountry: text("outlet_country"), ownership: text("ownership"),
            language: text("language"), date: text("date"), title: text("title"), url: text("url"),
            sourcePath: text("source_path"), outletSource: text("outlet_source"),
            extra: JSONObject(json.members.filter { !Self.knownKeys.contains($0.key) })
        )
    }

    public init(from decoder: any Decoder) throws {
        guard case .object(let object) = try JSONValue(from: decoder) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "meta must be an object"))
        }
        self.init(json: object)
    }

    public func encode(to encoder: any Encoder) throws { try JSONValue.object(json).encode(to: encoder) }
}
