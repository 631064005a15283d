/// "Did you mean ...?" by edit distance, as argument-parser does for options.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(1, min(3, (word.count + 2) / 3))
        return best.distance <= limit || best.name.lowercased().hasPrefix(lowered) && lowered.count >= 3 ? best.name : nil
    }

    /// A hint: "did you mean "x"?" or, failing that, the list of known names.
    public static func hint(for word: String, in candidates: [String], kind: String) -> String? {
        if let match = closest(to: word, in: candidates) { return "did you mean \"\(match)\"?" }
        let unique = Array(Set(candidates)).sorted()
        guard !unique.isEmpty else { return nil }
        let shown = unique.prefix(12).joined(separator: ", ")
        return "known \(kind): \(shown)\(unique.count > 12 ? ", …" : "")"
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count as one edit).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
