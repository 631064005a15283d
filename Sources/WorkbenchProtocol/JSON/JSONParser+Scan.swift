/// The hot path: validate a whole line but build nothing except the top-level member names.
///
/// The host reads every stage output this way and stores the `output` bytes as they came,
/// so a large result costs one validating pass, not a tree.
extension JSONParser {
    /// A top-level member of a scanned object: its name and the byte range of its value.
    public struct ScannedMember: Hashable, Sendable {
        public var key: String
        public var range: Range<Int>
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

extension JSONParser {
    /// The top-level members of an object already known to be valid JSON (the host validated every output
    /// line it forwards): only the boundaries are found — strings with their escapes, nested brackets —
    /// nothing is checked or built. On bytes that are not a valid object the result is unspecified but
    /// the function never reads out of bounds.
    public static func membersOfValidatedObject(_ bytes: UnsafeBufferPointer<UInt8>) -> [ScannedMember] {
        var members: [ScannedMember] = []
        let n = bytes.count
        var i = 0
        func skipSpace() { while i < n && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) { i += 1 } }
        func skipString() {
            i += 1
            while i < n && bytes[i] != 0x22 { i += bytes[i] == 0x5C ? 2 : 1 }
            i += 1
        }
        skipSpace()
        guard i < n, bytes[i] == 0x7B else { return [] }
        i += 1
        while i < n {
            skipSpace()
            guard i < n else { break }
            if bytes[i] == 0x7D { break }
            if bytes[i] == 0x2C { i += 1; continue }
            guard bytes[i] == 0x22 else { break }
            let keyStart = i + 1
            skipString()
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<max(keyStart, min(i - 1, n))]), as: UTF8.self)
            skipSpace()
            guard i < n, bytes[i] == 0x3A else { break }
            i += 1
            skipSpace()
            let start = i
            var depth = 0
            while i < n {
                let b = bytes[i]
                if b == 0x22 {
                    skipString()
                    if depth == 0 { break }
                    continue
                }
                if b == 0x7B || b == 0x5B {
                    depth += 1
                } else if b == 0x7D || b == 0x5D {
                    if depth == 0 { break }
                    depth -= 1
                    if depth == 0 { i += 1; break }
                } else if depth == 0 && b == 0x2C {
                    break
                }
                i += 1
            }
            // A scalar ends before spaces.
            var end = min(i, n)
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x09) { end -= 1 }
            members.append(ScannedMember(key: key, range: start..<end))
        }
        return members
    }
}
