extension StringProtocol {
    /// The string without leading and trailing characters that are in `characters`.
    public func trimming(_ characters: String) -> String {
        let set = Set(characters)
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
