extension StringProtocol {
    /// The string without leading and trailing characters that are in `characters`.
    public func trimming(_ characters: String) -> String {
        if let trimmed = trimmingASCII(characters) { return trimmed }
        let set = Set(characters)
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }

    /// `trimming` byte by byte, when that gives the same: `characters` are ASCII (no CR or LF, which pair into one
    /// character), and each byte trimmed or stopped at is a character of its own. Nil when it cannot tell (a
    /// non-ASCII scalar at an end, which may extend an ASCII mark or be equivalent to one). Callers trim every word
    /// of a paragraph: building a `Set<Character>` for each call cost more than the rest of their work.
    private func trimmingASCII(_ characters: String) -> String? {
        var marks: UInt128 = 0
        for byte in characters.utf8 {
            guard byte < 128, byte != 13, byte != 10 else { return nil }
            marks |= 1 << UInt128(byte)
        }
        let text = Substring(self)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        // Leading: a mark is a character of its own when an ASCII byte (or the end) follows it.
        while start < end {
            let byte = utf8[start]
            guard byte < 128 else { return nil }
            guard marks & (1 << UInt128(byte)) != 0 else { break }
            let next = utf8.index(after: start)
            if next < utf8.endIndex && utf8[next] >= 128 { return nil }
            start = next
        }
        // Trailing: an ASCII mark after an ASCII byte (or the start) is a character of its own.
        while start < end {
            let last = utf8.index(before: end)
            let byte = utf8[last]
            guard byte < 128 else { return nil }
            guard marks & (1 << UInt128(byte)) != 0 else { break }
            if last > start && utf8[utf8.index(before: last)] >= 128 { return nil }
            end = last
        }
        return String(text[start..<end])
    }
}
