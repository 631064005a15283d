public import WorkbenchProtocol
import Foundation

/// Where documents come from: a folder of text files, a JSONL file, or a CSV file.
public struct CorpusSource: Hashable, Sendable {
    /// The three corpus formats.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case folder, jsonl, csv
    }

    public var kind: Kind
    /// Absolute path.
    public var path: String
    /// File name pattern for folders (default `*.txt`).
    public var pattern: String = "*.txt"
    public var recursive: Bool = false
    /// `catalog.json` beside the files (folders); found automatically when present.
    public var catalogPath: String?
    /// Our field name → the column or JSON member that holds it (`"text": "body"`).
    public var fields: [String: String] = [:]
    /// Metadata given to every document of this source unless the document says otherwise.
    public var meta: JSONObject = JSONObject()

    /// The fields a JSONL/CSV row can map.
    public static let fieldNames = ["id", "text", "outlet", "date", "title", "url", "language", "outlet_country", "ownership"]

    public init(kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// A source from a bare path, its kind inferred: a folder, `.jsonl`/`.ndjson`, or `.csv`.
    public static func inferred(path: String) -> CorpusSource? {
        let lower = path.lowercased()
        if Paths.isDirectory(path) { return CorpusSource(kind: .folder, path: path) }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return CorpusSource(kind: .jsonl, path: path) }
        if lower.hasSuffix(".csv") { return CorpusSource(kind: .csv, path: path) }
        return nil
    }

    /// The column that holds `field`.
    public func column(for field: String) -> String { fields[field] ?? field }

    static let knownKeys = ["path", "type", "pattern", "recursive", "catalog", "fields", "meta"]

    static func read(_ value: JSONValue, at path: JSONPath, reader: inout ConfigReader, directory: String) -> CorpusSource? {
        var object: JSONObject
        switch value {
        case .string(let s): object = JSONObject(["path": .string(s)])
        case .object(let o): object = o
        default:
            reader.expect("a corpus source (an object with \"path\", or a path string)", at: path, found: value)
            return nil
        }
        reader.rejectUnknownKeys(object, at: path, allowed: knownKeys, what: "a corpus source")
        guard let relative = reader.string(object, "path", at: path, required: true,
                                           hint: "the folder of .txt files, or the .jsonl/.csv file") else { return nil }
        let absolute = Paths.resolve(relative, against: directory)
        var kind: Kind?
        if let typeName = reader.string(object, "type", at: path) {
            kind = Kind(rawValue: typeName)
            if kind == nil {
                reader.error("unknown corpus type \"\(typeName)\"", at: path.appending("type"),
                             hint: Suggestion.hint(for: typeName, in: Kind.allCases.map(\.rawValue), kind: "types"))
                return nil
            }
        }
        let exists = FileManager.default.fileExists(atPath: absolute)
        if !exists {
            reader.error("corpus path \(relative) does not exist (looked in \(Paths.display(absolute)))", at: path.appending("path"))
            return nil
        }
        guard var source = kind.map({ CorpusSource(kind: $0, path: absolute) }) ?? inferred(path: absolute) else {
            reader.error("cannot tell the corpus format of \(relative)", at: path.appending("path"),
                         hint: #"name a folder, a .jsonl or a .csv file, or add "type": "folder" | "jsonl" | "csv""#)
            return nil
        }
        if let pattern = reader.string(object, "pattern", at: path) { source.pattern = pattern }
        if let recursive = reader.bool(object, "recursive", at: path) { source.recursive = recursive }
        if let catalog = reader.string(object, "catalog", at: path) {
            source.catalogPath = Paths.resolve(catalog, against: source.kind == .folder ? absolute : directory)
            if !FileManager.default.fileExists(atPath: source.catalogPath!) {
                reader.error("catalog \(catalog) does not exist", at: path.appending("catalog"))
            }
        }
        if let fields = reader.object(object["fields"], at: path.appending("fields")) {
            for member in fields.members {
                let fieldPath = path.appending("fields").appending(member.key)
                guard fieldNames.contains(member.key) else {
                    reader.error("unknown document field \"\(member.key)\"", at: fieldPath, key: true,
                                 hint: Suggestion.hint(for: member.key, in: fieldNames, kind: "fields"))
                    continue
                }
                guard case .string(let column) = member.value else {
                    reader.expect("a column name", at: fieldPath, found: member.value)
                    continue
                }
                source.fields[member.key] = column
            }
        }
        if let meta = reader.object(object["meta"], at: path.appending("meta")) { source.meta = meta }
        return source
    }
}
