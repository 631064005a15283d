/// Builds JSON text into a byte buffer: no Foundation, no reflection, minimal escaping.
///
/// With `sortedKeys` the output is canonical (members sorted by key, no whitespace), which is what
/// the host hashes for cache keys: two configs that differ only in member order get the same key.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]
    public var sortedKeys: Bool

    public init(sortedKeys: Bool = false, reservingCapacity capacity: Int = 256) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
        self.sortedKeys = sortedKeys
    }

    /// Appends bytes that are already JSON (a value read from a stage or the cache).
    public mutating func writeRaw(_ raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    /// Appends ASCII punctuation or a known-safe literal.
    public mutating func writeRaw(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func writeValue(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null")
        case .bool(let b): writeRaw(b ? "true" : "false")
        case .number(let n): writeNumber(n)
        case .string(let s): writeString(s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                writeValue(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            var members = object.members
            if sortedKeys {
                // Canonical form: last duplicate wins, then sort by the UTF-8 bytes of the key.
                var seen = Set<String>()
                members = members.reversed().filter { seen.insert($0.key).inserted }
                members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            }
            for (i, member) in members.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                writeValue(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Integers print without a fraction; other numbers use Swift's shortest round-trip form.
    public mutating func writeNumber(_ n: Double) {
        if n.rounded() == n, abs(n) < 9.0e15 {
            bytes.append(contentsOf: String(Int64(n)).utf8)
        } else if n.isFinite {
            bytes.append(contentsOf: n.description.utf8)
        } else {
            writeRaw("null")
        }
    }

    public mutating func writeNumber(_ n: Int) {
        // Outputs hold thousands of offsets: no temporary string.
        guard n != Int.min else { bytes.append(contentsOf: String(n).utf8); return }
        var value = n
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            value = -value
        }
        // Least significant first into a stack buffer (division by a constant is a multiplication), then appended.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(truncatingIfNeeded: value % 10) &+ 48
                value /= 10
                count += 1
            } while value > 0
            for k in (24 - count)..<24 { bytes.append(buffer[k]) }
        }
    }

    /// Appends `s` as a JSON string. Escapes only what JSON requires: quote, backslash, controls.
    public mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in appendEscaped(utf8) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for i in 0..<utf8.count {
            let c = utf8[i]
            guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            runStart = i + 1
            switch c {
            case UInt8(ascii: "\""): writeRaw("\\\"")
            case UInt8(ascii: "\\"): writeRaw("\\\\")
            case 0x0A: writeRaw("\\n")
            case 0x0D: writeRaw("\\r")
            case 0x09: writeRaw("\\t")
            case 0x08: writeRaw("\\b")
            case 0x0C: writeRaw("\\f")
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(c >> 4)], hex[Int(c & 0xF)]])
            }
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }
}

extension JSONValue {
    /// Compact JSON text; `sortedKeys` gives the canonical form used for hashing.
    public func serialized(sortedKeys: Bool = false) -> [UInt8] {
        var writer = JSONWriter(sortedKeys: sortedKeys)
        writer.writeValue(self)
        return writer.bytes
    }

    /// Compact JSON text as a `String`.
    public func jsonString(sortedKeys: Bool = false) -> String {
        String(decoding: serialized(sortedKeys: sortedKeys), as: UTF8.self)
    }

    /// Parses JSON text; convenience over `JSONParser.parse`.
    /// - Throws: `JSONParser.Failure`.
    public init(parsing text: String) throws(JSONParser.Failure) {
        self = try JSONParser.parse(Array(text.utf8))
    }
}
