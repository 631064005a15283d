import WorkbenchProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Separates an article from the web page around it: navigation crumbs, share and subscribe lines,
/// footers with domains, "Read more:" links, photo captions and credits, agency credits, reader
/// pitches and comment forms (patterns in `Resources/english/boilerplate.json`). Also removes a
/// dateline (`BAKU, May 12 (NPA) –`) and a stray letter glued to the first word by a scraper (`KJust`),
/// and finds the headline.
public struct BoilerplateFilter: Sendable {
    /// What the filter decided for a text.
    public struct Result: Sendable {
        /// The article's paragraphs (headline excluded), trimmed of removed prefixes.
        public var paragraphs: [TextSpan]
        public var headline: TextSpan?
        public var removed: [ExtractOutput.Removal]
    }

    let exact: WordSet
    let starts: [String]
    let contains: [String]
    let containsPatterns: [[UInt8]]
    let captionStarts: [String]
    let separators: [String]
    let footerMarkers: [String]
    let domainSuffixes: [String]
    let socialNetworks: WordSet
    let shortStarts: [String]
    let shortContains: [String]
    let listHeadings: WordSet
    let timestampWords: WordSet
    let agencies: WordSet
    let bylineTitles: WordSet
    let pitchStarts: [String]
    let bioVerbs: [[String]]
    let bioNouns: [String]

    public static let shared = BoilerplateFilter(patterns: EnglishLexicon.shared.boilerplate)

    init(patterns: JSONValue) {
        func strings(_ key: String) -> [String] { patterns[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        exact = WordSet(strings("exact"))
        starts = strings("starts")
        contains = strings("contains")
        containsPatterns = contains.map { Array($0.utf8) }
        captionStarts = strings("caption_starts")
        separators = strings("navigation_separators")
        footerMarkers = strings("footer_markers")
        domainSuffixes = strings("domain_suffixes")
        socialNetworks = WordSet(strings("social_networks"))
        shortStarts = strings("short_starts")
        shortContains = strings("short_contains")
        listHeadings = WordSet(strings("list_headings"))
        timestampWords = WordSet(strings("timestamp_words") + EnglishLexicon.shared.weekdays.allKeys + EnglishLexicon.shared.months.allKeys)
        agencies = WordSet(strings("agencies"))
        bylineTitles = WordSet(strings("byline_titles"))
        pitchStarts = strings("pitch_starts")
        bioVerbs = strings("bio_verbs").map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        bioNouns = strings("bio_nouns")
    }

    public func filter(_ text: ScalarString) -> Result {
        let lines = Segmenter.paragraphs(text)
        var kept: [TextSpan] = []
        var removed: [ExtractOutput.Removal] = []
        var footerReached = false
        // After a heading that opens a list of links ("Most read", "Related coverage:"), the short lines under it are links.
        var inLinkList = false
        // The author's name from a byline (`By Jane Doe`): a later paragraph opening with it is the author's bio.
        var author: String?
        // The page's masthead (`FactSieve`, `KURA MEDIA`: a first line of at most three words), normalised: a line that
        // describes the outlet itself (`FactSieve is an independent, non-profit …`) is furniture.
        var masthead: String?
        if let first = lines.first, Self.wordCount(text, first) <= 3 {
            let name = Self.normalize(text[first])
            if name.utf8.count >= 3 && !name.hasSuffix(".") { masthead = name }
        }
        for (index, line) in lines.enumerated() {
            if footerReached {
                removed.append(.init(span: line, kind: "footer", text: text[line]))
                continue
            }
            let wordCount = Self.wordCount(text, line)
            if let author, index >= lines.count / 2, wordCount <= 80, isBio(text[line], author: author) {
                removed.append(.init(span: line, kind: "byline", text: text[line]))
                continue
            }
            // Long paragraphs are articles unless they open like boilerplate: only their start is read.
            if wordCount > 40 {
                inLinkList = false
                let prefix = Self.normalize(text[TextSpan(line.start, min(line.end, line.start + Self.longestStart))])
                if starts.contains(where: { prefix.hasPrefix($0) }) {
                    removed.append(.init(span: line, kind: kind(of: prefix), text: text[line]))
                } else {
                    kept.append(line)
                }
                continue
            }
            let raw = text[line]
            let normalized = Self.normalize(raw)
            // `About the International Council for Civilian Protection` in the page's second half: a press release's
            // boilerplate about its issuer (and the contacts after it) — the article has ended.
            if index >= lines.count / 2, isAboutHeading(normalized, raw: raw, wordCount: wordCount) {
                removed.append(.init(span: line, kind: "footer", text: raw))
                footerReached = true
                continue
            }
            if let masthead, isSelfDescription(normalized, masthead: masthead) {
                removed.append(.init(span: line, kind: "pitch", text: raw))
                continue
            }
            if inLinkList {
                if wordCount <= 20 && !normalized.hasSuffix(".") && !normalized.hasSuffix("!") {
                    removed.append(.init(span: line, kind: "read-more", text: raw))
                    continue
                }
                inLinkList = false
            }
            if let kind = classify(normalized, raw: raw, wordCount: wordCount) {
                removed.append(.init(span: line, kind: kind, text: raw))
                // A footer marker in the last part of the page: everything after it is page furniture. Inside a longer line
                // (a caption's `© Handout, …`) a marker does not end the page.
                if footerMarkers.contains(where: { normalized.hasPrefix($0) || (wordCount <= 12 && normalized.contains($0)) }),
                   Double(index) >= Double(lines.count) * 0.5 {
                    footerReached = true
                }
                if listHeadings.contains(normalized.trimming(".:")) || isLinkListHeading(normalized, wordCount: wordCount) { inLinkList = true }
                if kind == "byline", let name = bylineName(normalized) { author = name }
                continue
            }
            kept.append(line)
        }
        // Bios closing the page with no byline to name the author (`Jane Doe is a freelance journalist based in …`): paragraphs
        // of that shape after which nothing but furniture follows.
        while kept.count >= 4, let last = kept.last, last.start >= text.count / 2, Self.wordCount(text, last) <= 80, isBio(text[last], author: nil) {
            removed.append(.init(span: last, kind: "byline", text: text[last]))
            kept.removeLast()
        }
        var result = Result(paragraphs: kept, headline: nil, removed: removed)
        trimAgencySlugs(text, &result)
        trimDateline(text, &result)
        trimStrayLetter(text, &result)
        findHeadline(text, &result)
        // A drop cap may also be glued to the first body paragraph, after the headline.
        if result.headline != nil { trimStrayLetter(text, &result) }
        result.removed.sort { $0.start < $1.start }
        return result
    }

    /// Long enough to hold any `starts` pattern.
    static let longestStart = 160

    /// Words (runs of non-space scalars) in a span.
    static func wordCount(_ text: ScalarString, _ span: TextSpan) -> Int {
        var count = 0
        var inWord = false
        for i in span.range {
            if text.scalars[i].isSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Byte substring search (the patterns are lowercase ASCII or exact UTF-8).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        // memchr finds each candidate start, memcmp checks it.
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let base = h.baseAddress!
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    guard let found = memchr(base + i, Int32(n[0]), last - i + 1) else { return false }
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, n.baseAddress!, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }

    /// Where `needle` first occurs in `haystack`, and how often it occurs (without overlaps).
    static func firstOffset(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    static func occurrences(_ haystack: [UInt8], _ needle: [UInt8]) -> Int {
        var count = 0
        var rest = haystack[...]
        while let i = firstOffset(Array(rest), needle) {
            count += 1
            rest = rest.dropFirst(i + needle.count)
        }
        return count
    }

    /// Lowercase (ASCII), no-break and other spaces as spaces, runs of spaces collapsed, trimmed.
    static func normalize(_ line: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar.isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            let lowered = Character.lowercasedScalar(scalar)
            if lowered.value < 0x80 {
                out.append(UInt8(lowered.value))
            } else {
                out.append(contentsOf: String(lowered).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The runs of ASCII letters in a line (lowercase already), as words.
    static func letterWords(_ line: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in line.utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// The kind of boilerplate a line is, or nil for content.
    func classify(_ line: String, raw: String, wordCount: Int) -> String? {
        if exact.contains(line) || exact.contains(line.trimming(".:")) { return kind(of: line) }
        if starts.contains(where: { line.hasPrefix($0) }) { return kind(of: line) }
        if wordCount <= 6 && listHeadings.contains(line.trimming(".:")) { return kind(of: line) }
        let letterWords = Self.letterWords(line)
        let hasDigit = line.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        // Counters: `Comments (14)`, `Views: 1 207` — a furniture word with a number.
        if wordCount <= 6 && hasDigit && exact.contains(letterWords.joined(separator: " ")) { return kind(of: line) }
        if wordCount <= 12 && !line.hasSuffix(".") && shortStarts.contains(where: { line.hasPrefix($0) }) { return kind(of: line) }
        // `Support independent journalism. Become a member for $5 a month.`: a pitch, even in sentences.
        if wordCount <= 20 && pitchStarts.contains(where: { line.hasPrefix($0) }) { return "pitch" }
        if wordCount <= 15 && shortContains.contains(where: { line.contains($0) }) { return kind(of: line) }
        // `Friday, 12 May 2023 6:47 PM`, `Fri 17:48`, `Posted Sat 13 May 2023 at 5:12am, updated …`: only date and time words.
        if wordCount <= 24 && hasDigit && letterWords.allSatisfy({ timestampWords.contains($0) })
            && (!letterWords.isEmpty || line.contains(":")) { return "byline" }
        if wordCount <= 16, let kind = furniture(line, raw: raw, letterWords: letterWords, hasDigit: hasDigit, wordCount: wordCount) { return kind }
        // Long paragraphs are articles: only short lines are searched for boilerplate phrases.
        let bytes = Array(line.utf8)
        if containsPatterns.contains(where: { Self.contains(bytes, $0) }) { return kind(of: line) }
        let endsSentence = line.hasSuffix(".") || line.hasSuffix("?") || line.hasSuffix("!") || line.hasSuffix("\"") || line.hasSuffix("”")
        // Navigation crumbs: short, separator-joined, no sentence (the separators are not words).
        let separatorCount = separators.reduce(0) { $0 + Self.occurrences(bytes, Array($1.utf8)) }
        if wordCount - separatorCount <= 8 && !endsSentence && separatorCount > 0 { return "navigation" }
        // Metadata: `Issue No. 87 | May 13, 2023`, `Home > World > Asia > Central Asia | News`.
        if wordCount - separatorCount <= 12 && !endsSentence && (separatorCount >= 2 || (separatorCount == 1 && hasDigit)) { return "byline" }
        // Metadata lines joined by bars: `Politics | Army | 12 May 2023, 14:25 | Views: 3412`.
        if wordCount <= 20 && line.split(separator: "|").count >= 3 { return "byline" }
        // Lines naming several social networks: share and follow prompts.
        if wordCount <= 25 && Self.letterWords(line).filter({ socialNetworks.contains($0) }).count >= 2 { return "share" }
        // `By Jane Doe`, `Posted at 16:48`: short bylines and time stamps without a sentence.
        if wordCount <= 7 && !endsSentence && (line.hasPrefix("by ") || line.hasPrefix("posted ") || line.hasPrefix("updated ")) { return "byline" }
        // `By Dr. Jane Doe, Senior Fellow, Eurasia Program`, `By Europe correspondent Jane Doe and wires`.
        if wordCount <= 12 && !endsSentence && line.hasPrefix("by ") && raw.unicodeScalars.dropFirst(3).first?.properties.isUppercase == true { return "byline" }
        // A short line naming a domain: a footer or a link.
        if wordCount <= 8 && (line.contains("www.") || line.contains("http") || domainSuffixes.contains(where: { suffix in
            line.split(separator: " ").contains { $0.hasSuffix(suffix) && $0.count > suffix.count + 1 }
        })) {
            return "footer"
        }
        return nil
    }

    /// Headings of lists of links by their shape: `Related fact checks`, `Also from this source`, `More from Europe`.
    func isLinkListHeading(_ line: String, wordCount: Int) -> Bool {
        wordCount <= 4 && !line.hasSuffix(".") && (line.hasPrefix("related ") || line.hasPrefix("also from ") || line.hasPrefix("more from "))
    }

    /// `About the International Council for Civilian Protection`, `About Example Corp.`: `About` and a capitalised name, no sentence.
    func isAboutHeading(_ line: String, raw: String, wordCount: Int) -> Bool {
        guard (2...10).contains(wordCount), line.hasPrefix("about "), !line.hasSuffix("?"), !line.hasSuffix("!"), !line.contains(",") else { return false }
        let words = raw.split(separator: " ").dropFirst().filter { !["the", "of", "for", "and", "&", "on", "in"].contains($0.lowercased()) }
        return !words.isEmpty && words.allSatisfy { $0.unicodeScalars.first?.properties.isUppercase == true }
    }

    /// The outlet describing itself: the masthead's name, then `is an independent`, `is a non-profit`, `is audience-supported`.
    static let selfDescriptions = ["is an independent", "is a non-profit", "is a nonprofit", "is a not-for-profit", "is an award-winning",
                                   "is audience-supported", "is reader-supported", "is reader-funded", "relies on its readers"]

    func isSelfDescription(_ line: String, masthead: String) -> Bool {
        guard line.hasPrefix(masthead), line.utf8.count > masthead.utf8.count + 4 else { return false }
        let rest = line.dropFirst(masthead.count)
        guard rest.first == " " else { return false }
        return Self.selfDescriptions.contains { rest.dropFirst().hasPrefix($0) }
    }

    /// Short lines that are page furniture by their shape: time stamps, hashtags, section labels in capitals,
    /// agency credits and slugs, follow and app prompts, donation pitches.
    func furniture(_ line: String, raw: String, letterWords: [String], hasDigit: Bool, wordCount: Int) -> String? {
        // `#Armenia #Azerbaijan`: hashtags.
        let words = line.split(separator: " ")
        if !words.isEmpty && words.allSatisfy({ $0.hasPrefix("#") }) { return "tags" }
        let scalars = raw.unicodeScalars
        let letters = scalars.filter { $0.properties.isAlphabetic }
        let allCaps = !letters.isEmpty && !letters.contains { $0.properties.isLowercase }
        // `==AGN`, `(AGN)`, `--AGN`: an agency slug, one or two capitalised tokens with marks.
        if wordCount <= 2 && allCaps && letters.count <= 10 && scalars.contains(where: { "=()-–—/*".unicodeScalars.contains($0) }) { return "agency" }
        // `Reuters/AFP`, `AP and Reuters`: agency credits.
        if wordCount <= 6 && !letterWords.isEmpty && letterWords.allSatisfy({ agencies.contains($0) })
            && letterWords.contains(where: { $0 != "and" && $0 != "with" }) && !line.hasSuffix(".") { return "agency" }
        // `INTERNATIONAL`, `MOST POPULAR`: a section label in capitals.
        if wordCount <= 4 && allCaps && letters.count >= 3 && !hasDigit && !line.hasSuffix(".") && !line.hasSuffix("?") { return "navigation" }
        // `Home  World  Business  Live`: a menu, its items (up to three words, capitalised) set apart by runs of spaces.
        if !line.hasSuffix("."), raw.contains("  ") {
            let items = raw.split(separator: "  ").map { $0.split(separator: " ") }.filter { !$0.isEmpty }
            if items.count >= 4 && items.allSatisfy({ $0.count <= 3 && $0[0].unicodeScalars.first?.properties.isUppercase == true }) { return "navigation" }
        }
        // `8 9 10 11 12 13 14`: a calendar row or page numbers — numbers only.
        if wordCount >= 3 && hasDigit && !scalars.contains(where: { $0.properties.isAlphabetic }) { return "navigation" }
        // `Spotted a claim? Send it to tips@example.org`: a short line with an e-mail address.
        if words.contains(where: { word in
            guard let at = word.firstIndex(of: "@"), at != word.startIndex else { return false }
            return word[word.index(after: at)...].contains(".")
        }) { return "footer" }
        // `Follow X on Telegram: …`, `Join us on WhatsApp`: a prompt naming a network.
        if (line.hasPrefix("follow ") || line.hasPrefix("join ")) && letterWords.contains(where: { socialNetworks.contains($0) }) { return "subscribe" }
        // `Get the X app for breaking news alerts`, `Download our app`.
        if letterWords.contains("app") && letterWords.contains(where: { ["get", "download", "downloading", "install", "our"].contains($0) }) { return "subscribe" }
        // `Support X: every donation helps us …`, `Support independent analysis: Donate`.
        if letterWords.contains(where: { $0.hasPrefix("donat") }) && letterWords.contains(where: { ["support", "us", "our", "help", "helps"].contains($0) }) { return "pitch" }
        return nil
    }

    /// The author's name in a byline (`by dr. jane doe, senior fellow` → `jane doe`), normalised.
    func bylineName(_ line: String) -> String? {
        guard line.hasPrefix("by ") else { return nil }
        var rest = Array(line.utf8.dropFirst(3))
        for stop in [",", " and ", " |", " in ", " for "] { if let cut = Self.firstOffset(rest, Array(stop.utf8)) { rest = Array(rest[..<cut]) } }
        let words = String(decoding: rest, as: UTF8.self).split(separator: " ").map(String.init).filter { !bylineTitles.contains($0) }
        return (2...4).contains(words.count) ? words.joined(separator: " ") : nil
    }

    /// Words after a byline's name that make the paragraph a news sentence about the outlet, not the author's bio.
    static let newsVerbs: Set<String> = ["could", "cannot", "can", "can't", "couldn't", "did", "does", "do", "would", "will", "said", "says", "reported",
                                         "reports", "had", "contacted", "asked", "obtained", "understands", "learned", "learnt"]

    /// Lowercase name particles inside a name of capitalised words (`Katrien de Smet`, `Omar al Hassan`).
    static let nameParticles: Set<String> = ["de", "van", "von", "der", "den", "da", "del", "di", "al", "el", "bin", "le", "la"]

    /// A paragraph about the author: it opens with the byline's name (after a title) — or, with no `author`, with a name of
    /// two to four capitalised words — followed by a verb of a bio (`is a`, `covers`, `joined`; `is a …` needs a bio noun:
    /// `journalist`, `correspondent`). After the byline's name anything but a news sentence (`could not verify`) will do.
    func isBio(_ paragraph: String, author: String?) -> Bool {
        let raw = paragraph.split(separator: " ", maxSplits: 24, omittingEmptySubsequences: true).prefix(24).map(String.init)
        let words = raw.map { Self.normalize($0).trimming(",.;:") }
        var i = 0
        while i < words.count && bylineTitles.contains(words[i]) { i += 1 }
        if let author {
            let name = author.split(separator: " ").map(String.init)
            guard i + name.count < words.count, Array(words[i..<(i + name.count)]) == name else { return false }
            // Opening with the byline's name is enough (`… directs the Center's programme`), unless a news sentence goes on
            // (`Atlas Wire could not independently verify …`).
            return !Self.newsVerbs.contains(words[i + name.count])
        } else {
            let start = i
            while i < raw.count && i - start < 5
                    && (raw[i].unicodeScalars.first?.properties.isUppercase == true || (i > start && Self.nameParticles.contains(words[i]))) {
                if raw[i].hasSuffix(",") || raw[i].hasSuffix(".") { return false }
                i += 1
            }
            guard (2...4).contains(i - start) else { return false }
        }
        guard let verb = bioVerbs.first(where: { verb in i + verb.count <= words.count && Array(words[i..<(i + verb.count)]) == verb }) else { return false }
        if !["is", "was", "previously"].contains(verb[0]) { return true }
        let line = Self.normalize(paragraph)
        return bioNouns.contains { line.contains($0) }
    }

    func kind(of line: String) -> String {
        if line.contains("read more") || line.contains("also read") || line.hasPrefix("see also") || line.hasPrefix("related") { return "read-more" }
        if line.contains("photo") || line.contains("image") || line.contains("getty") || line.contains("picture") { return "caption" }
        if line.contains("share") || line.contains("facebook") || line.contains("twitter") || line.contains("copy link") { return "share" }
        if line.contains("follow us") || line.contains("subscribe") || line.contains("newsletter") || line.contains("sign up")
            || line.contains("telegram") || line.contains("whatsapp") || line.contains("download") || line.contains("app") {
            return "subscribe"
        }
        if line.contains("comment") || line.hasPrefix("name*") || line.hasPrefix("email*") { return "comment-form" }
        if line.contains("write for") || line.contains("your stories") || line.contains("opinions with us") { return "pitch" }
        if line.contains("inputs from") || line.contains("reporting by") || line.contains("editing by") || line.contains("writing by")
            || line.contains("contributed") { return "agency" }
        if line.hasPrefix("tags") || line.hasPrefix("topics") { return "tags" }
        if line.hasPrefix("edited by") || line.hasPrefix("editor") || line.hasPrefix("analysis by") || line.hasPrefix("posted") || line.contains("min read")
            || line.hasPrefix("written by") || line.hasPrefix("compiled by") || line.hasPrefix("produced by") { return "byline" }
        if line.hasPrefix("live") || line == "key points" || line == "summary" { return "navigation" }
        if line.contains("©") || line.contains("copyright") || line.contains("rights reserved") || line.contains("alternate addresses") { return "footer" }
        if line.hasPrefix("updated") || line.hasPrefix("published") || line.hasPrefix("posted") || line.hasPrefix("first published") { return "byline" }
        return "navigation"
    }

    /// A wire agency's slug closing a paragraph: `… by Russian peacekeepers. (AGN).`
    func trimAgencySlugs(_ text: ScalarString, _ result: inout Result) {
        let s = text.scalars
        for (p, paragraph) in result.paragraphs.enumerated() where paragraph.length > 8 {
            var e = paragraph.end
            if s[e - 1] == "." { e -= 1 }
            guard s[e - 1] == ")" else { continue }
            var b = e - 2
            while b > paragraph.start && s[b].isUppercaseLetter { b -= 1 }
            let letters = e - 2 - b
            guard s[b] == "(", (2...8).contains(letters), b - 2 > paragraph.start, s[b - 1].isSpace else { continue }
            var before = b - 1
            while before > paragraph.start && s[before].isSpace { before -= 1 }
            guard ".!?\"”".unicodeScalars.contains(s[before]) else { continue }
            result.removed.append(.init(span: TextSpan(b, paragraph.end), kind: "agency", text: text[TextSpan(b, paragraph.end)]))
            result.paragraphs[p] = TextSpan(paragraph.start, before + 1)
        }
    }

    /// `BAKU, May 12 (NPA) –` or `YEREVAN (Reuters) -` at the start of the first paragraph.
    func trimDateline(_ text: ScalarString, _ result: inout Result) {
        for (p, paragraph) in result.paragraphs.enumerated().prefix(3) {
            let tokens = Tokenizer.tokenize(text, in: paragraph.range)
            guard tokens.count > 4, tokens[0].isAllCaps || (tokens[0].isCapitalized && tokens[1].text == "," && tokens[0].text.uppercased() == tokens[0].text) else { continue }
            var i = 0
            while i < tokens.count && (tokens[i].isAllCaps || tokens[i].text == "," || tokens[i].text == "/") && i < 6 { i += 1 }
            guard i > 0 else { continue }
            // Optional date (May 12, 2023), optional (AGENCY).
            while i < tokens.count && i < 12 && (tokens[i].kind == .number || tokens[i].text == "," || EnglishLexicon.shared.months[tokens[i].lower] != nil) { i += 1 }
            if i < tokens.count && tokens[i].text == "(" {
                while i < tokens.count && tokens[i].text != ")" && i < 16 { i += 1 }
                i += 1
            }
            guard i < tokens.count, ["-", "–", "—", ":"].contains(tokens[i].text), i + 1 < tokens.count else { continue }
            // `--` is two tokens.
            if tokens[i].text == "-" && tokens[i + 1].text == "-" && i + 2 < tokens.count { i += 1 }
            let cut = tokens[i + 1].start
            result.removed.append(.init(span: TextSpan(paragraph.start, cut), kind: "dateline", text: text[TextSpan(paragraph.start, tokens[i].end)]))
            result.paragraphs[p] = TextSpan(cut, paragraph.end)
            return
        }
    }

    /// A scraped drop cap: `KJust ahead…` — a capital glued to a capitalised word at the very start.
    func trimStrayLetter(_ text: ScalarString, _ result: inout Result) {
        guard let first = result.paragraphs.first, first.length > 3 else { return }
        let s = text.scalars
        let a = first.start
        // `KJust`, or a doubled one-letter word: `AA flare-up`, `II was there`.
        let glued = s[a].isUppercaseLetter && s[a + 1].isUppercaseLetter && a + 2 < first.end && s[a + 2].isLetter && !s[a + 2].isUppercaseLetter
        let doubledWord = (s[a] == "A" || s[a] == "I") && s[a + 1] == s[a] && a + 3 < first.end && s[a + 2] == " " && s[a + 3].isLetter && !s[a + 3].isUppercaseLetter
        guard glued || doubledWord else { return }
        result.removed.append(.init(span: TextSpan(a, a + 1), kind: "stray-character", text: text[TextSpan(a, a + 1)]))
        result.paragraphs[0] = TextSpan(a + 1, first.end)
    }

    /// The first paragraph is the headline when it is short and does not end like a sentence.
    func findHeadline(_ text: ScalarString, _ result: inout Result) {
        guard result.paragraphs.count >= 2, let first = result.paragraphs.first else { return }
        func headlineLike(_ line: String) -> Bool {
            let words = line.split(separator: " ").count
            let last = line.unicodeScalars.last
            let endsSentence = last == "." || last == "!" || last == "?" || last == "”" || last == "\"" || last == "»"
            return words >= 3 && words <= 25 && !endsSentence
        }
        // A masthead before the headline: `The Daily Example` (at most three capitalised words, no digits).
        let firstLine = text[first]
        let firstWords = firstLine.split(separator: " ")
        if result.paragraphs.count >= 3, firstWords.count <= 3,
           firstWords.allSatisfy({ $0.unicodeScalars.first?.properties.isUppercase == true }),
           !firstLine.unicodeScalars.contains(where: { $0.properties.numericType != nil || $0 == "." || $0 == "?" || $0 == "!" }),
           headlineLike(text[result.paragraphs[1]]), text[result.paragraphs[1]].split(separator: " ").count > firstWords.count {
            result.removed.append(.init(span: first, kind: "navigation", text: firstLine))
            result.paragraphs.removeFirst()
        }
        guard let candidate = result.paragraphs.first else { return }
        if headlineLike(text[candidate]) {
            result.headline = candidate
            result.paragraphs.removeFirst()
        }
    }
}
