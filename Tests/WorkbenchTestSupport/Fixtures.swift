import Foundation

/// Files under `Tests/Fixtures`, found from this source file's location.
public enum Fixtures {
    /// `Tests/Fixtures`.
    public static var directory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }

    /// The repository root (where Package.swift is).
    public static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    public static func path(_ relative: String) -> String { (directory as NSString).appendingPathComponent(relative) }

    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// File names (without extension) of the `.json` files in a fixture folder, sorted.
    public static func names(in folder: String, extension ext: String = "json") -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return files.filter { $0.hasSuffix(".\(ext)") }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }

    /// `Tests/Fixtures/stages`: the misbehaving (and a few well-behaved) fixture stages.
    public static var stagesDirectory: String { path("stages") }
}

/// Where SwiftPM put the built executables (beside the test bundle).
public enum BuiltProducts {
    public static var directory: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // `swift test` runs `<products>/<package>PackageTests.xctest`; the executables are beside it.
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.path
    }

    public static func executable(named name: String) -> String { (directory as NSString).appendingPathComponent(name) }
}
