import WorkbenchProtocol

/// Detects a text's language: by script first (Cyrillic, Armenian, Arabic, Greek, Georgian, CJK),
/// then, for Latin script, by counting the function words of each language in
/// `Resources/language/function-words.json`. English unless another language clearly wins: a short or
/// unclear text is analysed, not skipped.
public struct LanguageDetector: Sendable {
    /// Each function word and the languages it belongs to.
    private let languagesOf: [String: [String]]

    public static let shared: LanguageDetector = {
        var words: [String: Set<String>] = [:]
        if let data = try? TextKitData.json("language/function-words.json"), case .object(let o) = data {
            for member in o where member.key != "about" { words[member.key] = Set(member.value.arrayValue?.compactMap(\.stringValue) ?? []) }
        }
        return LanguageDetector(words: words)
    }()

    init(words: [String: Set<String>]) {
        var languagesOf: [String: [String]] = [:]
        for (language, set) in words { for word in set { languagesOf[word, default: []].append(language) } }
        self.languagesOf = languagesOf
    }

    /// The language code and a confidence between 0 and 1.
    public func detect(_ text: String, sample limit: Int = 4000) -> (language: String, confidence: Double) {
        var scripts: [String: Int] = [:]
        var letters = 0
        for scalar in text.unicodeScalars.prefix(limit) where scalar.properties.isAlphabetic {
            letters += 1
            switch scalar.value {
            case 0x0400...0x04FF: scripts["ru", default: 0] += 1
            case 0x0530...0x058F: scripts["hy", default: 0] += 1
            case 0x0600...0x06FF: scripts["ar", default: 0] += 1
            case 0x0370...0x03FF: scripts["el", default: 0] += 1
            case 0x10A0...0x10FF: scripts["ka", default: 0] += 1
            case 0x4E00...0x9FFF, 0x3040...0x30FF: scripts["zh", default: 0] += 1
            default: break
            }
        }
        if letters > 0, let (script, count) = scripts.max(by: { $0.value < $1.value }), Double(count) / Double(letters) > 0.5 {
            return (script, Double(count) / Double(letters))
        }
        var counts: [String: Int] = [:]
        var total = 0
        // Words are read straight off the scalars, lowercased, without building tokens.
        var word = String.UnicodeScalarView()
        func count() {
            guard !word.isEmpty else { return }
            total += 1
            for language in languagesOf[String(word)] ?? [] { counts[language, default: 0] += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.isLetter || scalar.isApostrophe { word.append(Character.lowercasedScalar(scalar)) } else { count() }
        }
        count()
        let english = counts["en", default: 0]
        guard let (best, bestCount) = counts.max(by: { ($0.value, $0.key == "en" ? 1 : 0) < ($1.value, $1.key == "en" ? 1 : 0) }),
              total >= 8 else {
            return ("en", 0.5)
        }
        if best != "en" && bestCount >= 5 && Double(bestCount) > 1.5 * Double(english) {
            return (best, min(1, Double(bestCount - english) / Double(max(1, bestCount))))
        }
        let share = Double(english) / Double(max(1, total))
        return ("en", min(1, 0.5 + share))
    }
}
