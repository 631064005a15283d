public import WorkbenchProtocol
public import Foundation

/// The data files that ship with the stages (`Sources/TextKit/Resources`): cue verbs, titles,
/// boilerplate patterns, number words, lexicons, codebooks. Each is documented in
/// `Resources/README.md`; credits for published lexicons are in `NOTICE`.
public enum TextKitData {
    /// Where the data files are: `$WORKBENCH_TEXTKIT_DATA` if set, else the bundle SwiftPM built.
    public static let directory: URL = {
        if let override = ProcessInfo.processInfo.environment["WORKBENCH_TEXTKIT_DATA"] {
            return URL(fileURLWithPath: override)
        }
        return Bundle.module.bundleURL.appendingPathComponent("Resources")
    }()

    /// The URL of a data file, e.g. `"english/cues.json"`.
    public static func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }

    /// A data file parsed as JSON.
    /// - Throws: `DataFileError` naming the file.
    public static func json(_ relativePath: String) throws(DataFileError) -> JSONValue {
        let url = url(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataFileError(file: relativePath, message: "missing (looked in \(url.path))")
        }
        do {
            return try JSONParser.parse(Array(data))
        } catch {
            throw DataFileError(file: relativePath, message: "not valid JSON: \(error)")
        }
    }

    /// A data file's lines, without comments (`#`) and blank lines.
    public static func lines(_ relativePath: String) throws(DataFileError) -> [String] {
        let url = url(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataFileError(file: relativePath, message: "missing (looked in \(url.path))")
        }
        // Split and trimmed on the bytes: the word lists run to hundreds of thousands of lines, and
        // `String.split` walks grapheme clusters.
        var lines: [String] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                var a = start, b = i
                while a < b && isSpace(bytes[a]) { a += 1 }
                while b > a && isSpace(bytes[b - 1]) { b -= 1 }
                if b > a && bytes[a] != UInt8(ascii: "#") {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
                }
                start = i + 1
            }
        }
        return lines
    }

    /// A list of strings under `key` of a JSON data file.
    public static func strings(_ value: JSONValue?, _ key: String) -> [String] {
        value?[key]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// A data file that is missing or malformed.
public struct DataFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public var description: String { "data file \(file): \(message)" }
}
