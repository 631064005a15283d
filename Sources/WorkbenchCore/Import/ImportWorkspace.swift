import Foundation
import WorkbenchProtocol
#if canImport(Glibc)
import Glibc
#endif

/// workspace.json as `workbench import` uses it: the outlet registry, and the corpus list the output
/// can be added to. The rest of the file is not checked, so a workspace whose corpus does not exist
/// yet (because it is the file being imported) is fine.
public struct ImportWorkspace: Sendable {
    /// The workspace folder.
    public var directory: String
    /// The parsed workspace.json; nil when the folder has none.
    public var file: JSONSourceFile?
    public var outlets: OutletRegistry

    /// What adding a corpus source did.
    public enum Addition: Hashable, Sendable {
        case added
        case alreadyListed
    }

    /// Reads workspace.json in `directory`, if there is one.
    /// - Throws: `ConfigurationError` when the file is not valid JSON or its outlets are wrong.
    public static func load(directory: String) throws(ConfigurationError) -> ImportWorkspace {
        let directory = Paths.absolute(directory)
        let path = Paths.join(directory, Workspace.fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            return ImportWorkspace(directory: directory, file: nil, outlets: OutletRegistry())
        }
        let file = try JSONSourceFile.load(path: path, displayName: Paths.display(path))
        var reader = ConfigReader(file: file)
        var outlets = OutletRegistry()
        if let value = file.value["outlets"] {
            outlets = OutletRegistry.read(value, at: JSONPath.root.appending("outlets"), reader: &reader)
        }
        try reader.collector.throwIfErrors()
        return ImportWorkspace(directory: directory, file: file, outlets: outlets)
    }

    /// How `path` is written in the corpus list: relative to the workspace when inside it, with
    /// `"type": "jsonl"` when its name does not say so.
    public func corpusEntry(for path: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let shown = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        let lower = shown.lowercased()
        let quoted = JSONValue.string(shown).jsonString()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? quoted : #"{"path": \#(quoted), "type": "jsonl"}"#
    }

    /// Whether the corpus list names `path` already.
    public func listsCorpus(_ path: String) -> Bool {
        guard let corpus = file?.value["corpus"] else { return false }
        return Self.corpusPaths(corpus).contains { Paths.resolve($0, against: directory) == Paths.resolve(path, against: directory) }
    }

    /// Adds `path` to the corpus list of workspace.json, changing nothing else in the file: the entry is
    /// appended to the list (a single source becomes a list of two). The edited text is parsed again
    /// before it replaces the file.
    /// - Throws: `ImportError`: no workspace.json (`.badWorkspace`), a shape this edit does not handle
    ///   (`.badWorkspace`, with the entry to add by hand), or the file cannot be written (`.unwritable`).
    public func addCorpus(_ path: String) throws(ImportError) -> Addition {
        guard file != nil else {
            throw ImportError(.badWorkspace, "no \(Workspace.fileName) in \(Paths.display(directory)) to add the corpus to",
                              hint: "create one, or pass --workspace DIR")
        }
        if listsCorpus(path) { return .alreadyListed }
        let filePath = Paths.join(directory, Workspace.fileName)
        let entry = corpusEntry(for: path)
        guard let original = FileReading.readAll(filePath), let edited = Self.adding(entry, toCorpusIn: original),
              case .object(let root)? = try? JSONParser.parse(edited), let corpus = root["corpus"],
              Self.corpusPaths(corpus).contains(where: { Paths.resolve($0, against: directory) == Paths.resolve(path, against: directory) })
        else {
            throw ImportError(.badWorkspace, "cannot add the corpus to \(Workspace.fileName) automatically",
                              hint: "add \(entry) to its \"corpus\" list")
        }
        let temporary = filePath + ".importing"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(edited)), rename(temporary, filePath) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ImportError(.unwritable, "cannot write \(Paths.display(filePath))", hint: "add \(entry) to its \"corpus\" list")
        }
        return .added
    }

    /// The paths named by a `corpus` value (a path, a source object, or a list of either).
    static func corpusPaths(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let path): [path]
        case .object(let source): source["path"]?.stringValue.map { [$0] } ?? []
        case .array(let items): items.flatMap(corpusPaths)
        default: []
        }
    }

    // MARK: - Editing the text

    /// `bytes` with `entry` (JSON text) appended to the top-level `corpus` list; nil when the file has
    /// no `corpus` member or is not valid JSON.
    static func adding(_ entry: String, toCorpusIn bytes: [UInt8]) -> [UInt8]? {
        let corpusPath = JSONPath.root.appending("corpus")
        guard let parsed = try? JSONParser.parseWithLocations(bytes), let corpus = parsed.value["corpus"],
              let start = parsed.locations.valueStart[corpusPath], let end = valueEnd(in: bytes, from: start)
        else { return nil }
        let inserted = Array(entry.utf8)
        guard case .array(let items) = corpus else {
            // One source: it becomes the first of a list.
            return Array(bytes[..<start]) + Array("[".utf8) + Array(bytes[start..<end]) + Array(", ".utf8) + inserted
                + Array("]".utf8) + Array(bytes[end...])
        }
        guard let lastStart = parsed.locations.valueStart[corpusPath.appending(items.count - 1)],
              let lastEnd = valueEnd(in: bytes, from: lastStart)
        else {
            return Array(bytes[..<start]) + Array("[".utf8) + inserted + Array("]".utf8) + Array(bytes[end...])
        }
        // A list written one item per line gets the new item on a line of its own, indented alike.
        var separator = Array(", ".utf8)
        if let lineStart = bytes[start..<lastStart].lastIndex(of: 0x0A) {
            let indent = bytes[(lineStart + 1)..<lastStart].prefix { $0 == 0x20 || $0 == 0x09 }
            separator = [UInt8(ascii: ","), 0x0A] + Array(indent)
        }
        return Array(bytes[..<lastEnd]) + separator + inserted + Array(bytes[lastEnd...])
    }

    /// The offset just past the JSON string, object or array starting at `start`.
    static func valueEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count, [UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "[")].contains(bytes[start]) else { return nil }
        var depth = 0
        var i = start
        repeat {
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                i += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
            default:
                i += 1
            }
        } while depth > 0
        return i <= bytes.count ? i : nil
    }
}
