import WorkbenchProtocol

/// A document's text as an array of Unicode scalars, so spans (which count scalars, see PROTOCOL.md §3)
/// index it directly. Every accessor clamps out-of-range offsets instead of trapping.
struct ScalarText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var count: Int { scalars.count }

    /// `start..<end` clamped to the text (empty when inverted).
    func clamped(_ start: Int, _ end: Int) -> Range<Int> {
        let lower = min(max(start, 0), count)
        let upper = min(max(end, lower), count)
        return lower..<upper
    }

    subscript(range: Range<Int>) -> ArraySlice<Unicode.Scalar> { scalars[clamped(range.lowerBound, range.upperBound)] }

    /// The text of `start..<end` (clamped).
    func string(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[clamped(start, end)])
        return String(view)
    }

    /// Up to `length` scalars before `offset`, starting at a word boundary when the cut falls inside a word,
    /// and whether the text was cut.
    func context(before offset: Int, length: Int) -> (text: String, cut: Bool) {
        let end = min(max(offset, 0), count)
        var start = max(0, end - length)
        let cut = start > 0
        if cut {
            // Move forward to just after the next whitespace, so no partial word shows.
            var i = start
            while i < end && !scalars[i].properties.isWhitespace { i += 1 }
            if i < end { start = i + 1 }
        }
        // Do not reach back over a paragraph break.
        if let breakIndex = scalars[start..<end].lastIndex(where: { $0 == "\n" }) { return (string(breakIndex + 1, end), false) }
        return (string(start, end), cut)
    }

    /// Up to `length` scalars after `offset`, ending at a word boundary, and whether the text was cut.
    func context(after offset: Int, length: Int) -> (text: String, cut: Bool) {
        let start = min(max(offset, 0), count)
        var end = min(count, start + length)
        let cut = end < count
        if cut {
            var i = end
            while i > start && !scalars[i - 1].properties.isWhitespace { i -= 1 }
            if i > start { end = i - 1 }
        }
        if let breakIndex = scalars[start..<end].firstIndex(where: { $0 == "\n" }) { return (string(start, breakIndex), false) }
        return (string(start, end), cut)
    }
}
