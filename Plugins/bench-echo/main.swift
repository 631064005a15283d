// bench-echo: the trivial stage the benchmarks run. It counts the document's bytes and, when asked,
// spins for `work_us` microseconds so the protocol overhead can be compared with in-process work.
import StageKit

#if canImport(Glibc)
import Glibc
#endif

struct BenchEcho: DocumentStage {
    struct Configuration: Decodable {
        var workMicroseconds: Int = 0
        enum CodingKeys: String, CodingKey { case workMicroseconds = "work_us" }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            workMicroseconds = try c.decodeIfPresent(Int.self, forKey: .workMicroseconds) ?? 0
        }
    }

    struct Output: Encodable {
        var bytes: Int
        var checksum: Int
    }

    static let info = StageInfo(
        name: "bench-echo", version: "1.0.0", produces: "bench-echo/1",
        summary: "Counts a document's bytes (benchmark stage); optional busy work per document.",
        configSchema: ["type": "object", "properties": ["work_us": ["type": "integer", "minimum": 0]],
                       "additionalProperties": false])

    let work: Int

    init(configuration: Configuration, context: StageContext) throws { work = configuration.workMicroseconds }

    func process(_ task: StageTask) throws -> Output {
        let result = BenchEcho.compute(task.document.text, workMicroseconds: work)
        return Output(bytes: result.bytes, checksum: result.checksum)
    }

    /// The stage's logic, shared with the in-process benchmark so both do exactly the same work.
    static func compute(_ text: String, workMicroseconds: Int) -> (bytes: Int, checksum: Int) {
        var checksum = 0
        for byte in text.utf8 { checksum = (checksum &* 31) &+ Int(byte) }
        if workMicroseconds > 0 {
            var start = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            var now = start
            repeat {
                checksum = checksum &* 1_103_515_245 &+ 12345
                clock_gettime(CLOCK_MONOTONIC, &now)
            } while (now.tv_sec - start.tv_sec) * 1_000_000 + (now.tv_nsec - start.tv_nsec) / 1000 < workMicroseconds
        }
        return (text.utf8.count, checksum & 0xFFFF)
    }
}

if CommandLine.arguments.contains("--in-process-bench") {
    // `wb-bench-echo --in-process-bench FILE WORK_US`: the same logic without the host, for the overhead ratio.
    BenchInProcess.run()
} else {
    StageMain.run(BenchEcho.self)
}
