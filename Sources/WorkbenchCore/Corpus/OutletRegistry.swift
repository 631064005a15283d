import WorkbenchProtocol
import Foundation

/// A news outlet the workspace knows, and the rules that recognise its documents.
public struct Outlet: Hashable, Sendable {
    public var name: String
    public var country: String?
    public var ownership: String?
    public var language: String?
    public var aliases: [String] = []
    /// Glob patterns on the file name (`002_*.txt`).
    public var files: [String] = []
    /// Domains; a URL on the domain or a subdomain matches (`presstv.ir`).
    public var urls: [String] = []
    /// Text that, found in the document (a footer, a domain), identifies the outlet.
    public var signatures: [String] = []

    public init(name: String, country: String? = nil, ownership: String? = nil) {
        self.name = name
        self.country = country
        self.ownership = ownership
    }
}

/// The outlets of a workspace, with lookup by name or alias and rule matching.
public struct OutletRegistry: Hashable, Sendable {
    public var outlets: [Outlet]

    public init(_ outlets: [Outlet] = []) { self.outlets = outlets }

    /// The outlet called `name` or having it as an alias (case-insensitive).
    public func outlet(named name: String) -> Outlet? {
        let key = name.lowercased()
        return outlets.first { $0.name.lowercased() == key || $0.aliases.contains { $0.lowercased() == key } }
    }

    /// The first outlet whose rules match, and which rule did: file name, then URL, then text signature.
    public func match(fileName: String?, url: String?, text: String?) -> (outlet: Outlet, rule: String)? {
        if let fileName {
            for outlet in outlets where outlet.files.contains(where: { Glob.matches($0, fileName) }) {
                return (outlet, "file-rule")
            }
        }
        if let url, let host = URLComponents(string: url)?.host?.lowercased() {
            for outlet in outlets where outlet.urls.contains(where: {
                let domain = $0.lowercased()
                return host == domain || host.hasSuffix("." + domain)
            }) {
                return (outlet, "url-rule")
            }
        }
        if let text {
            for outlet in outlets where outlet.signatures.contains(where: { text.localizedCaseInsensitiveContains($0) }) {
                return (outlet, "signature")
            }
        }
        return nil
    }

    static let outletKeys = ["name", "country", "ownership", "language", "aliases", "match"]
    static let matchKeys = ["files", "urls", "signatures"]

    static func read(_ value: JSONValue, at path: JSONPath, reader: inout ConfigReader) -> OutletRegistry {
        guard case .array(let items) = value else {
            reader.expect("an array of outlets", at: path, found: value)
            return OutletRegistry()
        }
        var registry = OutletRegistry()
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(i)
            guard let object = reader.object(item, at: itemPath) else { continue }
            reader.rejectUnknownKeys(object, at: itemPath, allowed: outletKeys, what: "an outlet")
            guard let name = reader.string(object, "name", at: itemPath, required: true) else { continue }
            if let first = seen[name.lowercased()] {
                reader.error("outlet \"\(name)\" is listed twice (first at outlets[\(first)])", at: itemPath.appending("name"))
            }
            seen[name.lowercased()] = i
            var outlet = Outlet(name: name, country: reader.string(object, "country", at: itemPath),
                                ownership: reader.string(object, "ownership", at: itemPath))
            outlet.language = reader.string(object, "language", at: itemPath)
            outlet.aliases = reader.strings(object, "aliases", at: itemPath) ?? []
            if let match = reader.object(object["match"], at: itemPath.appending("match")) {
                let matchPath = itemPath.appending("match")
                reader.rejectUnknownKeys(match, at: matchPath, allowed: matchKeys, what: "an outlet's match rules")
                outlet.files = reader.strings(match, "files", at: matchPath, acceptSingle: true) ?? []
                outlet.urls = reader.strings(match, "urls", at: matchPath, acceptSingle: true) ?? []
                outlet.signatures = reader.strings(match, "signatures", at: matchPath, acceptSingle: true) ?? []
            }
            registry.outlets.append(outlet)
        }
        return registry
    }
}

/// Shell-style glob matching (`*`, `?`, `[...]`) through the C library.
public enum Glob {
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}
