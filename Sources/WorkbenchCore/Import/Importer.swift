import Foundation
#if canImport(Glibc)
import Glibc
#endif
import WorkbenchProtocol

/// Streams corpus sources — folders of text files, JSONL, CSV — into one JSONL corpus file that
/// `CorpusReader` reads as it is, leaving out duplicates and rows that are not documents.
///
/// One row is in memory at a time; the output and the rejects file are written through buffers. What
/// grows with the corpus is the dedup index: a 16-byte digest with a row offset, and a 64-bit id
/// fingerprint, per document. An existing output is appended to: its documents are indexed first, so
/// importing the same source twice adds nothing.
public final class Importer {
    /// What the import reports while it runs, for the console.
    public enum Event: Sendable {
        /// A row that was not written (an error or a duplicate).
        case rejected(ImportRejection)
        /// Something worth knowing that skipped no row (a catalog that is not JSON, an empty source, …).
        case warning(String)
        /// Rows read and documents written so far, about once a second.
        case progress(rows: Int, imported: Int, seconds: Double)
    }

    public let options: ImportOptions

    public init(options: ImportOptions) { self.options = options }

    /// Checks every source before anything is written; returns the bytes they hold and any warnings.
    /// - Throws: `ImportError`: a source is missing or unreadable, or a CSV lacks a mapped column.
    public func checkSources() throws(ImportError) -> (bytes: Int64, warnings: [String]) {
        var bytes: Int64 = 0
        var warnings: [String] = []
        for source in options.sources {
            if Paths.resolve(source.path, against: "/") == Paths.resolve(options.outputPath, against: "/") {
                throw ImportError(.unreadableSource, "\(Paths.display(source.path)) is the output file",
                                  hint: "write somewhere else with -o FILE")
            }
            let checked = try ImportSourceCheck.check(source)
            bytes += checked.bytes
            if let warning = checked.warning { warnings.append(warning) }
        }
        return (bytes, warnings)
    }

    /// Checks the sources, then imports them; `report` hears of every rejection and warning as it happens.
    /// - Throws: `ImportError` when a source cannot be read or an output file cannot be written.
    public func run(_ report: (Event) -> Void) throws(ImportError) -> ImportSummary {
        let start = now()
        var summary = ImportSummary(outputPath: options.outputPath, rejectsPath: options.rejectsPath)
        let checked = try checkSources()
        summary.inputBytes = checked.bytes
        for warning in checked.warnings {
            report(.warning(warning))
            summary.warnings += 1
        }

        let folder = (options.outputPath as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ImportError(.unwritable, "cannot create the folder \(Paths.display(folder))")
        }
        var index = DedupIndex()
        let appending = !options.replacesOutput && FileManager.default.fileExists(atPath: options.outputPath)
        // A fresh output is written beside its final name and renamed at the end, so an interrupted
        // import never leaves a half-written file under that name.
        let target = appending ? options.outputPath : folder + "/." + (options.outputPath as NSString).lastPathComponent + ".importing"
        if appending {
            if let note = try ExistingOutput.repairLastLine(options.outputPath) {
                report(.warning(note))
                summary.warnings += 1
            }
            let existing = try ExistingOutput.load(options.outputPath, into: &index)
            summary.alreadyInOutput = existing.documents
            if existing.others > 0 {
                report(.warning("\(existing.others) lines of \(Paths.display(options.outputPath)) are not documents; they are left as they are"))
                summary.warnings += 1
            }
        }
        let initialSize = FileReading.stamp(target)?.size ?? 0
        let output = try AppendingFile(path: target, truncate: !appending)
        let rejects = try AppendingFile(path: options.rejectsPath, truncate: true)

        let reader = CorpusReader(sources: options.sources, outlets: options.outlets)
        reader.rejectsInvalidUTF8 = true
        var row = JSONWriter(reservingCapacity: 16384)
        var lastProgress = start

        func reject(_ rejection: ImportRejection) throws(ImportError) {
            if rejection.isError { summary.rejected += 1 } else { summary.duplicates += 1 }
            try rejects.write(rejection.jsonLine)
            report(.rejected(rejection))
        }

        func handle(_ entry: CorpusEntry) throws(ImportError) {
            switch entry {
            case .problem(let problem):
                guard problem.skipped else {
                    report(.warning(problem.description))
                    summary.warnings += 1
                    return
                }
                summary.rows += 1
                try reject(ImportRejection(kind: .invalid, source: problem.source, line: problem.line, reason: problem.reason))
            case .document(let document, let path, let line):
                summary.rows += 1
                let id = options.idPrefix + document.id
                let digest = ContentDigest(of: document.text)
                let source = Paths.display(path)
                if let offset = index.offset(of: digest) {
                    let earlier = ImportedRow.identity(of: try output.line(at: offset), withText: false)
                    let earlierID = earlier?.id ?? "?"
                    var reason = "same text as \"\(earlierID)\""
                    if UInt64(initialSize) > offset {
                        reason += ", already in \(Paths.display(options.outputPath))"
                    } else if let from = earlier?.importedFrom {
                        reason += " (\(from))"
                    }
                    try reject(ImportRejection(kind: .duplicate, source: source, line: line, reason: reason, id: id,
                                               duplicateOf: earlierID, contentHash: digest))
                } else if index.contains(id: id) {
                    try reject(ImportRejection(kind: .duplicateID, source: source, line: line,
                                               reason: "id \"\(id)\" already belongs to a document with a different text",
                                               id: id, duplicateOf: id))
                } else {
                    index.insert(digest, id: id, offset: output.size)
                    row.bytes.removeAll(keepingCapacity: true)
                    ImportedRow.write(document, id: id, importedFrom: provenance(path, line: line), into: &row)
                    try output.write(row.bytes)
                    summary.imported += 1
                }
            }
            if summary.rows % 1024 == 0 {
                let time = now()
                if time - lastProgress >= 1 {
                    lastProgress = time
                    report(.progress(rows: summary.rows, imported: summary.imported, seconds: time - start))
                }
            }
        }

        do {
            try reader.forEachEntry { entry in
                try handle(entry)
                return true
            }
            try output.flush()
            try rejects.flush()
        } catch {
            if !appending { try? FileManager.default.removeItem(atPath: target) }
            throw error as? ImportError ?? ImportError(.unwritable, "\(error)")
        }
        if !appending {
            guard rename(target, options.outputPath) == 0 else {
                throw ImportError(.unwritable, "cannot rename \(Paths.display(target)) to \(Paths.display(options.outputPath)): \(AppendingFile.lastError())")
            }
        }
        summary.seconds = now() - start
        return summary
    }

    /// `imported_from`: the source file (relative to the base folder when inside it) and the row's line.
    private func provenance(_ path: String, line: Int?) -> String {
        let base = options.baseDirectory.hasSuffix("/") ? options.baseDirectory : options.baseDirectory + "/"
        let shown = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
        return shown + (line.map { ":\($0)" } ?? "")
    }
}
