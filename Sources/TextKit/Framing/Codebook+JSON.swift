public import WorkbenchProtocol

/// A codebook that cannot be read: which field (`frames[2].groups[0].cues[5]`) and why.
public struct CodebookError: Error, CustomStringConvertible, Sendable {
    /// The path of the offending field inside the codebook; empty for the codebook itself.
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

extension Codebook {
    /// Reads a codebook from its JSON (the format of `Resources/frames/README.md`).
    /// - Throws: `CodebookError` naming the field.
    public init(json: JSONValue) throws(CodebookError) {
        let reader = try CodebookReader.object(
            json, at: "",
            allowed: [
                "id", "version", "label", "description", "language", "sources", "license", "notes", "negation",
                "except",
                "frames", "training",
            ])
        let id = try CodebookReader.requiredString(reader, "id", at: "")
        let version = try CodebookReader.requiredString(reader, "version", at: "")
        var negation = Negation()
        if let value = reader["negation"] {
            let n = try CodebookReader.object(value, at: "negation", allowed: ["words", "suffixes", "window"])
            if let words = n["words"] { negation.words = try CodebookReader.words(words, at: "negation.words") }
            if let suffixes = n["suffixes"] {
                negation.suffixes = try CodebookReader.words(suffixes, at: "negation.suffixes")
            }
            if let window = n["window"] {
                negation.window = try CodebookReader.integer(window, at: "negation.window", in: 0...20)
            }
        }
        let except =
            try reader["except"].map { v throws(CodebookError) in try CodebookReader.words(v, at: "except") } ?? []
        guard case .array(let frameValues)? = reader["frames"], !frameValues.isEmpty else {
            throw CodebookError("frames", "a codebook needs a non-empty array of frames")
        }
        var frames: [Frame] = []
        for (i, value) in frameValues.enumerated() {
            let frame = try Frame(json: value, at: "frames[\(i)]")
            if frames.contains(where: { $0.id == frame.id }) {
                throw CodebookError("frames[\(i)].id", "duplicate frame id \"\(frame.id)\"")
            }
            frames.append(frame)
        }
        self.init(
            id: id, version: version, label: reader["label"]?.stringValue,
            description: reader["description"]?.stringValue,
            negation: negation, except: except, frames: frames)
    }

    /// Replaces the decision rules of some frames (`{"conflict": {"per_1000_words": 8}}`).
    /// - Throws: `CodebookError` with the field under `rules`.
    public mutating func overrideRules(_ json: JSONValue) throws(CodebookError) {
        guard case .object(let object) = json else {
            throw CodebookError("rules", "expected an object of frame id → rule")
        }
        for member in object {
            guard let index = frames.firstIndex(where: { $0.id == member.key }) else {
                throw CodebookError(
                    "rules.\(member.key)",
                    "no frame \"\(member.key)\" in codebook \(id) (frames: \(frames.map(\.id).joined(separator: ", ")))"
                )
            }
            frames[index].rule = try DecisionRule(json: member.value, at: "rules.\(member.key)")
        }
    }
}

extension Frame {
    init(json: JSONValue, at path: String) throws(CodebookError) {
        let o = try CodebookReader.object(
            json, at: path,
            allowed: [
                "id", "label", "description", "questions", "cues", "groups", "patterns", "except", "rule", "notes",
            ])
        let id = try CodebookReader.requiredString(o, "id", at: path)
        var groups: [CueGroup] = []
        if let cues = o["cues"] {
            groups.append(CueGroup(id: nil, cues: try CodebookReader.cues(cues, at: "\(path).cues")))
        }
        if let value = o["groups"] {
            guard case .array(let items) = value else {
                throw CodebookError("\(path).groups", "expected an array of cue groups")
            }
            for (i, item) in items.enumerated() {
                let at = "\(path).groups[\(i)]"
                let g = try CodebookReader.object(item, at: at, allowed: ["id", "question", "weight", "cues", "notes"])
                let groupId = try CodebookReader.requiredString(g, "id", at: at)
                if groups.contains(where: { $0.id == groupId }) {
                    throw CodebookError("\(at).id", "duplicate group id \"\(groupId)\"")
                }
                let weight =
                    try g["weight"].map { v throws(CodebookError) in try CodebookReader.weight(v, at: "\(at).weight") }
                    ?? 1
                guard let cues = g["cues"] else { throw CodebookError("\(at).cues", "required") }
                groups.append(
                    CueGroup(
                        id: groupId, question: g["question"]?.stringValue, weight: weight,
                        cues: try CodebookReader.cues(cues, at: "\(at).cues")))
            }
        }
        var patterns: [Pattern] = []
        if let value = o["patterns"] {
            guard case .array(let items) = value else {
                throw CodebookError("\(path).patterns", "expected an array of patterns")
            }
            for (i, item) in items.enumerated() {
                let pattern = try Pattern(json: item, at: "\(path).patterns[\(i)]")
                if let group = pattern.group, !groups.contains(where: { $0.id == group }) {
                    throw CodebookError("\(path).patterns[\(i)].group", "no cue group \"\(group)\" in this frame")
                }
                patterns.append(pattern)
            }
        }
        guard groups.contains(where: { !$0.cues.isEmpty }) || !patterns.isEmpty else {
            throw CodebookError(path, "frame \"\(id)\" has no cues and no patterns")
        }
        guard let ruleValue = o["rule"] else {
            throw CodebookError("\(path).rule", "required (e.g. {\"per_1000_words\": 10})")
        }
        let except =
            try o["except"].map { v throws(CodebookError) in try CodebookReader.words(v, at: "\(path).except") } ?? []
        self.init(
            id: id, label: o["label"]?.stringValue ?? id, description: o["description"]?.stringValue, groups: groups,
            patterns: patterns, except: except, rule: try DecisionRule(json: ruleValue, at: "\(path).rule"))
    }
}

extension Pattern {
    init(json: JSONValue, at path: String) throws(CodebookError) {
        let o = try CodebookReader.object(
            json, at: path, allowed: ["id", "sequence", "max_gap", "weight", "negatable", "group", "notes"])
        let id = try CodebookReader.requiredString(o, "id", at: path)
        guard case .array(let items)? = o["sequence"], !items.isEmpty else {
            throw CodebookError("\(path).sequence", "expected a non-empty array of slots such as \"must|should\"")
        }
        var slots: [[String]] = []
        for (i, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw CodebookError("\(path).sequence[\(i)]", "expected a string")
            }
            let alternatives = text.split(separator: "|").map { CodebookReader.trimmed(String($0)).lowercased() }
            for alternative in alternatives {
                if let problem = CueSyntax.problem(alternative, phrase: false) {
                    throw CodebookError("\(path).sequence[\(i)]", problem)
                }
            }
            guard !alternatives.isEmpty else { throw CodebookError("\(path).sequence[\(i)]", "empty slot") }
            slots.append(alternatives)
        }
        let maxGap =
            try o["max_gap"].map { v throws(CodebookError) in
                try CodebookReader.integer(v, at: "\(path).max_gap", in: 0...20)
            } ?? 0
        let weight =
            try o["weight"].map { v throws(CodebookError) in try CodebookReader.weight(v, at: "\(path).weight") } ?? 1
        var negatable = true
        if let value = o["negatable"] {
            guard let b = value.boolValue else { throw CodebookError("\(path).negatable", "expected true or false") }
            negatable = b
        }
        self.init(
            id: id, slots: slots, maxGap: maxGap, weight: weight, negatable: negatable, group: o["group"]?.stringValue)
    }
}

extension DecisionRule {
    init(json: JSONValue, at path: String) throws(CodebookError) {
        let o = try CodebookReader.object(
            json, at: path, allowed: ["per_1000_words", "min_sentences", "min_sentence_weight"])
        var rule = DecisionRule()
        if let value = o["per_1000_words"] {
            guard let n = value.doubleValue, n > 0, n.isFinite else {
                throw CodebookError("\(path).per_1000_words", "expected a number above 0")
            }
            rule.perThousandWords = n
        }
        if let value = o["min_sentences"] {
            rule.minSentences = try CodebookReader.integer(value, at: "\(path).min_sentences", in: 1...10_000)
        }
        if let value = o["min_sentence_weight"] {
            guard let n = value.doubleValue, n >= 0, n.isFinite else {
                throw CodebookError("\(path).min_sentence_weight", "expected a number of 0 or more")
            }
            rule.minSentenceWeight = n
        }
        guard rule.perThousandWords != nil || rule.minSentences != nil else {
            throw CodebookError(path, "a rule needs \"per_1000_words\" or \"min_sentences\" (or both)")
        }
        self = rule
    }
}
