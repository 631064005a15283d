import WorkbenchProtocol

/// Reads typed fields out of a parsed config file, recording a located diagnostic for every problem.
struct ConfigReader {
    let file: JSONSourceFile
    var collector = DiagnosticCollector()

    init(file: JSONSourceFile) { self.file = file }

    mutating func error(_ message: String, at path: JSONPath, key: Bool = false, hint: String? = nil) {
        collector.add(.error(message, at: file.location(of: path, key: key), field: path, hint: hint))
    }

    mutating func warning(_ message: String, at path: JSONPath, key: Bool = false, hint: String? = nil) {
        collector.add(.warning(message, at: file.location(of: path, key: key), field: path, hint: hint))
    }

    mutating func expect(_ what: String, at path: JSONPath, found value: JSONValue, hint: String? = nil) {
        error("expected \(what), found \(value.typeName)", at: path, hint: hint)
    }

    /// The value as an object, or a diagnostic.
    mutating func object(_ value: JSONValue?, at path: JSONPath) -> JSONObject? {
        guard let value else { return nil }
        guard case .object(let o) = value else {
            expect("an object", at: path, found: value)
            return nil
        }
        return o
    }

    mutating func string(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = false, hint: String? = nil) -> String? {
        let fieldPath = path.appending(key)
        guard let value = object[key] else {
            if required { error("missing required field \"\(key)\"", at: path, hint: hint) }
            return nil
        }
        guard case .string(let s) = value else {
            expect("a string", at: fieldPath, found: value)
            return nil
        }
        if required && s.isEmpty { error("must not be empty", at: fieldPath, hint: hint) }
        return s
    }

    mutating func int(_ object: JSONObject, _ key: String, at path: JSONPath, minimum: Int? = nil) -> Int? {
        let fieldPath = path.appending(key)
        guard let value = object[key] else { return nil }
        guard let i = value.intValue else {
            expect("an integer", at: fieldPath, found: value)
            return nil
        }
        if let minimum, i < minimum {
            error("must be at least \(minimum), found \(i)", at: fieldPath)
            return nil
        }
        return i
    }

    mutating func number(_ object: JSONObject, _ key: String, at path: JSONPath, minimum: Double? = nil) -> Double? {
        let fieldPath = path.appending(key)
        guard let value = object[key] else { return nil }
        guard let d = value.doubleValue else {
            expect("a number", at: fieldPath, found: value)
            return nil
        }
        if let minimum, d < minimum {
            error("must be at least \(minimum), found \(d)", at: fieldPath)
            return nil
        }
        return d
    }

    mutating func bool(_ object: JSONObject, _ key: String, at path: JSONPath) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let b = value.boolValue else {
            expect("true or false", at: path.appending(key), found: value)
            return nil
        }
        return b
    }

    /// An array of strings; a single string is accepted as a one-element array when `acceptSingle`.
    mutating func strings(_ object: JSONObject, _ key: String, at path: JSONPath, acceptSingle: Bool = false) -> [String]? {
        let fieldPath = path.appending(key)
        guard let value = object[key] else { return nil }
        if acceptSingle, case .string(let s) = value { return [s] }
        guard case .array(let items) = value else {
            expect("an array of strings", at: fieldPath, found: value)
            return nil
        }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                expect("a string", at: fieldPath.appending(i), found: item)
                continue
            }
            result.append(s)
        }
        return result
    }

    /// Reports members not in `allowed`, each with a did-you-mean hint.
    mutating func rejectUnknownKeys(_ object: JSONObject, at path: JSONPath, allowed: [String], what: String) {
        for member in object.members where !allowed.contains(member.key) {
            let hint = Suggestion.hint(for: member.key, in: allowed, kind: "fields of \(what)")
            error("unknown field \"\(member.key)\" in \(what)", at: path.appending(member.key), key: true, hint: hint)
        }
    }

    /// Warns about keys written twice in one object (JSON keeps the last one silently).
    mutating func warnAboutDuplicateKeys() {
        for duplicate in file.duplicateKeys {
            collector.add(.warning("\"\(duplicate.path.last.map { if case .key(let k) = $0 { k } else { "" } } ?? "")\" is given twice; the last one wins",
                                   at: duplicate.location, field: duplicate.path))
        }
    }
}
