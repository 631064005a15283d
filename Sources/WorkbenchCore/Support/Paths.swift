import Foundation

/// Path helpers: resolving against a folder, making paths absolute, shortening them for messages.
public enum Paths {
    public static func join(_ base: String, _ component: String) -> String {
        component.hasPrefix("/") ? component : (base as NSString).appendingPathComponent(component)
    }

    /// `path` made absolute against `directory` and standardized (`a/../b` → `b`).
    public static func resolve(_ path: String, against directory: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return (join(directory, expanded) as NSString).standardizingPath
    }

    /// `path` made absolute against the current directory.
    public static func absolute(_ path: String) -> String {
        resolve(path, against: FileManager.default.currentDirectoryPath)
    }

    /// `path` relative to the current directory when it lies inside it; otherwise unchanged.
    public static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The folder holding the running executable (where SwiftPM puts the stages built beside it).
    public static var executableDirectory: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (absolute(exe) as NSString).deletingLastPathComponent
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
