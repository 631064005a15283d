import Foundation
import WorkbenchProtocol
#if canImport(Glibc)
import Glibc
#endif

/// An output file that already holds documents: made safe to append to, and read into the dedup index
/// so that importing the same source again adds nothing.
enum ExistingOutput {
    /// Makes the file end with a newline. A last line without one is kept (newline added) when it is a
    /// complete JSON object, and removed otherwise: it is what an interrupted import leaves behind.
    /// Returns a note for the user when something was changed.
    /// - Throws: `ImportError` (`.unwritable`) when the file cannot be read or changed.
    static func repairLastLine(_ path: String) throws(ImportError) -> String? {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw ImportError(.unwritable, "cannot open \(Paths.display(path)): \(AppendingFile.lastError())") }
        defer { close(descriptor) }
        var info = stat()
        fstat(descriptor, &info)
        let size = Int(info.st_size)
        guard size > 0 else { return nil }
        // Read backwards in blocks until a newline is found.
        var tail: [UInt8] = []
        var position = size
        var lastNewline = -1
        while position > 0 {
            let length = min(65536, position)
            position -= length
            var block = [UInt8](repeating: 0, count: length)
            let n = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, length, off_t(position)) }
            guard n == length else { throw ImportError(.unwritable, "cannot read \(Paths.display(path)): \(AppendingFile.lastError())") }
            if position + length == size, block.last == 0x0A { return nil }
            if let newline = block.lastIndex(of: 0x0A) {
                lastNewline = position + newline
                tail = Array(block[(newline + 1)...]) + tail
                break
            }
            tail = block + tail
        }
        if case .object? = try? JSONParser.parse(tail) {
            guard pwrite(descriptor, [0x0A], 1, off_t(size)) == 1 else {
                throw ImportError(.unwritable, "cannot write \(Paths.display(path)): \(AppendingFile.lastError())")
            }
            return nil
        }
        guard ftruncate(descriptor, off_t(lastNewline + 1)) == 0 else {
            throw ImportError(.unwritable, "cannot truncate \(Paths.display(path)): \(AppendingFile.lastError())")
        }
        return "removed an incomplete last line (\(tail.count) bytes) from \(Paths.display(path)), left by an interrupted import"
    }

    /// Adds every document of the file to `index`. Returns the number of documents and of lines that
    /// are not documents (they are left in the file as they are).
    /// - Throws: `ImportError` (`.unwritable`) when the file cannot be read.
    static func load(_ path: String, into index: inout DedupIndex)
        throws(ImportError) -> (documents: Int, others: Int)
    {
        var documents = 0
        var others = 0
        var pending: [UInt8] = []
        var offset: UInt64 = 0  // of the first byte of `pending` or of the chunk's next line
        func handle(_ line: [UInt8], at lineOffset: UInt64) {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
            guard let row = ImportedRow.identity(of: line, withText: true), let text = row.text else { others += 1; return }
            let digest = ContentDigest(of: text)
            if index.offset(of: digest) == nil { index.insert(digest, id: row.id, offset: lineOffset) }
            documents += 1
        }
        let readable = (try? FileReading.forEachChunk(path) { chunk in
            var start = 0
            while start < chunk.count, let newline = chunk[start...].firstIndex(of: 0x0A) {
                pending.append(contentsOf: chunk[start..<newline])
                handle(pending, at: offset)
                offset += UInt64(pending.count + 1)
                pending.removeAll(keepingCapacity: true)
                start = newline + 1
            }
            pending.append(contentsOf: chunk[start...])
            return true
        }) ?? false
        guard readable else { throw ImportError(.unwritable, "cannot read \(Paths.display(path)): \(AppendingFile.lastError())") }
        if !pending.isEmpty { handle(pending, at: offset) }
        return (documents, others)
    }
}
