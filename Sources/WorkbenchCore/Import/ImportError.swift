/// Why an import could not start or finish (rows it rejected are `ImportRejection`s, not errors).
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, which decides the exit status.
    public enum Kind: Hashable, Sendable {
        /// A source does not exist or cannot be read (exit 65).
        case unreadableSource
        /// A source's format cannot be told from its name (exit 64).
        case unknownFormat
        /// A CSV source lacks a column the command named or needs (exit 64).
        case missingColumn
        /// The output, the rejects file or workspace.json cannot be written (exit 74).
        case unwritable
        /// workspace.json cannot be read or is not valid JSON (exit 65).
        case badWorkspace
    }

    public var kind: Kind
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    public var description: String { "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "") }
}
