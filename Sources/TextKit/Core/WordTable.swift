/// A hash table from words to values for the lexicon lookups the rules make at every token.
///
/// Swift's `Dictionary` seeds a SipHash per lookup, which made a fifth of the extract stage's time;
/// a word table hashes the UTF-8 bytes with FNV-1a and probes an open-addressed array. Read-only
/// after it is built.
public struct WordMap<Value: Sendable>: Sendable {
    private var keys: [String?]
    private var values: [Value?]
    /// Per slot, `tag(hash)` of its key (with `nonASCII` set for a key that is not ASCII), 0 when empty: a probe
    /// compares words only when they may be equal (most lookups are misses, and a string comparison is a call).
    private var tags: [UInt64]
    private var mask: Int
    public private(set) var count = 0

    public init() {
        keys = [nil, nil]
        values = [nil, nil]
        tags = [0, 0]
        mask = 1
    }

    /// A slot's tag: the hash with its low bit set, so never 0 (an empty slot), and its next bit clear.
    @inline(__always)
    private static func tag(_ hash: Int) -> UInt64 { UInt64(bitPattern: Int64(hash)) & ~nonASCII | 1 }

    /// Set in the tag of a key that is not ASCII.
    private static var nonASCII: UInt64 { 2 }

    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// FNV-1a over the word's UTF-8 bytes (read in place).
    @inline(__always)
    public static func hash(_ word: String) -> Int {
        if let h = word.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0) }) { return h }
        return hash(bytes: Array(word.utf8))
    }

    @inline(__always)
    static func hash<C: Collection<UInt8>>(bytes: C) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public subscript(word: String) -> Value? {
        get {
            let (hash, ascii) = Self.hashAndASCII(word)
            return self[word, hash: hash, ascii: ascii]
        }
        set { self[inserting: word] = newValue }
    }

    /// The lookup with the word's hash already known (tokens carry theirs).
    @inline(__always)
    public subscript(word: String, hash hash: Int) -> Value? { self[word, hash: hash, ascii: nil] }

    /// The lookup, told whether `word` is ASCII when that is known for free (a token knows; nil: not known).
    ///
    /// Words are compared as Swift compares strings, by canonical equivalence (the Kelvin sign `K` equals `K`), as the
    /// table always did. Two ASCII words are equal only when their bytes are: a probe past an ASCII key with another
    /// tag skips the comparison when the word is known to be ASCII too.
    @inline(__always)
    subscript(word: String, hash hash: Int, ascii ascii: Bool?) -> Value? {
        let tag = Self.tag(hash)
        let skipsOtherTags = ascii == true
        var i = hash & mask
        while true {
            let slot = tags[i]
            if slot == 0 { return nil }
            if slot == tag || !skipsOtherTags || slot & Self.nonASCII != 0 {
                if keys[i] == word { return values[i] }
            }
            i = (i + 1) & mask
        }
    }

    /// FNV-1a as `hash`, and whether the word is ASCII, in one pass.
    @inline(__always)
    static func hashAndASCII(_ word: String) -> (hash: Int, ascii: Bool) {
        let hashed = word.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Bool) in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var high: UInt8 = 0
            for byte in bytes {
                high |= byte
                h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return (Int(truncatingIfNeeded: h ^ (h >> 29)), high < 128)
        }
        return hashed ?? (hash(word), false)
    }

    subscript(inserting word: String) -> Value? {
        get { self[word] }
        set {
            guard let newValue else { return }  // entries are never removed
            if (count + 1) * 2 > keys.count { grow() }
            let (hash, ascii) = Self.hashAndASCII(word)
            var i = hash & mask
            while let key = keys[i] {
                if key == word {
                    values[i] = newValue
                    return
                }
                i = (i + 1) & mask
            }
            keys[i] = word
            values[i] = newValue
            tags[i] = Self.tag(hash) | (ascii ? 0 : Self.nonASCII)
            count += 1
        }
    }

    public subscript(word: String, default value: @autoclosure () -> Value) -> Value {
        get { self[word] ?? value() }
        set { self[word] = newValue }
    }

    /// The words, in no particular order.
    public var allKeys: [String] { keys.compactMap { $0 } }

    /// The values, in no particular order.
    public var allValues: [Value] { values.compactMap { $0 } }

    public var isEmpty: Bool { count == 0 }

    private mutating func grow() {
        let old = zip(keys, values).compactMap { key, value in key.map { ($0, value!) } }
        let capacity = keys.count * 2
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        tags = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        count = 0
        for (key, value) in old { self[key] = value }
    }
}

/// A set of words with the lookup of `WordMap`.
public struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private var map = WordMap<Bool>()

    public init() {}
    public init<S: Sequence>(_ words: S) where S.Element == String { for word in words { map[word] = true } }
    public init(arrayLiteral words: String...) { self.init(words) }

    @inline(__always)
    public func contains(_ word: String) -> Bool { map[word] != nil }

    /// Whether the token's lowercase text is in the set (its hash computed once, when it was made).
    @inline(__always)
    public func contains(_ token: Token) -> Bool { map[token.lower, hash: token.lowerHash, ascii: token.isASCII] != nil }

    public func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String {
        var result = self
        for word in other { result.map[word] = true }
        return result
    }

    @discardableResult
    public mutating func insert(_ word: String) -> (inserted: Bool, memberAfterInsert: String) {
        let inserted = map[word] == nil
        map[word] = true
        return (inserted, word)
    }

    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == String { for word in other { map[word] = true } }

    public var count: Int { map.count }
    public var isEmpty: Bool { map.isEmpty }
    public func makeIterator() -> IndexingIterator<[String]> { map.allKeys.makeIterator() }
}
