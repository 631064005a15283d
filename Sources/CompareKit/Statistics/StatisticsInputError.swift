/// Thrown when data handed to a statistic cannot be what it claims to be (a ragged table, a negative
/// count, a proportion above 1).
public struct StatisticsInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
