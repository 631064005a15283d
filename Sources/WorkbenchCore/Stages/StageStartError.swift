/// Why a stage could not be started, described, or configured. Deterministic: retrying will not help.
import Foundation
public struct StageStartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable categories (also stored in the failure table).
    public enum Kind: String, Hashable, Sendable {
        case unknownStage = "unknown-stage"
        case launchFailed = "launch-failed"
        case exitedBeforeHello = "exited-before-hello"
        case notHello = "not-hello"
        case noCommonVersion = "no-common-version"
        case helloMismatch = "hello-mismatch"
        case configRejected = "config-rejected"
        case timeout = "timeout"
        case protocolViolation = "protocol-violation"
    }

    public var stage: String
    public var message: String
    public var kind: Kind
    /// For a refused config: the field the stage named.
    public var field: String?
    /// What the stage wrote to stderr, if anything.
    public var stderrTail: String?

    public init(stage: String, message: String, kind: Kind, field: String? = nil, stderrTail: String? = nil) {
        self.stage = stage
        self.message = message
        self.kind = kind
        self.field = field
        self.stderrTail = stderrTail
    }

    public var description: String {
        var text = "stage \"\(stage)\": \(message)"
        if let tail = stderrTail?.trimmingCharacters(in: " \n"), !tail.isEmpty {
            text += "\n  stderr: " + tail.split(separator: "\n", omittingEmptySubsequences: false).suffix(8).joined(separator: "\n          ")
        }
        return text
    }
}

/// A readable rendering of a line a stage printed: escaped, cut to `limit` characters.
func quotedLine(_ bytes: some Collection<UInt8>, limit: Int = 160) -> String {
    let text = String(decoding: bytes.prefix(limit * 4), as: UTF8.self)
    var out = ""
    for scalar in text.unicodeScalars.prefix(limit) {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{FFFD}": out += "\\ufffd"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    let truncated = text.unicodeScalars.count > limit || bytes.count > limit * 4
    return "\"\(out)\"" + (truncated ? "… (\(bytes.count) bytes)" : "")
}
