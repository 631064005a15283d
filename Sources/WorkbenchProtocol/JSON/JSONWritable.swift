/// A type that writes itself as JSON, fast and deterministically (sorted keys), without Codable's
/// reflection. StageKit uses it for a stage's output when the output type conforms.
public protocol JSONWritable {
    func writeJSON(into writer: inout JSONWriter)
}

extension JSONWriter {
    /// Writes `{"a":…,"b":…}` from members given in key order (the caller sorts them).
    @inlinable public mutating func writeObject(_ body: (inout ObjectWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        var object = ObjectWriter(writer: JSONWriter(sortedKeys: sortedKeys, reservingCapacity: 0))
        swap(&object.writer.bytes, &bytes)
        body(&object)
        swap(&object.writer.bytes, &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    @inlinable public mutating func writeArray<T>(_ items: [T], _ body: (inout JSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for i in items.indices {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            body(&self, items[i])
        }
        bytes.append(UInt8(ascii: "]"))
    }

    @inlinable public mutating func writeArray(_ items: [some JSONWritable]) { writeArray(items) { w, item in item.writeJSON(into: &w) } }

    @inlinable public mutating func writeOptionalString(_ s: String?) { if let s { writeString(s) } else { writeRaw("null") } }
    @inlinable public mutating func writeOptionalNumber(_ n: Int?) { if let n { writeNumber(n) } else { writeRaw("null") } }
}

/// Writes the members of one object; keys must be given in sorted order for canonical output.
public struct ObjectWriter {
    public var writer: JSONWriter
    @usableFromInline var count = 0

    @usableFromInline init(writer: JSONWriter) { self.writer = writer }

    @inlinable
    mutating func key(_ name: String) {
        writer.writeKey(name, first: count == 0)
        count += 1
    }

    @inlinable public mutating func string(_ name: String, _ value: String) { key(name); writer.writeString(value) }
    @inlinable public mutating func string(_ name: String, _ value: String?) { key(name); writer.writeOptionalString(value) }
    @inlinable public mutating func number(_ name: String, _ value: Int) { key(name); writer.writeNumber(value) }
    @inlinable public mutating func number(_ name: String, _ value: Int?) { key(name); writer.writeOptionalNumber(value) }
    @inlinable public mutating func number(_ name: String, _ value: Double) { key(name); writer.writeNumber(value) }
    @inlinable public mutating func bool(_ name: String, _ value: Bool) { key(name); writer.writeRaw(value ? "true" : "false") }
    @inlinable public mutating func null(_ name: String) { key(name); writer.writeRaw("null") }
    @inlinable public mutating func value(_ name: String, _ value: JSONValue) { key(name); writer.writeValue(value) }
    @inlinable public mutating func object(_ name: String, _ value: some JSONWritable) { key(name); value.writeJSON(into: &writer) }
    /// Written only when present (as Codable's synthesized encoding does).
    @inlinable public mutating func optionalObject(_ name: String, _ value: (some JSONWritable)?) {
        if let value { key(name); value.writeJSON(into: &writer) }
    }
    @inlinable public mutating func optionalString(_ name: String, _ value: String?) { if let value { string(name, value) } }
    @inlinable public mutating func optionalNumber(_ name: String, _ value: Int?) { if let value { number(name, value) } }
    @inlinable public mutating func array(_ name: String, _ items: [some JSONWritable]) { key(name); writer.writeArray(items) }
    @inlinable public mutating func strings(_ name: String, _ items: [String]) { key(name); writer.writeArray(items) { w, s in w.writeString(s) } }
    @inlinable public mutating func numbers(_ name: String, _ items: [Int]) { key(name); writer.writeNumbers(items) }
    @inlinable public mutating func custom(_ name: String, _ body: (inout JSONWriter) -> Void) { key(name); body(&writer) }
}
