/// A codebook turned into lookup tables: cues and pattern slots as element ids of one `CueLexicon`,
/// indexed by their first element, with per-element negator and exception flags.
struct CompiledCodebook: Sendable {
    struct CompiledCue: Sendable {
        var elements: [Int32]
        var frame: Int
        /// Index into `groupNames[frame]`.
        var group: Int
        /// Cue weight × group weight.
        var weight: Double
        var text: String
    }

    struct CompiledPattern: Sendable {
        var id: String
        var slots: [[Int32]]
        var maxGap: Int
        var frame: Int
        var group: Int
        var weight: Double
        var negatable: Bool
    }

    var lexicon = CueLexicon()
    var cues: [CompiledCue] = []
    var patterns: [CompiledPattern] = []
    /// Element id → cues whose first element it is.
    var cuesStartingWith: [[Int32]] = []
    /// Element id → patterns with it among the alternatives of their first slot.
    var patternsStartingWith: [[Int32]] = []
    /// Element id → it is a negator.
    var isNegator: [Bool] = []
    /// Element id → bit set of the frames for which a token matching it is an exception to wildcards.
    var exceptFrames: [UInt64] = []
    /// Per frame, the names of its evidence groups: group ids, `cues` for ungrouped cues, `patterns`.
    var groupNames: [[String]] = []
    var negationWindow: Int

    init(_ codebook: Codebook) {
        negationWindow = codebook.negation.window
        var negators: [Int32] = []
        for word in codebook.negation.words { negators.append(lexicon.intern(word)) }
        for suffix in codebook.negation.suffixes { negators.append(lexicon.intern("*" + suffix)) }
        var excepts: [(Int32, UInt64)] = []
        let allFrames: UInt64 = codebook.frames.count == 64 ? ~0 : (1 << UInt64(codebook.frames.count)) - 1
        for word in codebook.except { excepts.append((lexicon.intern(word), allFrames)) }

        for (f, frame) in codebook.frames.enumerated() {
            for word in frame.except { excepts.append((lexicon.intern(word), 1 << UInt64(f))) }
            var names: [String] = []
            for group in frame.groups {
                let g = names.count
                names.append(group.id ?? "cues")
                for cue in group.cues {
                    let elements = cue.text.split(separator: " ").map { lexicon.intern(String($0)) }
                    cues.append(
                        CompiledCue(
                            elements: elements, frame: f, group: g, weight: cue.weight * group.weight, text: cue.text))
                }
            }
            for pattern in frame.patterns {
                let g: Int
                if let group = pattern.group, let index = frame.groups.firstIndex(where: { $0.id == group }) {
                    g = index
                } else if let index = names.firstIndex(of: "patterns") {
                    g = index
                } else {
                    g = names.count
                    names.append("patterns")
                }
                let slots = pattern.slots.map { $0.map { lexicon.intern($0) } }
                patterns.append(
                    CompiledPattern(
                        id: pattern.id, slots: slots, maxGap: pattern.maxGap, frame: f, group: g,
                        weight: pattern.weight, negatable: pattern.negatable))
            }
            groupNames.append(names)
        }

        lexicon.freeze()
        let count = lexicon.elements.count
        cuesStartingWith = Array(repeating: [], count: count)
        for (i, cue) in cues.enumerated() { cuesStartingWith[Int(cue.elements[0])].append(Int32(i)) }
        patternsStartingWith = Array(repeating: [], count: count)
        for (i, pattern) in patterns.enumerated() {
            for element in Set(pattern.slots[0]).sorted() { patternsStartingWith[Int(element)].append(Int32(i)) }
        }
        isNegator = Array(repeating: false, count: count)
        for n in negators { isNegator[Int(n)] = true }
        exceptFrames = Array(repeating: 0, count: count)
        for (element, frames) in excepts { exceptFrames[Int(element)] |= frames }
    }
}
