/// Which day each count happened on, and telling current events from history.
extension CasualtyFinder {
    /// Days the article has spoken of, most recently mentioned last: what `on each of the two days` refers to.
    struct RecentDays {
        private(set) var days: [DayResolver.Day] = []

        mutating func note(_ mentions: [DayMentions.Mention]) {
            for mention in mentions where mention.contextOffset == nil {
                guard let day = mention.day else { continue }
                days.removeAll { $0 == day }
                days.append(day)
            }
        }

        /// The `n` days mentioned last, in calendar order; nil when fewer were mentioned.
        func last(_ n: Int) -> [DayResolver.Day]? {
            guard n > 0, days.count >= n else { return nil }
            return days.suffix(n).sorted()
        }
    }

    static let reportingVerbs: WordSet = ["said", "says", "told", "announced", "reported", "added", "stated", "confirmed", "claimed", "insisted"]

    /// The day of one count: the day mention nearest to its words (a relative one resolved against the
    /// sentence's own date, else the running context). A day that dates the statement (`said on Saturday`)
    /// counts only when the sentence has no other.
    func day(of count: Count, tokens: [Token], mentions allMentions: [DayMentions.Mention], context: DayResolver.Day?) -> DayResolver.Day? {
        let mentions = count.aside.map { aside in allMentions.filter { !aside.contains($0.span) } } ?? allMentions
        guard !mentions.isEmpty else { return context }
        // `a day after another soldier died` dates what follows it, not what came before.
        let eventMentions = mentions.filter { m in
            !datesStatement(m, tokens: tokens) && !(headsClause(m, tokens: tokens) && count.evidence.allSatisfy { $0.end <= m.span.start })
        }
        let candidates = eventMentions.isEmpty ? mentions : eventMentions
        func distance(_ m: DayMentions.Mention) -> Int {
            count.evidence.map { e in
                if m.span.end <= e.start { return e.start - m.span.end }
                if e.end <= m.span.start { return m.span.start - e.end }
                return 0
            }.min() ?? Int.max
        }
        guard let nearest = candidates.min(by: { distance($0) < distance($1) }) else { return context }
        if let day = nearest.day { return day }
        // `a day after`, `the previous day`: against the day the sentence names, else the context.
        let anchor = mentions.filter { $0.day != nil && $0.contextOffset == nil }.min { abs($0.span.start - nearest.span.start) < abs($1.span.start - nearest.span.start) }?.day
        return resolved(nearest, context: anchor ?? context) ?? context
    }

    /// `a day after …`, `the day before the talks`: a relative day that introduces what follows.
    func headsClause(_ mention: DayMentions.Mention, tokens: [Token]) -> Bool {
        guard mention.contextOffset != nil else { return false }
        let last = tokens[mention.tokens.upperBound - 1].lower
        if last == "after" { return true }
        guard last == "before" || last == "prior", mention.tokens.upperBound < tokens.count else { return false }
        let next = tokens[mention.tokens.upperBound]
        return next.isWord
    }

    /// `said on Saturday`, `said Saturday`: the day of the statement, not of the events.
    func datesStatement(_ mention: DayMentions.Mention, tokens: [Token]) -> Bool {
        var k = mention.tokens.lowerBound - 1
        if k >= 0, tokens[k].lower == "on" { k -= 1 }
        return k >= 0 && Self.reportingVerbs.contains(tokens[k])
    }

    /// Splits a count the text breaks down by day: `two killed — one on Thursday and one on Friday`,
    /// `killed a soldier on each of the two days`.
    func distributed(_ count: Count, tokens: [Token], range: Range<Int>, mentions: [DayMentions.Mention], recent: RecentDays, counted: Set<Int>) -> [Count] {
        guard !count.wordTokens.isEmpty else { return [count] }
        var j = count.wordTokens.upperBound
        // Past the victims of an active verb (`killed an Azerbaijani soldier on each …`).
        if let numberTokens = count.numberTokens, numberTokens.lowerBound >= j {
            j = numberTokens.upperBound
            while j < range.upperBound && tokens[j].isWord && !["on", "each", "in", "over", "during"].contains(tokens[j].lower) && j < numberTokens.upperBound + 4 { j += 1 }
        }
        if let split = breakdown(count, tokens: tokens, from: j, limit: range.upperBound, mentions: mentions) { return split }
        if let next = elidedNext(count, tokens: tokens, from: j, limit: range.upperBound, mentions: mentions),
           !(next.numberTokens ?? 0..<0).contains(where: counted.contains) {
            var first = count
            if next.diedAmongWounded > 0 {
                first.diedAmongWounded = 0
                first.evidence.removeAll { e in e.start >= next.evidence[0].start }
            }
            return [first, next]
        }
        if let days = eachDay(tokens, from: j, limit: range.upperBound, recent: recent, mentions: mentions) {
            return days.map { day in
                var one = count
                one.fixedDay = .some(day)
                return one
            }
        }
        return [count]
    }

    /// `— one on Thursday and one on Friday`: numbers with days that add up to the count.
    func breakdown(_ count: Count, tokens: [Token], from start: Int, limit: Int, mentions: [DayMentions.Mention]) -> [Count]? {
        var j = start
        while j < limit && ["—", "–", "-", ",", "(", ":"].contains(tokens[j].text) { j += 1 }
        var parts: [(NumberParser.Parsed, DayMentions.Mention)] = []
        while j < limit, let parsed = numbers.parse(tokens, at: j, limit: limit) ?? oneMore(tokens, at: j, limit: limit) {
            var k = parsed.tokens.upperBound
            if k < limit && tokens[k].lower == "on" { k += 1 }
            guard let mention = mentions.first(where: { $0.tokens.lowerBound == k }) else { break }
            parts.append((parsed, mention))
            j = mention.tokens.upperBound
            guard j < limit, tokens[j].lower == "and" || tokens[j].text == "," else { break }
            j += 1
            if j < limit && tokens[j].lower == "and" { j += 1 }
        }
        guard parts.count >= 2, parts.reduce(0, { $0 + Int($1.0.value) }) == count.value else { return nil }
        return parts.map { parsed, mention in
            var one = count
            one.value = Int(parsed.value)
            one.evidence.append(TextSpan(parsed.span.start, mention.span.end))
            one.fixedDay = .some(mention.day)
            return one
        }
    }

    /// `One soldier was killed on Thursday and a second on Friday`: a further count whose noun and verb are left out.
    func elidedNext(_ count: Count, tokens: [Token], from start: Int, limit: Int, mentions: [DayMentions.Mention]) -> Count? {
        var j = start
        if j < limit && tokens[j].lower == "on" { j += 1 }
        guard let first = mentions.first(where: { $0.tokens.lowerBound == j }) else { return nil }
        j = first.tokens.upperBound
        guard j + 2 < limit, tokens[j].lower == "and" else { return nil }
        j += 1
        let value: Int
        let numberStart = j
        if tokens[j].lower == "another" {
            value = 1
            j += 1
        } else if tokens[j].lower == "a", tokens[j + 1].lower == "second" || tokens[j + 1].lower == "third" {
            value = 1
            j += 2
        } else if let parsed = numbers.parse(tokens, at: j, limit: limit) {
            value = Int(parsed.value)
            j = parsed.tokens.upperBound
            if j < limit && (tokens[j].lower == "more" || tokens[j].lower == "others") { j += 1 }
        } else {
            return nil
        }
        if j < limit && tokens[j].lower == "on" { j += 1 }
        guard let mention = mentions.first(where: { $0.tokens.lowerBound == j }) else { return nil }
        var next = count
        next.value = value
        next.usesOthers = true
        next.diedAmongWounded = 0
        // `four wounded on Thursday and three on Friday, one of whom later died`: the death is among the later count.
        if count.diedAmongWounded > 0, count.evidence.contains(where: { $0.start >= mention.span.end }) {
            next.diedAmongWounded = count.diedAmongWounded
        }
        next.evidence = [TextSpan(tokens[numberStart].start, mention.span.end)] + count.evidence.suffix(1)
        next.numberTokens = numberStart..<j
        next.fixedDay = .some(mention.day)
        return next
    }

    /// `another`, `a second`, `the other`: one more, as a number.
    func oneMore(_ tokens: [Token], at j: Int, limit: Int) -> NumberParser.Parsed? {
        var end = j
        if tokens[j].lower == "another" {
            end = j + 1
        } else if j + 1 < limit, (tokens[j].lower == "a" && tokens[j + 1].lower == "second") || (tokens[j].lower == "the" && tokens[j + 1].lower == "other") {
            end = j + 2
        } else {
            return nil
        }
        return NumberParser.Parsed(value: 1, approximate: false, tokens: j..<end, span: TextSpan(tokens[j].start, tokens[end - 1].end))
    }

    /// `on each of the two days`, `on both days`: the days last mentioned.
    func eachDay(_ tokens: [Token], from start: Int, limit: Int, recent: RecentDays, mentions: [DayMentions.Mention] = []) -> [DayResolver.Day]? {
        var j = start
        while j < limit && j < start + 4 && !["each", "both"].contains(tokens[j].lower) {
            if [",", ";", "."].contains(tokens[j].text) { return nil }
            j += 1
        }
        guard j < limit else { return nil }
        if tokens[j].lower == "both", j + 1 < limit, tokens[j + 1].lower == "days" { return recent.last(2) }
        guard tokens[j].lower == "each" else { return nil }
        // `a soldier killed on each day`: the days the sentence names, else the two last mentioned.
        if j + 1 < limit, tokens[j + 1].lower == "day" {
            let named = Set(mentions.filter { $0.contextOffset == nil && !$0.isFuture }.compactMap(\.day)).sorted()
            return named.count >= 2 ? named : recent.last(2)
        }
        var k = j + 1
        if k + 1 < limit, tokens[k].lower == "of", tokens[k + 1].lower == "the" { k += 2 }
        if k < limit, let parsed = numbers.parse(tokens, at: k, limit: limit), parsed.tokens.upperBound < limit,
           tokens[parsed.tokens.upperBound].lower == "days" {
            return recent.last(Int(parsed.value))
        }
        return nil
    }

    /// `in two days of clashes`, `over three days`: a total with no single day.
    func spansSeveralDays(_ tokens: [Token], range: Range<Int>) -> Bool {
        for k in range where tokens[k].lower == "days" && k - 1 > range.lowerBound {
            guard let parsed = numbers.parse(tokens, at: k - 1, limit: k), parsed.value >= 2, parsed.value <= 14 else { continue }
            if k + 1 < range.upperBound && tokens[k + 1].lower == "ago" { continue }
            // `in two days of clashes`, `over the same two days`, `during the past three days`.
            var j = k - 2
            while j > range.lowerBound && ["the", "same", "past", "last", "first", "previous"].contains(tokens[j].lower) { j -= 1 }
            if ["in", "over", "during", "across", "within", "of"].contains(tokens[j].lower) || ["past", "last"].contains(tokens[j + 1].lower) { return true }
        }
        return false
    }

    // MARK: - History and context

    static let superlatives: WordSet = ["deadliest", "worst", "heaviest", "bloodiest", "biggest", "largest", "fiercest", "most", "first", "serious"]

    /// A figure about earlier events: a year other than the event's, `since`, `war(s)`, `decades`, or a large estimate.
    func isHistorical(_ tokens: [Token], range: Range<Int>, counts: [Count], eventYear: Int?) -> Bool {
        for k in range {
            let t = tokens[k]
            if t.kind == .number, t.text.count == 4, let year = Int(t.text), (1900...2100).contains(year), year != eventYear { return true }
            // `the deadliest incident since last autumn` compares with the past; it does not count it.
            if t.lower == "since", (max(range.lowerBound, k - 8)..<k).contains(where: { Self.superlatives.contains(tokens[$0]) }) { continue }
            if t.lower == "since", k + 1 < range.upperBound {
                let next = tokens[k + 1]
                if next.kind == .number || ["last", "then", "independence", "the", "early", "late"].contains(next.lower) || lexicon.months[next.lower] != nil { return true }
            }
            if t.lower == "decades" || t.lower == "wars" { return true }
            if t.lower == "war" && k > range.lowerBound && ["the", "two", "first", "second", "six-week", "previous", "last"].contains(tokens[k - 1].lower) { return true }
        }
        return counts.contains { $0.value >= 1000 }
    }

    /// The day a sentence sets as context: its absolute day mention nearest to a fighting word (`fatalities
    /// … on Friday`), else a relative one resolved against the previous context.
    func contextFor(_ mentions: [DayMentions.Mention], tokens: [Token], range: Range<Int>, previous: DayResolver.Day?) -> DayResolver.Day? {
        let absolute = mentions.filter { $0.day != nil && $0.contextOffset == nil }
        if !absolute.isEmpty {
            let fightingPositions = range.filter { isFightingWord(tokens[$0].lower) }.map { tokens[$0].start }
            guard !fightingPositions.isEmpty else { return absolute.last?.day }
            return absolute.min { a, b in
                fightingPositions.map { abs($0 - a.span.start) }.min()! < fightingPositions.map { abs($0 - b.span.start) }.min()!
            }?.day
        }
        return resolved(mentions.last, context: previous)
    }

    func isFightingWord(_ w: String) -> Bool {
        lexicon.attackWords.contains(w) || lexicon.killedWords.contains(w) || lexicon.woundedWords.contains(w) || w == "fatalities" || w == "fighting"
    }

    func resolved(_ mention: DayMentions.Mention?, context: DayResolver.Day?) -> DayResolver.Day? {
        guard let mention else { return nil }
        if let day = mention.day { return day }
        if let offset = mention.contextOffset, let context { return context.adding(days: offset) }
        return nil
    }

    /// For a claim with no day at all: the first day the article ties to fighting (`the fatalities were caused
    /// on Friday`), else the latest past day it mentions, else its date.
    func documentDay(text: AnalyzedText, days: [[DayMentions.Mention]], resolver: DayResolver) -> DayResolver.Day? {
        for s in text.sentences.indices where !text.isHeading(s) {
            let range = text.sentenceTokens[s]
            let absolute = days[s].filter { !$0.isFuture && $0.day != nil && $0.contextOffset == nil }
            guard !absolute.isEmpty, range.contains(where: { isFightingWord(text.tokens[$0].lower) }) else { continue }
            if let day = contextFor(absolute, tokens: text.tokens, range: range, previous: nil), resolver.reference.map({ day <= $0 }) ?? true { return day }
        }
        let resolvedDays = days.flatMap { $0 }.filter { !$0.isFuture }.compactMap(\.day)
        if let reference = resolver.reference, let latest = resolvedDays.filter({ $0 <= reference }).max() { return latest }
        return resolvedDays.max() ?? resolver.publication
    }
}
