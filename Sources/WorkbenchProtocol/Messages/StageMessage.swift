/// A message a stage sends to the host.
public enum StageMessage: Sendable {
    case hello(StageHello)
    case ready
    /// A task's answer; `output` is the raw JSON of the `"output"` member, validated but not decoded.
    case result(id: String, output: [UInt8])
    case error(StageError)
    case log(StageLog)

    /// The message type names of protocol v1, stage to host.
    public static let typeNames: [String] = ["hello", "ready", "result", "error", "log"]

    /// Decodes one line (without its newline).
    /// - Throws: `ProtocolViolation` saying exactly what is wrong with the line.
    public static func decode(_ line: [UInt8]) throws(ProtocolViolation) -> StageMessage {
        let scanned = try ScannedLine(line)
        let type = try scanned.type()
        switch type {
        case "hello":
            guard let object = JSONValue.object(JSONObject(scanned.members.map { member in
                JSONObject.Member(key: member.key, value: (try? JSONParser.parse(line[member.range])) ?? .null)
            })).objectValue else { throw ProtocolViolation(.notAnObject, "hello must be an object") }
            return .hello(try StageHello(json: object))
        case "ready":
            return .ready
        case "result":
            let id = try scanned.requiredString("id", in: "result")
            guard let output = scanned.raw("output") else {
                throw ProtocolViolation(.missingField, "a \"result\" message needs an \"output\" member (any JSON value)")
            }
            return .result(id: id, output: Array(output))
        case "error":
            let message = try scanned.string("message") ?? ""
            var retryable = false
            if let raw = scanned.value("retryable") {
                guard let b = raw.boolValue else {
                    throw ProtocolViolation(.wrongFieldType, "\"retryable\" must be true or false")
                }
                retryable = b
            }
            return .error(StageError(id: try scanned.string("id"), message: message, retryable: retryable,
                                     field: try scanned.string("field")))
        case "log":
            let level = try scanned.string("level") ?? "info"
            let message = try scanned.string("message") ?? ""
            return .log(StageLog(level: StageLog.Level(rawValue: level) ?? .info, message: message,
                                 id: try scanned.string("id")))
        default:
            throw ProtocolViolation(
                .unknownType,
                "unknown message type \"\(type)\" (protocol 1 knows \(typeNames.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
    }

    /// The message as one protocol line, newline included.
    public var line: [UInt8] {
        var w = JSONWriter()
        switch self {
        case .hello(let hello): return hello.line
        case .ready: w.writeRaw(#"{"type":"ready"}"#)
        case .result(let id, let output):
            w.bytes.reserveCapacity(output.count + id.utf8.count + 64)
            w.writeRaw(#"{"type":"result","id":"#)
            w.writeString(id)
            w.writeRaw(#","output":"#)
            w.writeRaw(output)
            w.writeRaw("}")
        case .error(let error):
            w.writeRaw(#"{"type":"error""#)
            if let id = error.id {
                w.writeRaw(#","id":"#)
                w.writeString(id)
            }
            w.writeRaw(#","message":"#)
            w.writeString(error.message)
            w.writeRaw(#","retryable":"#)
            w.writeRaw(error.retryable ? "true" : "false")
            if let field = error.field {
                w.writeRaw(#","field":"#)
                w.writeString(field)
            }
            w.writeRaw("}")
        case .log(let log):
            w.writeRaw(#"{"type":"log","level":"#)
            w.writeString(log.level.rawValue)
            w.writeRaw(#","message":"#)
            w.writeString(log.message)
            if let id = log.id {
                w.writeRaw(#","id":"#)
                w.writeString(id)
            }
            w.writeRaw("}")
        }
        w.bytes.append(0x0A)
        return w.bytes
    }
}

/// A stage's `error` message: with an `id` it fails one task; without one it refuses the configuration.
public struct StageError: Hashable, Sendable {
    public var id: String?
    public var message: String
    /// True when trying the same task again may succeed (a timeout upstream, a busy resource).
    public var retryable: Bool
    /// For a refused configuration: the path inside the config, e.g. `"cues[2]"`.
    public var field: String?

    public init(id: String?, message: String, retryable: Bool = false, field: String? = nil) {
        self.id = id
        self.message = message
        self.retryable = retryable
        self.field = field
    }
}

/// A `log` message; the host shows it prefixed with the stage name and keeps it with the run.
public struct StageLog: Hashable, Sendable {
    /// Log levels, as in swift-log and Python's logging.
    public enum Level: String, Hashable, Sendable, CaseIterable {
        case trace, debug, info, warning, error
    }

    public var level: Level
    public var message: String
    public var id: String?

    public init(level: Level, message: String, id: String? = nil) {
        self.level = level
        self.message = message
        self.id = id
    }
}
