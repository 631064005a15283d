import Foundation
public import Testing

/// Compares `actual` with `Golden/<name>` next to the calling test file.
/// With `WORKBENCH_RECORD_GOLDEN=1` the file is rewritten and the test fails once, so a recording
/// never passes silently; review the diff like code.
public func expectMatchesGolden(_ actual: String, named name: String, filePath: String = #filePath,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["WORKBENCH_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded golden file \(name); run again without WORKBENCH_RECORD_GOLDEN", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no golden file \(file.path); record it with WORKBENCH_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}
