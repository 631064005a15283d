#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte channel a stage speaks over. `StandardIO` is stdin/stdout; tests use an in-memory one.
public protocol StageIO {
    /// Reads up to `buffer.count` bytes; 0 at end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// Writes all of `bytes`; false when the host has gone away.
    mutating func write(_ bytes: [UInt8]) -> Bool
}

/// stdin and stdout of the process.
public struct StandardIO: StageIO {
    public init() {
        // A host that dies must not kill us with SIGPIPE before we notice the closed pipe.
        signal(SIGPIPE, SIG_IGN)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let n = Glibc.read(0, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            return 0
        }
    }

    public mutating func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}

/// An in-memory channel: feed it the host's lines, read back what the stage wrote.
public struct MemoryIO: StageIO {
    public var input: [UInt8]
    public private(set) var output: [UInt8] = []
    private var readOffset = 0
    /// Largest read size, to exercise split reads.
    public var chunkSize: Int

    public init(input: [UInt8], chunkSize: Int = 65536) {
        self.input = input
        self.chunkSize = chunkSize
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(buffer.count, chunkSize, input.count - readOffset)
        guard n > 0 else { return 0 }
        input.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + readOffset, byteCount: n)
        }
        readOffset += n
        return n
    }

    public mutating func write(_ bytes: [UInt8]) -> Bool {
        output.append(contentsOf: bytes)
        return true
    }

    /// The lines written so far, without newlines.
    public var outputLines: [String] {
        output.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
}
