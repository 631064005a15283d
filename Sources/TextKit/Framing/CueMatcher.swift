/// Finds a compiled codebook's cue and pattern matches in one text, sentence by sentence.
struct CueMatcher {
    /// One match: a cue (`index` into `cues`) or a pattern (`index` into `patterns`) over tokens
    /// `firstToken..<endToken` of sentence `sentence`.
    struct Hit {
        var pattern: Bool
        var index: Int
        var group: Int
        var firstToken: Int
        var endToken: Int
        var sentence: Int
        var weight: Double
    }

    let compiled: CompiledCodebook
    let text: FramingText
    /// The elements each token matches: `elements[elementStart[t]..<elementStart[t + 1]]`.
    private var elements: [Int32] = []
    private var elementStart: [Int] = []
    /// Per token: frames for which its wildcard matches do not count; whether it is a negator.
    private var excepted: [UInt64] = []
    private var negator: [Bool] = []

    init(compiled: CompiledCodebook, text: FramingText) {
        self.compiled = compiled
        self.text = text
        let count = text.tokens.count
        elements.reserveCapacity(count)
        elementStart.reserveCapacity(count + 1)
        excepted = Array(repeating: 0, count: count)
        negator = Array(repeating: false, count: count)
        for (t, token) in text.tokens.enumerated() {
            elementStart.append(elements.count)
            compiled.lexicon.match(text.scalars, token.range, into: &elements)
            for i in elementStart[t]..<elements.count {
                let e = Int(elements[i])
                excepted[t] |= compiled.exceptFrames[e]
                if compiled.isNegator[e] { negator[t] = true }
            }
        }
        elementStart.append(elements.count)
    }

    /// Does token `t` match `element` for frame `frame`?
    @inline(__always)
    private func token(_ t: Int, matches element: Int32, frame: Int) -> Bool {
        var found = false
        for i in elementStart[t]..<elementStart[t + 1] where elements[i] == element {
            found = true
            break
        }
        guard found else { return false }
        return excepted[t] & (1 << UInt64(frame)) == 0 || !compiled.lexicon.isWildcard(element)
    }

    /// Every match, per frame, in text order.
    mutating func run() -> [[Hit]] {
        let frameCount = compiled.groupNames.count
        var hits = Array(repeating: [Hit](), count: frameCount)
        var nextFree = Array(repeating: 0, count: frameCount)
        var bestLength = Array(repeating: 0, count: frameCount)
        var bestCue = Array(repeating: Int32(-1), count: frameCount)
        var touched: [Int] = []
        var triedPatterns: [Int32] = []
        for (s, range) in text.sentenceTokens.enumerated() {
            for f in 0..<frameCount { nextFree[f] = range.lowerBound }
            var patternHits: [Hit] = []
            for t in range {
                touched.removeAll(keepingCapacity: true)
                triedPatterns.removeAll(keepingCapacity: true)
                for i in elementStart[t]..<elementStart[t + 1] {
                    let element = elements[i]
                    for c in compiled.cuesStartingWith[Int(element)] {
                        let ci = Int(c)
                        let f = compiled.cues[ci].frame
                        let length = compiled.cues[ci].elements.count
                        guard t >= nextFree[f], t + length <= range.upperBound,
                            length >= bestLength[f] || bestCue[f] < 0,
                            token(t, matches: element, frame: f)
                        else { continue }
                        var ok = true
                        var k = 1
                        while k < length {
                            if !token(t + k, matches: compiled.cues[ci].elements[k], frame: f) {
                                ok = false
                                break
                            }
                            k += 1
                        }
                        guard ok else { continue }
                        if bestCue[f] < 0 {
                            touched.append(f)
                        } else if length < bestLength[f] || (length == bestLength[f] && c > bestCue[f]) {
                            continue
                        }
                        bestLength[f] = length
                        bestCue[f] = c
                    }
                    for p in compiled.patternsStartingWith[Int(element)] where !triedPatterns.contains(p) {
                        triedPatterns.append(p)
                        if let hit = matchPattern(Int(p), at: t, in: range, sentence: s) { patternHits.append(hit) }
                    }
                }
                for f in touched {
                    let ci = Int(bestCue[f])
                    hits[f].append(
                        Hit(
                            pattern: false, index: ci, group: compiled.cues[ci].group, firstToken: t,
                            endToken: t + bestLength[f], sentence: s, weight: compiled.cues[ci].weight))
                    nextFree[f] = t + bestLength[f]
                    bestCue[f] = -1
                    bestLength[f] = 0
                }
            }
            // Patterns join their frame's hits of the sentence in text order.
            for hit in patternHits {
                let f = compiled.patterns[hit.index].frame
                var i = hits[f].count
                while i > 0 && hits[f][i - 1].sentence == s && hits[f][i - 1].firstToken > hit.firstToken { i -= 1 }
                hits[f].insert(hit, at: i)
            }
        }
        return hits
    }

    /// Pattern `p` starting at token `t`: each later slot within `maxGap` tokens of the previous one, in the
    /// sentence; nil when it does not match or is negated.
    private func matchPattern(_ p: Int, at t: Int, in range: Range<Int>, sentence: Int) -> Hit? {
        let pattern = compiled.patterns[p]
        let f = pattern.frame
        guard pattern.slots[0].contains(where: { token(t, matches: $0, frame: f) }) else { return nil }
        var position = t
        var matched = [t]
        for slot in pattern.slots.dropFirst() {
            var found: Int?
            var j = position + 1
            while j < range.upperBound && j <= position + 1 + pattern.maxGap {
                if slot.contains(where: { token(j, matches: $0, frame: f) }) {
                    found = j
                    break
                }
                j += 1
            }
            guard let next = found else { return nil }
            position = next
            matched.append(next)
        }
        if pattern.negatable {
            let from = max(range.lowerBound, t - compiled.negationWindow)
            for j in from..<position where negator[j] && !matched.contains(j) { return nil }
        }
        return Hit(
            pattern: true, index: p, group: pattern.group, firstToken: t, endToken: position + 1, sentence: sentence,
            weight: pattern.weight)
    }
}
