import Foundation

/// POSIX shell quoting for command lines run by a remote shell (ssh) or shown to people.
public enum ShellQuoting {
    /// `word` in single quotes, each `'` written as `'\''`: the shell reads it back byte for byte.
    public static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `word` as is when no shell would change it, else quoted.
    public static func quoteIfNeeded(_ word: String) -> String {
        guard !word.isEmpty, word.unicodeScalars.allSatisfy({ safe.contains($0) }) else { return quote(word) }
        return word
    }

    /// A command line: each word quoted if needed, joined by spaces.
    public static func commandLine(_ words: [String]) -> String { words.map(quoteIfNeeded).joined(separator: " ") }

    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-".unicodeScalars)
}
