import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestSupport

/// A stage's fingerprint covers its executable and the resource bundles it names — also a library's
/// (`workbench_TextKit.resources`), so editing a data file re-runs the stages that read it, and only those.
@Suite("Stage fingerprints")
struct StageFingerprintTests {
    @Test("Editing a bundle the executable names changes its fingerprint; another bundle does not")
    func bundles() throws {
        let dir = NSTemporaryDirectory() + "wb-fingerprint-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(dir)/pkg_Lexicon.resources", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: "\(dir)/pkg_Other.resources", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        // An "executable" whose bytes name one bundle, as a Swift binary embeds the bundles it loads.
        try "#!/bin/sh\n# loads pkg_Lexicon\nexit 0\n".write(toFile: "\(dir)/wb-fake", atomically: true, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(dir)/wb-fake")
        try "a".write(toFile: "\(dir)/pkg_Lexicon.resources/words.json", atomically: true, encoding: .utf8)
        try "x".write(toFile: "\(dir)/pkg_Other.resources/data.json", atomically: true, encoding: .utf8)

        func fingerprint() -> String { StageRegistry(searchPath: [dir]).fingerprint(of: "fake") }
        let first = fingerprint()
        try "y".write(toFile: "\(dir)/pkg_Other.resources/data.json", atomically: true, encoding: .utf8)
        #expect(fingerprint() == first, "a bundle the executable does not name is not part of it")
        try "b".write(toFile: "\(dir)/pkg_Lexicon.resources/words.json", atomically: true, encoding: .utf8)
        #expect(fingerprint() != first, "a bundle it names is")
    }
}

@Suite("Stage search path")
struct StageSearchPathTests {
    @Test("A folder named twice, once through a symbolic link, is searched once: no stage is reported as hiding itself")
    func symlinkedFolderOnce() throws {
        let fm = FileManager.default
        let root = NSTemporaryDirectory() + "wb-search-\(UUID().uuidString)"
        let real = root + "/x86_64/release", link = root + "/release"
        try fm.createDirectory(atPath: real, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: root) }
        try fm.createSymbolicLink(atPath: link, withDestinationPath: real)
        let stage = real + "/wb-fake"
        fm.createFile(atPath: stage, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])

        var workspace = try TestWorkspace().workspace()
        workspace.stagePaths = [link, real]
        let path = StageRegistry.searchPath(for: workspace)
        #expect(path.filter { $0 == link || $0 == real } == [link], "the first name given is kept")
        let registry = StageRegistry(searchPath: path)
        #expect(registry.shadowed.isEmpty)
        #expect(registry.stages["fake"] != nil)
    }
}
