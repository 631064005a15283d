/// A token: a word, a number, a punctuation mark or a quotation mark, with its scalar span.
public struct Token: Hashable, Sendable {
    /// What kind of token it is.
    public enum Kind: UInt8, Hashable, Sendable {
        case word, number, punctuation, quote, symbol
    }

    public var span: TextSpan
    public var text: String
    public var kind: Kind
    /// The lowercased text (words), for lexicon lookups.
    public var lower: String
    /// What is known of the text, worked out once (one byte: a token is copied often, and each stored property is
    /// one more value for a copy to move).
    private var flags: Flags
    /// `WordMap` hashes of `lower` and `base`, computed once.
    public private(set) var lowerHash: Int
    public private(set) var baseHash: Int

    private struct Flags: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let capitalized = Flags(rawValue: 1)
        static let allCaps = Flags(rawValue: 2)
        static let possessive = Flags(rawValue: 4)
        static let ascii = Flags(rawValue: 8)
        static let hyphen = Flags(rawValue: 16)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(capitalized: Bool, allCaps: Bool, possessive: Bool, ascii: Bool, hyphen: Bool) {
            var flags: Flags = []
            if capitalized { flags.insert(.capitalized) }
            if allCaps { flags.insert(.allCaps) }
            if possessive { flags.insert(.possessive) }
            if ascii { flags.insert(.ascii) }
            if hyphen { flags.insert(.hyphen) }
            self = flags
        }
    }

    /// Starts with an uppercase letter.
    public var isCapitalized: Bool { flags.contains(.capitalized) }
    /// Every letter is uppercase (`NATO`, `EU`), with at least two letters.
    public var isAllCaps: Bool { flags.contains(.allCaps) }
    /// Ends in a possessive `’s` or `s’`.
    public var isPossessive: Bool { flags.contains(.possessive) }
    /// Its text is ASCII: its scalars are its bytes (`text.utf8.count` counts them).
    public var isASCII: Bool { flags.contains(.ascii) }
    /// Its text contains an ASCII hyphen-minus (`Moscow-based`, `al-Assad`), known without a scan.
    public var hasHyphen: Bool { flags.contains(.hyphen) }

    /// The lowercased text without a possessive `’s` (`armenia` for `Armenia’s`). Cut from `lower` when asked rather
    /// than stored: possessives are rare, and a third string made every copy of a token dearer.
    @inline(__always)
    public var base: String { isPossessive ? Self.strippingPossessive(lower) : lower }

    /// `lower` without its possessive ending (out of line: the rare case).
    @inline(never)
    private static func strippingPossessive(_ lower: String) -> String {
        guard let length = possessiveLength(lower) else { return lower }
        var lower = lower
        return lower.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<length]), as: UTF8.self) }
    }

    public init(span: TextSpan, text: String, kind: Kind) {
        self.span = span
        self.text = text
        self.kind = kind
        let lower = kind == .word ? Self.lowercased(text) : text
        self.lower = lower
        var baseHash: Int?
        if kind == .word, let stripped = Self.possessiveLength(lower) {
            baseHash = WordMap<Bool>.hash(String(decoding: lower.utf8.prefix(stripped), as: UTF8.self))
        }
        let possessive = baseHash != nil
        lowerHash = WordMap<Bool>.hash(lower)
        self.baseHash = baseHash ?? lowerHash
        let (capitalized, allCaps) = Self.capitals(text)
        flags = Flags(capitalized: capitalized, allCaps: allCaps, possessive: possessive, ascii: text.utf8.allSatisfy { $0 < 128 },
                      hyphen: text.utf8.contains(45))
    }

    /// The token of `utf8` (its text's bytes), what `init(span:text:kind:)` gives: an ASCII token's lowercase
    /// form (words only), possessive, capitals and hashes are worked out from the bytes in one pass.
    static func make(span: TextSpan, utf8: UnsafeBufferPointer<UInt8>, kind: Kind) -> Token {
        let text = String(decoding: utf8, as: UTF8.self)
        guard let first = utf8.first else { return Token(span: span, text: text, kind: kind) }
        // Only words are lowercased and lose a possessive.
        let word = kind == .word
        // One pass over the bytes: letters and capitals, a hyphen, and FNV-1a as `WordMap.hash` over the lowercase
        // bytes, of the base (possessive stripped) and on to the whole.
        let stripped = word ? possessiveLength(bytes: utf8) : nil
        let baseLength = stripped ?? utf8.count
        var letters = 0, upper = 0
        var hyphen = false
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var baseH = h
        for i in 0..<utf8.count {
            let byte = utf8[i]
            if byte >= 128 { return Token(span: span, text: text, kind: kind) }
            if i == baseLength { baseH = h }
            if byte &- 65 < 26 {
                upper += 1
                letters += 1
                h = (h ^ UInt64(word ? byte + 32 : byte)) &* 0x0000_0100_0000_01b3
                continue
            }
            if byte &- 97 < 26 { letters += 1 } else if byte == 45 { hyphen = true }
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let lower = upper == 0 || !word ? text : lowercased(ascii: utf8)
        let lowerHash = Int(truncatingIfNeeded: h ^ (h >> 29))
        return Token(span: span, text: text, kind: kind, lower: lower,
                     isCapitalized: first &- 65 < 26, isAllCaps: letters >= 2 && upper == letters, isPossessive: stripped != nil,
                     hasHyphen: hyphen, lowerHash: lowerHash,
                     baseHash: stripped == nil ? lowerHash : Int(truncatingIfNeeded: baseH ^ (baseH >> 29)))
    }

    /// ASCII bytes lowercased, as a string.
    private static func lowercased(ascii utf8: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: utf8.count) { buffer in
            for i in 0..<utf8.count { buffer[i] = utf8[i] &- 65 < 26 ? utf8[i] + 32 : utf8[i] }
            return utf8.count
        }
    }

    /// An ASCII token, its facts worked out by `make`.
    private init(span: TextSpan, text: String, kind: Kind, lower: String, isCapitalized: Bool, isAllCaps: Bool,
                 isPossessive: Bool, hasHyphen: Bool, lowerHash: Int, baseHash: Int) {
        self.span = span
        self.text = text
        self.kind = kind
        self.lower = lower
        flags = Flags(capitalized: isCapitalized, allCaps: isAllCaps, possessive: isPossessive, ascii: true, hyphen: hasHyphen)
        self.lowerHash = lowerHash
        self.baseHash = baseHash
    }

    /// Whether `text` starts with an uppercase letter, and whether all its letters (two or more) are uppercase.
    static func capitals(_ text: String) -> (capitalized: Bool, allCaps: Bool) {
        // ASCII byte by byte; other text scalar by scalar.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> (Bool, Bool)? in
            var letters = 0, upper = 0
            for byte in bytes {
                if byte >= 128 { return nil }
                if byte >= 65 && byte <= 90 {
                    letters += 1
                    upper += 1
                } else if byte >= 97 && byte <= 122 {
                    letters += 1
                }
            }
            let first = bytes.first ?? 0
            return (first >= 65 && first <= 90, letters >= 2 && upper == letters)
        }
        if let ascii = ascii ?? nil { return ascii }
        var letters = 0, upper = 0
        var first: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if first == nil { first = scalar }
            if scalar.isLetter {
                letters += 1
                if scalar.isUppercaseLetter { upper += 1 }
            }
        }
        return (first?.isUppercaseLetter == true, letters >= 2 && upper == letters)
    }

    /// ASCII words lowercase byte by byte; others through the standard library.
    static func lowercased(_ text: String) -> String {
        var ascii = true
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 128 { ascii = false; break }
            if byte >= 65 && byte <= 90 { hasUpper = true }
        }
        guard ascii else { return text.lowercased() }
        guard hasUpper else { return text }
        let utf8 = text.utf8
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            for (i, byte) in utf8.enumerated() { buffer[i] = byte >= 65 && byte <= 90 ? byte + 32 : byte }
            return utf8.count
        }
    }

    /// The UTF-8 length of `word` without its possessive ending, if it has one (`’s`, `'s`, trailing `’`).
    static func possessiveLength(_ word: String) -> Int? {
        if let length = word.utf8.withContiguousStorageIfAvailable({ possessiveLength(bytes: $0) }) { return length }
        return Array(word.utf8).withUnsafeBufferPointer { possessiveLength(bytes: $0) }
    }

    static func possessiveLength(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        // Apostrophes: ' (27), ’ (E2 80 99), ʼ (CA BC).
        func apostropheLength(endingAt end: Int) -> Int? {
            if end >= 1 && bytes[end - 1] == 0x27 { return 1 }
            if end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x99 { return 3 }
            if end >= 2 && bytes[end - 2] == 0xCA && bytes[end - 1] == 0xBC { return 2 }
            return nil
        }
        if n > 2, bytes[n - 1] == UInt8(ascii: "s") || bytes[n - 1] == UInt8(ascii: "S"), let a = apostropheLength(endingAt: n - 1), n - 1 - a > 0 {
            return n - 1 - a
        }
        if n > 1, let a = apostropheLength(endingAt: n), n - a > 0 { return n - a }
        return nil
    }

    static func stripPossessive(_ word: String) -> String {
        guard let length = possessiveLength(word) else { return word }
        return String(decoding: word.utf8.prefix(length), as: UTF8.self)
    }

    public var start: Int { span.start }
    public var end: Int { span.end }
    public var isWord: Bool { kind == .word }
}
