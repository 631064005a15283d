/// A hash table from words to values for the lexicon lookups the rules make at every token.
///
/// Swift's `Dictionary` seeds a SipHash per lookup, which made a fifth of the extract stage's time;
/// a word table hashes the UTF-8 bytes with FNV-1a and probes an open-addressed array. Read-only
/// after it is built.
public struct WordMap<Value: Sendable>: Sendable {
    private var keys: [String?]
    private var values: [Value?]
    private var mask: Int
    public private(set) var count = 0

    public init() {
        keys = [nil, nil]
        values = [nil, nil]
        mask = 1
    }

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
        get { self[word, hash: Self.hash(word)] }
        set { self[inserting: word] = newValue }
    }

    /// The lookup with the word's hash already known (tokens carry theirs).
    @inline(__always)
    public subscript(word: String, hash hash: Int) -> Value? {
        var i = hash & mask
        while let key = keys[i] {
            if key == word { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    subscript(inserting word: String) -> Value? {
        get {
            var i = Self.hash(word) & mask
            while let key = keys[i] {
                if key == word { return values[i] }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { return }  // entries are never removed
            if (count + 1) * 2 > keys.count { grow() }
            var i = Self.hash(word) & mask
            while let key = keys[i] {
                if key == word {
                    values[i] = newValue
                    return
                }
                i = (i + 1) & mask
            }
            keys[i] = word
            values[i] = newValue
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
    public func contains(_ token: Token) -> Bool { map[token.lower, hash: token.lowerHash] != nil }

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
