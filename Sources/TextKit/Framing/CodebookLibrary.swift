import Foundation
public import WorkbenchProtocol

/// The codebooks that ship in `Resources/frames/`, and how a stage config names one: a built-in name
/// (`"semetko-valkenburg"`) or an inline codebook object (what `{"$file": "my-codebook.json"}` becomes).
public enum CodebookLibrary {
    /// Names of the built-in codebooks (the `.json` files of `Resources/frames/`), sorted.
    public static var names: [String] {
        let folder = TextKitData.url("frames").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A built-in codebook by name.
    /// - Throws: `CodebookError` (unknown name, or a malformed file).
    public static func load(named name: String) throws(CodebookError) -> Codebook {
        let valid =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "_" }
        guard valid, names.contains(name) else {
            throw CodebookError(
                "",
                "no built-in codebook \"\(name)\" (built in: \(names.joined(separator: ", "))); "
                    + "give an inline codebook or {\"$file\": \"my-codebook.json\"} for your own")
        }
        let json: JSONValue
        do { json = try TextKitData.json("frames/\(name).json") } catch { throw CodebookError("", error.description) }
        do { return try Codebook(json: json) } catch { throw CodebookError("", "built-in codebook \(name): \(error)") }
    }

    /// A codebook as a config gives it: a built-in name or an inline object.
    public static func load(_ value: JSONValue) throws(CodebookError) -> Codebook {
        switch value {
        case .string(let name): return try load(named: name)
        case .object: return try Codebook(json: value)
        default:
            throw CodebookError("", "expected a built-in codebook name or a codebook object, found \(value.typeName)")
        }
    }
}
