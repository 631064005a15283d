import WorkbenchProtocol

/// Reads only what framing needs from extract's raw JSON output — `skipped`, `sentences` and `tokens` —
/// and skips every other member byte by byte without building values (extract's output is several
/// times larger than the article; a full parse would cost more than the framing itself).
struct ExtractSpansReader {
    struct Spans {
        var skipped: String?
        var sentences: [TextSpan] = []
        var tokens: [Int] = []
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read() throws(FramingInputError) -> Spans {
        var spans = Spans()
        space()
        try expect(UInt8(ascii: "{"))
        space()
        if peek == UInt8(ascii: "}") { return spans }
        while true {
            space()
            let key = try string()
            space()
            try expect(UInt8(ascii: ":"))
            space()
            switch key {
            case "tokens": spans.tokens = try integers()
            case "sentences": spans.sentences = try sentences()
            case "skipped":
                let start = i
                try skipValue()
                let value = try? JSONParser.parse(bytes[start..<i])
                if let value, !value.isNull { spans.skipped = value["reason"]?.stringValue ?? "skipped by extract" }
            default: try skipValue()
            }
            space()
            if peek == UInt8(ascii: ",") {
                i += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return spans
        }
    }

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private func failure(_ what: String) -> FramingInputError {
        FramingInputError("extract output, byte \(i): \(what)")
    }

    private mutating func space() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func expect(_ c: UInt8) throws(FramingInputError) {
        guard peek == c else { throw failure("expected '\(Character(Unicode.Scalar(c)))'") }
        i += 1
    }

    /// A key: keys we look for have no escapes, so the raw bytes between the quotes are enough.
    private mutating func string() throws(FramingInputError) -> String {
        let start = i
        try skipString()
        return String(decoding: bytes[(start + 1)..<(i - 1)], as: UTF8.self)
    }

    private mutating func skipString() throws(FramingInputError) {
        try expect(UInt8(ascii: "\""))
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""):
                i += 1
                return
            default: i += 1
            }
        }
        throw failure("unterminated string")
    }

    /// Skips any value: strings (with escapes) and nested arrays/objects by depth; scalars up to a delimiter.
    private mutating func skipValue() throws(FramingInputError) {
        var depth = 0
        while let c = peek {
            switch c {
            case UInt8(ascii: "\""):
                try skipString()
                if depth == 0 { return }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return }
                depth -= 1
                i += 1
                if depth == 0 { return }
            case UInt8(ascii: ","):
                if depth == 0 { return }
                i += 1
            default: i += 1
            }
        }
        throw failure("unexpected end")
    }

    private mutating func integer() throws(FramingInputError) -> Int {
        var negative = false
        if peek == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value = 0
        var digits = 0
        while let c = peek, c >= 0x30 && c <= 0x39 {
            value = value &* 10 &+ Int(c - 0x30)
            digits += 1
            i += 1
        }
        guard digits > 0, digits < 16 else { throw failure("expected an integer") }
        // Integral numbers written with a fraction or exponent are not what extract writes.
        if let c = peek, c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            throw failure("expected an integer")
        }
        return negative ? -value : value
    }

    private mutating func integers() throws(FramingInputError) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(bytes.count / 16)
        try expect(UInt8(ascii: "["))
        space()
        if peek == UInt8(ascii: "]") {
            i += 1
            return out
        }
        while true {
            space()
            out.append(try integer())
            space()
            if peek == UInt8(ascii: ",") {
                i += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return out
        }
    }

    /// `[[start, end, paragraph], …]`.
    private mutating func sentences() throws(FramingInputError) -> [TextSpan] {
        var out: [TextSpan] = []
        try expect(UInt8(ascii: "["))
        space()
        if peek == UInt8(ascii: "]") {
            i += 1
            return out
        }
        while true {
            space()
            let parts = try integers()
            guard parts.count >= 2, parts[0] <= parts[1] else { throw failure("a sentence is [start, end, paragraph]") }
            out.append(TextSpan(parts[0], parts[1]))
            space()
            if peek == UInt8(ascii: ",") {
                i += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return out
        }
    }
}
