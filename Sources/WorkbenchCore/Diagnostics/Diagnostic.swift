public import WorkbenchProtocol

/// A position in a file, 1-based, columns counted in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem in a configuration file, rendered compiler-style with a hint on what to do.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad it is: errors stop a run, warnings and notes do not.
    public enum Severity: String, Hashable, Sendable { case error, warning, note }

    public var severity: Severity
    public var location: SourceLocation?
    public var field: JSONPath?
    public var message: String
    /// What to do about it; omitted rather than restating the message.
    public var hint: String?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil, field: JSONPath? = nil,
        hint: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.field = field
        self.message = message
        self.hint = hint
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, field: JSONPath? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, field: field, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, field: JSONPath? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, field: field, hint: hint)
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): "
        if let field, !field.components.isEmpty { text += "\(field): " }
        text += message
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Thrown when configuration files have errors; carries every problem found, not just the first.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while checking a file, so one pass reports everything.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public mutating func add(contentsOf others: [Diagnostic]) { diagnostics.append(contentsOf: others) }

    /// Throws the collected diagnostics, sorted by position, when any of them is an error.
    public func throwIfErrors() throws(ConfigurationError) {
        if hasErrors { throw ConfigurationError(diagnostics.sortedByLocation()) }
    }
}

extension [Diagnostic] {
    /// By file position (line, then column); diagnostics without one keep their order, last.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (let la?, let lb?) where (la.line, la.column) != (lb.line, lb.column): (la.line, la.column) < (lb.line, lb.column)
            case (.some, nil): true
            case (nil, .some): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }
}
