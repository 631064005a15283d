/// A text as an array of Unicode scalars, so offsets are integers that agree with Python's `str`.
/// It keeps the UTF-8 bytes and where each scalar starts in them, so cutting a span out as a
/// `String` is a copy of bytes rather than a scalar-by-scalar rebuild.
public struct ScalarString: Sendable {
    public let scalars: [Unicode.Scalar]
    /// The text's UTF-8 bytes.
    public let utf8: [UInt8]
    /// `byteOffsets[i]`: where scalar `i` starts in `utf8` (one more entry: the end).
    let byteOffsets: [Int32]

    public init(_ text: String) {
        let utf8 = Array(text.utf8)
        // Decoded from the bytes in one pass into arrays of the right capacity (appending scalar by scalar from
        // `unicodeScalars` cost three times as much). A `String`'s bytes are valid UTF-8: the lead byte gives the
        // length.
        var decoded = 0
        var scalars: [Unicode.Scalar] = []
        let offsets = [Int32](unsafeUninitializedCapacity: utf8.count + 1) { offsets, offsetCount in
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { scalars, scalarCount in
                utf8.withUnsafeBufferPointer { bytes in
                    var i = 0
                    while i < bytes.count {
                        offsets[decoded] = Int32(truncatingIfNeeded: i)
                        let lead = UInt32(bytes[i])
                        var value: UInt32
                        if lead < 0x80 {
                            value = lead
                            i += 1
                        } else if lead < 0xE0 {
                            value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                            i += 2
                        } else if lead < 0xF0 {
                            value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                            i += 3
                        } else {
                            value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                                | UInt32(bytes[i + 3] & 0x3F)
                            i += 4
                        }
                        scalars[decoded] = Unicode.Scalar(value).unsafelyUnwrapped
                        decoded += 1
                    }
                    offsets[decoded] = Int32(truncatingIfNeeded: bytes.count)
                }
                scalarCount = decoded
            }
            offsetCount = decoded + 1
        }
        self.scalars = scalars
        self.utf8 = utf8
        self.byteOffsets = offsets
    }

    public init(scalars: [Unicode.Scalar]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(String(view))
    }

    public var count: Int { scalars.count }
    public subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    /// The text of a span (clamped to the string).
    public subscript(span: TextSpan) -> String { self[span.range] }

    public subscript(range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        guard !clamped.isEmpty else { return "" }
        let start = Int(byteOffsets[clamped.lowerBound]), end = Int(byteOffsets[clamped.upperBound])
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of `range` (clamped to the string).
    @inline(__always)
    func withUTF8<R>(of range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let clamped = range.clamped(to: 0..<scalars.count)
        let start = clamped.isEmpty ? 0 : Int(byteOffsets[clamped.lowerBound])
        let end = clamped.isEmpty ? 0 : Int(byteOffsets[clamped.upperBound])
        return utf8.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The first index at or after `from` where `needle` (lowercased comparison) starts, or nil.
    public func firstIndex(ofLowercased needle: [Unicode.Scalar], from: Int = 0, to limit: Int? = nil) -> Int? {
        let end = min(limit ?? scalars.count, scalars.count)
        guard !needle.isEmpty, end - needle.count >= from else { return nil }
        outer: for i in from...(end - needle.count) {
            for (k, c) in needle.enumerated() where Character.lowercasedScalar(scalars[i + k]) != c { continue outer }
            return i
        }
        return nil
    }
}

extension Character {
    /// ASCII-fast lowercase of one scalar (non-ASCII: its lowercase mapping's first scalar).
    @inline(__always)
    public static func lowercasedScalar(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
        if s.value < 128 { return s }
        return s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }
}

extension Unicode.Scalar {
    @inline(__always) public var isASCIILetter: Bool { (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
    @inline(__always) public var isASCIIDigit: Bool { value >= 48 && value <= 57 }
    @inline(__always) public var isUppercaseLetter: Bool {
        if value < 128 { return value >= 65 && value <= 90 }
        return properties.isUppercase
    }
    @inline(__always) public var isLetter: Bool {
        if value < 128 { return isASCIILetter }
        return properties.isAlphabetic
    }
    @inline(__always) public var isDigit: Bool {
        if value < 128 { return isASCIIDigit }
        return properties.numericType == .decimal
    }
    /// Space, tab, newline, no-break space and the other Unicode spaces.
    @inline(__always) public var isSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x2000...0x200B, 0xFEFF: true
        default: false
        }
    }
    /// Apostrophes: ' and ’ (and the modifier letter apostrophe).
    @inline(__always) public var isApostrophe: Bool { value == 0x27 || value == 0x2019 || value == 0x02BC }
    /// Hyphens and dashes that join words: - and the non-breaking hyphen.
    @inline(__always) public var isWordHyphen: Bool { value == 0x2D || value == 0x2011 || value == 0x2010 }
}
