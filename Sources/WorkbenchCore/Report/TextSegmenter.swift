import WorkbenchProtocol

/// A span of an article to style: an attributed statement, a speaker, a casualty claim, a contested
/// term, an editorializing sentence. Offsets are Unicode scalars of the document text.
struct TextMark: Sendable {
    /// What the mark shows. Each kind styles one visual channel, so overlapping marks stay readable.
    enum Kind: String, Sendable {
        /// An attributed statement: a background tint of the speaker's side.
        case statement = "st"
        /// Where the speaker is named: bold, underlined in the side's colour.
        case speaker = "sp"
        /// The words of a casualty claim: dark red, bold.
        case casualty = "ca"
        /// A contested term: a wavy underline.
        case term = "tm"
        /// A sentence in the outlet's own voice with a marker of position: italic, dotted underline.
        case editorial = "ed"
    }

    var start: Int
    var end: Int
    var kind: Kind
    /// Index of the side (its CSS class `s<index>`) for statements and speakers.
    var side: Int?
    /// Tooltip text.
    var title: String
}

/// A place in an article that evidence links point to: an empty element with an id at `start`;
/// the script highlights `start..<end` when the link is followed.
struct TextAnchor: Sendable {
    var id: String
    var start: Int
    var end: Int
}

/// One piece of a rendered block: an anchor, or a run of text with the same marks over all of it.
enum TextPiece: Equatable {
    case anchor(Int)
    /// `marks` index the marks given; `inEvidence` when some anchor's span covers the run.
    case run(start: Int, end: Int, marks: [Int], inEvidence: Bool)
}

/// Cuts a block of text (a paragraph, the headline) at every mark and anchor boundary, so each run
/// carries a flat set of marks: overlapping and nested spans never nest elements, and the markup
/// cannot break whatever the spans are.
enum TextSegmenter {
    /// The pieces of `block`. `anchors` are (anchor index, position inside the block) pairs; `evidence`
    /// are the anchors' spans (their boundaries cut runs too, so a highlight covers whole runs).
    static func pieces(block: Range<Int>, marks: [TextMark], anchors: [(index: Int, position: Int)],
                       evidence: [Range<Int>]) -> [TextPiece] {
        guard !block.isEmpty || !anchors.isEmpty else { return [] }
        var cuts: Set<Int> = [block.lowerBound, block.upperBound]
        var relevant: [Int] = []
        for (i, mark) in marks.enumerated() where mark.start < mark.end && mark.start < block.upperBound && mark.end > block.lowerBound {
            relevant.append(i)
            cuts.insert(max(mark.start, block.lowerBound))
            cuts.insert(min(mark.end, block.upperBound))
        }
        let spans = evidence.filter { $0.lowerBound <= block.upperBound && $0.upperBound >= block.lowerBound }
        for span in spans {
            cuts.insert(min(max(span.lowerBound, block.lowerBound), block.upperBound))
            cuts.insert(min(max(span.upperBound, block.lowerBound), block.upperBound))
        }
        for anchor in anchors { cuts.insert(min(max(anchor.position, block.lowerBound), block.upperBound)) }
        let positions = cuts.sorted()
        let anchorsAt = Dictionary(grouping: anchors, by: { min(max($0.position, block.lowerBound), block.upperBound) })
        var pieces: [TextPiece] = []
        for (n, position) in positions.enumerated() {
            for anchor in anchorsAt[position] ?? [] { pieces.append(.anchor(anchor.index)) }
            guard n + 1 < positions.count else { break }
            let next = positions[n + 1]
            let covering = relevant.filter { marks[$0].start <= position && marks[$0].end >= next }
            let inEvidence = spans.contains { $0.lowerBound <= position && $0.upperBound >= next }
            pieces.append(.run(start: position, end: next, marks: covering, inEvidence: inEvidence))
        }
        return pieces
    }
}
