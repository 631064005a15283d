/// A text indexed by Unicode scalar, the unit every offset in the protocol counts.
///
/// Swift's `String.Index` is not an integer, and UTF-16 offsets disagree with Python's; scalar offsets
/// agree across Swift, Python (`str` indices) and most tools.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) { self.scalars = Array(text.unicodeScalars) }

    public var count: Int { scalars.count }

    /// The text between two scalar offsets.
    public subscript(range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return String(s)
    }

    /// The scalar offset of a `String.Index` in `text`.
    public static func offset(of index: String.Index, in text: String) -> Int {
        text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
    }
}
