import WorkbenchProtocol

/// One article: headline, outlet and date, the text in paragraphs with attributed statements tinted by
/// the speaker's side, casualty claims, contested terms and own-voice editorializing marked, the
/// anchors evidence links land on, and a margin summing up frames, first voice, claims and tone.
/// Shown (as a drawer) when it or one of its anchors is the URL's target.
struct ArticleView {
    let planned: ReportPlan.Article
    let palette: SidePalette

    private var facts: ArticleFacts { planned.facts }
    private var document: Document { planned.article.document }
    private var text: ScalarText { planned.text }

    func write(into w: HTMLWriter) {
        w.raw("<article class=\"article-view\" id=\"\(planned.elementId)\" data-doc=\"")
        w.attribute(document.id)
        w.raw("\"><header class=\"av-head\"><a class=\"close\" href=\"#articles\" data-close aria-label=\"Close\" title=\"Close (Esc)\">×</a><p class=\"av-meta\">")
        var meta: [String] = []
        if let outlet = document.meta.outlet ?? facts.outlet { meta.append(outlet) }
        if let date = document.meta.date { meta.append(String(date.prefix(10))) }
        if let language = facts.language ?? document.meta.language { meta.append("language \(language)") }
        meta.append(document.id)
        w.text(meta.joined(separator: " · "))
        w.raw("</p>")

        let blocks = self.blocks()
        let marks = self.marks()
        let evidence = planned.anchors.map { text.clamped($0.start, $0.end) }
        let placed = placeAnchors(blocks: blocks.map(\.range))
        func writeBlock(_ b: Int, tag: String, className: String?) {
            w.raw(className.map { "<\(tag) class=\"\($0)\">" } ?? "<\(tag)>")
            let pieces = TextSegmenter.pieces(block: blocks[b].range, marks: marks, anchors: placed[b] ?? [], evidence: evidence)
            writePieces(pieces, marks: marks)
            w.raw("</\(tag)>")
        }
        func writePieces(_ pieces: [TextPiece], marks: [TextMark]) {
            for piece in pieces {
                switch piece {
                case .anchor(let i):
                    let anchor = planned.anchors[i]
                    w.raw("<span class=\"anchor\" id=\"\(anchor.id)\" data-s=\"\(anchor.start)\" data-e=\"\(anchor.end)\"></span>")
                case .run(let start, let end, let covering, let inEvidence):
                    let open = runAttributes(covering, marks: marks, start: start, end: end, inEvidence: inEvidence)
                    if let open { w.raw("<span\(open)>") }
                    w.text(text[start..<end])
                    if open != nil { w.raw("</span>") }
                }
            }
        }

        if let first = blocks.first, first.isHeadline {
            writeBlock(0, tag: "h2", className: "av-title")
        } else {
            w.raw("<h2 class=\"av-title\">")
            w.text(document.meta.title ?? document.id)
            w.raw("</h2>")
        }
        if let note = planned.article.note { w.element("p", note, class: "av-note") }
        for (step, reason) in facts.skipped.prefix(1) { w.element("p", "Passed over by \(step): \(reason).", class: "av-note") }
        w.raw("</header><div class=\"av-body\"><div class=\"av-text\"\(facts.language.map { " lang=\"\($0)\"" } ?? "")>")
        for b in blocks.indices where !blocks[b].isHeadline { writeBlock(b, tag: "p", className: nil) }
        if blocks.isEmpty {
            // No text to hold them: anchors still exist so links resolve.
            for anchor in planned.anchors { w.raw("<span class=\"anchor\" id=\"\(anchor.id)\" data-s=\"\(anchor.start)\" data-e=\"\(anchor.end)\"></span>") }
            w.element("p", "(no text)", class: "av-note")
        }
        w.raw("</div>")
        ArticleSummary(facts: facts, palette: palette).write(into: w)
        w.raw("</div></article>")
    }

    // MARK: - Blocks and marks

    private struct Block {
        var range: Range<Int>
        var isHeadline: Bool
    }

    /// The headline and paragraphs from extract, else the text split at blank lines.
    private func blocks() -> [Block] {
        var blocks: [Block] = []
        if let headline = facts.headline.map({ text.clamped($0.lowerBound, $0.upperBound) }), !headline.isEmpty {
            blocks.append(Block(range: headline, isHeadline: true))
        }
        if facts.hasExtract && !facts.paragraphs.isEmpty {
            var last = blocks.first?.range.upperBound ?? 0
            for paragraph in facts.paragraphs.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                let range = text.clamped(max(paragraph.lowerBound, last), paragraph.upperBound)
                guard !range.isEmpty else { continue }
                blocks.append(Block(range: range, isHeadline: false))
                last = range.upperBound
            }
            return blocks
        }
        return blocks + text.paragraphs(from: blocks.first?.range.upperBound ?? 0).map { Block(range: $0, isHeadline: false) }
    }

    /// Anchors by block: inside the block holding their start, else at the start of the next block
    /// (boilerplate between paragraphs), else at the end of the last.
    private func placeAnchors(blocks: [Range<Int>]) -> [Int: [(index: Int, position: Int)]] {
        guard !blocks.isEmpty else { return [:] }
        var placed: [Int: [(index: Int, position: Int)]] = [:]
        for (i, anchor) in planned.anchors.enumerated() {
            let start = text.clamped(anchor.start, anchor.start).lowerBound
            if let b = blocks.firstIndex(where: { $0.contains(start) }) {
                placed[b, default: []].append((i, start))
            } else if let b = blocks.indices.filter({ blocks[$0].lowerBound > start }).min(by: { blocks[$0].lowerBound < blocks[$1].lowerBound }) {
                placed[b, default: []].append((i, blocks[b].lowerBound))
            } else {
                let b = blocks.indices.max { blocks[$0].upperBound < blocks[$1].upperBound }!
                placed[b, default: []].append((i, blocks[b].upperBound))
            }
        }
        return placed
    }

    private func marks() -> [TextMark] {
        var marks: [TextMark] = []
        for s in facts.statements {
            let side = palette.entry(s.side)
            var title = "\(s.speaker) (\(side?.label ?? s.side))"
            let details = [s.kind, s.cue.map { "“\($0)”" }, s.stance.flatMap { $0 == "neutral" ? nil : $0 }].compactMap { $0 }
            if !details.isEmpty { title += " — " + details.joined(separator: ", ") }
            marks.append(TextMark(start: s.span.lowerBound, end: s.span.upperBound, kind: .statement, side: side?.index, title: title))
            if let speaker = s.speakerSpan {
                marks.append(TextMark(start: speaker.lowerBound, end: speaker.upperBound, kind: .speaker, side: side?.index,
                                      title: "Speaker: \(s.speaker) (\(side?.label ?? s.side))"))
            }
        }
        for claim in facts.casualties {
            let title = "Casualty claim: " + ArticleSummary.describe(claim, palette: palette)
            for span in claim.evidence { marks.append(TextMark(start: span.lowerBound, end: span.upperBound, kind: .casualty, title: title)) }
        }
        for term in facts.terms {
            marks.append(TextMark(start: term.span.lowerBound, end: term.span.upperBound, kind: .term,
                                  title: "Contested term: \(term.term)" + (term.group.map { " (\($0))" } ?? "")))
        }
        for editorial in facts.editorials {
            marks.append(TextMark(start: editorial.span.lowerBound, end: editorial.span.upperBound, kind: .editorial,
                                  title: "Own voice" + (editorial.markers.isEmpty ? "" : ": " + editorial.markers.joined(separator: ", "))))
        }
        return marks
    }

    /// ` class="…" title="…" data-o data-e` for a run, or nil for plain text.
    private func runAttributes(_ covering: [Int], marks: [TextMark], start: Int, end: Int, inEvidence: Bool) -> String? {
        guard !covering.isEmpty || inEvidence else { return nil }
        var classes: [String] = []
        var titles: [String] = []
        // The innermost statement decides the tint.
        let statement = covering.filter { marks[$0].kind == .statement }.min { marks[$0].end - marks[$0].start < marks[$1].end - marks[$1].start }
        var side = statement.flatMap { marks[$0].side }
        for i in covering {
            let mark = marks[i]
            if !classes.contains(mark.kind.rawValue) { classes.append(mark.kind.rawValue) }
            if side == nil, mark.kind == .speaker { side = mark.side }
            if !titles.contains(mark.title) { titles.append(mark.title) }
        }
        if let side { classes.append("s\(side)") }
        var out = ""
        if !classes.isEmpty { out += " class=\"\(classes.joined(separator: " "))\"" }
        if !titles.isEmpty { out += " title=\"\(HTMLEscaping.attribute(titles.joined(separator: "\n")))\"" }
        if inEvidence { out += " data-o=\"\(start)\" data-e=\"\(end)\"" }
        return out
    }
}

extension ScalarText {
    /// Ranges of text separated by blank lines, from `offset`, trimmed of surrounding whitespace.
    func paragraphs(from offset: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = min(max(offset, 0), count)
        while i < count {
            while i < count && scalars[i].properties.isWhitespace { i += 1 }
            guard i < count else { break }
            let start = i
            var end = i
            while i < count {
                if scalars[i] == "\n" {
                    var j = i + 1
                    while j < count && scalars[j] != "\n" && scalars[j].properties.isWhitespace { j += 1 }
                    if j < count && scalars[j] == "\n" { break }
                }
                if !scalars[i].properties.isWhitespace { end = i + 1 }
                i += 1
            }
            ranges.append(start..<end)
        }
        return ranges
    }
}
