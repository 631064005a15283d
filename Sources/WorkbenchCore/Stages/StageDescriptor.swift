/// A stage found on the search path: how to start it and which files make up its code.
public struct StageDescriptor: Hashable, Sendable {
    /// How the stage was found.
    public enum Kind: String, Hashable, Sendable {
        /// An executable named `wb-<name>` (a built Swift stage, or any program).
        case executable
        /// A folder with `stage.json` naming a command.
        case manifest
    }

    public var name: String
    public var kind: Kind
    /// argv: an absolute executable path (or a bare program name looked up on PATH) and its arguments.
    public var command: [String]
    /// The folder the stage runs in (its own folder).
    public var directory: String
    /// Files whose bytes form the stage's fingerprint (changing any invalidates its cached results).
    public var files: [String]
    /// Resource bundles beside an executable stage; those whose name the executable contains join its fingerprint.
    public var resourceBundles: [String] = []
    /// `stage.json`, for manifest stages.
    public var manifestPath: String?

    public init(name: String, kind: Kind, command: [String], directory: String, files: [String], manifestPath: String? = nil) {
        self.name = name
        self.kind = kind
        self.command = command
        self.directory = directory
        self.files = files
        self.manifestPath = manifestPath
    }

    /// Where the stage lives, for messages.
    public var location: String { Paths.display(manifestPath ?? command.first ?? directory) }
}
