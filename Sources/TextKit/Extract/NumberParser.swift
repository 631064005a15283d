/// Reads a number phrase at a token: digits (`6,500`, `3.5`), words (`two`, `twenty-five`, `six thousand`),
/// vague quantities (`half a dozen`, `tens of thousands`) and their modifiers (`more than`, `at least`).
public struct NumberParser: Sendable {
    /// A number found in the text.
    public struct Parsed: Hashable, Sendable {
        public var value: Double
        public var approximate: Bool
        /// Token range, modifiers included.
        public var tokens: Range<Int>
        public var span: TextSpan
    }

    let lexicon: EnglishLexicon

    public init(lexicon: EnglishLexicon = .shared) { self.lexicon = lexicon }

    /// The number starting at token `i` (modifiers first), or nil. `articles`: read `a`/`an` as one.
    public func parse(_ tokens: [Token], at start: Int, limit: Int, articles: Bool = false) -> Parsed? {
        guard start < limit, tokens[start].kind == .number || lexicon.numberStarts.contains(tokens[start])
                || tokens[start].lower.utf8.contains(UInt8(ascii: "-")) else { return nil }  // `twenty-five`
        var i = start
        var approximate = false
        if let (modifier, end) = lexicon.modifierIndex.match(tokens, at: i, limit: limit), end < limit {
            approximate = modifier.value
            i = end
        }
        if let (vague, end) = lexicon.vagueIndex.match(tokens, at: i, limit: limit) {
            return Parsed(value: vague.value.value, approximate: true, tokens: start..<end, span: TextSpan(tokens[start].start, tokens[end - 1].end))
        }
        guard i < limit else { return nil }
        var value: Double
        var end = i + 1
        let token = tokens[i]
        if token.kind == .number {
            guard let v = Self.digits(token.text) else { return nil }
            value = v
        } else if token.isWord, let v = wordValue(token.lower, articles: articles) {
            value = v
        } else {
            return nil
        }
        // Compounds and scales: `six thousand five hundred`, `3 million`, `twenty one`.
        var total = 0.0
        var current = value
        while end < limit {
            let next = tokens[end]
            guard next.isWord else { break }
            if let scale = lexicon.numberScales[next.lower], next.lower != "dozen" || current > 1 {
                if scale >= 1000 {
                    total += current * scale
                    current = 0
                } else {
                    current *= scale
                }
                end += 1
            } else if next.lower == "and", end + 1 < limit, wordValue(tokens[end + 1].lower, articles: false) != nil, current > 0, total + current >= 100 {
                end += 1
            } else if let unit = wordValue(next.lower, articles: false), unit < 100, token.kind != .number,
                      (current == 0 && total > 0)  // `six thousand five`
                        || (current > 0 && current.truncatingRemainder(dividingBy: 100) == 0)  // `two hundred five`
                        || (current >= 20 && current < 100 && current.truncatingRemainder(dividingBy: 10) == 0 && unit < 10) {  // `twenty one`
                current += unit
                end += 1
            } else {
                break
            }
        }
        value = total + current
        return Parsed(value: value, approximate: approximate, tokens: start..<end, span: TextSpan(tokens[start].start, tokens[end - 1].end))
    }

    /// `6,500` → 6500, `3.5` → 3.5; nil for years glued to letters (`2020s`).
    public static func digits(_ text: String) -> Double? {
        guard text.unicodeScalars.allSatisfy({ $0.isASCIIDigit || $0 == "," || $0 == "." }) else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: ""))
    }

    /// `two` → 2, `twenty-five` → 25, `a` → 1 when `articles`.
    func wordValue(_ word: String, articles: Bool) -> Double? {
        if (word == "a" || word == "an" || word == "single") && !articles { return nil }
        if word == "both" || word == "couple" || word == "pair" { return nil }
        if let v = lexicon.numberUnits[word] { return v }
        if word.contains("-") {
            let parts = word.split(separator: "-").map(String.init)
            guard parts.count == 2, let tens = lexicon.numberUnits[parts[0]], let unit = lexicon.numberUnits[parts[1]], tens >= 20, unit < 10 else { return nil }
            return tens + unit
        }
        return nil
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
