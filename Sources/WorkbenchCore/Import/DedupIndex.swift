/// What an import remembers about each document in its output: the offset of the row holding each
/// normalized text, and a 64-bit fingerprint of each id. About 40 bytes per document in hash-table
/// storage; nothing else grows with the corpus.
struct DedupIndex {
    private var rows: [ContentDigest: UInt64] = [:]
    private var ids = Set<UInt64>()

    var count: Int { rows.count }

    /// The offset of the row whose text has `digest`, if any.
    func offset(of digest: ContentDigest) -> UInt64? { rows[digest] }

    /// Whether a document with this id is in the output (two ids sharing a fingerprint read as the
    /// same: odds near 3·10⁻⁸ at a million documents, as for `CorpusReader`'s duplicate check).
    func contains(id: String) -> Bool { ids.contains(CorpusReader.fingerprint(id)) }

    mutating func insert(_ digest: ContentDigest, id: String, offset: UInt64) {
        rows[digest] = offset
        ids.insert(CorpusReader.fingerprint(id))
    }
}
