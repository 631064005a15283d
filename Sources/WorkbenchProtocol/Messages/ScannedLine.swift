/// One protocol line, validated, with its top-level members located but not decoded.
public struct ScannedLine: Sendable {
    public let bytes: [UInt8]
    public let members: [JSONParser.ScannedMember]
    /// With `init(trusting:splitting:)`: the members of the nested object named there (ranges in `bytes`).
    public private(set) var nested: [JSONParser.ScannedMember]? = nil

    /// Validates `bytes` as a JSON object.
    /// - Throws: `ProtocolViolation` (`.invalidUTF8`, `.notJSON` or `.notAnObject`).
    public init(_ bytes: [UInt8]) throws(ProtocolViolation) {
        self.bytes = bytes
        do {
            self.members = try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in
                try JSONParser.scanObject(buffer)
            }
        } catch {
            let looksLikeJSON = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{")
            if error.message.contains("UTF-8") {
                throw ProtocolViolation(.invalidUTF8, "line is not valid UTF-8 (at byte \(error.offset))")
            } else if error.message.hasPrefix("expected a JSON object") && !looksLikeJSON {
                if (try? JSONParser.parse(bytes)) != nil {
                    throw ProtocolViolation(.notAnObject, "line is JSON but not an object; every protocol line is an object with a \"type\"")
                }
                throw ProtocolViolation(.notJSON, "not a protocol line (stdout is for JSON lines only; log to stderr)")
            } else {
                throw ProtocolViolation(.notJSON, "malformed JSON at byte \(error.offset): \(error.message)")
            }
        }
    }

    /// Locates the members of a line from a trusted writer (the host's own JSON) without validating it.
    public init(trusting bytes: [UInt8]) {
        self.bytes = bytes
        members = bytes.withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0) }
    }

    /// Like `init(trusting:)`, and splits the object member `key` into its own members in the same pass
    /// (`nested`; nil when the member is absent or not an object).
    public init(trusting bytes: [UInt8], splitting key: String) {
        self.bytes = bytes
        var inner: [JSONParser.ScannedMember]?
        members = bytes.withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0, splitting: key, into: &inner) }
        nested = inner
    }

    /// The raw bytes of member `key`'s value, if present.
    public func raw(_ key: String) -> ArraySlice<UInt8>? {
        members.last(where: { $0.key == key }).map { bytes[$0.range] }
    }

    /// Member `key` decoded as a JSON value.
    public func value(_ key: String) -> JSONValue? {
        guard let raw = raw(key) else { return nil }
        return try? JSONParser.parse(raw)
    }

    /// Member `key` when it is a string; `.wrongFieldType` when it is something else.
    public func string(_ key: String) throws(ProtocolViolation) -> String? {
        guard let raw = raw(key) else { return nil }
        guard raw.first == UInt8(ascii: "\""), let s = (try? JSONParser.parse(raw))?.stringValue else {
            throw ProtocolViolation(.wrongFieldType, "\"\(key)\" must be a string")
        }
        return s
    }

    /// Member `key` as a required string.
    public func requiredString(_ key: String, in type: String) throws(ProtocolViolation) -> String {
        guard let s = try string(key) else {
            throw ProtocolViolation(.missingField, "a \"\(type)\" message needs a \"\(key)\" string")
        }
        return s
    }

    /// The message's `"type"`.
    public func type() throws(ProtocolViolation) -> String {
        guard raw("type") != nil else {
            throw ProtocolViolation(.missingType, "the object has no \"type\" member")
        }
        guard let type = try? string("type") else {
            throw ProtocolViolation(.missingType, "\"type\" must be a string")
        }
        return type
    }
}

/// A line that breaks the protocol. The host adds the stage, the document and the line itself.
public struct ProtocolViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable categories; tests and the failure table use the raw values.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case notJSON = "not-json"
        case invalidUTF8 = "invalid-utf8"
        case notAnObject = "not-an-object"
        case missingType = "missing-type"
        case unknownType = "unknown-type"
        case missingField = "missing-field"
        case wrongFieldType = "wrong-field-type"
        case oversizedLine = "oversized-line"
        case unterminatedLine = "unterminated-line"
        case unexpectedMessage = "unexpected-message"
        case unknownTaskID = "unknown-task-id"
        case duplicateAnswer = "duplicate-answer"
        case noCommonVersion = "no-common-version"
        case helloMismatch = "hello-mismatch"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
