/// The hot path: validate a whole line but build nothing except the top-level member names.
///
/// The host reads every stage output this way and stores the `output` bytes as they came,
/// so a large result costs one validating pass, not a tree.
extension JSONParser {
    /// A top-level member of a scanned object: its name and the byte range of its value.
    public struct ScannedMember: Hashable, Sendable {
        public var key: String
        public var range: Range<Int>

        public init(key: String, range: Range<Int>) {
            self.key = key
            self.range = range
        }
    }

    /// Validates `bytes` as one JSON object and returns its members with the byte range of each value.
    /// - Throws: `Failure` when the text is not valid JSON or not an object.
    public static func scanObject(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> [ScannedMember] {
        var parser = JSONParser(bytes: bytes, recordLocations: false)
        do {
            return try parser.scanTopLevelObject()
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(offset: 0, message: "\(error)")
        }
    }

    private mutating func scanTopLevelObject() throws -> [ScannedMember] {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else {
            throw failure("expected a JSON object, found \(describeCurrent())")
        }
        index += 1
        var members: [ScannedMember] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else {
                    if peek() == UInt8(ascii: "}") { throw failure("trailing comma before '}'") }
                    throw failure("expected a member name in double quotes, found \(describeCurrent())")
                }
                let key = try parseString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after member name \"\(key)\"") }
                index += 1
                skipWhitespace()
                let start = index
                try skipValue()
                members.append(ScannedMember(key: key, range: start..<index))
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1
                case nil: throw failure("unexpected end of input; expected ',' or '}'")
                default: throw failure("expected ',' or '}' after the value of \"\(key)\", found \(describeCurrent())")
                }
                if bytes[index - 1] == UInt8(ascii: "}") { break }
            }
        }
        skipWhitespace()
        if index < bytes.count { throw failure("unexpected \(describeCurrent()) after the end of the JSON value") }
        return members
    }

    /// Validates one value and moves past it without building it.
    mutating func skipValue() throws {
        guard let c = peek() else { throw failure("unexpected end of input; expected a value") }
        switch c {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"):
            try enter()
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else {
                    if peek() == UInt8(ascii: "}") { throw failure("trailing comma before '}'") }
                    throw failure("expected a member name in double quotes, found \(describeCurrent())")
                }
                try skipString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
                index += 1
                skipWhitespace()
                try skipValue()
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return
                case nil: throw failure("unexpected end of input; expected ',' or '}'")
                default: throw failure("expected ',' or '}' after an object member, found \(describeCurrent())")
                }
            }
        case UInt8(ascii: "["):
            try enter()
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { throw failure("trailing comma before ']'") }
                try skipValue()
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return
                case nil: throw failure("unexpected end of input; expected ',' or ']'")
                default: throw failure("expected ',' or ']' after an array element, found \(describeCurrent())")
                }
            }
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber(convert: false)
        default: throw failure("unexpected \(describeCurrent()); expected a value")
        }
    }

    /// Validates a string (escapes, control characters, UTF-8) without decoding it.
    private mutating func skipString() throws {
        let open = index
        index += 1
        var isASCII = true
        let start = index
        while true {
            guard index < bytes.count else {
                index = open
                throw failure("unterminated string")
            }
            let c = bytes[index]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { throw failure("unterminated escape sequence") }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= bytes.count,
                          (2..<6).allSatisfy({ isHexDigit(bytes[index + $0]) })
                    else { throw failure("\\u needs four hex digits") }
                    index += 6
                default:
                    index += 1
                    throw failure("invalid escape '\\\(describeCurrent())'")
                }
                continue
            }
            if c < 0x20 { throw failure("control character in a string; escape it (\\n, \\t, \\u00XX)") }
            if c >= 0x80 { isASCII = false }
            index += 1
        }
        if !isASCII {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if String(validating: raw, as: UTF8.self) == nil {
                index = start
                throw failure("invalid UTF-8 in a string")
            }
        }
        index += 1
    }

    private func isHexDigit(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONParser {
    /// The index just past the string whose opening quote is at `i` (memchr finds each candidate closing
    /// quote; one preceded by an odd number of backslashes is escaped).
    @inline(__always)
    static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var k = i + 1
        while k < bytes.count {
            guard let found = memchr(base + k, 0x22, bytes.count - k) else { return bytes.count }
            let q = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            var b = q - 1
            while b > i && bytes[b] == 0x5C { backslashes += 1; b -= 1 }
            if backslashes % 2 == 0 { return q + 1 }
            k = q + 1
        }
        return bytes.count
    }

    /// The index just past the value starting at `i` (a string, a nested object or array, or a scalar
    /// up to the next `,` `}` `]`), in valid JSON.
    @inline(__always)
    static func endOfValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var i = start
        guard i < n else { return n }
        if bytes[i] == 0x22 { return endOfString(bytes, from: i) }
        var depth = 0
        while i < n {
            switch bytes[i] {
            case 0x22:
                i = endOfString(bytes, from: i)
                continue
            case 0x7B, 0x5B:
                depth += 1
            case 0x7D, 0x5D:
                if depth == 0 { return i }
                depth -= 1
                if depth == 0 { return i + 1 }
            case 0x2C:
                if depth == 0 { return i }
            default:
                break
            }
            i += 1
        }
        return n
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// The top-level members of an object already known to be valid JSON (the host validated every output
    /// line it forwards): only the boundaries are found — strings with their escapes, nested brackets —
    /// nothing is checked or built. On bytes that are not a valid object the result is unspecified but
    /// the function never reads out of bounds.
    public static func membersOfValidatedObject(_ bytes: UnsafeBufferPointer<UInt8>) -> [ScannedMember] {
        var unused: [ScannedMember]?
        return membersOfValidatedObject(bytes, splitting: nil, into: &unused)
    }

    /// `membersOfValidatedObject`, also splitting the members of the object-valued member `nestedKey`
    /// into `nested` as it goes (one pass over the bytes instead of two).
    public static func membersOfValidatedObject(_ bytes: UnsafeBufferPointer<UInt8>, splitting nestedKey: String?,
                                                into nested: inout [ScannedMember]?) -> [ScannedMember] {
        var members: [ScannedMember] = []
        var i = 0
        while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == 0x7B else { return [] }
        _ = splitObject(bytes, from: i, into: &members, splitting: nestedKey, nested: &nested)
        return members
    }

    /// Splits the object opening at `open` into its members (absolute ranges); the object-valued member
    /// `nestedKey`, if any, is split too, into `nested`. Returns the index just past the closing brace.
    static func splitObject(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int, into members: inout [ScannedMember],
                            splitting nestedKey: String? = nil, nested: inout [ScannedMember]?) -> Int {
        var split: [ScannedMember]? = nested
        let end = forEachMember(bytes, from: open) { keyRange, start in
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyRange]), as: UTF8.self)
            var i: Int
            if let nestedKey, key == nestedKey, start < bytes.count, bytes[start] == 0x7B {
                var inner: [ScannedMember] = []
                var none: [ScannedMember]?
                i = splitObject(bytes, from: start, into: &inner, nested: &none)
                split = inner
            } else {
                i = endOfValue(bytes, from: start)
            }
            i = min(i, bytes.count)
            var end = i
            while end > start && isSpace(bytes[end - 1]) { end -= 1 }
            members.append(ScannedMember(key: key, range: start..<end))
            return i
        }
        nested = split
        return end
    }

    /// Walks the members of the object opening at `open`: `member` gets the range of each key (between its
    /// quotes, not unescaped) and where its value starts, and returns the index just past the value. Returns
    /// the index just past the closing brace.
    @inline(__always)
    static func forEachMember(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int,
                              _ member: (_ key: Range<Int>, _ valueStart: Int) -> Int) -> Int {
        let n = bytes.count
        var i = open + 1
        while i < n {
            while i < n && (isSpace(bytes[i]) || bytes[i] == 0x2C) { i += 1 }
            guard i < n, bytes[i] == 0x22 else { break }
            let keyEnd = endOfString(bytes, from: i)
            let key = (i + 1)..<max(i + 1, keyEnd - 1)
            i = keyEnd
            while i < n && isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] == 0x3A else { break }
            i += 1
            while i < n && isSpace(bytes[i]) { i += 1 }
            i = member(key, i)
        }
        while i < n && bytes[i] != 0x7D { i += 1 }
        return min(i + 1, n)
    }

    /// The byte ranges of the elements of an array already known to be valid JSON (see
    /// `membersOfValidatedObject`): found, not checked.
    public static func elementsOfValidatedArray(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        elementsOfValidatedArray(bytes, in: 0..<bytes.count)
    }

    /// `elementsOfValidatedArray` of the array at `range` of `bytes`, ranges in `bytes`.
    static func elementsOfValidatedArray(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Range<Int>] {
        var elements: [Range<Int>] = []
        let n = range.upperBound
        var i = range.lowerBound
        while i < n && isSpace(bytes[i]) { i += 1 }
        guard i < n, bytes[i] == 0x5B else { return [] }
        i += 1
        while i < n {
            while i < n && (isSpace(bytes[i]) || bytes[i] == 0x2C) { i += 1 }
            guard i < n, bytes[i] != 0x5D else { break }
            let start = i
            i = endOfValue(bytes, from: i)
            var end = min(i, n)
            while end > start && isSpace(bytes[end - 1]) { end -= 1 }
            if end > start { elements.append(start..<end) }
        }
        return elements
    }
}
