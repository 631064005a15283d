extension Dictionary {
    /// Mutates the value for `key` in place, inserting `defaultValue()` first if there is none.
    ///
    /// Taking a value out (`var t = d[k, default: …]`) and storing it back copies the dictionaries and
    /// arrays inside it on the first mutation, once per document; a table's tallies are updated for
    /// every document of the corpus, so that copy was a good part of the comparison's time.
    mutating func update(_ key: Key, default defaultValue: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        body(&self[key, default: defaultValue()])
    }
}
