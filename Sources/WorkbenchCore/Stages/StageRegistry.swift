public import WorkbenchProtocol
import Foundation
import Synchronization

/// The stages on the search path, found without starting them; hellos are fetched on demand.
///
/// Search order: the workspace's `stages` folders, then `$WORKBENCH_STAGE_PATH`, then the folder of the
/// `workbench` executable (where `swift build` puts the built-in stages). The first stage of a name wins.
public final class StageRegistry: Sendable {
    public let searchPath: [String]
    public let stages: [String: StageDescriptor]
    /// Stages hidden by an earlier one of the same name.
    public let shadowed: [StageDescriptor]
    /// Manifests that could not be read, with why.
    public let problems: [String]
    private let hellos = Mutex<[String: Result<StageHello, StageStartError>]>([:])
    private let fingerprints = Mutex<[String: String]>([:])

    public var names: [String] { stages.keys.sorted() }

    /// The default search path for a workspace.
    public static func searchPath(for workspace: Workspace?) -> [String] {
        var path = workspace?.stagePaths ?? []
        if let env = ProcessInfo.processInfo.environment["WORKBENCH_STAGE_PATH"] {
            path += env.split(separator: ":").map { Paths.absolute(String($0)) }
        }
        path.append(Paths.executableDirectory)
        // One folder named twice (`.build/release` is a link to the folder the workbench binary is in)
        // is searched once, under the first name given.
        var seen = Set<String>()
        return path.filter { seen.insert(URL(fileURLWithPath: $0).resolvingSymlinksInPath().path).inserted }
    }

    public init(searchPath: [String]) {
        self.searchPath = searchPath
        var found: [String: StageDescriptor] = [:]
        var shadowed: [StageDescriptor] = []
        var problems: [String] = []
        func add(_ descriptor: StageDescriptor) {
            if found[descriptor.name] == nil { found[descriptor.name] = descriptor } else { shadowed.append(descriptor) }
        }
        let fm = FileManager.default
        for directory in searchPath where Paths.isDirectory(directory) {
            let entries = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            if fm.fileExists(atPath: Paths.join(directory, "stage.json")) {
                switch Self.readManifest(folder: directory) {
                case .success(let d): add(d)
                case .failure(let problem): problems.append(problem.message)
                }
            }
            for entry in entries {
                let path = Paths.join(directory, entry)
                if entry.hasPrefix("wb-"), !entry.contains("."), fm.isExecutableFile(atPath: path), !Paths.isDirectory(path) {
                    // SwiftPM puts resource bundles beside the executable — its own, and those of the libraries it
                    // links (`workbench_TextKit.resources`): the ones it names are part of the stage too.
                    var descriptor = StageDescriptor(name: String(entry.dropFirst(3)), kind: .executable, command: [path],
                                                     directory: directory, files: [path])
                    descriptor.resourceBundles = entries.filter { $0.hasSuffix(".resources") }.map { Paths.join(directory, $0) }
                    add(descriptor)
                } else if Paths.isDirectory(path), fm.fileExists(atPath: Paths.join(path, "stage.json")) {
                    switch Self.readManifest(folder: path) {
                    case .success(let d): add(d)
                    case .failure(let problem): problems.append(problem.message)
                    }
                }
            }
        }
        self.stages = found
        self.shadowed = shadowed
        self.problems = problems
    }

    /// A registry over given descriptors (tests).
    public init(descriptors: [StageDescriptor]) {
        self.searchPath = []
        self.stages = Dictionary(descriptors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.shadowed = []
        self.problems = []
    }

    public subscript(name: String) -> StageDescriptor? { stages[name] }

    /// Reads `folder/stage.json`: `{"name", "command": [...], "files": [...]}`.
    struct ManifestProblem: Error { var message: String }

    static func readManifest(folder: String) -> Result<StageDescriptor, ManifestProblem> {
        let path = Paths.join(folder, "stage.json")
        let display = Paths.display(path)
        guard let bytes = FileReading.readAll(path), let value = try? JSONParser.parse(bytes), case .object(let o) = value else {
            return .failure(ManifestProblem(message: "\(display): not a JSON object; a stage manifest looks like {\"name\": \"x\", \"command\": [\"python3\", \"x.py\"]}"))
        }
        guard let name = o["name"]?.stringValue, !name.isEmpty else { return .failure(ManifestProblem(message: "\(display): needs a \"name\" string")) }
        let command: [String]
        switch o["command"] {
        case .string(let s)?: command = [s]
        case .array(let items)? where !items.isEmpty && items.allSatisfy({ $0.stringValue != nil }): command = items.compactMap(\.stringValue)
        default: return .failure(ManifestProblem(message: "\(display): needs a \"command\": an array such as [\"python3\", \"stage.py\"]"))
        }
        let fm = FileManager.default
        let resolved = command.enumerated().map { index, part -> String in
            let local = Paths.join(folder, part)
            if part.contains("/") || fm.fileExists(atPath: local) && (index > 0 || fm.isExecutableFile(atPath: local)) {
                return Paths.resolve(part, against: folder)
            }
            return part
        }
        var files = [path]
        for item in o["files"]?.arrayValue ?? [] {
            if let relative = item.stringValue { files.append(Paths.resolve(relative, against: folder)) }
        }
        for part in resolved.dropFirst() where part.hasPrefix("/") && fm.fileExists(atPath: part) && !files.contains(part) {
            files.append(part)
        }
        if resolved[0].hasPrefix("/"), !files.contains(resolved[0]) { files.append(resolved[0]) }
        return .success(StageDescriptor(name: name, kind: .manifest, command: resolved, directory: folder, files: files, manifestPath: path))
    }

    // MARK: - Hello and fingerprint

    /// The stage's hello, from `COMMAND --describe` (started once per registry).
    /// - Throws: `StageStartError` when the stage is unknown or does not describe itself.
    public func hello(of name: String) async throws(StageStartError) -> StageHello {
        if let known = hellos.withLock({ $0[name] }) { return try known.get() }
        guard let descriptor = stages[name] else {
            throw StageStartError(stage: name, message: "no stage named \"\(name)\" on the search path", kind: .unknownStage)
        }
        let result: Result<StageHello, StageStartError>
        do { result = .success(try await StageDescribe.describe(descriptor)) } catch { result = .failure(error) }
        hellos.withLock { $0[name] = result }
        return try result.get()
    }

    /// The hello if it was already fetched.
    public func cachedHello(of name: String) -> StageHello? { try? hellos.withLock { $0[name] }?.get() }

    /// SHA-256 over the stage's files (paths relative to its folder, then contents), 32 hex digits.
    public func fingerprint(of name: String) -> String {
        if let known = fingerprints.withLock({ $0[name] }) { return known }
        guard let descriptor = stages[name] else { return "unknown" }
        let value = StageFingerprint.compute(descriptor)
        fingerprints.withLock { $0[name] = value }
        return value
    }
}
