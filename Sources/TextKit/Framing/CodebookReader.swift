import WorkbenchProtocol

/// The syntax of one cue element: `word`, `prefix*` or `*suffix`.
enum CueSyntax {
    /// What is wrong with a cue (or, with `phrase: false`, a single element), or nil.
    static func problem(_ text: String, phrase: Bool) -> String? {
        let elements = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if elements.isEmpty { return "empty cue" }
        if !phrase && elements.count > 1 { return "\"\(text)\": one word here (phrases are for cues)" }
        for element in elements {
            let stars = element.filter { $0 == "*" }.count
            if element == "*" { return "\"\(text)\": a wildcard needs letters (\"cost*\", \"*-year-old\")" }
            if stars > 1 || (stars == 1 && element.first != "*" && element.last != "*") {
                return "\"\(text)\": \"*\" only at the start (\"*-year-old\") or the end (\"econom*\") of a word"
            }
        }
        return nil
    }
}

/// Small typed readers with field paths for the codebook parser.
enum CodebookReader {
    static func trimmed(_ text: some StringProtocol) -> String {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" || c == "\n" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" { s.removeLast() }
        return String(s)
    }

    static func object(_ value: JSONValue, at path: String, allowed: Set<String>) throws(CodebookError) -> JSONObject {
        guard case .object(let o) = value else {
            throw CodebookError(path, "expected an object, found \(value.typeName)")
        }
        for member in o where !allowed.contains(member.key) {
            let field = path.isEmpty ? member.key : "\(path).\(member.key)"
            throw CodebookError(field, "unknown field (known: \(allowed.sorted().joined(separator: ", ")))")
        }
        return o
    }

    static func requiredString(_ o: JSONObject, _ key: String, at path: String) throws(CodebookError) -> String {
        let field = path.isEmpty ? key : "\(path).\(key)"
        guard let value = o[key] else { throw CodebookError(field, "required") }
        guard let s = value.stringValue, !s.isEmpty else { throw CodebookError(field, "expected a non-empty string") }
        return s
    }

    static func integer(_ value: JSONValue, at path: String, in range: ClosedRange<Int>) throws(CodebookError) -> Int {
        guard let n = value.intValue, range.contains(n) else {
            throw CodebookError(path, "expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    static func weight(_ value: JSONValue, at path: String) throws(CodebookError) -> Double {
        guard let n = value.doubleValue, n.isFinite, abs(n) <= 1000 else {
            throw CodebookError(path, "expected a number (a weight)")
        }
        return n
    }

    static func words(_ value: JSONValue, at path: String) throws(CodebookError) -> [String] {
        guard case .array(let items) = value else { throw CodebookError(path, "expected an array of strings") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw CodebookError("\(path)[\(i)]", "expected a string") }
            let word = CodebookReader.trimmed(s).lowercased()
            if let problem = CueSyntax.problem(word, phrase: false) { throw CodebookError("\(path)[\(i)]", problem) }
            out.append(word)
        }
        return out
    }

    /// Cues as an array of strings (weight 1), of `{"cue": …, "weight": …}`, or an object cue → weight.
    static func cues(_ value: JSONValue, at path: String) throws(CodebookError) -> [Cue] {
        var cues: [Cue] = []
        func add(_ text: String, _ weight: Double, at field: String) throws(CodebookError) {
            let normalized = CodebookReader.trimmed(text).lowercased()
            if let problem = CueSyntax.problem(normalized, phrase: true) { throw CodebookError(field, problem) }
            cues.append(Cue(normalized, weight: weight))
        }
        switch value {
        case .array(let items):
            for (i, item) in items.enumerated() {
                switch item {
                case .string(let s): try add(s, 1, at: "\(path)[\(i)]")
                case .object(let o):
                    let at = "\(path)[\(i)]"
                    let c = try object(.object(o), at: at, allowed: ["cue", "weight"])
                    let text = try requiredString(c, "cue", at: at)
                    try add(
                        text, try c["weight"].map { v throws(CodebookError) in try weight(v, at: "\(at).weight") } ?? 1,
                        at: at)
                default:
                    throw CodebookError("\(path)[\(i)]", "expected a cue (string) or {\"cue\": …, \"weight\": …}")
                }
            }
        case .object(let o):
            for member in o {
                try add(member.key, try weight(member.value, at: "\(path).\(member.key)"), at: "\(path).\(member.key)")
            }
        default:
            throw CodebookError(path, "expected an array of cues or an object of cue → weight")
        }
        return cues
    }
}
