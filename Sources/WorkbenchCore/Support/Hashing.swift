import Crypto

/// SHA-256 in the forms the cache uses.
public enum Hashing {
    public static func sha256(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return Array(hasher.finalize())
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String { hex(Array(SHA256.hash(data: bytes))) }

    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An incremental SHA-256 over tagged fields, so ("ab","c") and ("a","bc") never collide.
public struct KeyHasher {
    private var hasher = SHA256()

    public init(domain: String) { add(domain) }

    public mutating func add(_ text: String) { add(Array(text.utf8)) }

    public mutating func add(_ bytes: [UInt8]) {
        var length = UInt64(bytes.count).littleEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
    }

    /// The first 16 bytes of the digest as 32 hex digits (128 bits: ample for a cache key).
    public func finalizeHex() -> String { Hashing.hex(Array(hasher.finalize()).prefix(16)) }
}
