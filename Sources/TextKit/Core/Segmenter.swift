/// Splits a text into paragraphs and sentences (abbreviation-aware), as scalar spans.
///
/// Paragraphs: every non-empty line, unless the text is hard-wrapped (most lines 50–90 characters,
/// not ending a sentence), in which case blank-line blocks are paragraphs. Sentences end at `.`, `!`,
/// `?` or `…` (closing quotes and brackets included) before whitespace and an uppercase letter, a digit
/// or an opening quote — but not after abbreviations such as `Gen.`, `Jan.`, `No.`, `U.S.` or an initial.
public enum Segmenter {
    /// Lowercased abbreviations (without the final period) after which a period does not end a sentence.
    public static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "gov",
        "sen", "rep", "rev", "hon", "pres", "supt", "det", "insp", "st", "mt", "ft", "jr", "sr", "no", "nos", "nr", "vol", "art",
        "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "bros", "vs", "approx", "est", "dept", "univ",
        "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "u.s.a", "d.c",
    ]

    /// Words that start sentences often: after `U.S.` or `a.m.` they signal a real boundary.
    static let sentenceStarters: WordSet = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "but", "and", "in", "on", "at",
        "after", "before", "meanwhile", "however", "earlier", "later", "according", "there", "his", "her", "its", "their",
    ]

    public static func paragraphs(_ text: ScalarString) -> [TextSpan] {
        let s = text.scalars
        var lines: [TextSpan] = []
        var start = 0
        for i in 0...s.count {
            if i == s.count || s[i] == "\n" {
                var a = start, b = i
                while a < b && s[a].isSpace { a += 1 }
                while b > a && s[b - 1].isSpace { b -= 1 }
                lines.append(TextSpan(a, b))
                start = i + 1
            }
        }
        let content = lines.filter { !$0.isEmpty }
        guard !content.isEmpty else { return [] }
        let wrapped = content.filter { line in
            (50...90).contains(line.length) && !".!?:\"”»".unicodeScalars.contains(s[line.end - 1])
        }.count
        guard content.count >= 6 && Double(wrapped) / Double(content.count) >= 0.6 else { return content }
        // Hard-wrapped: blank-line blocks are the paragraphs.
        var blocks: [TextSpan] = []
        var current: TextSpan?
        for line in lines {
            if line.isEmpty {
                if let c = current { blocks.append(c) }
                current = nil
            } else {
                current = current.map { $0.union(line) } ?? line
            }
        }
        if let c = current { blocks.append(c) }
        return blocks
    }

    /// Sentences within `span` (usually a paragraph).
    public static func sentences(_ text: ScalarString, in span: TextSpan) -> [TextSpan] {
        let s = text.scalars
        var result: [TextSpan] = []
        var start = span.start
        while start < span.end && s[start].isSpace { start += 1 }
        var i = start
        while i < span.end {
            let c = s[i]
            // A newline inside a paragraph (hard-wrapped text) is not a boundary by itself.
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            var j = i + 1
            while j < span.end && (s[j] == "." || s[j] == "!" || s[j] == "?") { j += 1 }
            while j < span.end && (Tokenizer.isQuoteMark(s[j]) || s[j] == ")" || s[j] == "]") { j += 1 }
            guard j < span.end, s[j].isSpace else { i = j; continue }
            var k = j
            while k < span.end && s[k].isSpace { k += 1 }
            guard k < span.end else { break }
            let next = s[k]
            let startsSentence = next.isUppercaseLetter || next.isDigit || Tokenizer.isQuoteMark(next) || next == "(" || next == "["
                || next == "-" || next == "–" || next == "—"
            guard startsSentence else { i = j; continue }
            if c == ".", isAbbreviation(before: i, in: s, floor: start, nextWord: word(at: k, in: s)) {
                i = j
                continue
            }
            result.append(TextSpan(start, j))
            start = k
            i = k
        }
        var end = span.end
        while end > start && s[end - 1].isSpace { end -= 1 }
        if end > start { result.append(TextSpan(start, end)) }
        return result
    }

    /// Paragraphs and their sentences.
    public static func segment(_ text: ScalarString) -> [(paragraph: TextSpan, sentences: [TextSpan])] {
        paragraphs(text).map { ($0, sentences(text, in: $0)) }
    }

    private static func word(at index: Int, in s: [Unicode.Scalar]) -> String {
        var j = index
        var out = String.UnicodeScalarView()
        while j < s.count && s[j].isLetter && out.count < 20 {
            out.append(Character.lowercasedScalar(s[j]))
            j += 1
        }
        return String(out)
    }

    /// Whether the period at `index` ends an abbreviation rather than a sentence.
    private static func isAbbreviation(before index: Int, in s: [Unicode.Scalar], floor: Int, nextWord: String) -> Bool {
        var a = index
        while a > floor && (s[a - 1].isLetter || s[a - 1] == ".") { a -= 1 }
        guard a < index else { return false }
        var view = String.UnicodeScalarView()
        for c in s[a..<index] { view.append(Character.lowercasedScalar(c)) }
        let word = String(view)
        // A single capital letter: an initial (Charles M. Blow), unless it starts a new sentence.
        if index - a == 1 && s[a].isUppercaseLetter { return !sentenceStarters.contains(nextWord) || nextWord.isEmpty }
        guard abbreviations.contains(word) else { return false }
        // U.S. and a.m. end sentences too: trust a typical sentence opener after them.
        if word.contains(".") || word == "am" || word == "pm" { return !sentenceStarters.contains(nextWord) }
        return true
    }
}
