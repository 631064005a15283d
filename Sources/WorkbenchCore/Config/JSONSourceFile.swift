public import WorkbenchProtocol
import Foundation

/// A JSON configuration file, parsed, with the position of every field so errors can point at it.
public struct JSONSourceFile: Sendable {
    /// How the file is named in messages (as the user gave it, or relative to the workspace).
    public let displayName: String
    public let value: JSONValue
    private let bytes: [UInt8]
    private let locations: JSONParser.Locations
    private let lineStarts: [Int]

    /// Parses `bytes`; a syntax error becomes a located diagnostic.
    /// - Throws: `ConfigurationError` with one diagnostic for the first syntax error.
    public init(bytes: [UInt8], displayName: String) throws(ConfigurationError) {
        self.displayName = displayName
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
        do {
            let parsed = try JSONParser.parseWithLocations(bytes)
            self.value = parsed.value
            self.locations = parsed.locations
        } catch {
            let location = Self.location(ofByte: error.offset, bytes: bytes, lineStarts: starts, file: displayName)
            var hint: String?
            if error.message.hasPrefix("trailing comma") { hint = "JSON allows no comma after the last item; remove it" }
            if error.message.contains("member name in double quotes") { hint = "JSON needs \"double quotes\" around names; comments are not allowed" }
            throw ConfigurationError([.error(error.message, at: location, hint: hint)])
        }
    }

    /// Reads and parses the file at `path`.
    /// - Throws: `ConfigurationError` when it cannot be read or parsed.
    public static func load(path: String, displayName: String? = nil) throws(ConfigurationError) -> JSONSourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigurationError([.error(exists ? "cannot read \(path)" : "no such file: \(path)")])
        }
        return try JSONSourceFile(bytes: Array(data), displayName: displayName ?? path)
    }

    /// Where the value at `path` starts; for a missing path, the nearest existing parent.
    /// With `key: true`, points at the member name instead of its value.
    public func location(of path: JSONPath, key: Bool = false) -> SourceLocation {
        var current: JSONPath? = path
        while let p = current {
            if key, let offset = locations.keyStart[p] { return location(ofByte: offset) }
            if let offset = locations.valueStart[p] { return location(ofByte: offset) }
            current = p.parent
        }
        return SourceLocation(file: displayName, line: 1, column: 1)
    }

    /// Keys repeated within one object (JSON keeps the last; we warn).
    public var duplicateKeys: [(path: JSONPath, location: SourceLocation)] {
        locations.duplicateKeys.map { ($0.path, location(ofByte: $0.offset)) }
    }

    public func location(ofByte offset: Int) -> SourceLocation {
        Self.location(ofByte: offset, bytes: bytes, lineStarts: lineStarts, file: displayName)
    }

    private static func location(ofByte offset: Int, bytes: [UInt8], lineStarts: [Int], file: String) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let prefix = bytes[lineStart..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: low + 1, column: column)
    }
}
