public import WorkbenchProtocol

/// Checks a step config against the JSON Schema subset a stage declares in its hello.
///
/// Supported keywords: `type` (string or array), `properties`, `required`, `additionalProperties`
/// (boolean), `items`, `enum`, `minimum`, `maximum`, `minLength`, `maxLength`, `minItems`, `maxItems`.
/// `description` and `default` are documentation. Unknown keywords are ignored.
public struct ConfigSchema: Sendable {
    public let schema: JSONValue

    public init(_ schema: JSONValue) { self.schema = schema }

    /// One mismatch: where in the config, what is wrong, and a hint.
    public struct Violation: Hashable, Sendable {
        public var path: JSONPath
        public var message: String
        public var hint: String?
        /// True when the path names a member that should not be there (point at its key).
        public var isUnknownKey: Bool
    }

    /// Every mismatch between `value` and the schema.
    public func violations(of value: JSONValue) -> [Violation] {
        var found: [Violation] = []
        check(value, against: schema, at: .root, into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: JSONPath, into found: inout [Violation]) {
        guard case .object(let s) = schema else { return }
        if let type = s["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            if !allowed.isEmpty && !allowed.contains(where: { matches(value, type: $0) }) {
                found.append(Violation(path: path, message: "expected \(allowed.map(article).joined(separator: " or ")), found \(value.typeName)",
                                       hint: describe(s), isUnknownKey: false))
                return
            }
        }
        if let options = s["enum"]?.arrayValue, !options.contains(value) {
            let shown = options.map { String(decoding: $0.serialized(), as: UTF8.self) }
            var hint = "one of: \(shown.joined(separator: ", "))"
            if case .string(let text) = value, let near = Suggestion.closest(to: text, in: options.compactMap(\.stringValue)) {
                hint = "did you mean \"\(near)\"?"
            }
            found.append(Violation(path: path, message: "\(String(decoding: value.serialized(), as: UTF8.self)) is not an allowed value",
                                   hint: hint, isUnknownKey: false))
        }
        switch value {
        case .number(let n):
            if let minimum = s["minimum"]?.doubleValue, n < minimum {
                found.append(Violation(path: path, message: "must be at least \(format(minimum)), found \(format(n))", isUnknownKey: false))
            }
            if let maximum = s["maximum"]?.doubleValue, n > maximum {
                found.append(Violation(path: path, message: "must be at most \(format(maximum)), found \(format(n))", isUnknownKey: false))
            }
        case .string(let text):
            let length = text.unicodeScalars.count
            if let minimum = s["minLength"]?.intValue, length < minimum {
                found.append(Violation(path: path, message: "must be at least \(minimum) characters long", isUnknownKey: false))
            }
            if let maximum = s["maxLength"]?.intValue, length > maximum {
                found.append(Violation(path: path, message: "must be at most \(maximum) characters long", isUnknownKey: false))
            }
        case .array(let items):
            if let minimum = s["minItems"]?.intValue, items.count < minimum {
                found.append(Violation(path: path, message: "needs at least \(minimum) items, found \(items.count)", isUnknownKey: false))
            }
            if let maximum = s["maxItems"]?.intValue, items.count > maximum {
                found.append(Violation(path: path, message: "allows at most \(maximum) items, found \(items.count)", isUnknownKey: false))
            }
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() { check(item, against: itemSchema, at: path.appending(i), into: &found) }
            }
        case .object(let object):
            let properties = s["properties"]?.objectValue ?? JSONObject()
            for name in s["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                found.append(Violation(path: path, message: "missing required field \"\(name)\"",
                                       hint: properties[name].flatMap { describe($0.objectValue ?? JSONObject()) }, isUnknownKey: false))
            }
            for member in object.members {
                if let propertySchema = properties[member.key] {
                    check(member.value, against: propertySchema, at: path.appending(member.key), into: &found)
                } else if s["additionalProperties"]?.boolValue == false {
                    found.append(Violation(path: path.appending(member.key), message: "unknown config field \"\(member.key)\"",
                                           hint: Suggestion.hint(for: member.key, in: properties.keys, kind: "fields"),
                                           isUnknownKey: true))
                } else if case .object(let additional)? = s["additionalProperties"] {
                    check(member.value, against: .object(additional), at: path.appending(member.key), into: &found)
                }
            }
        default:
            break
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            true
        case ("integer", .number): value.intValue != nil
        default: false
        }
    }

    private func article(_ type: String) -> String {
        switch type {
        case "object", "array", "integer": "an \(type)"
        case "boolean": "true or false"
        case "null": "null"
        default: "a \(type)"
        }
    }

    private func describe(_ s: JSONObject) -> String? { s["description"]?.stringValue }

    private func format(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
