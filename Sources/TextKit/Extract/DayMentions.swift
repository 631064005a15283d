/// Finds the days a sentence speaks of: weekdays (`on Friday`), dates (`May 12`, `12 May`), relative
/// phrases (`a day earlier`, `yesterday`), and marks those about the future (`talks scheduled for Sunday`).
public struct DayMentions: Sendable {
    /// One day mention.
    public struct Mention: Hashable, Sendable {
        public var tokens: Range<Int>
        public var span: TextSpan
        /// The resolved day, when it does not depend on the context.
        public var day: DayResolver.Day?
        /// For relative phrases: days from the context day (`a day earlier` = -1).
        public var contextOffset: Int?
        public var isFuture: Bool
    }

    let lexicon: EnglishLexicon
    let resolver: DayResolver

    public init(resolver: DayResolver, lexicon: EnglishLexicon = .shared) {
        self.resolver = resolver
        self.lexicon = lexicon
    }

    public func find(_ tokens: [Token], range: Range<Int>) -> [Mention] {
        var found: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            var mention: Mention?
            if t.isWord, t.isCapitalized, let weekday = lexicon.weekdays[t.base] {
                var end = i + 1
                var day: DayResolver.Day?
                // `Friday (May 12)` or `Friday, May 12`: the explicit date wins.
                var j = end
                if j < range.upperBound && (tokens[j].text == "(" || tokens[j].text == ",") { j += 1 }
                if let (explicit, explicitEnd) = date(tokens, at: j, limit: range.upperBound) {
                    day = explicit
                    end = explicitEnd
                    if end < range.upperBound && tokens[end].text == ")" { end += 1 }
                }
                let future = isFuture(tokens, before: i, floor: range.lowerBound)
                mention = Mention(tokens: i..<end, span: TextSpan(t.start, tokens[end - 1].end),
                                  day: day ?? resolver.resolve(weekday: weekday, future: future), contextOffset: nil, isFuture: future)
                i = end - 1
            } else if let (day, end) = date(tokens, at: i, limit: range.upperBound) {
                mention = Mention(tokens: i..<end, span: TextSpan(t.start, tokens[end - 1].end), day: day, contextOffset: nil,
                                  isFuture: isFuture(tokens, before: i, floor: range.lowerBound))
                i = end - 1
            } else if let (entry, end) = lexicon.relativeDayIndex.match(tokens, at: i, limit: range.upperBound) {
                let relative = entry.value
                var day: DayResolver.Day?
                if !relative.relativeToContext, let publication = resolver.publication { day = publication.adding(days: relative.offset) }
                mention = Mention(tokens: i..<end, span: TextSpan(t.start, tokens[end - 1].end), day: day,
                                  contextOffset: relative.relativeToContext ? relative.offset : nil, isFuture: false)
                i = end - 1
            }
            if let mention { found.append(mention) }
            i += 1
        }
        return found
    }

    /// `May 12` or `12 May` at `i`.
    func date(_ tokens: [Token], at i: Int, limit: Int) -> (DayResolver.Day, Int)? {
        guard i + 1 < limit else { return nil }
        // Read in place: a copy of each token would retain its strings.
        return tokens.withUnsafeBufferPointer { tokens -> (DayResolver.Day, Int)? in
            let a = i, b = i + 1
            if tokens[a].isWord, tokens[a].isCapitalized, tokens[b].kind == .number, let month = lexicon.months[tokens[a].lower],
               let d = Int(tokens[b].text), (1...31).contains(d), let day = resolver.resolve(month: month, day: d) {
                return (day, i + 2)
            }
            if tokens[a].kind == .number, tokens[b].isWord, tokens[b].isCapitalized, let d = Int(tokens[a].text), (1...31).contains(d),
               let month = lexicon.months[tokens[b].lower], let day = resolver.resolve(month: month, day: d) {
                return (day, i + 2)
            }
            return nil
        }
    }

    /// A future word (will, scheduled, due, planned…) in the few words before.
    static let determinersAfterTo: WordSet = ["his", "her", "their", "its", "the", "a", "an", "our"]

    func isFuture(_ tokens: [Token], before i: Int, floor: Int) -> Bool {
        var k = i - 1
        while k >= max(floor, i - 5) {
            // `to` before a number is no infinitive: `the toll rose to four on Thursday`.
            if lexicon.futureWords.contains(tokens[k]),
               !(tokens[k].lower == "to" && k + 1 < i && (tokens[k + 1].kind == .number || lexicon.numberUnits[tokens[k + 1].lower] != nil
                                                           // `succumbed to his wounds on Saturday`: a preposition before a noun phrase.
                                                           || Self.determinersAfterTo.contains(tokens[k + 1]))) { return true }
            if tokens[k].text == "." || tokens[k].text == ";" { return false }
            k -= 1
        }
        return false
    }

    /// A line that is only a date — a day heading of a live page or a digest (`May 12, 2023 (Friday)`, `Friday 12 May`,
    /// `12 May 2023`): its day. A month and a day of the month are needed; a weekday and a year may come with them (the
    /// weekday only as a check: a wrong one rejects the line).
    public func headingDay(_ line: Substring) -> DayResolver.Day? {
        guard line.utf8.count <= 40 else { return nil }
        var month: Int?, dayOfMonth: Int?, year: Int?, weekday: Int?
        var words = 0
        for raw in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == "." || $0 == "\t" }) {
            words += 1
            if words > 5 { return nil }
            if let n = Int(raw) {
                if (1...31).contains(n), dayOfMonth == nil { dayOfMonth = n } else if (1900...2100).contains(n), year == nil { year = n } else { return nil }
                continue
            }
            // `12th` is a day of the month too.
            if raw.count >= 3, let n = Int(raw.dropLast(2)), ["st", "nd", "rd", "th"].contains(raw.suffix(2).lowercased()), (1...31).contains(n), dayOfMonth == nil {
                dayOfMonth = n
                continue
            }
            guard let first = raw.first, first.isUppercase else { return nil }
            let lower = raw.lowercased()
            if let m = lexicon.months[lower], month == nil { month = m } else if let w = lexicon.weekdays[lower], weekday == nil { weekday = w } else { return nil }
        }
        guard let month, let dayOfMonth else { return nil }
        let day: DayResolver.Day?
        if let year {
            day = DayResolver.Day(year: year, month: month, day: dayOfMonth)
        } else {
            day = resolver.resolve(month: month, day: dayOfMonth)
        }
        if let day, let weekday, day.weekday != weekday { return nil }
        return day
    }
}
