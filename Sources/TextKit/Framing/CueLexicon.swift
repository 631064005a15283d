/// The words of a compiled codebook: every distinct cue element (`word`, `prefix*`, `*suffix`), negator and
/// exception, with a scalar trie so one walk over a token finds every element it matches.
///
/// Matching is case-insensitive, treats `’` as `'`, and lets `God’s`/`parents’` also match `god`/`parents`
/// (a possessive ending is ignored for whole-word elements). No strings are built per token.
struct CueLexicon: Sendable {
    enum Kind: UInt8, Sendable { case exact, prefix, suffix }

    struct Element: Sendable, Hashable {
        var kind: Kind
        var text: [Unicode.Scalar]
    }

    private(set) var elements: [Element] = []
    private var ids: [Element: Int32] = [:]
    /// Trie over element texts (exact and prefix); node 0 is the root.
    private var forward = Trie()
    /// Trie over reversed suffix texts.
    private var backward = Trie()

    /// The id of an element written as in a codebook (`cost*`, `*-year-old`, `war`), adding it if new.
    mutating func intern(_ written: String) -> Int32 {
        var scalars = written.unicodeScalars.map(CueLexicon.normalize)
        var kind = Kind.exact
        if scalars.count > 1, scalars.last == "*" {
            kind = .prefix
            scalars.removeLast()
        } else if scalars.count > 1, scalars.first == "*" {
            kind = .suffix
            scalars.removeFirst()
        }
        let element = Element(kind: kind, text: scalars)
        if let id = ids[element] { return id }
        let id = Int32(elements.count)
        elements.append(element)
        ids[element] = id
        switch kind {
        case .exact: forward.insert(scalars, id: id, asPrefix: false)
        case .prefix: forward.insert(scalars, id: id, asPrefix: true)
        case .suffix: backward.insert(scalars.reversed(), id: id, asPrefix: true)
        }
        return id
    }

    /// Makes the elements interned so far matchable; call after the last `intern`.
    mutating func freeze() {
        forward.freeze()
        backward.freeze()
    }

    func isWildcard(_ id: Int32) -> Bool { elements[Int(id)].kind != .exact }

    /// Appends the ids of every element the token `scalars[range]` matches.
    func match(_ scalars: [Unicode.Scalar], _ range: Range<Int>, into out: inout [Int32]) {
        let n = range.count
        guard n > 0 else { return }
        var node: Int32 = 0
        var alive = true
        for k in 0..<n {
            let c = CueLexicon.normalize(scalars[range.lowerBound + k])
            // A possessive ending ('s or a final ') after at least one scalar: the base is a whole word too.
            if c == "'" && k > 0
                && (k == n - 1 || (k == n - 2 && CueLexicon.normalize(scalars[range.lowerBound + k + 1]) == "s"))
            {
                forward.appendExact(node, to: &out)
            }
            guard let child = forward.child(node, c) else {
                alive = false
                break
            }
            node = child
            forward.appendPrefix(node, to: &out)
        }
        if alive { forward.appendExact(node, to: &out) }
        guard backward.count > 1 else { return }
        node = 0
        for k in stride(from: n - 1, through: 0, by: -1) {
            guard let child = backward.child(node, CueLexicon.normalize(scalars[range.lowerBound + k])) else { break }
            node = child
            backward.appendPrefix(node, to: &out)
        }
    }

    /// Lowercase (ASCII fast path), typographic apostrophes to `'`, Unicode hyphens to `-`.
    @inline(__always)
    static func normalize(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 65...90: return Unicode.Scalar(s.value + 32)!
        case 0..<128: return s
        case 0x2019, 0x02BC, 0x2018: return "'"
        case 0x2010, 0x2011: return "-"
        default: return Character.lowercasedScalar(s)
        }
    }
}

/// A scalar trie: element ids per node in flat arrays, edges in one open-addressing hash table
/// (node, scalar) → child, so a walk allocates nothing and retains nothing.
private struct Trie: Sendable {
    private var exactIds: [[Int32]] = [[]]
    private var prefixIds: [[Int32]] = [[]]
    private var edgeMap: [UInt64: Int32] = [:]
    // The frozen form used by lookups.
    private var exactStart: [Int32] = [0, 0]
    private var exactFlat: [Int32] = []
    private var prefixStart: [Int32] = [0, 0]
    private var prefixFlat: [Int32] = []
    private var keys: [UInt64] = [UInt64.max]
    private var values: [Int32] = [0]
    private var mask = 0

    var count: Int { exactIds.count }

    @inline(__always)
    private static func key(_ node: Int32, _ c: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(c) }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always)
    func child(_ node: Int32, _ c: Unicode.Scalar) -> Int32? {
        let k = Trie.key(node, c.value)
        var i = Trie.slot(k, mask)
        while true {
            let stored = keys[i]
            if stored == k { return values[i] }
            if stored == UInt64.max { return nil }
            i = (i + 1) & mask
        }
    }

    /// Appends the exact-match ids of `node`.
    @inline(__always)
    func appendExact(_ node: Int32, to out: inout [Int32]) {
        let a = Int(exactStart[Int(node)])
        let b = Int(exactStart[Int(node) + 1])
        if a < b { out.append(contentsOf: exactFlat[a..<b]) }
    }

    /// Appends the prefix-match ids of `node`.
    @inline(__always)
    func appendPrefix(_ node: Int32, to out: inout [Int32]) {
        let a = Int(prefixStart[Int(node)])
        let b = Int(prefixStart[Int(node) + 1])
        if a < b { out.append(contentsOf: prefixFlat[a..<b]) }
    }

    mutating func insert(_ scalars: some Sequence<Unicode.Scalar>, id: Int32, asPrefix: Bool) {
        var node: Int32 = 0
        for c in scalars {
            let key = Trie.key(node, c.value)
            if let next = edgeMap[key] {
                node = next
            } else {
                let next = Int32(exactIds.count)
                exactIds.append([])
                prefixIds.append([])
                edgeMap[key] = next
                node = next
            }
        }
        if asPrefix { prefixIds[Int(node)].append(id) } else { exactIds[Int(node)].append(id) }
    }

    /// Builds the lookup form from what was inserted.
    mutating func freeze() {
        exactStart = [0]
        exactFlat = []
        for ids in exactIds {
            exactFlat += ids
            exactStart.append(Int32(exactFlat.count))
        }
        prefixStart = [0]
        prefixFlat = []
        for ids in prefixIds {
            prefixFlat += ids
            prefixStart.append(Int32(prefixFlat.count))
        }
        var capacity = 16
        while capacity < edgeMap.count * 2 { capacity *= 2 }
        mask = capacity - 1
        keys = Array(repeating: UInt64.max, count: capacity)
        values = Array(repeating: 0, count: capacity)
        for (key, value) in edgeMap {
            var i = Trie.slot(key, mask)
            while keys[i] != UInt64.max { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }
}
