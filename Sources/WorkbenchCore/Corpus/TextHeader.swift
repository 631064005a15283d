/// Leading metadata in scraped text files: lines such as ` date 2023-05-13` or `title: A headline`,
/// and the inline form where the date is followed by the article on the same line (` date 2023-05-13 Yerevan…`).
///
/// Only unambiguous forms are taken: `date` needs an ISO date, `url` an http(s) URL, `language` a short
/// code; free-text keys (`title`, `outlet`, `author`) need a colon or a leading blank. What follows
/// the header is the body, left as it is (a stray character glued to the first word is the extract
/// stage's business, not the reader's).
public struct TextHeader: Hashable, Sendable {
    public var fields: [(key: String, value: String)] = []
    /// The scalar count removed from the front of the text.
    public var length: Int = 0

    public static func == (lhs: TextHeader, rhs: TextHeader) -> Bool {
        lhs.length == rhs.length && lhs.fields.map(\.key) == rhs.fields.map(\.key) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(length)
        for field in fields { hasher.combine(field.key); hasher.combine(field.value) }
    }

    public subscript(key: String) -> String? { fields.last(where: { $0.key == key })?.value }

    static let freeTextKeys: Set<String> = ["title", "outlet", "author", "source"]
    static let tokenKeys: Set<String> = ["date", "url", "language", "lang", "id"]

    /// Splits `text` into its header and body.
    public static func parse(_ text: String) -> (header: TextHeader, body: String) {
        var header = TextHeader()
        var rest = Substring(text)
        while true {
            guard let (key, value, remainder) = parseField(rest) else { break }
            header.fields.append((key == "lang" ? "language" : key, value))
            rest = remainder
        }
        guard !header.fields.isEmpty else { return (header, text) }
        let body = String(rest.drop(while: { $0 == "\n" || $0 == "\r" }))
        header.length = text.unicodeScalars.count - body.unicodeScalars.count
        return (header, body)
    }

    private static func parseField(_ text: Substring) -> (String, String, Substring)? {
        var cursor = text.startIndex
        var leadingBlank = false
        while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" {
            cursor = text.index(after: cursor)
            leadingBlank = true
        }
        let keyStart = cursor
        while cursor < text.endIndex, text[cursor].isLetter, text[cursor].isLowercase { cursor = text.index(after: cursor) }
        let key = String(text[keyStart..<cursor])
        guard freeTextKeys.contains(key) || tokenKeys.contains(key) else { return nil }
        var hasColon = false
        if cursor < text.endIndex, text[cursor] == ":" {
            hasColon = true
            cursor = text.index(after: cursor)
        }
        guard cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" else { return nil }
        while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" { cursor = text.index(after: cursor) }
        let lineEnd = text[cursor...].firstIndex(of: "\n") ?? text.endIndex

        if freeTextKeys.contains(key) {
            guard hasColon || leadingBlank else { return nil }
            let value = text[cursor..<lineEnd].trimmingCharacters(in: " \t\r")
            guard !value.isEmpty else { return nil }
            return (key, value, text[lineEnd...].dropFirst())
        }
        let tokenEnd = text[cursor..<lineEnd].firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\r" }) ?? lineEnd
        let token = String(text[cursor..<tokenEnd])
        guard isValid(token, for: key) else { return nil }
        // The inline form: the article starts after one blank on the same line.
        var remainder = text[tokenEnd...]
        if remainder.first == " " || remainder.first == "\t" || remainder.first == "\r" { remainder = remainder.dropFirst() }
        if remainder.first == "\n" { remainder = remainder.dropFirst() }
        return (key, token, remainder)
    }

    private static func isValid(_ token: String, for key: String) -> Bool {
        switch key {
        case "date": isoDate(token)
        case "url": token.hasPrefix("http://") || token.hasPrefix("https://")
        case "language", "lang": (2...3).contains(token.count) && token.allSatisfy { $0.isLetter && $0.isLowercase }
        case "id": !token.isEmpty
        default: false
        }
    }

    /// `YYYY-MM-DD`, optionally followed by a time (`T…`).
    static func isoDate(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count >= 10 else { return false }
        for (i, s) in scalars.prefix(10).enumerated() {
            if i == 4 || i == 7 { if s != "-" { return false } } else if !("0"..."9").contains(s) { return false }
        }
        return scalars.count == 10 || scalars[10] == "T"
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
