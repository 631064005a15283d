import WorkbenchProtocol

/// The facts a document states, as keys that match across articles: each casualty claim (side,
/// figures, day), and each pair of anchors — named entities and numbers — that occur in one
/// sentence (`Sotk · Gegharkunik`, `2,000 · Russian peacekeepers`). The coverage table counts,
/// per fact, which outlets state it.
enum FactFinder {
    /// Anchors per sentence beyond which pairs are not formed (a list of names is not a fact).
    static let maximumAnchors = 6

    static func facts(casualties: [DocumentFacts.Casualty], entities: [(start: Int, name: String)], numbers: [(start: Int, name: String)] = [],
                      sentences: [(Int, Int)], source: DocumentFacts.TextSource) -> [(key: String, label: String, span: DocumentFacts.Span)] {
        var out: [(key: String, label: String, span: DocumentFacts.Span)] = []
        var seen = Set<String>()
        for c in casualties {
            let figures = [c.killed.map { "\($0) killed" }, c.wounded.map { "\($0) wounded" }].compactMap { $0 }.joined(separator: ", ")
            guard !figures.isEmpty else { continue }
            let key = "casualties|\(c.side)|\(c.killed ?? -1)|\(c.wounded ?? -1)|\(c.day ?? "")"
            if seen.insert(key).inserted {
                out.append((key, "\(c.side): \(figures)\(c.day.map { " on \($0)" } ?? "")", c.span))
            }
        }
        // Anchors by sentence.
        var anchors: [Int: [String]] = [:]
        func sentence(of offset: Int) -> Int? {
            var lo = 0, hi = sentences.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if offset < sentences[mid].0 { hi = mid - 1 } else if offset >= sentences[mid].1 { lo = mid + 1 } else { return mid }
            }
            return nil
        }
        for e in entities + numbers {
            guard let s = sentence(of: e.start) else { continue }
            if !(anchors[s]?.contains(e.name) ?? false) { anchors[s, default: []].append(e.name) }
        }
        for s in anchors.keys.sorted() {
            let list = Array(Set(anchors[s]!)).sorted()
            guard list.count >= 2, list.count <= maximumAnchors else { continue }
            let span = FactsReader.span(source, sentences[s].0, sentences[s].1)
            for i in 0..<list.count {
                for j in (i + 1)..<list.count {
                    let key = "pair|\(list[i])|\(list[j])"
                    if seen.insert(key).inserted { out.append((key, "\(list[i]) · \(list[j])", span)) }
                }
            }
        }
        return out
    }
}
