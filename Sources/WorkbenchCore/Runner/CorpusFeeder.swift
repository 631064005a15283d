import Foundation
import WorkbenchProtocol

/// Streams a corpus step's tasks to its worker: re-reads the corpus, loads each document's inputs
/// from the cache, sends one task per document (its id is the document id), then `end`.
/// A byte budget on unwritten data keeps memory flat whatever the corpus size.
final class CorpusFeeder: @unchecked Sendable {
    let step: StepPlan
    let keyer: DocumentKeys
    let reader: CorpusReader
    let cache: ResultCache
    let process: StageProcess
    let events: EventQueue<RunEvent>
    let stop = OnceFlag()
    let budget = ByteBudget(limit: 8 << 20)

    init(step: StepPlan, keyer: DocumentKeys, reader: CorpusReader, cache: ResultCache, process: StageProcess, events: EventQueue<RunEvent>) {
        self.step = step
        self.keyer = keyer
        self.reader = reader
        self.cache = cache
        self.process = process
        self.events = events
    }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "workbench.corpus-feeder"
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func run() {
        var sent = 0
        var excluded: [String] = []
        let stream = KeyedBatchStream(reader: reader, keyer: keyer, batchSize: 256)
        stream.start(name: "workbench.corpus-reader")
        do {
            reading: while !stop.isSet {
                let item = stream.next()
                if case .failed(let error) = item { throw error }
                guard case .batch(let keyed) = item else { break }
                let wanted = keyed.flatMap { document in step.inputs.map { document.keys[$0.stepIndex] } }
                let outputs = try cache.outputs(for: wanted)
                for document in keyed {
                    guard !stop.isSet else { break reading }
                    let inputs = step.inputs.map { (name: $0.name, output: outputs[document.keys[$0.stepIndex]], members: $0.members) }
                    guard inputs.allSatisfy({ $0.output != nil }) else {
                        excluded.append(document.document.id)
                        continue
                    }
                    var writer = JSONWriter(reservingCapacity: document.json.count + 256)
                    HostMessage.writeTask(into: &writer, id: document.document.id, document: document.json,
                                          inputs: inputs.map { ($0.name, $0.output!, $0.members) })
                    writer.bytes.append(0x0A)
                    guard budget.acquire(writer.bytes.count, stop: stop) else { break reading }
                    process.send(writer.bytes)
                    sent += 1
                }
            }
            stream.finish()
            guard !stop.isSet else { return }
            process.send(HostMessage.end.line)
            events.push(.corpusFed(step: step.index, documents: sent, excluded: excluded))
        } catch {
            stream.finish()
            events.push(.corpusFeedFailed(step: step.index, message: "\(error)"))
        }
    }
}

/// Bytes in the pipe not yet written: the feeder waits while the stage is behind.
final class ByteBudget: @unchecked Sendable {
    private var used = 0
    private let limit: Int
    private let condition = NSCondition()

    init(limit: Int) { self.limit = limit }

    func acquire(_ bytes: Int, stop: OnceFlag) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while used > 0 && used + bytes > limit {
            if stop.isSet { return false }
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
        used += bytes
        return true
    }

    func release(_ bytes: Int) {
        condition.lock()
        used = max(0, used - bytes)
        condition.broadcast()
        condition.unlock()
    }
}
