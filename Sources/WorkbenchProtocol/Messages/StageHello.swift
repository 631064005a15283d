/// The first line a stage writes: who it is, which protocol versions it speaks, what it needs and makes.
public struct StageHello: Hashable, Sendable {
    public var protocols: [Int]
    public var name: String
    public var version: String
    public var scope: StageScope
    /// Outputs this stage reads, by stage name or produced type (`"extract"`, `"extract/1"`).
    public var consumes: [String]
    /// For an input (by the name it arrives under), the only top-level members of it the stage reads;
    /// the host leaves the others out of the task. An input not listed arrives whole.
    public var reads: [String: [String]]
    /// The type of output it writes, e.g. `"attribution/1"`.
    public var produces: String?
    /// One line for `workbench stages`.
    public var summary: String?
    /// A JSON Schema subset describing the step config (see PROTOCOL.md).
    public var configSchema: JSONValue?
    /// Members this version does not know, kept so nothing is lost when the hello is re-encoded.
    public var extra: JSONObject

    public init(
        protocols: [Int] = StageProtocol.supportedVersions, name: String, version: String,
        scope: StageScope = .document, consumes: [String] = [], reads: [String: [String]] = [:], produces: String? = nil,
        summary: String? = nil, configSchema: JSONValue? = nil, extra: JSONObject = JSONObject()
    ) {
        self.reads = reads
        self.protocols = protocols
        self.name = name
        self.version = version
        self.scope = scope
        self.consumes = consumes
        self.produces = produces
        self.summary = summary
        self.configSchema = configSchema
        self.extra = extra
    }

    static let knownKeys: Set<String> = [
        "type", "protocols", "name", "version", "scope", "consumes", "reads", "produces", "description", "config_schema",
    ]

    /// Reads a hello from its JSON object (a protocol line or a `stage.json` manifest).
    /// - Throws: `ProtocolViolation` naming the field that is missing or of the wrong type.
    public init(json object: JSONObject) throws(ProtocolViolation) {
        func fail(_ message: String) -> ProtocolViolation { ProtocolViolation(.wrongFieldType, "hello: \(message)") }
        guard let protocols = object["protocols"]?.arrayValue else {
            throw ProtocolViolation(.missingField, "hello: \"protocols\" must be an array of integers, e.g. [1]")
        }
        var versions: [Int] = []
        for p in protocols {
            guard let v = p.intValue else { throw fail("\"protocols\" must hold integers") }
            versions.append(v)
        }
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            throw ProtocolViolation(.missingField, "hello: \"name\" must be a non-empty string")
        }
        guard let version = object["version"]?.stringValue else {
            throw ProtocolViolation(.missingField, "hello: \"version\" must be a string, e.g. \"1.0.0\"")
        }
        var scope = StageScope.document
        if let raw = object["scope"] {
            guard let s = raw.stringValue, let parsed = StageScope(rawValue: s) else {
                throw fail("\"scope\" must be \"document\" or \"corpus\"")
            }
            scope = parsed
        }
        var consumes: [String] = []
        if let raw = object["consumes"] {
            guard let items = raw.arrayValue, let names = Optional(items.compactMap(\.stringValue)),
                  names.count == items.count
            else { throw fail("\"consumes\" must be an array of strings") }
            consumes = names
        }
        var reads: [String: [String]] = [:]
        if let raw = object["reads"], !raw.isNull {
            guard let inputs = raw.objectValue else { throw fail("\"reads\" must be an object: input name → array of member names") }
            for member in inputs.members {
                let input = member.key
                guard let items = member.value.arrayValue, let names = Optional(items.compactMap(\.stringValue)), names.count == items.count else {
                    throw fail("\"reads\".\(input) must be an array of member names")
                }
                reads[input] = names
            }
        }
        if let raw = object["produces"], raw.stringValue == nil, !raw.isNull { throw fail("\"produces\" must be a string") }
        if let raw = object["description"], raw.stringValue == nil, !raw.isNull { throw fail("\"description\" must be a string") }
        if let raw = object["config_schema"], raw.objectValue == nil, !raw.isNull {
            throw fail("\"config_schema\" must be an object")
        }
        self.init(
            protocols: versions, name: name, version: version, scope: scope, consumes: consumes, reads: reads,
            produces: object["produces"]?.stringValue, summary: object["description"]?.stringValue,
            configSchema: object["config_schema"].flatMap { $0.isNull ? nil : $0 },
            extra: JSONObject(object.members.filter { !Self.knownKeys.contains($0.key) })
        )
    }

    /// The hello as a JSON object, `"type":"hello"` first.
    public var json: JSONObject {
        var object = JSONObject()
        object["type"] = "hello"
        object["protocols"] = .array(protocols.map { .number(Double($0)) })
        object["name"] = .string(name)
        object["version"] = .string(version)
        object["scope"] = .string(scope.rawValue)
        object["consumes"] = .array(consumes.map { .string($0) })
        if !reads.isEmpty {
            var inputs = JSONObject()
            for input in reads.keys.sorted() { inputs[input] = .array(reads[input]!.map { .string($0) }) }
            object["reads"] = .object(inputs)
        }
        if let produces { object["produces"] = .string(produces) }
        if let summary { object["description"] = .string(summary) }
        if let configSchema { object["config_schema"] = configSchema }
        object.members.append(contentsOf: extra.members)
        return object
    }

    /// The protocol line (with its trailing newline).
    public var line: [UInt8] { JSONValue.object(json).serialized() + [0x0A] }
}
