import Crypto
import Foundation

/// What `workbench import` deduplicates by: the first 128 bits of the SHA-256 of a text's normalized form.
///
/// Normalization, in this order: Unicode NFC (only for texts containing a character NFC may change;
/// see `NFCQuickCheck`), then every run of Unicode white space (`White_Space`: blanks, tabs, line and
/// paragraph breaks, NBSP, the U+2000 spaces, U+3000, …) becomes one space, and leading and
/// trailing white space goes. Case, punctuation and everything else count. So two copies of an
/// article that differ only in line wrapping, indentation or precomposed accents are duplicates.
/// At 16 bytes a digest keeps a million documents in about 16 MB; a chance collision needs ~2⁶⁴ texts.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest of `text`'s normalized form.
    public init(of text: String) {
        var text = Self.composed(text)
        var hasher = SHA256()
        text.withUTF8 { utf8 in Self.forEachNormalizedRun(utf8) { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) } }
        self = hasher.finalize().withUnsafeBytes { raw in
            ContentDigest(high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                          low: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }

    /// 32 hex digits.
    public var description: String {
        String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
    }

    public func hash(into hasher: inout Hasher) {
        // The bits are already uniform: one word is plenty for a hash table.
        hasher.combine(low)
    }
}

extension ContentDigest {
    /// The normalized text itself, for tests and for explaining a duplicate.
    public static func normalized(_ text: String) -> String {
        var text = composed(text)
        var out: [UInt8] = []
        text.withUTF8 { utf8 in Self.forEachNormalizedRun(utf8) { out.append(contentsOf: $0) } }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` in NFC: composed by Foundation when it holds a character NFC may change, else as it is.
    static func composed(_ text: String) -> String {
        var text = text
        return text.withUTF8({ NFCQuickCheck.mayChange($0) }) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Byte classes: 0 part of a word, 1 ASCII white space, 2 the lead byte of a possible Unicode space.
    private static let classes: [UInt8] = (0..<256).map { b in
        if b == 0x20 || (0x09...0x0D).contains(b) { return 1 }
        return [0xC2, 0xE1, 0xE2, 0xE3].contains(b) ? 2 : 0
    }

    private static let space: [UInt8] = [0x20]

    /// Calls `body` with the pieces of `utf8`'s white-space-collapsed form, in order: stretches of the
    /// text itself (single spaces between words stay inside them) and single spaces. No copying: an
    /// ordinary article is a handful of pieces, one per paragraph.
    static func forEachNormalizedRun(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        space.withUnsafeBufferPointer { space in
            classes.withUnsafeBufferPointer { classes in
                guard let base = utf8.baseAddress else { return }
                let raw = UnsafeRawPointer(base)
                var runStart = -1
                var pendingSpace = false
                var emitted = false
                var i = 0
                let count = utf8.count
                while i < count {
                    // Inside a stretch, eight bytes at a time while they are printable ASCII with single blanks.
                    if runStart >= 0, i + 8 <= count, Self.isPlainBlock(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                        i += 8
                        continue
                    }
                    let byte = utf8[i]
                    let kind = classes[Int(byte)]
                    let width = kind == 0 ? 0 : kind == 1 ? 1 : whiteSpaceWidth(utf8, at: i)
                    if width == 0 {
                        if runStart < 0 {
                            if pendingSpace { body(space) }
                            pendingSpace = false
                            runStart = i
                        }
                        i += 1
                        continue
                    }
                    // One blank between two words stays part of the stretch.
                    if byte == 0x20, runStart >= 0, i + 1 < count, classes[Int(utf8[i + 1])] == 0 {
                        i += 1
                        continue
                    }
                    if runStart >= 0 {
                        body(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                        runStart = -1
                        emitted = true
                    }
                    pendingSpace = emitted
                    i += width
                }
                if runStart >= 0 { body(UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
            }
        }
    }

    /// Whether eight bytes (little-endian) are all printable ASCII or blanks, with no two blanks
    /// together and no blank last: such a block changes nothing in the normalized form.
    @inline(__always)
    static func isPlainBlock(_ x: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20 borrows and sets its high bit; a byte from 0x80 has it already.
        guard (x &- 0x2020_2020_2020_2020 | x) & high == 0 else { return false }
        // 0x80 in each byte that is a blank (0x20 xor 0x20 = 0).
        let y = x ^ 0x2020_2020_2020_2020
        let blanks = ~((y & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | y | 0x7F7F_7F7F_7F7F_7F7F)
        return blanks & (blanks << 8) == 0 && blanks & 0x8000_0000_0000_0000 == 0
    }

    /// The byte length of the Unicode white-space character at `i` (lead byte 0xC2, 0xE1–0xE3), or 0.
    static func whiteSpaceWidth(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard i + 1 < utf8.count else { return 0 }
        let b1 = utf8[i + 1]
        switch utf8[i] {
        case 0xC2: return b1 == 0x85 || b1 == 0xA0 ? 2 : 0  // NEL, NBSP
        case 0xE1: return b1 == 0x9A && i + 2 < utf8.count && utf8[i + 2] == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            guard i + 2 < utf8.count else { return 0 }
            let b2 = utf8[i + 2]
            if b1 == 0x80 { return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0 }  // U+2000–200A, 2028, 2029, 202F
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0  // U+205F
        case 0xE3: return b1 == 0x80 && i + 2 < utf8.count && utf8[i + 2] == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
