import Foundation

/// The margin of an article view: a key to the highlights (the sides speaking, with counts), the
/// frames present, the first voice, casualty claims, contested terms, own-voice sentences, tone and
/// the boilerplate removed — whatever the article's outputs have.
struct ArticleSummary {
    let facts: ArticleFacts
    let palette: SidePalette

    func write(into w: HTMLWriter) {
        w.raw("<aside class=\"av-side\">")
        writeKey(into: w)
        if !facts.frames.isEmpty {
            section("Frames present", into: w) {
                let present = facts.frames.filter(\.present).sorted { ($0.share ?? 0) > ($1.share ?? 0) }
                if present.isEmpty {
                    w.element("p", "none of the \(facts.frames.count) frames", class: "muted")
                    return
                }
                w.raw("<ul class=\"frames\">")
                for frame in present {
                    let share = frame.share.map { max(0, min(1, $0)) }
                    w.raw("<li\(frame.id == facts.dominantFrame ? " class=\"dominant\" title=\"dominant frame\"" : "")>")
                    if let share { w.raw("<span class=\"bar\" style=\"width:\(Int((share * 100).rounded()))%\"></span>") }
                    w.raw("<span class=\"label\">")
                    w.text(frame.label)
                    w.raw("</span>")
                    if let share { w.element("span", ChartSupport.format(share, percent: true), class: "n") }
                    w.raw("</li>")
                }
                w.raw("</ul>")
            }
        }
        if let voice = facts.firstVoice {
            section("First voice", into: w) {
                w.raw("<p>")
                writeChip(voice, into: w)
                w.text(palette.label(voice))
                w.raw("</p>")
            }
        }
        if !facts.casualties.isEmpty {
            section("Casualty claims", into: w) {
                w.raw("<ul class=\"claims\">")
                for claim in facts.casualties { w.element("li", Self.describe(claim, palette: palette)) }
                w.raw("</ul>")
            }
        }
        if !facts.terms.isEmpty {
            section("Contested terms", into: w) {
                var counts: [(String, Int)] = []
                for term in facts.terms {
                    if let i = counts.firstIndex(where: { $0.0 == term.term }) { counts[i].1 += 1 } else { counts.append((term.term, 1)) }
                }
                w.element("p", counts.map { $0.1 > 1 ? "\($0.0) ×\($0.1)" : $0.0 }.joined(separator: ", "))
            }
        }
        if !facts.editorials.isEmpty {
            section("Own voice", into: w) {
                var markers: [String] = []
                for marker in facts.editorials.flatMap(\.markers) where !markers.contains(marker) { markers.append(marker) }
                let count = facts.editorials.count
                w.element("p", "\(count) sentence\(count == 1 ? "" : "s") with a marker of position" + (markers.isEmpty ? "" : ": " + markers.joined(separator: ", ")))
            }
        }
        if facts.documentTone != nil || !facts.sideTones.isEmpty {
            section("Tone", into: w) {
                if let tone = facts.documentTone { w.element("p", "Article: " + Self.describe(tone)) }
                if !facts.sideTones.isEmpty {
                    w.raw("<ul class=\"tones\">")
                    for item in facts.sideTones {
                        w.raw("<li>")
                        writeChip(item.side, into: w)
                        w.text("toward \(palette.label(item.side)): \(Self.describe(item.tone))" + (item.mentions.map { ", \($0) mention\($0 == 1 ? "" : "s")" } ?? ""))
                        w.raw("</li>")
                    }
                    w.raw("</ul>")
                }
            }
        }
        if !facts.portrayals.isEmpty {
            section("Who acts on whom", into: w) {
                w.raw("<ul class=\"portrayals\">")
                for p in facts.portrayals.prefix(6) {
                    let patient = p.patientSide.map { " → \(palette.label($0))" } ?? ""
                    w.element("li", "\(palette.label(p.agentSide)) \(p.verb)\(patient)" + (p.voice.map { $0 == "outlet" ? " (own voice)" : "" } ?? ""))
                }
                if facts.portrayals.count > 6 { w.element("li", "… \(facts.portrayals.count - 6) more", class: "muted") }
                w.raw("</ul>")
            }
        }
        if !facts.removed.isEmpty {
            section("Boilerplate removed", into: w) {
                var kinds: [String] = []
                for kind in facts.removed.map(\.kind) where !kinds.contains(kind) { kinds.append(kind) }
                w.element("p", "\(facts.removed.count) span\(facts.removed.count == 1 ? "" : "s"): \(kinds.joined(separator: ", "))", class: "muted")
            }
        }
        w.raw("</aside>")
    }

    private func section(_ title: String, into w: HTMLWriter, _ body: () -> Void) {
        w.raw("<section><h4>")
        w.text(title)
        w.raw("</h4>")
        body()
        w.raw("</section>")
    }

    private func writeChip(_ side: String, into w: HTMLWriter) {
        if let entry = palette.entry(side) {
            w.raw("<span class=\"chip s\(entry.index)\" aria-hidden=\"true\"></span>")
        }
    }

    /// The key: sides that speak (with counts), then one sample of each kind of mark.
    private func writeKey(into w: HTMLWriter) {
        var counts: [(side: String, count: Int)] = []
        for statement in facts.statements {
            if let i = counts.firstIndex(where: { $0.side == statement.side }) { counts[i].count += 1 } else { counts.append((statement.side, 1)) }
        }
        section("Key", into: w) {
            w.raw("<ul class=\"key\">")
            for item in counts.sorted(by: { ($0.count, $1.side) > ($1.count, $0.side) }) {
                w.raw("<li>")
                writeChip(item.side, into: w)
                w.text("\(palette.label(item.side)) — \(item.count) statement\(item.count == 1 ? "" : "s")")
                w.raw("</li>")
            }
            if counts.isEmpty && facts.hasExtract { w.element("li", "no attributed statements", class: "muted") }
            if let side = counts.first.flatMap({ palette.entry($0.side) }) {
                w.raw("<li><span class=\"st s\(side.index)\">statement</span> attributed speech, tinted by the speaker's side; <span class=\"sp s\(side.index)\">speaker</span></li>")
            }
            if !facts.casualties.isEmpty { w.raw("<li><span class=\"ca\">casualty claim</span></li>") }
            if !facts.terms.isEmpty { w.raw("<li><span class=\"tm\">contested term</span></li>") }
            if !facts.editorials.isEmpty { w.raw("<li><span class=\"ed\">own voice</span> editorializing</li>") }
            w.raw("<li><span class=\"hl-sample\">evidence</span> the span a link points to</li>")
            w.raw("</ul>")
        }
    }

    static func describe(_ claim: ArticleFacts.Casualty, palette: SidePalette) -> String {
        var figures: [String] = []
        if let killed = claim.killed { figures.append("\(killed) killed") }
        if let wounded = claim.wounded { figures.append("\(wounded) wounded") }
        var text = (claim.side.map { palette.label($0) + ": " } ?? "") + (figures.isEmpty ? "casualties" : figures.joined(separator: ", "))
        if let day = claim.day { text += " on \(day)" }
        if let claimant = claim.claimant { text += claimant == "outlet" ? ", in the outlet's own voice" : ", per \(claimant)" }
        if claim.inHeadline { text += " (headline)" }
        return text
    }

    static func describe(_ tone: ArticleFacts.Tone) -> String {
        let label = tone.label ?? "score"
        guard let score = tone.score else { return label }
        return "\(label) (\(String(format: "%+.2f", score)))"
    }
}
