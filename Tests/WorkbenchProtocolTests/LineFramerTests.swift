import Testing
import WorkbenchProtocol

@Suite("Line framing")
struct LineFramerTests {
    static let lines: [String] = [#"{"type":"hello"}"#, "", "é 🙂 «guillemets»", String(repeating: "x", count: 1000), #"{"type":"ready"}"#]

    /// Every chunk size from 1 byte to past the longest line, so every line boundary falls inside a chunk
    /// and between chunks at least once.
    @Test("Lines come out whole, however the bytes are chunked", arguments: Array(1...40) + [63, 64, 100, 999, 1000, 1001, 4096])
    func chunking(chunkSize: Int) {
        let stream = Array((Self.lines.joined(separator: "\n") + "\n").utf8)
        var framer = LineFramer()
        var out: [String] = []
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + chunkSize)
            framer.append(stream[offset..<end])
            offset = end
            while let frame = framer.next() {
                guard case .line(let bytes) = frame else { Issue.record("unexpected \(frame)"); continue }
                out.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        #expect(out == Self.lines)
        #expect(framer.finish() == nil)
    }

    @Test("A 16 MiB line passes intact")
    func sixteenMebibytes() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 16 << 20)
        var framer = LineFramer()
        for chunk in stride(from: 0, to: big.count, by: 65536) { framer.append(big[chunk..<min(big.count, chunk + 65536)]) }
        #expect(framer.next() == nil)
        framer.append([0x0A])
        guard case .line(let line)? = framer.next() else {
            Issue.record("no line")
            return
        }
        #expect(line.count == 16 << 20)
    }

    @Test("A line over the limit is reported, not buffered, and the next line is fine")
    func oversized() {
        var framer = LineFramer(maximumLineBytes: 100)
        framer.append([UInt8](repeating: 0x41, count: 150))
        framer.append([UInt8](repeating: 0x41, count: 150) + [0x0A] + Array("ok\n".utf8))
        guard case .oversized(let count, let prefix)? = framer.next() else {
            Issue.record("expected an oversized frame")
            return
        }
        #expect(count == 300)
        #expect(prefix.count <= 256)
        #expect(framer.next() == .line(Array("ok".utf8)))
        #expect(framer.pendingByteCount == 0)
    }

    @Test("CRLF line ends are accepted; a final unterminated line is handed back at the end")
    func lineEnds() {
        var framer = LineFramer()
        framer.append(Array("one\r\ntwo".utf8))
        #expect(framer.next() == .line(Array("one".utf8)))
        #expect(framer.next() == nil)
        #expect(framer.finish() == Array("two".utf8))
    }
}
