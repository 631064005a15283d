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
        var text = text
        return text.withUTF8 { detect(bytes: UnsafeBufferPointer(rebasing: $0.prefix(limit))) }
    }

    /// Reads the UTF-8 bytes: ASCII letters lowercased into a word buffer; non-ASCII scalars decoded
    /// only to tell their script and to lowercase them.
    func detect(bytes: UnsafeBufferPointer<UInt8>) -> (language: String, confidence: Double) {
        var scripts: [Int] = Array(repeating: 0, count: Self.scriptCodes.count)
        var letters = 0
        var counts = [Int](repeating: 0, count: languages.count)
        var total = 0
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func count() {
            guard !word.isEmpty else { return }
            total += 1
            let key = String(decoding: word, as: UTF8.self)
            for language in languagesOf[key] ?? [] { counts[language] += 1 }
            word.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) {
                    letters += 1
                    word.append(b | 0x20)
                } else if b == 0x27 {
                    word.append(b)
                } else {
                    count()
                }
                i += 1
                continue
            }
            // A multi-byte scalar.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard i + length <= bytes.count else { break }
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            i += length
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isApostrophe {
                word.append(contentsOf: Array(String(scalar).utf8))
                continue
            }
            guard scalar.properties.isAlphabetic else {
                count()
                continue
            }
            letters += 1
            if let script = Self.script(of: value) { scripts[script] += 1 }
            word.append(contentsOf: Array(String(Character.lowercasedScalar(scalar)).utf8))
        }
        count()
        if letters > 0, let best = scripts.indices.max(by: { scripts[$0] < scripts[$1] }), Double(scripts[best]) / Double(letters) > 0.5 {
            return (Self.scriptCodes[best], Double(scripts[best]) / Double(letters))
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

    static let scriptCodes = ["ru", "hy", "ar", "el", "ka", "zh"]

    /// Non-Latin scripts told apart by code point: Cyrillic, Armenian, Arabic, Greek, Georgian, CJK.
    static func script(of v: UInt32) -> Int? {
        switch v {
        case 0x0400...0x04FF: 0
        case 0x0530...0x058F: 1
        case 0x0600...0x06FF: 2
        case 0x0370...0x03FF: 3
        case 0x10A0...0x10FF: 4
        case 0x4E00...0x9FFF, 0x3040...0x30FF: 5
        default: nil
        }
    }
}
