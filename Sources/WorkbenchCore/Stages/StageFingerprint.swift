import Foundation
import Crypto

/// The fingerprint of a stage's code: a hash over its files, so rebuilding a stage invalidates its results.
enum StageFingerprint {
    static func compute(_ descriptor: StageDescriptor) -> String {
        var hasher = KeyHasher(domain: "workbench-stage-files/1")
        for file in expand(descriptor.files + usedBundles(descriptor)).sorted() {
            hasher.add(file.hasPrefix(descriptor.directory + "/") ? String(file.dropFirst(descriptor.directory.count + 1)) : (file as NSString).lastPathComponent)
            var sha = SHA256()
            _ = try? FileReading.forEachChunk(file, size: 1 << 20) { chunk in
                sha.update(bufferPointer: UnsafeRawBufferPointer(chunk))
                return true
            }
            hasher.add(Array(sha.finalize()))
        }
        return hasher.finalizeHex()
    }

    /// The resource bundles the stage's executable refers to by name (a Swift executable embeds the names of
    /// the bundles its modules load: `workbench_TextKit.resources`).
    static func usedBundles(_ descriptor: StageDescriptor) -> [String] {
        guard !descriptor.resourceBundles.isEmpty, let executable = descriptor.command.first,
              let data = FileManager.default.contents(atPath: executable) else { return [] }
        return descriptor.resourceBundles.filter { bundle in
            let name = (bundle as NSString).lastPathComponent
            let stem = String(name.dropLast(".resources".count))
            return data.range(of: Data(stem.utf8)) != nil
        }
    }

    /// Files, with folders replaced by the regular files inside them.
    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            if Paths.isDirectory(path) {
                let walker = FileManager.default.enumerator(atPath: path)
                while let relative = walker?.nextObject() as? String {
                    let full = Paths.join(path, relative)
                    if !Paths.isDirectory(full) { files.append(full) }
                }
            } else if FileManager.default.fileExists(atPath: path) {
                files.append(path)
            }
        }
        return files
    }
}
