/// A streaming RFC 4180 CSV parser that knows the line each record starts on.
///
/// Quoted fields may hold separators, doubled quotes and newlines. Bytes are fed in chunks of any
/// size and each byte is scanned once: a record split across chunks is resumed, not re-read. Records
/// come out one at a time, and a record longer than `maximumRecordBytes` (a stray quote that never
/// closes, say) is dropped as it goes, so a corpus of any size is read in constant memory.
///
/// Blank lines are skipped. A lone quote starts a quoted field only at the start of a field; elsewhere
/// quotes are kept as text.
public struct CSVParser {
    /// One record and the 1-based line where it starts.
    public struct Record: Sendable {
        public var fields: [String]
        public var line: Int
        /// The index of the first field that was not valid UTF-8 (it was decoded with U+FFFD).
        public var invalidUTF8Field: Int?
        /// Why the record is incomplete, if it is.
        public var problem: Problem?

        public init(fields: [String], line: Int, invalidUTF8Field: Int? = nil, problem: Problem? = nil) {
            self.fields = fields
            self.line = line
            self.invalidUTF8Field = invalidUTF8Field
            self.problem = problem
        }
    }

    /// What can be wrong with a record beyond its field count.
    public enum Problem: Hashable, Sendable {
        /// Longer than the limit: its fields were dropped. `byteCount` is its length.
        case oversized(byteCount: Int)
        /// The input ended inside a quoted field; the fields hold everything up to the end.
        case unterminatedQuote
    }

    /// The default limit on one record: 64 MiB, as for a JSON line.
    public static let defaultMaximumRecordBytes = 64 << 20

    public let maximumRecordBytes: Int
    private let separator: UInt8

    /// Bytes not yet scanned start at `position`.
    private var buffer: [UInt8] = []
    private var position = 0
    /// The line of the next byte.
    private var line = 1

    // The record in progress.
    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var recordLine = 1
    private var recordBytes = 0
    private var invalidField: Int?

    private enum State {
        /// At the start of a field: a quote here opens a quoted field.
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: a second quote is a literal one, anything else closes the field.
        case quoteInQuoted
        /// A carriage return outside quotes: a line feed next ends the record, anything else keeps it as text.
        case carriageReturn
    }

    public init(separator: UInt8 = UInt8(ascii: ","), maximumRecordBytes: Int = CSVParser.defaultMaximumRecordBytes) {
        self.separator = separator
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// Adds bytes read from the file.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete record, or nil when more bytes are needed (or, with `atEnd`, none remain).
    public mutating func next(atEnd: Bool = false) -> Record? {
        if let record = scan() { return record }
        guard atEnd else { return nil }
        return finish()
    }

    private var isDiscarding: Bool { recordBytes > maximumRecordBytes }

    /// Scans on from `position`; returns at the end of a record, or nil when the buffer is used up.
    private mutating func scan() -> Record? {
        let quote = UInt8(ascii: "\"")
        let separator = self.separator
        let storage = buffer  // a second reference, so `self` can change while the bytes are borrowed
        return storage.withUnsafeBufferPointer { bytes -> Record? in
            var i = position
            defer { position = i }
            while i < bytes.count {
                let c = bytes[i]
                switch state {
                case .quoted:
                    // A run up to the next quote, counting the newlines in it.
                    let start = i
                    while i < bytes.count, bytes[i] != quote {
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                    take(bytes, start, i)
                    if i < bytes.count {
                        state = .quoteInQuoted
                        i += 1
                        recordBytes += 1
                    }
                case .quoteInQuoted:
                    if c == quote {
                        take(bytes, i, i + 1)
                        state = .quoted
                        i += 1
                    } else {
                        state = .unquoted
                    }
                case .carriageReturn:
                    if c == 0x0A {
                        i += 1
                        line += 1
                        recordBytes += 1
                        if let record = endRecord() { return record }
                        continue
                    }
                    if !isDiscarding { field.append(0x0D) }
                    state = .unquoted
                case .fieldStart, .unquoted:
                    if c == quote && state == .fieldStart {
                        state = .quoted
                        i += 1
                        recordBytes += 1
                        continue
                    }
                    let start = i
                    while i < bytes.count, bytes[i] != separator, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                    take(bytes, start, i)
                    if start < i { state = .unquoted }
                    guard i < bytes.count else { return nil }
                    let end = bytes[i]
                    i += 1
                    recordBytes += 1
                    if end == separator {
                        endField()
                    } else if end == 0x0D {
                        state = .carriageReturn
                    } else {
                        line += 1
                        if let record = endRecord() { return record }
                    }
                }
            }
            return nil
        }
    }

    /// Appends `bytes[start..<end]` to the field in progress (or only counts them past the limit).
    private mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard start < end else { return }
        recordBytes += end - start
        if isDiscarding {
            if !field.isEmpty || !fields.isEmpty {
                field = []
                fields = []
            }
            return
        }
        field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    private mutating func endField() {
        if !isDiscarding {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                if invalidField == nil { invalidField = fields.count }
                fields.append(String(decoding: field, as: UTF8.self))
            }
        }
        field.removeAll(keepingCapacity: field.capacity <= 1 << 16)
        state = .fieldStart
    }

    /// Closes the record; nil for a blank line.
    private mutating func endRecord() -> Record? {
        let blank = fields.isEmpty && field.isEmpty && (state == .fieldStart || state == .carriageReturn)
        endField()
        defer {
            fields = []
            invalidField = nil
            recordBytes = 0
            recordLine = line
        }
        if isDiscarding { return Record(fields: [], line: recordLine, problem: .oversized(byteCount: recordBytes)) }
        if blank { return nil }
        return Record(fields: fields, line: recordLine, invalidUTF8Field: invalidField)
    }

    /// The last record when the input ends without a final newline.
    private mutating func finish() -> Record? {
        switch state {
        case .fieldStart where fields.isEmpty && recordBytes == 0:
            return nil
        case .quoted:
            var record = endRecord()
            record?.problem = .unterminatedQuote
            return record
        case .carriageReturn:
            field.append(0x0D)
            return endRecord()
        default:
            return endRecord()
        }
    }
}
