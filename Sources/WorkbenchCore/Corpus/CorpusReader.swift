public import WorkbenchProtocol
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A row or file the reader could not turn into a document, and why.
public struct CorpusProblem: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    /// 1-based line for JSONL/CSV; nil for files of a folder.
    public var line: Int?
    public var reason: String
    /// True when the document was skipped (false: read, with a warning).
    public var skipped: Bool

    public var description: String {
        "\(source)\(line.map { ":\($0)" } ?? ""): \(skipped ? "skipped" : "warning"): \(reason)"
    }
}

/// One thing read from a corpus source, in file order: a document or a problem.
public enum CorpusEntry: Sendable {
    /// A document, the file it came from and, for JSONL and CSV, the line where its row starts.
    case document(Document, path: String, line: Int?)
    /// A row or file that was skipped, or a warning about one.
    case problem(CorpusProblem)
}

/// Reads documents from corpus sources in a fixed order, a batch at a time, in constant memory.
///
/// Order: sources as listed; a folder's files sorted by relative path; JSONL and CSV rows in file order.
/// Ids: a folder file's relative path without its extension; a row's `id` field, or `sha-` and the
/// first 12 hex digits of its text's SHA-256. A later document with an id already seen is skipped.
public final class CorpusReader {
    public let sources: [CorpusSource]
    public let outlets: OutletRegistry
    public private(set) var problems: [CorpusProblem] = []
    /// Skip a file or row that is not valid UTF-8 (reported) instead of reading it with U+FFFD.
    public var rejectsInvalidUTF8 = false
    /// 64-bit fingerprints of the ids read so far: about 16 bytes per document instead of the ids
    /// themselves, so memory stays flat with corpus size. Two different ids share a fingerprint with
    /// odds near 3·10⁻⁸ at a million documents; the later one would be reported as a duplicate, never lost silently.
    private var seenIDs = Set<UInt64>()
    private var folderListings: [String: [String]] = [:]

    public init(sources: [CorpusSource], outlets: OutletRegistry) {
        self.sources = sources
        self.outlets = outlets
    }

    static func fingerprint(_ id: String) -> UInt64 {
        // FNV-1a: stable across runs, fast on short ids.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// How many documents the sources hold (files or non-blank rows; before duplicate removal).
    public func count() -> Int {
        var total = 0
        for source in sources {
            switch source.kind {
            case .folder:
                total += listing(of: source).count
            case .jsonl:
                // Lines, counted with memchr (blank lines are corrected when the feed ends).
                var lines = 0
                var last: UInt8 = 0x0A
                _ = try? FileReading.forEachChunk(source.path) { chunk in
                    guard let base = chunk.baseAddress, !chunk.isEmpty else { return true }
                    var cursor = UnsafeRawPointer(base)
                    let end = UnsafeRawPointer(base + chunk.count)
                    while cursor < end, let hit = memchr(cursor, 0x0A, end - cursor) {
                        lines += 1
                        cursor = UnsafeRawPointer(hit) + 1
                    }
                    last = chunk[chunk.count - 1]
                    return true
                }
                total += lines + (last == 0x0A ? 0 : 1)
            case .csv:
                var parser = CSVParser()
                var records = 0
                _ = try? FileReading.forEachChunk(source.path) { chunk in
                    parser.append(chunk)
                    while parser.next() != nil { records += 1 }
                    return true
                }
                while parser.next(atEnd: true) != nil { records += 1 }
                total += max(0, records - 1)
            }
        }
        return total
    }

    /// Calls `body` with batches of documents; stops when it returns false.
    public func forEachBatch(size: Int = 256, _ body: ([Document]) throws -> Bool) throws {
        seenIDs.removeAll()
        problems.removeAll()
        var batch: [Document] = []
        batch.reserveCapacity(size)
        var stopped = false
        func emit(_ entry: CorpusEntry) throws -> Bool {
            guard case .document(let document, _, _) = entry else {
                if case .problem(let problem) = entry { problems.append(problem) }
                return true
            }
            guard seenIDs.insert(Self.fingerprint(document.id)).inserted else {
                problems.append(CorpusProblem(source: document.meta.sourcePath ?? "?", line: nil,
                                              reason: "duplicate document id \"\(document.id)\"", skipped: true))
                return true
            }
            batch.append(document)
            if batch.count >= size {
                let keepGoing = try body(batch)
                batch.removeAll(keepingCapacity: true)
                if !keepGoing { stopped = true }
                return keepGoing
            }
            return true
        }
        try forEachEntry(emit)
        if !stopped && !batch.isEmpty { _ = try body(batch) }
    }

    /// Calls `body` with every document and problem in file order, without removing duplicate ids;
    /// stops when it returns false. `problems` is left alone: the entries carry them.
    public func forEachEntry(_ body: (CorpusEntry) throws -> Bool) throws {
        for source in sources {
            let keepGoing: Bool
            switch source.kind {
            case .folder: keepGoing = try readFolder(source, body)
            case .jsonl: keepGoing = try readJSONL(source, body)
            case .csv: keepGoing = try readCSV(source, body)
            }
            if !keepGoing { return }
        }
    }

    /// Every document, in order (for small corpora and tests).
    public func allDocuments() throws -> [Document] {
        var all: [Document] = []
        try forEachBatch { all.append(contentsOf: $0); return true }
        return all
    }

    // MARK: - Folders

    /// The files of a folder source, relative to it, sorted (cached).
    func listing(of source: CorpusSource) -> [String] {
        if let cached = folderListings[source.path] { return cached }
        var names: [String] = []
        let fm = FileManager.default
        if source.recursive, let walker = fm.enumerator(atPath: source.path) {
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if Glob.matches(source.pattern, name), !Paths.isDirectory(Paths.join(source.path, relative)) { names.append(relative) }
            }
        } else {
            names = ((try? fm.contentsOfDirectory(atPath: source.path)) ?? []).filter { Glob.matches(source.pattern, $0) }
        }
        names.removeAll { ($0 as NSString).lastPathComponent == "catalog.json" }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        folderListings[source.path] = names
        return names
    }

    private typealias Emit = (CorpusEntry) throws -> Bool

    /// Reads a folder's files; false when `emit` asked to stop.
    private func readFolder(_ source: CorpusSource, _ emit: Emit) throws -> Bool {
        let (catalog, catalogProblem) = loadCatalog(for: source)
        if let catalogProblem, try !emit(.problem(catalogProblem)) { return false }
        for relative in listing(of: source) {
            let path = Paths.join(source.path, relative)
            guard let bytes = FileReading.readAll(path) else {
                let problem = CorpusProblem(source: Paths.display(path), line: nil, reason: "cannot read the file", skipped: true)
                if try !emit(.problem(problem)) { return false }
                continue
            }
            var text: String
            if let valid = String(validating: bytes, as: UTF8.self) {
                text = valid
            } else if rejectsInvalidUTF8 {
                let problem = CorpusProblem(source: Paths.display(path), line: nil,
                                            reason: "invalid UTF-8 at byte \(Self.invalidUTF8Offset(bytes))", skipped: true)
                if try !emit(.problem(problem)) { return false }
                continue
            } else {
                text = String(decoding: bytes, as: UTF8.self)
                let problem = CorpusProblem(source: Paths.display(path), line: nil, reason: "invalid UTF-8 replaced by U+FFFD", skipped: false)
                if try !emit(.problem(problem)) { return false }
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let (header, body) = TextHeader.parse(text)
            var meta = source.meta
            for field in header.fields { meta[field.key] = .string(field.value) }
            let fileName = (relative as NSString).lastPathComponent
            if let entry = catalog[fileName] ?? catalog[relative] {
                for member in entry.members where member.key != "file" && !member.value.isNull { meta[member.key] = member.value }
                if entry["outlet"].map({ !$0.isNull }) == true { meta["outlet_source"] = "catalog" }
            }
            let id = header["id"] ?? (relative as NSString).deletingPathExtension
            var documentMeta = DocumentMeta(json: meta)
            documentMeta.sourcePath = path
            let document = Document(id: id, text: body, meta: resolveOutlet(documentMeta, fileName: fileName, text: body))
            guard try emit(.document(document, path: path, line: nil)) else { return false }
        }
        return true
    }

    /// The 0-based offset of the first byte that is not valid UTF-8.
    static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    /// `catalog.json`: an array of `{"file": ..., "outlet": ..., ...}` (or an object keyed by file name).
    private func loadCatalog(for source: CorpusSource) -> ([String: JSONObject], CorpusProblem?) {
        let path = source.catalogPath ?? Paths.join(source.path, "catalog.json")
        guard let bytes = FileReading.readAll(path) else { return ([:], nil) }
        guard let value = try? JSONParser.parse(bytes) else {
            return ([:], CorpusProblem(source: Paths.display(path), line: nil, reason: "catalog is not valid JSON; ignored", skipped: false))
        }
        var entries: [String: JSONObject] = [:]
        switch value {
        case .array(let items):
            for case .object(let o) in items { if let file = o["file"]?.stringValue { entries[file] = o } }
        case .object(let o):
            for member in o.members { if case .object(let entry) = member.value { entries[member.key] = entry } }
        default:
            break
        }
        return (entries, nil)
    }

    // MARK: - JSONL and CSV

    /// Reads a JSONL file; false when `emit` asked to stop.
    private func readJSONL(_ source: CorpusSource, _ emit: Emit) throws -> Bool {
        var framer = LineFramer()
        let mapped = Self.mappedColumns(of: source)
        var lineNumber = 0
        var keepGoing = true
        let display = Paths.display(source.path)
        func skip(_ reason: String) throws {
            keepGoing = try emit(.problem(CorpusProblem(source: display, line: lineNumber, reason: reason, skipped: true)))
        }
        func handle(_ frame: LineFramer.Frame) throws {
            lineNumber += 1
            guard case .line(let line) = frame else { return try skip("line longer than 64 MiB") }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            let value: JSONValue
            do {
                value = try JSONParser.parse(line)
            } catch {
                return try skip("not valid JSON at column \(error.offset + 1): \(error.message)")
            }
            guard case .object(let object) = value else { return try skip("not a JSON object") }
            var row: [String: JSONValue] = [:]
            for member in object.members { row[member.key] = member.value }
            keepGoing = try emit(makeEntry(row: row, source: source, mapped: mapped, line: lineNumber))
        }
        let readable = try FileReading.forEachChunk(source.path) { chunk in
            framer.append(chunk)
            while keepGoing, let frame = framer.next() { try handle(frame) }
            return keepGoing
        }
        if keepGoing, let rest = framer.finish() { try handle(.line(rest)) }
        if !readable, keepGoing {
            keepGoing = try emit(.problem(CorpusProblem(source: display, line: nil, reason: "cannot read the file", skipped: true)))
        }
        return keepGoing
    }

    /// Reads a CSV file; false when `emit` asked to stop.
    private func readCSV(_ source: CorpusSource, _ emit: Emit) throws -> Bool {
        var parser = CSVParser()
        let mapped = Self.mappedColumns(of: source)
        var header: [String]?
        var keepGoing = true
        var sourceDone = false
        let display = Paths.display(source.path)
        func skip(_ reason: String, line: Int?) throws {
            keepGoing = try emit(.problem(CorpusProblem(source: display, line: line, reason: reason, skipped: true)))
        }
        func handle(_ record: CSVParser.Record) throws {
            switch record.problem {
            case .oversized(let byteCount)?:
                return try skip("record of \(byteCount) bytes is longer than the limit of \(parser.maximumRecordBytes >> 20) MiB", line: record.line)
            case .unterminatedQuote?:
                return try skip("a quoted field that starts in this record is never closed (read to the end of the file)", line: record.line)
            case nil:
                break
            }
            guard let columns = header else {
                header = record.fields.map { $0.trimmingCharacters(in: " \u{FEFF}") }
                if !header!.contains(source.column(for: "text")) {
                    try skip("no column \"\(source.column(for: "text"))\" for the text (columns: \(header!.joined(separator: ", ")))", line: record.line)
                    sourceDone = true
                }
                return
            }
            if rejectsInvalidUTF8, let index = record.invalidUTF8Field {
                let name = index < columns.count ? "column \"\(columns[index])\"" : "field \(index + 1)"
                return try skip("invalid UTF-8 in \(name)", line: record.line)
            }
            if record.fields.count != columns.count {
                return try skip("has \(record.fields.count) fields, the header has \(columns.count)", line: record.line)
            }
            var row: [String: JSONValue] = [:]
            for (column, field) in zip(columns, record.fields) { row[column] = .string(field) }
            keepGoing = try emit(makeEntry(row: row, source: source, mapped: mapped, line: record.line))
        }
        let readable = try FileReading.forEachChunk(source.path) { chunk in
            parser.append(chunk)
            while keepGoing && !sourceDone, let record = parser.next() { try handle(record) }
            return keepGoing && !sourceDone
        }
        while keepGoing && !sourceDone, let record = parser.next(atEnd: true) { try handle(record) }
        if !readable, keepGoing { try skip("cannot read the file", line: nil) }
        return keepGoing
    }

    /// The columns `source` maps to document fields (the others are kept as metadata).
    private static func mappedColumns(of source: CorpusSource) -> Set<String> {
        Set(CorpusSource.fieldNames.map { source.column(for: $0) })
    }

    private func makeEntry(row: [String: JSONValue], source: CorpusSource, mapped: Set<String>, line: Int) -> CorpusEntry {
        let display = Paths.display(source.path)
        guard let text = row[source.column(for: "text")]?.stringValue else {
            return .problem(CorpusProblem(source: display, line: line, reason: "no \"\(source.column(for: "text"))\" string for the text", skipped: true))
        }
        guard !text.trimmingCharacters(in: " \n\r\t").isEmpty else {
            return .problem(CorpusProblem(source: display, line: line, reason: "empty text", skipped: true))
        }
        var meta = source.meta
        for field in CorpusSource.fieldNames where field != "text" && field != "id" {
            if let value = row[source.column(for: field)], !value.isNull, value.stringValue != "" {
                meta[field] = value
            }
        }
        for (key, value) in row.sorted(by: { $0.key < $1.key }) where !mapped.contains(key) { meta[key] = value }
        if meta["outlet"] != nil { meta["outlet_source"] = "corpus" }
        var id: String
        switch row[source.column(for: "id")] {
        case .string(let s)?: id = s.trimmingCharacters(in: " ")
        case .number? : id = String(decoding: row[source.column(for: "id")]!.serialized(), as: UTF8.self)
        default: id = ""
        }
        if id.isEmpty { id = "sha-" + String(Hashing.sha256Hex(Array(text.utf8)).prefix(12)) }
        var documentMeta = DocumentMeta(json: meta)
        documentMeta.sourcePath = "\(source.path)#\(line)"
        let document = Document(id: id, text: text, meta: resolveOutlet(documentMeta, fileName: nil, text: text))
        return .document(document, path: source.path, line: line)
    }

    // MARK: - Outlets

    /// Fills outlet, country and ownership: a given outlet is completed from the registry; otherwise the
    /// registry's rules (file name, URL, text signature) decide.
    private func resolveOutlet(_ meta: DocumentMeta, fileName: String?, text: String) -> DocumentMeta {
        var meta = meta
        var known: Outlet?
        if let name = meta.outlet {
            known = outlets.outlet(named: name)
            if let known { meta.outlet = known.name }
        } else if let (outlet, rule) = outlets.match(fileName: fileName, url: meta.url, text: text) {
            known = outlet
            meta.outlet = outlet.name
            meta.outletSource = rule
        }
        if let known {
            meta.outletCountry = meta.outletCountry ?? known.country
            meta.ownership = meta.ownership ?? known.ownership
            meta.language = meta.language ?? known.language
        }
        return meta
    }
}
