/// Why a report could not be made from a workspace.
public struct ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "") }
}
