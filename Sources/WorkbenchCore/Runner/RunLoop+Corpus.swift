import Foundation
import WorkbenchProtocol

extension RunLoop {
    /// Runs the corpus steps one after another, from plan index `from`, once all documents are settled.
    func startCorpusPhase(from index: Int) {
        guard let step = steps.dropFirst(index).first(where: { $0.plan.scope == .corpus }) else {
            phase = .corpus(plan.steps.count)
            return
        }
        let i = step.plan.index
        phase = .corpus(i)
        guard interruptedAt == nil else { return }
        let digest = digests[i]
        let key = DocumentKeys.corpusKey(step.plan, digest: digest)
        corpusKeys[i] = key
        writer.enqueue(.task(TaskRecord(stepId: step.plan.id, documentId: "*", key: key,
                                        parts: KeyParts(stage: step.plan.stageName, version: step.plan.hello.version, fingerprint: step.plan.fingerprint,
                                                        configHash: step.plan.configHash, documentHash: "\(digest.count) documents: \(digest.hex.prefix(32))",
                                                        inputs: []),
                                        runId: runId)))
        if let missing = excluded[i], !missing.isEmpty {
            console.note("step \"\(step.plan.id)\" runs over \(digest.count) documents; \(missing.count) left out because an input step failed for them")
        }
        if (try? cache.existingKeys([key]))?.contains(key) == true {
            step.cached = 1
            startCorpusPhase(from: i + 1)
        } else if digest.count == 0 {
            step.skipped = 1
            console.note("step \"\(step.plan.id)\" has no documents to run over")
            startCorpusPhase(from: i + 1)
        } else {
            spawnWorker(for: step, at: now())
        }
    }

    func handleCorpusMessage(_ message: StageMessage, line: [UInt8], worker: WorkerState, step: StepState) {
        let i = step.plan.index
        switch (worker.phase, message) {
        case (_, .log(let log)):
            console.stageLog(stage: step.plan.stageName, level: log.level.rawValue, message: log.message, document: log.id)
        case (.awaitingHello, _), (.configuring, _):
            handleMessage(message, line: line, worker: worker, step: step)
            if worker.phase == .ready && corpusFeeders[i] == nil {
                if step.firstDispatch == nil { step.firstDispatch = now() }
                let feeder = CorpusFeeder(step: step.plan, keyer: DocumentKeys(plan: plan, workspaceDirectory: workspaceDirectory),
                                          reader: corpusReader(), cache: cache, process: worker.process, events: events)
                corpusFeeders[i] = feeder
                feeder.start()
            }
        case (.ready, .result("corpus", let output)):
            let t = now()
            step.computed = 1
            step.lastCompletion = t
            step.taskSeconds += t - (step.firstDispatch ?? t)
            writer.enqueue(.result(key: corpusKeys[i]!, stage: step.plan.stageName, stepId: step.plan.id, documentId: "*", output: output,
                                   runId: runId, seconds: t - (step.firstDispatch ?? t), skipped: nil))
            finishCorpusStep(worker: worker, step: step)
        case (.ready, .error(let error)) where error.id != nil && error.id != "corpus":
            step.violations += 0
            recordFailure(step: step, documentId: error.id!, key: nil, kind: "error", message: "left out of the corpus result: \(error.message)")
            console.note("step \"\(step.plan.id)\": document \"\(error.id!)\" left out: \(error.message)")
        case (.ready, .error(let error)):
            failCorpusStep(i, kind: "error", message: "stage \"\(step.plan.stageName)\" failed: \(error.message)", stderrTail: worker.process.stderrTail.text)
        default:
            failCorpusStep(i, kind: "protocol", message: "stage \"\(step.plan.stageName)\": unexpected line \(quotedLine(line)) (a corpus stage answers once, with id \"corpus\", after end)",
                           line: line, stderrTail: worker.process.stderrTail.text)
        }
    }

    func corpusFeedFinished(step index: Int, documents count: Int, excluded missing: [String]) {
        corpusEndSentAt[index] = now()
        if count != digests[index].count {
            console.note("step \"\(steps[index].plan.id)\": sent \(count) documents, expected \(digests[index].count) (the cache changed during the run?)")
        }
    }

    func checkCorpusTimeout(at t: Double) {
        guard case .corpus(let i) = phase, let ended = corpusEndSentAt[i], i < steps.count else { return }
        let step = steps[i]
        if step.computed == 0 && step.failed == 0 && t - ended > step.timeout {
            failCorpusStep(i, kind: "timeout", message: "stage \"\(step.plan.stageName)\" gave no corpus answer within \(formatSeconds(step.timeout)) of end")
        }
    }

    func corpusWorkerDied(_ worker: WorkerState, step: StepState, reason: String) {
        failCorpusStep(step.plan.index, kind: "crash", message: "stage \"\(step.plan.stageName)\" \(reason)", stderrTail: worker.process.stderrTail.text)
    }

    func failCorpusStep(_ index: Int, kind: String, message: String, line: [UInt8]? = nil, stderrTail: String? = nil) {
        let step = steps[index]
        guard step.computed == 0 && step.failed == 0 else { return }
        step.failed = 1
        step.fatal = message
        recordFailure(step: step, documentId: "*", key: corpusKeys[index], kind: kind, message: message, line: line, stderrTail: stderrTail)
        console.note(message)
        corpusFeeders[index]?.stop.set()
        for id in step.workers { workers[id]?.process.kill(); workers[id]?.phase = .dead }
        startCorpusPhase(from: index + 1)
    }

    func finishCorpusStep(worker: WorkerState, step: StepState) {
        corpusFeeders[step.plan.index]?.stop.set()
        stopWorkers(of: step)
        writer.flush()
        startCorpusPhase(from: step.plan.index + 1)
    }
}
