/// Unicode's NFC quick check, as far as deduplication needs it: does a text contain a character that
/// NFC may change or compose (`NFC_Quick_Check` = No or Maybe)? Only such texts are normalized, which
/// keeps the common case — text already in NFC — at the speed of a byte scan.
///
/// The table was derived from Foundation's own NFC on this toolchain (Swift 6.3, Unicode 15): a scalar
/// is listed when NFC changes it on its own, or when it follows the first scalar in the canonical
/// decomposition of a precomposed character. That is the published `NFC_Quick_Check` No/Maybe set
/// (112 ranges, 1,231 scalars). Canonical reordering of combining marks that are not listed is
/// not checked (a text with such marks out of order is hashed as it is).
enum NFCQuickCheck {
    /// True when `utf8` holds a scalar that NFC may change.
    static func mayChange(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let count = utf8.count
        while i < count {
            // Eight ASCII bytes at a time.
            if i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = utf8[i]
            // Everything below U+0300 (lead bytes up to 0xCB) is NFC-stable.
            if lead < 0xCC {
                i += lead < 0x80 ? 1 : 2
                continue
            }
            var scalar: UInt32
            var width: Int
            switch lead {
            case 0xCC...0xDF: scalar = UInt32(lead & 0x1F); width = 2
            case 0xE0...0xEF: scalar = UInt32(lead & 0x0F); width = 3
            case 0xF0...0xF7: scalar = UInt32(lead & 0x07); width = 4
            default: i += 1; continue  // a continuation byte: the text was validated, so this does not happen
            }
            guard i + width <= count else { return false }
            for k in 1..<width { scalar = scalar << 6 | UInt32(utf8[i + k] & 0x3F) }
            if isListed(scalar) { return true }
            i += width
        }
        return false
    }

    /// Whether `scalar` is in the table: a bitmap lookup in the Basic Multilingual Plane, a search above it.
    static func isListed(_ scalar: UInt32) -> Bool {
        if scalar < 0x10000 { return bmp[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < scalar { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(scalar)
    }

    /// One bit per BMP scalar, built once from `ranges`.
    private static let bmp: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for range in ranges where range.lowerBound < 0x10000 {
            for scalar in range.lowerBound...min(range.upperBound, 0xFFFF) { bits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
        }
        return bits
    }()

    /// Scalars with `NFC_Quick_Check` No or Maybe, as sorted ranges.
    static let ranges: [ClosedRange<UInt32>] = [
        0x0300...0x0304, 0x0306...0x030C, 0x030F...0x030F, 0x0311...0x0311, 0x0313...0x0314, 0x031B...0x031B,
        0x0323...0x0328, 0x032D...0x032E, 0x0330...0x0331, 0x0338...0x0338, 0x0340...0x0345, 0x0374...0x0374,
        0x037E...0x037E, 0x0387...0x0387, 0x0653...0x0655, 0x093C...0x093C, 0x0958...0x095F, 0x09BE...0x09BE,
        0x09D7...0x09D7, 0x09DC...0x09DD, 0x09DF...0x09DF, 0x0A33...0x0A33, 0x0A36...0x0A36, 0x0A59...0x0A5B,
        0x0A5E...0x0A5E, 0x0B3E...0x0B3E, 0x0B56...0x0B57, 0x0B5C...0x0B5D, 0x0BBE...0x0BBE, 0x0BD7...0x0BD7,
        0x0C56...0x0C56, 0x0CC2...0x0CC2, 0x0CD5...0x0CD6, 0x0D3E...0x0D3E, 0x0D57...0x0D57, 0x0DCA...0x0DCA,
        0x0DCF...0x0DCF, 0x0DDF...0x0DDF, 0x0F43...0x0F43, 0x0F4D...0x0F4D, 0x0F52...0x0F52, 0x0F57...0x0F57,
        0x0F5C...0x0F5C, 0x0F69...0x0F69, 0x0F73...0x0F73, 0x0F75...0x0F76, 0x0F78...0x0F78, 0x0F81...0x0F81,
        0x0F93...0x0F93, 0x0F9D...0x0F9D, 0x0FA2...0x0FA2, 0x0FA7...0x0FA7, 0x0FAC...0x0FAC, 0x0FB9...0x0FB9,
        0x102E...0x102E, 0x1161...0x1175, 0x11A8...0x11C2, 0x1B35...0x1B35, 0x1F71...0x1F71, 0x1F73...0x1F73,
        0x1F75...0x1F75, 0x1F77...0x1F77, 0x1F79...0x1F79, 0x1F7B...0x1F7B, 0x1F7D...0x1F7D, 0x1FBB...0x1FBB,
        0x1FBE...0x1FBE, 0x1FC9...0x1FC9, 0x1FCB...0x1FCB, 0x1FD3...0x1FD3, 0x1FDB...0x1FDB, 0x1FE3...0x1FE3,
        0x1FEB...0x1FEB, 0x1FEE...0x1FEF, 0x1FF9...0x1FF9, 0x1FFB...0x1FFB, 0x1FFD...0x1FFD, 0x2000...0x2001,
        0x2126...0x2126, 0x212A...0x212B, 0x2329...0x232A, 0x2ADC...0x2ADC, 0x3099...0x309A, 0xF900...0xFA0D,
        0xFA10...0xFA10, 0xFA12...0xFA12, 0xFA15...0xFA1E, 0xFA20...0xFA20, 0xFA22...0xFA22, 0xFA25...0xFA26,
        0xFA2A...0xFA6D, 0xFA70...0xFAD9, 0xFB1D...0xFB1D, 0xFB1F...0xFB1F, 0xFB2A...0xFB36, 0xFB38...0xFB3C,
        0xFB3E...0xFB3E, 0xFB40...0xFB41, 0xFB43...0xFB44, 0xFB46...0xFB4E, 0x110BA...0x110BA, 0x11127...0x11127,
        0x1133E...0x1133E, 0x11357...0x11357, 0x114B0...0x114B0, 0x114BA...0x114BA, 0x114BD...0x114BD,
        0x115AF...0x115AF, 0x11930...0x11930, 0x1D15E...0x1D164, 0x1D1BB...0x1D1C0, 0x2F800...0x2FA1D,
    ]
}
