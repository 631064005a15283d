import StageKit
import Foundation

/// Runs `BenchEcho.compute` over a JSONL corpus in this process and prints documents per second.
enum BenchInProcess {
    static func run() {
        let args = CommandLine.arguments
        guard let index = args.firstIndex(of: "--in-process-bench"), args.count > index + 1 else {
            FileHandle.standardError.write(Data("usage: wb-bench-echo --in-process-bench CORPUS.jsonl [WORK_US]\n".utf8))
            exit(64)
        }
        let work = args.count > index + 2 ? Int(args[index + 2]) ?? 0 : 0
        guard let data = FileManager.default.contents(atPath: args[index + 1]) else {
            FileHandle.standardError.write(Data("cannot read \(args[index + 1])\n".utf8))
            exit(66)
        }
        let start = Date()
        var documents = 0
        var sink = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let value = try? JSONParser.parse(line), let text = value["text"]?.stringValue else { continue }
            sink &+= BenchEcho.compute(text, workMicroseconds: work).checksum
            documents += 1
        }
        let seconds = Date().timeIntervalSince(start)
        print(#"{"documents":\#(documents),"seconds":\#(seconds),"docs_per_second":\#(Double(documents) / seconds),"sink":\#(sink & 1)}"#)
    }
}
