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
        // Outputs hold thousands of offsets: no temporary string, and one append per number (each append of
        // an array checks its uniqueness and capacity, which cost more than the digits).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxIntLength) { buffer in
            let start = Self.format(n, endingAt: Self.maxIntLength, in: buffer)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// `[n0,n1,…]`: the numbers formatted into one scratch buffer, appended at once (a stage's tokens are
    /// thousands of offsets).
    public mutating func writeNumbers(_ numbers: [Int]) {
        let capacity = numbers.count * (Self.maxIntLength + 1) + 2
        let scratch = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var end = 0
            buffer[end] = UInt8(ascii: "[")
            end += 1
            for (i, n) in numbers.enumerated() {
                if i > 0 {
                    buffer[end] = UInt8(ascii: ",")
                    end += 1
                }
                // Formatted right-aligned in the free space, then moved to the left.
                let start = Self.format(n, endingAt: capacity, in: buffer)
                let length = capacity - start
                (buffer.baseAddress! + end).update(from: buffer.baseAddress! + start, count: length)
                end += length
            }
            buffer[end] = UInt8(ascii: "]")
            count = end + 1
        }
        bytes.append(contentsOf: scratch)
    }

    /// The most bytes an `Int` takes in decimal (`-9223372036854775808`).
    static let maxIntLength = 20

    /// Writes `n` in decimal into `buffer` so that it ends at `end` (exclusive); returns where it starts.
    /// Least significant digit first (division by a constant is a multiplication).
    @inline(__always)
    static func format(_ n: Int, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var value = n.magnitude
        var start = end
        repeat {
            start -= 1
            buffer[start] = UInt8(truncatingIfNeeded: value % 10) &+ 48
            value /= 10
        } while value > 0
        if n < 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        return start
    }

    /// Appends `s` as a JSON string. Escapes only what JSON requires: quote, backslash, controls.
    public mutating func writeString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            guard !appendQuoted(utf8, comma: false, colon: false) else { return }
            bytes.append(UInt8(ascii: "\""))
            appendEscaped(utf8)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// An object member's key: `"name":`, after a comma unless it is the first member.
    @usableFromInline
    mutating func writeKey(_ name: String, first: Bool) {
        var name = name
        name.withUTF8 { utf8 in
            guard !appendQuoted(utf8, comma: !first, colon: true) else { return }
            if !first { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            appendEscaped(utf8)
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Appends a short string that needs no escaping, quoted (with a comma before and a colon after if asked), in one
    /// append: each append of an array checks its uniqueness and capacity, which cost more than a short key or
    /// value. False, and nothing appended, for a longer string or one to escape.
    @inline(__always)
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, comma: Bool, colon: Bool) -> Bool {
        let capacity = 64
        guard utf8.count <= capacity - 4 else { return false }
        for c in utf8 where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return false }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var n = 0
            if comma {
                buffer[n] = UInt8(ascii: ",")
                n += 1
            }
            buffer[n] = UInt8(ascii: "\"")
            n += 1
            if let source = utf8.baseAddress { (buffer.baseAddress! + n).initialize(from: source, count: utf8.count) }
            n += utf8.count
            buffer[n] = UInt8(ascii: "\"")
            n += 1
            if colon {
                buffer[n] = UInt8(ascii: ":")
                n += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
        return true
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
