import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The checks made before an import writes anything: every source exists and can be read, and each
/// CSV header has the columns the import maps (a misspelt column would otherwise drop a field silently).
enum ImportSourceCheck {
    /// The bytes `source` holds, and a warning when it holds no documents at all.
    /// - Throws: `ImportError`: `.unreadableSource`, or `.missingColumn` for a CSV header.
    static func check(_ source: CorpusSource) throws(ImportError) -> (bytes: Int64, warning: String?) {
        let display = Paths.display(source.path)
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw ImportError(.unreadableSource, "\(display) does not exist")
        }
        if source.kind == .folder {
            guard Paths.isDirectory(source.path) else { throw ImportError(.unreadableSource, "\(display) is not a folder") }
            guard (try? FileManager.default.contentsOfDirectory(atPath: source.path)) != nil else {
                throw ImportError(.unreadableSource, "cannot list the folder \(display)")
            }
            let files = CorpusReader(sources: [source], outlets: OutletRegistry()).listing(of: source)
            var bytes: Int64 = 0
            for file in files { bytes += Int64(FileReading.stamp(Paths.join(source.path, file))?.size ?? 0) }
            let warning = files.isEmpty ? "\(display) has no files matching \(source.pattern)" : nil
            return (bytes, warning)
        }
        guard !Paths.isDirectory(source.path) else {
            throw ImportError(.unreadableSource, "\(display) is a folder, not a \(source.kind.rawValue.uppercased()) file")
        }
        let descriptor = open(source.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ImportError(.unreadableSource, "cannot read \(display): \(AppendingFile.lastError())") }
        close(descriptor)
        if source.kind == .csv { try checkHeader(of: source) }
        let bytes = Int64(FileReading.stamp(source.path)?.size ?? 0)
        return (bytes, bytes == 0 ? "\(display) is empty" : nil)
    }

    /// Reads the first record of a CSV file and checks the mapped columns against it.
    private static func checkHeader(of source: CorpusSource) throws(ImportError) {
        var parser = CSVParser()
        var header: CSVParser.Record?
        _ = try? FileReading.forEachChunk(source.path, size: 65536) { chunk in
            parser.append(chunk)
            header = parser.next()
            return header == nil
        }
        if header == nil { header = parser.next(atEnd: true) }
        guard let header else { return }  // an empty file: nothing to import, and nothing wrong
        let columns = header.fields.map { $0.trimmingCharacters(in: " \u{FEFF}") }
        let display = Paths.display(source.path)
        var wanted = [("text", source.column(for: "text"))]
        for field in CorpusSource.fieldNames where field != "text" {
            if let column = source.fields[field] { wanted.append((field, column)) }
        }
        for (field, column) in wanted where !columns.contains(column) {
            let known = "its columns are: \(columns.joined(separator: ", "))"
            let hint = Suggestion.closest(to: column, in: columns).map { "did you mean \"\($0)\"? (\(known))" } ?? known
            throw ImportError(.missingColumn, "\(display) has no column \"\(column)\" for the \(field == "text" ? "text" : field)", hint: hint)
        }
    }
}
