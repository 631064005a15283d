/// A message the host sends to a stage.
public enum HostMessage: Sendable {
    case configure(protocolVersion: Int, step: String, config: JSONValue)
    /// One unit of work. `document` and each input are raw JSON, exactly as stored.
    case task(id: String, document: [UInt8], inputs: [(name: String, output: [UInt8])])
    case end
    case shutdown

    /// The message type names of protocol v1, host to stage.
    public static let typeNames: [String] = ["configure", "task", "end", "shutdown"]

    /// The message as one protocol line, newline included.
    public var line: [UInt8] {
        var w = JSONWriter(reservingCapacity: 512)
        switch self {
        case .configure(let version, let step, let config):
            w.writeRaw(#"{"type":"configure","protocol":"#)
            w.writeNumber(version)
            w.writeRaw(#","step":"#)
            w.writeString(step)
            w.writeRaw(#","config":"#)
            w.writeValue(config)
            w.writeRaw("}")
        case .task(let id, let document, let inputs):
            w.bytes.reserveCapacity(document.count + inputs.reduce(64) { $0 + $1.output.count + $1.name.utf8.count + 4 })
            Self.writeTask(into: &w, id: id, document: document, inputs: inputs)
        case .end:
            w.writeRaw(#"{"type":"end"}"#)
        case .shutdown:
            w.writeRaw(#"{"type":"shutdown"}"#)
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// Writes a task line with every input whole.
    public static func writeTask(
        into w: inout JSONWriter, id: String, document: some Collection<UInt8>,
        inputs: [(name: String, output: [UInt8])]
    ) {
        writeTask(into: &w, id: id, document: document, inputs: inputs.map { ($0.name, $0.output, nil) })
    }

    /// Writes a task line whose inputs keep only the top-level members the stage reads (`members`;
    /// nil: the whole output). Outputs are valid JSON (the host validated them when they arrived).
    public static func writeTask(
        into w: inout JSONWriter, id: String, document: some Collection<UInt8>,
        inputs: [(name: String, output: [UInt8], members: [String]?)]
    ) {
        w.writeRaw(#"{"type":"task","id":"#)
        w.writeString(id)
        w.writeRaw(#","document":"#)
        w.writeRaw(document)
        w.writeRaw(#","inputs":{"#)
        for (i, input) in inputs.enumerated() {
            if i > 0 { w.writeRaw(",") }
            w.writeString(input.name)
            w.writeRaw(":")
            if let members = input.members {
                writeProjection(of: input.output, keeping: members, into: &w)
            } else {
                w.writeRaw(input.output)
            }
        }
        w.writeRaw("}}")
    }

    /// `output` with only the listed top-level members (in the output's order); anything but an object
    /// is written as it is.
    static func writeProjection(of output: [UInt8], keeping members: [String], into w: inout JSONWriter) {
        output.withUnsafeBufferPointer { buffer in
            guard buffer.first(where: { !JSONParser.isSpace($0) }) == UInt8(ascii: "{") else {
                w.writeRaw(buffer)
                return
            }
            w.writeRaw("{")
            var first = true
            for member in JSONParser.membersOfValidatedObject(buffer) where members.contains(member.key) {
                if !first { w.writeRaw(",") }
                first = false
                w.writeString(member.key)
                w.writeRaw(":")
                w.writeRaw(UnsafeBufferPointer(rebasing: buffer[member.range]))
            }
            w.writeRaw("}")
        }
    }

    /// Decodes one line as a stage sees it (the SDKs use this; the host only writes).
    /// - Throws: `ProtocolViolation`.
    public static func decode(_ line: [UInt8]) throws(ProtocolViolation) -> HostMessage {
        // The host writes its lines with a JSON writer: they are only split here, not validated again
        // (a task carries the document and every input, tens of kilobytes). A line without a string
        // `type` is scanned strictly, for the exact violation.
        var scanned = ScannedLine(trusting: line, splitting: "inputs")
        if (try? scanned.type()) == nil { scanned = try ScannedLine(line) }
        switch try scanned.type() {
        case "configure":
            guard let version = scanned.value("protocol")?.intValue else {
                throw ProtocolViolation(.missingField, "a \"configure\" message needs an integer \"protocol\"")
            }
            return .configure(protocolVersion: version, step: try scanned.requiredString("step", in: "configure"),
                              config: scanned.value("config") ?? .object(JSONObject()))
        case "task":
            let id = try scanned.requiredString("id", in: "task")
            guard let document = scanned.raw("document") else {
                throw ProtocolViolation(.missingField, "a \"task\" message needs a \"document\" object")
            }
            var inputs: [(String, [UInt8])] = []
            if let members = scanned.nested {
                // Split in the same pass as the line (ranges in the line).
                inputs = members.map { ($0.key, Array(line[$0.range])) }
            } else if let raw = scanned.raw("inputs"), raw.first == UInt8(ascii: "{") {
                let members = Array(raw).withUnsafeBufferPointer { JSONParser.membersOfValidatedObject($0) }
                let base = raw.startIndex
                inputs = members.map { ($0.key, Array(line[(base + $0.range.lowerBound)..<(base + $0.range.upperBound)])) }
            }
            return .task(id: id, document: Array(document), inputs: inputs)
        case "end": return .end
        case "shutdown": return .shutdown
        case let other:
            throw ProtocolViolation(.unknownType, "unknown message type \"\(other)\"")
        }
    }
}
