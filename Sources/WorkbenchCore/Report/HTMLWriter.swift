import Foundation

/// Writes HTML as UTF-8 into a buffer that is flushed to a file every few hundred kilobytes (or kept
/// whole, for `ReportRenderer.render`). Text goes through `text`/`attribute`, which escape it; markup
/// through `raw`.
final class HTMLWriter {
    private var buffer: [UInt8] = []
    private let file: FileHandle?
    private let flushThreshold = 256 * 1024
    private var failure: (any Error)?
    /// Bytes written so far (flushed or not).
    private(set) var byteCount = 0

    /// A writer that keeps everything in memory.
    init() {
        file = nil
        buffer.reserveCapacity(64 * 1024)
    }

    /// A writer that streams to `file`.
    init(file: FileHandle) {
        self.file = file
        buffer.reserveCapacity(flushThreshold + 16 * 1024)
    }

    /// Markup, written as is.
    func raw(_ markup: String) {
        buffer.append(contentsOf: markup.utf8)
        afterWrite(markup.utf8.count)
    }

    /// Text content: `&`, `<`, `>` and `"` escaped (so it is safe in attributes too), control
    /// characters HTML forbids replaced by U+FFFD.
    func text(_ text: String) {
        let before = buffer.count
        for byte in text.utf8 { appendEscaped(byte) }
        afterWrite(buffer.count - before)
    }

    /// Text given as Unicode scalars (a slice of a document), escaped as `text`.
    func text(_ scalars: ArraySlice<Unicode.Scalar>) {
        let before = buffer.count
        for scalar in scalars {
            if scalar.value < 0x80 {
                appendEscaped(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { buffer.append($0) }
            }
        }
        afterWrite(buffer.count - before)
    }

    /// An attribute value: the same escaping as text.
    func attribute(_ value: String) { text(value) }

    /// `<tag>escaped text</tag>`.
    func element(_ tag: String, _ content: String, class className: String? = nil) {
        raw(className.map { "<\(tag) class=\"\($0)\">" } ?? "<\(tag)>")
        text(content)
        raw("</\(tag)>")
    }

    @inline(__always)
    private func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "&"): buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
        case UInt8(ascii: "<"): buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
        case UInt8(ascii: ">"): buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
        case UInt8(ascii: "\""): buffer.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
        case 0x09, 0x0A, 0x0D: buffer.append(byte)
        case 0x00..<0x20, 0x7F: buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
        default: buffer.append(byte)
        }
    }

    private func afterWrite(_ count: Int) {
        byteCount += count
        if file != nil && buffer.count >= flushThreshold { flush() }
    }

    private func flush() {
        guard let file, !buffer.isEmpty, failure == nil else { return }
        do { try file.write(contentsOf: buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes what is left to the file.
    /// - Throws: the first write error.
    func finish() throws {
        flush()
        if let failure { throw failure }
    }

    /// Everything written, for an in-memory writer.
    var string: String { String(decoding: buffer, as: UTF8.self) }
}

/// Escaping for attribute values built as strings.
enum HTMLEscaping {
    static func attribute(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            default:
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
