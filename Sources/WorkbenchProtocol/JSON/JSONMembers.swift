#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The members of one JSON object of a stage's input, located but not parsed: scalar members are read
/// straight from the bytes (no `JSONValue` tree), arrays split into their elements and objects into their
/// members on demand, so a reader builds only the structs it needs.
///
/// For JSON already known to be valid — an output the host validated when it arrived and forwards in a
/// task — only boundaries are found, nothing is checked: on other bytes the results are unspecified (but
/// nothing is read out of bounds).
public struct JSONMembers: Sendable {
    /// The whole input; every range below is in it.
    public let bytes: [UInt8]
    /// The input's name, for messages.
    public let input: String
    /// Members in order: the byte range of each key (between its quotes) and of its value. Objects are
    /// small: a linear search, comparing bytes, beats building and hashing strings.
    private var members: [(key: Range<Int>, value: Range<Int>)] = []

    /// The members of the top-level object of `bytes`.
    /// - Throws: `Failure` when `bytes` is not an object.
    public init(_ bytes: [UInt8], input: String) throws(Failure) {
        self.bytes = bytes
        self.input = input
        guard bytes.first(where: { !JSONParser.isSpace($0) }) == UInt8(ascii: "{") else {
            throw Failure("input \"\(input)\" is not a JSON object")
        }
        members = Self.split(bytes, 0..<bytes.count)
    }

    /// The members of the object at `range` of `bytes` (part of an input already checked).
    public init(trusted bytes: [UInt8], range: Range<Int>, input: String) {
        self.bytes = bytes
        self.input = input
        members = Self.split(bytes, range)
    }

    /// The members of the object at `range`.
    static func split(_ bytes: [UInt8], _ range: Range<Int>) -> [(key: Range<Int>, value: Range<Int>)] {
        var members: [(key: Range<Int>, value: Range<Int>)] = []
        split(bytes, range, into: &members)
        return members
    }

    /// Appends the members of the object at `range` to `members`.
    static func split(_ bytes: [UInt8], _ range: Range<Int>, into members: inout [(key: Range<Int>, value: Range<Int>)]) {
        bytes.withUnsafeBufferPointer { buffer in
            var open = range.lowerBound
            while open < range.upperBound && JSONParser.isSpace(buffer[open]) { open += 1 }
            guard open < range.upperBound, buffer[open] == UInt8(ascii: "{") else { return }
            let object = UnsafeBufferPointer(rebasing: buffer[..<range.upperBound])
            _ = JSONParser.forEachMember(object, from: open) { key, start in
                let i = min(JSONParser.endOfValue(object, from: start), object.count)
                var end = i
                while end > start && JSONParser.isSpace(object[end - 1]) { end -= 1 }
                members.append((key, start..<end))
                return i
            }
        }
    }

    /// The byte range of member `key`'s value (keys compared byte for byte, as written).
    public func range(_ key: String) -> Range<Int>? {
        var key = key
        return key.withUTF8 { key in
            bytes.withUnsafeBufferPointer { bytes in
                for member in members where member.key.count == key.count
                    && (key.isEmpty || memcmp(bytes.baseAddress! + member.key.lowerBound, key.baseAddress!, key.count) == 0) {
                    return member.value
                }
                return nil
            }
        }
    }

    /// Whether member `key` is present with a value other than `null`.
    public func isPresent(_ key: String) -> Bool {
        guard let range = range(key), let first = range.first else { return false }
        return bytes[first] != UInt8(ascii: "n")
    }

    /// The byte ranges of the elements of member `key` (an array; none for anything else).
    public func elements(_ key: String) -> [Range<Int>] {
        guard let range = range(key) else { return [] }
        return elements(at: range)
    }

    /// The byte ranges of the elements of the array at `range` (none when it is not an array).
    public func elements(at range: Range<Int>) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { JSONParser.elementsOfValidatedArray($0, in: range) }
    }

    /// Member `key` split into its members, when it is an object.
    public func object(_ key: String) -> JSONMembers? {
        guard let range = range(key), isObject(at: range) else { return nil }
        return JSONMembers(trusted: bytes, range: range, input: input)
    }

    /// The elements of member `key` that are objects, each split into its members.
    public func objects(_ key: String) -> [JSONMembers] {
        elements(key).compactMap { isObject(at: $0) ? JSONMembers(trusted: bytes, range: $0, input: input) : nil }
    }

    /// Calls `body` with each element of member `key` that is an object, split into its members, reusing
    /// one member list for all of them (no allocation per element, which `objects` makes): for the long
    /// arrays of a stage output. `body` must not keep its argument.
    public func forEachObject(_ key: String, _ body: (JSONMembers) throws -> Void) rethrows {
        guard let range = range(key) else { return }
        var element = JSONMembers(bytes: bytes, input: input)
        for item in elements(at: range) where isObject(at: item) {
            element.members.removeAll(keepingCapacity: true)
            Self.split(bytes, item, into: &element.members)
            try body(element)
        }
    }

    private init(bytes: [UInt8], input: String) {
        self.bytes = bytes
        self.input = input
    }

    /// Whether the value at `range` is an object.
    public func isObject(at range: Range<Int>) -> Bool { !range.isEmpty && bytes[range.lowerBound] == UInt8(ascii: "{") }

    /// Member `key` parsed as a JSON value.
    /// - Throws: `Failure` naming the input and member when the value does not parse.
    public func value(_ key: String) throws(Failure) -> JSONValue? {
        guard let range = range(key) else { return nil }
        do { return try JSONParser.parse(bytes[range]) } catch { throw Failure("input \"\(input)\" member \(key): \(error)") }
    }

    /// Member `key` when it is a string (nil for null, absent or another type).
    public func string(_ key: String) -> String? {
        guard let range = range(key), range.count >= 2, bytes[range.lowerBound] == 0x22 else { return nil }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        let escaped = bytes.withUnsafeBufferPointer { buffer in UnsafeBufferPointer(rebasing: buffer[inner]).contains(0x5C) }
        if !escaped { return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[inner]), as: UTF8.self) } }
        return (try? JSONParser.parse(bytes[range]))?.stringValue
    }

    /// Member `key` when it is an integral number.
    public func int(_ key: String) -> Int? {
        guard let range = range(key) else { return nil }
        return int(at: range)
    }

    /// The value at `range` when it is an integral number.
    public func int(at range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var i = range.lowerBound
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value = 0
        var digits = 0
        while i < range.upperBound, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 15 {
            value = value * 10 + Int(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        if i == range.upperBound && digits > 0 { return negative ? -value : value }
        guard digits > 0 || negative else { return nil }
        return (try? JSONParser.parse(bytes[range]))?.intValue
    }

    /// Member `key` when it is a number.
    public func double(_ key: String) -> Double? {
        guard let range = range(key), !range.isEmpty else { return nil }
        let c = bytes[range.lowerBound]
        guard c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else { return nil }
        if let int = int(at: range) { return Double(int) }
        return (try? JSONParser.parse(bytes[range]))?.doubleValue
    }

    /// Member `key` when it is `true` or `false`.
    public func bool(_ key: String) -> Bool? {
        guard let range = range(key), let c = range.first.map({ bytes[$0] }) else { return nil }
        return c == UInt8(ascii: "t") ? true : c == UInt8(ascii: "f") ? false : nil
    }

    /// Member `key` when it is an array of strings (other elements left out).
    public func strings(_ key: String) -> [String] {
        (try? value(key))?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Member `key` when it is an array of integral numbers (nil when absent or anything else).
    public func integers(_ key: String) -> [Int]? {
        guard let range = range(key) else { return nil }
        return integers(at: range)
    }

    /// The array at `range` when all its elements are integral numbers (`[start, end, paragraph]`, a
    /// flat token list): read in one pass, without splitting it first.
    public func integers(at range: Range<Int>) -> [Int]? {
        bytes.withUnsafeBufferPointer { buffer -> [Int]? in
            var i = range.lowerBound
            let end = range.upperBound
            guard i < end, buffer[i] == UInt8(ascii: "[") else { return nil }
            i += 1
            var out: [Int] = []
            out.reserveCapacity((end - i) / 4)
            while i < end {
                let c = buffer[i]
                if JSONParser.isSpace(c) || c == UInt8(ascii: ",") { i += 1; continue }
                if c == UInt8(ascii: "]") { return out }
                let negative = c == UInt8(ascii: "-")
                if negative { i += 1 }
                var value = 0
                var digits = 0
                while i < end, buffer[i] >= 0x30, buffer[i] <= 0x39, digits < 15 {
                    value = value &* 10 &+ Int(buffer[i] &- 0x30)
                    digits += 1
                    i += 1
                }
                // A fraction, an exponent, a long number or another value: the exact reading decides.
                guard digits > 0, i < end, JSONParser.isSpace(buffer[i]) || buffer[i] == UInt8(ascii: ",") || buffer[i] == UInt8(ascii: "]") else {
                    return (try? JSONParser.parse(bytes[range]))?.arrayValue.flatMap { elements in
                        let ints = elements.compactMap(\.intValue)
                        return ints.count == elements.count ? ints : nil
                    }
                }
                out.append(negative ? -value : value)
            }
            return nil
        }
    }

    /// An input that is not a JSON object, or a member that does not parse.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}
