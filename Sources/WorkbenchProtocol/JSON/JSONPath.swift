/// A path to a value inside a JSON document, such as `steps[2].inputs[0]`.
public struct JSONPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// One step of a path: an object member or an array element.
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = JSONPath()

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }
    public static func + (lhs: JSONPath, rhs: JSONPath) -> JSONPath { JSONPath(lhs.components + rhs.components) }

    public var parent: JSONPath? { components.isEmpty ? nil : JSONPath(Array(components.dropLast())) }
    public var last: Component? { components.last }

    /// Rendered as `steps[2].config.threshold`; keys that are not identifiers are quoted: `meta["a b"]`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let i): text += "[\(i)]"
            case .key(let k):
                if Self.isIdentifier(k) {
                    text += text.isEmpty ? k : ".\(k)"
                } else {
                    text += "[\"\(k)\"]"
                }
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    /// Parses the notation `description` produces (`a.b[2].c`, `a["x y"]`); nil when malformed.
    public init?(parsing text: String) {
        var components: [Component] = []
        var scalars = Array(text.unicodeScalars)[...]
        var expectKey = true
        while let first = scalars.first {
            if first == "." {
                scalars.removeFirst()
                expectKey = true
                continue
            }
            if first == "[" {
                scalars.removeFirst()
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    guard let end = scalars.firstIndex(of: "\"") else { return nil }
                    components.append(.key(String(String.UnicodeScalarView(scalars[..<end]))))
                    scalars = scalars[(end + 1)...]
                } else {
                    guard let end = scalars.firstIndex(of: "]"),
                          let index = Int(String(String.UnicodeScalarView(scalars[..<end])))
                    else { return nil }
                    components.append(.index(index))
                    scalars = scalars[end...]
                }
                guard scalars.first == "]" else { return nil }
                scalars.removeFirst()
                expectKey = false
                continue
            }
            guard expectKey else { return nil }
            let end = scalars.firstIndex(where: { $0 == "." || $0 == "[" }) ?? scalars.endIndex
            components.append(.key(String(String.UnicodeScalarView(scalars[..<end]))))
            scalars = scalars[end...]
            expectKey = false
        }
        self.components = components
    }

    public static func < (lhs: JSONPath, rhs: JSONPath) -> Bool { lhs.description < rhs.description }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

extension JSONValue {
    /// The value at `path`, or nil when some component does not exist.
    public func value(at path: JSONPath) -> JSONValue? {
        var current: JSONValue = self
        for component in path.components {
            switch (component, current) {
            case (.key(let k), .object(let o)):
                guard let next = o[k] else { return nil }
                current = next
            case (.index(let i), .array(let a)):
                guard a.indices.contains(i) else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }
}
