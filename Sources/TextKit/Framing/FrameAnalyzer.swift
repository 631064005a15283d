/// Computes a document's frame profile from a codebook: finds every cue and pattern of every frame in
/// one pass over the tokens, then applies each frame's decision rule.
///
/// Cues match leftmost-longest within a frame (`on the other hand` wins over a cue `other`), never across
/// sentences; different frames may count the same words. Patterns are matched on their own and skipped
/// when negated. About 0.05 ms per 3 KB article (encoding the output costs the stage twice that).
public struct FrameAnalyzer: Sendable {
    public let codebook: Codebook
    let compiled: CompiledCodebook

    /// - Throws: `CodebookError` when the codebook has more frames than the analyzer handles (64).
    public init(codebook: Codebook) throws(CodebookError) {
        guard codebook.frames.count <= 64 else { throw CodebookError("frames", "at most 64 frames") }
        self.codebook = codebook
        compiled = CompiledCodebook(codebook)
    }

    public func analyze(_ text: FramingText) -> FramingOutput {
        var matcher = CueMatcher(compiled: compiled, text: text)
        let hits = matcher.run()
        var results: [FrameResult] = []
        for (f, frame) in codebook.frames.enumerated() {
            results.append(result(frame: frame, index: f, hits: hits[f], text: text))
        }
        let total = results.reduce(0.0) { $0 + $1.strength }
        for i in results.indices { results[i].share = total > 0 ? Self.round4(results[i].strength / total) : 0 }
        return FramingOutput(
            codebook: CodebookReference(id: codebook.id, version: codebook.version), words: text.wordCount,
            frames: results)
    }

    private func result(frame: Frame, index f: Int, hits: [CueMatcher.Hit], text: FramingText) -> FrameResult {
        let groupNames = compiled.groupNames[f]
        var groups = groupNames.map { GroupResult(id: $0, hits: 0, weight: 0) }
        var sentences: [EvidenceSentence] = []
        var cues: [CueEvidence] = []
        var cueEntry: [Int: Int] = [:]  // cue index, or -1 - pattern index → position in `cues`
        var total = 0.0
        for hit in hits {
            let start = text.tokens[hit.firstToken].start
            let end = text.tokens[hit.endToken - 1].end
            groups[hit.group].hits += 1
            groups[hit.group].weight += hit.weight
            total += hit.weight
            let key = hit.pattern ? -1 - hit.index : hit.index
            if let entry = cueEntry[key] {
                cues[entry].spans += [start, end]
            } else {
                let name = groupNames[hit.group]
                let group = name == "cues" || name == "patterns" ? nil : name
                cueEntry[key] = cues.count
                cues.append(
                    CueEvidence(
                        cue: hit.pattern ? nil : compiled.cues[hit.index].text,
                        pattern: hit.pattern ? compiled.patterns[hit.index].id : nil, group: group,
                        weight: Self.round4(hit.weight), spans: [start, end]))
            }
            let sentence = text.sentences[hit.sentence]
            if sentences.last?.start == sentence.start && sentences.last?.end == sentence.end {
                sentences[sentences.count - 1].weight += hit.weight
            } else {
                sentences.append(EvidenceSentence(start: sentence.start, end: sentence.end, weight: hit.weight))
            }
        }
        for i in groups.indices { groups[i].weight = Self.round4(groups[i].weight) }

        let rule = frame.rule
        let density = text.wordCount > 0 ? total / Double(text.wordCount) * 1000 : 0
        let minWeight = rule.minSentenceWeight ?? 0
        var sentenceCount = 0
        for sentence in sentences where sentence.weight > 0 && sentence.weight >= minWeight { sentenceCount += 1 }
        for i in sentences.indices { sentences[i].weight = Self.round4(sentences[i].weight) }
        // r: the evidence relative to the rule (1 at the threshold); the smaller one when the rule has two parts.
        var r = Double.infinity
        var present = true
        if let threshold = rule.perThousandWords {
            r = min(r, max(0, density) / threshold)
            present = present && density >= threshold
        }
        if let minimum = rule.minSentences {
            r = min(r, Double(sentenceCount) / Double(minimum))
            present = present && sentenceCount >= minimum
        }
        if !r.isFinite { r = 0 }
        var score = r / (1 + r)
        // Rounding must not move a frame across the threshold.
        score = Self.round4(score)
        if present && score < 0.5 { score = 0.5 }
        if !present && score >= 0.5 { score = 0.4999 }
        return FrameResult(
            frame: frame.id, label: frame.label, score: score, present: present, share: 0, weight: Self.round4(total),
            perThousandWords: Self.round4(density), sentences: sentenceCount, rule: RuleReference(rule),
            groups: groups, evidence: Evidence(sentences: sentences, cues: cues), order: f, strength: r)
    }
}

extension FrameAnalyzer {
    /// Figures are reported to four decimals.
    @inline(__always)
    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
