/// A streaming RFC 4180 CSV parser that knows the line each record starts on.
///
/// Quoted fields may hold commas, doubled quotes and newlines. Records come out one at a time,
/// so a corpus of any size is read in constant memory.
public struct CSVParser {
    /// One record and the 1-based line where it starts.
    public struct Record: Sendable {
        public var fields: [String]
        public var line: Int
    }

    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private let separator: UInt8

    public init(separator: UInt8 = UInt8(ascii: ",")) { self.separator = separator }

    /// Adds bytes read from the file.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if position > 0 && position > buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete record, or nil when more bytes are needed (or, with `atEnd`, none remain).
    public mutating func next(atEnd: Bool = false) -> Record? {
        guard position < buffer.count else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        var i = position
        var linesInRecord = 0
        let startLine = line
        var inQuotes = false
        var fieldWasQuoted = false
        while i < buffer.count {
            let c = buffer[i]
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < buffer.count {
                        if buffer[i + 1] == UInt8(ascii: "\"") {
                            field.append(c)
                            i += 2
                            continue
                        }
                        inQuotes = false
                        i += 1
                        continue
                    }
                    if !atEnd { return nil }
                    inQuotes = false
                    i += 1
                    continue
                }
                if c == 0x0A { linesInRecord += 1 }
                field.append(c)
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\"") where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                i += 1
            case separator:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
                i += 1
            case 0x0D where i + 1 < buffer.count && buffer[i + 1] == 0x0A:
                i += 1
            case 0x0A:
                fields.append(String(decoding: field, as: UTF8.self))
                position = i + 1
                line = startLine + linesInRecord + 1
                return Record(fields: fields, line: startLine)
            default:
                field.append(c)
                i += 1
            }
        }
        guard atEnd else { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        position = buffer.count
        line = startLine + linesInRecord
        if fields == [""] { return nil }
        return Record(fields: fields, line: startLine)
    }
}
