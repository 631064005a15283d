/// A range of Unicode scalars in a text, `end` exclusive — the unit of every offset in Workbench.
public struct TextSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }

    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
    public func union(_ other: TextSpan) -> TextSpan { TextSpan(min(start, other.start), max(end, other.end)) }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

    public var description: String { "\(start)..<\(end)" }
}
