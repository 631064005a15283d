import WorkbenchProtocol

/// Detects a text's language: by script first (Cyrillic, Armenian, Arabic, Greek, Georgian, CJK),
/// then, for Latin script, by counting the function words of each language in
/// `Resources/language/function-words.json`. English unless another language clearly wins: a short or
/// unclear text is analysed, not skipped.
public struct LanguageDetector: Sendable {
    /// Each function word and the languages it belongs to (indices into `languages`).
    private let languagesOf: WordMap<[Int]>
    private let languages: [String]
    private let english: Int

    public static let shared: LanguageDetector = {
        var words: [String: Set<String>] = [:]
        if let data = try? TextKitData.json("language/function-words.json"), case .object(let o) = data {
            for member in o where member.key != "about" { words[member.key] = Set(member.value.arrayValue?.compactMap(\.stringValue) ?? []) }
        }
        return LanguageDetector(words: words)
    }()

    init(words: [String: Set<String>]) {
        languages = (words.keys.sorted() + ["en"]).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        english = languages.firstIndex(of: "en")!
        var languagesOf = WordMap<[Int]>()
        for (language, set) in words {
            let index = languages.firstIndex(of: language)!
            for word in set { languagesOf[word, default: []].append(index) }
        }
        self.languagesOf = languagesOf
    }

    /// The language code and a confidence between 0 and 1.
    public func detect(_ text: String, sample limit: Int = 2000) -> (language: String, confidence: Double) {
        // Scripts other than Latin: counted on the non-ASCII letters only (ASCII letters are Latin).
        var scripts: [String: Int] = [:]
        var letters = 0
        var counts = [Int](repeating: 0, count: languages.count)
        var total = 0
        var word = String.UnicodeScalarView()
        func count() {
            guard !word.isEmpty else { return }
            total += 1
            for language in languagesOf[String(word)] ?? [] { counts[language] += 1 }
            word.removeAll(keepingCapacity: true)
        }
        // Words are read straight off the scalars, lowercased, without building tokens.
        for scalar in text.unicodeScalars.prefix(limit) {
            let v = scalar.value
            if v < 128 {
                if scalar.isASCIILetter {
                    letters += 1
                    word.append(Character.lowercasedScalar(scalar))
                } else if v == 0x27 {
                    word.append(scalar)
                } else {
                    count()
                }
                continue
            }
            if scalar.isApostrophe {
                word.append(scalar)
                continue
            }
            guard scalar.properties.isAlphabetic else {
                count()
                continue
            }
            letters += 1
            switch v {
            case 0x0400...0x04FF: scripts["ru", default: 0] += 1
            case 0x0530...0x058F: scripts["hy", default: 0] += 1
            case 0x0600...0x06FF: scripts["ar", default: 0] += 1
            case 0x0370...0x03FF: scripts["el", default: 0] += 1
            case 0x10A0...0x10FF: scripts["ka", default: 0] += 1
            case 0x4E00...0x9FFF, 0x3040...0x30FF: scripts["zh", default: 0] += 1
            default: break
            }
            word.append(Character.lowercasedScalar(scalar))
        }
        count()
        if letters > 0, let (script, scriptCount) = scripts.max(by: { $0.value < $1.value }), Double(scriptCount) / Double(letters) > 0.5 {
            return (script, Double(scriptCount) / Double(letters))
        }
        let englishCount = counts[english]
        var best = english
        for index in counts.indices where counts[index] > counts[best] { best = index }
        guard total >= 8, counts[best] > 0 else { return ("en", 0.5) }
        let bestCount = counts[best]
        if best != english && bestCount >= 5 && Double(bestCount) > 1.5 * Double(englishCount) {
            return (languages[best], min(1, Double(bestCount - englishCount) / Double(max(1, bestCount))))
        }
        let share = Double(englishCount) / Double(max(1, total))
        return ("en", min(1, 0.5 + share))
    }
}
