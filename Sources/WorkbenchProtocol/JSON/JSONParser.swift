/// A strict JSON parser over UTF-8 bytes (RFC 8259): no trailing commas, no comments, valid UTF-8 only.
///
/// It can record where every value starts (`recordLocations`), which is how configuration errors get
/// their file:line:column; Foundation's decoders report neither positions nor trailing commas on Linux.
public struct JSONParser {
    /// Where parsing failed: a byte offset into the input and what was wrong there.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var message: String
        public var description: String { "byte \(offset): \(message)" }
    }

    /// Start offsets of values and of the keys that name them, filled when `recordLocations` is on.
    public struct Locations: Sendable {
        public var valueStart: [JSONPath: Int] = [:]
        public var keyStart: [JSONPath: Int] = [:]
        /// Keys that appear twice in one object (the later one wins), with the offset of the repeat.
        public var duplicateKeys: [(path: JSONPath, offset: Int)] = []
    }

    public static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    private let recordLocations: Bool
    private var path: [JSONPath.Component] = []
    public private(set) var locations = Locations()

    init(bytes: UnsafeBufferPointer<UInt8>, recordLocations: Bool) {
        self.bytes = bytes
        self.recordLocations = recordLocations
    }

    /// Parses one complete JSON text.
    /// - Throws: `Failure` with the byte offset of the first problem.
    public static func parse(_ bytes: some Collection<UInt8>) throws(Failure) -> JSONValue {
        try parseWithLocations(bytes, recordLocations: false).value
    }

    /// Parses one complete JSON text and, when asked, records where each value starts.
    public static func parseWithLocations(
        _ bytes: some Collection<UInt8>, recordLocations: Bool = true
    ) throws(Failure) -> (value: JSONValue, locations: Locations) {
        let result: Result<(JSONValue, Locations), Failure> = withContiguousBytes(bytes) { buffer in
            var parser = JSONParser(bytes: buffer, recordLocations: recordLocations)
            do {
                parser.skipWhitespace()
                let value = try parser.parseValue()
                parser.skipWhitespace()
                if parser.index < buffer.count {
                    throw parser.failure("unexpected \(parser.describeCurrent()) after the end of the JSON value")
                }
                return .success((value, parser.locations))
            } catch let error as Failure {
                return .failure(error)
            } catch {
                return .failure(Failure(offset: 0, message: "\(error)"))
            }
        }
        return try result.get()
    }

    // MARK: - Values

    mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of input; expected a value") }
        if recordLocations { locations.valueStart[JSONPath(path)] = index }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected \(describeCurrent()); expected a value")
        }
    }

    mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var object = JSONObject()
        var seen = Set<String>()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                if peek() == UInt8(ascii: "}") { throw failure("trailing comma before '}'") }
                throw failure("expected a member name in double quotes, found \(describeCurrent())")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after member name \"\(key)\"") }
            index += 1
            skipWhitespace()
            path.append(.key(key))
            if recordLocations {
                let here = JSONPath(path)
                locations.keyStart[here] = keyOffset
                if !seen.insert(key).inserted { locations.duplicateKeys.append((here, keyOffset)) }
            }
            let value = try parseValue()
            path.removeLast()
            object.members.append(.init(key: key, value: value))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            case nil: throw failure("unexpected end of input; expected ',' or '}'")
            default: throw failure("expected ',' or '}' after the value of \"\(key)\", found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { throw failure("trailing comma before ']'") }
            path.append(.index(items.count))
            items.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            case nil: throw failure("unexpected end of input; expected ',' or ']'")
            default: throw failure("expected ',' or ']' after an array element, found \(describeCurrent())")
            }
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of input in '\(literal)'") }
        for i in 0..<count where bytes[index + i] != literal.utf8Start[i] {
            throw failure("unexpected \(describeCurrent()); expected a value")
        }
        index += count
    }

    // MARK: - Numbers

    mutating func parseNumber() throws -> Double {
        try scanNumber(convert: true)
    }

    /// Validates a number; converts it only when asked (`skipValue` does not). Integers of up to 15
    /// digits are accumulated while scanning; other numbers go through `Double(String)`.
    mutating func scanNumber(convert: Bool) throws -> Double {
        let start = index
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard let first = peek(), isDigit(first) else { throw failure("a number needs a digit after '-'") }
        var integer = 0
        let digitsStart = index
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw failure("numbers cannot have leading zeros") }
        } else {
            while let c = peek(), isDigit(c) {
                integer = integer &* 10 &+ Int(c &- UInt8(ascii: "0"))
                index += 1
            }
        }
        let next = peek()
        if next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E"), index - digitsStart <= 15 {
            return negative ? -Double(integer) : Double(integer)
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let c = peek(), isDigit(c) else { throw failure("a number needs digits after '.'") }
            while let c = peek(), isDigit(c) { index += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let c = peek(), isDigit(c) else { throw failure("a number needs digits in its exponent") }
            while let c = peek(), isDigit(c) { index += 1 }
        }
        let hasExponent = bytes[start..<index].contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        guard convert || hasExponent else { return 0 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("number \(text) is out of range") }
        return value
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    // MARK: - Strings

    /// Parses a string starting at the opening quote. Fast path: no escapes means one validated copy.
    mutating func parseString() throws -> String {
        index += 1
        let start = index
        var hasEscapes = false
        var isASCII = true
        while true {
            guard index < bytes.count else {
                index = start - 1
                throw failure("unterminated string")
            }
            let c = bytes[index]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                hasEscapes = true
                index += 2
                continue
            }
            if c < 0x20 { throw failure("control character U+\(hex4(UInt16(c))) in a string; escape it (\\n, \\t, \\u00XX)") }
            if c >= 0x80 { isASCII = false }
            index += 1
        }
        let end = index
        index += 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !hasEscapes {
            if isASCII { return String(decoding: raw, as: UTF8.self) }
            guard let s = String(validating: raw, as: UTF8.self) else {
                throw Failure(offset: start + invalidUTF8Offset(raw), message: "invalid UTF-8 in a string")
            }
            return s
        }
        return try unescape(raw, base: start)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, base: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func fail(_ message: String) -> Failure { Failure(offset: base + i, message: message) }
        while i < raw.count {
            // Copy the run up to the next backslash in one go.
            let next = UnsafeBufferPointer(rebasing: raw[i...]).firstIndex(of: UInt8(ascii: "\\")).map { $0 + i } ?? raw.count
            if next > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<next]))
                i = next
                continue
            }
            guard i + 1 < raw.count else { throw fail("unterminated escape sequence") }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hexUnit(raw, at: i) else { throw fail("\\u needs four hex digits") }
                i += 4
                var scalar: Unicode.Scalar?
                if UTF16.isLeadSurrogate(unit), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"),
                   raw[i + 1] == UInt8(ascii: "u"), let low = hexUnit(raw, at: i + 2), UTF16.isTrailSurrogate(low)
                {
                    i += 6
                    let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    scalar = Unicode.Scalar(value)
                } else {
                    // A lone surrogate has no scalar value; it becomes U+FFFD rather than failing the line.
                    scalar = Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
                }
                out.append(contentsOf: UTF8.encode(scalar!)!)
            default:
                throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw Failure(offset: base, message: "invalid UTF-8 in a string")
        }
        return s
    }

    private func hexUnit(_ raw: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt16? {
        guard i + 4 <= raw.count else { return nil }
        var value: UInt16 = 0
        for k in 0..<4 {
            let c = raw[i + k]
            let digit: UInt16
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt16(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt16(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt16(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private func invalidUTF8Offset(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = raw.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    // MARK: - Helpers

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    func failure(_ message: String) -> Failure { Failure(offset: index, message: message) }

    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let c = bytes[index]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16, uppercase: true))"
    }

    private func hex4(_ v: UInt16) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}

/// Runs `body` over contiguous storage of `bytes`, copying only when the collection is not contiguous.
@inline(__always)
func withContiguousBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = bytes.withContiguousStorageIfAvailable(body) { return result }
    return Array(bytes).withUnsafeBufferPointer(body)
}
