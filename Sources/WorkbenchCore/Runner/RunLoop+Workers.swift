import Foundation
import WorkbenchProtocol
import DequeModule

extension RunLoop {
    // MARK: - Spawning and dispatch

    /// Starts a worker through the step's executor. False when no ssh host can take one now.
    @discardableResult
    func spawnWorker(for step: StepState, at t: Double) -> Bool {
        var host: Int?
        if let pool = step.hosts {
            host = pool.acquire(at: t) ?? (step.plan.scope == .corpus ? pool.acquire(at: .infinity) : nil)
            guard host != nil else {
                step.nextSpawnAt = max(step.nextSpawnAt, pool.nextAvailable)
                return false
            }
        }
        let id = nextWorkerId
        nextWorkerId += 1
        let stageName = step.plan.stageName
        let console = self.console
        let launch = step.executor.launchCommand(for: step.plan.descriptor, host: host.flatMap { step.hosts?.hosts[$0] },
                                                 jobName: "wb-\(step.plan.id)")
        let process = StageProcess(descriptor: step.plan.descriptor, launch: launch,
                                   stderrLine: { line in console.stageStderr(stage: stageName, line: line) })
        let worker = WorkerState(id: id, step: step.plan.index, process: process, host: host, at: t)
        workers[id] = worker
        step.workers.append(id)
        let events = self.events
        process.start { event in events.push(.worker(id: id, event)) }
        return true
    }

    /// Forgets a worker that is gone (its process exited or never started).
    func remove(_ worker: WorkerState, from step: StepState) {
        guard workers[worker.id] != nil else { return }
        workers[worker.id] = nil
        step.workers.removeAll { $0 == worker.id }
        if let host = worker.host { step.hosts?.release(host) }
    }

    func dispatch(at t: Double) {
        guard interruptedAt == nil, phase == .documents else { return }
        for step in steps where step.plan.scope == .document && step.fatal == nil {
            let demand = step.pendingWork - step.delayed.count
            let live = step.workers.compactMap { workers[$0] }.filter { $0.phase != .dead && $0.phase != .stopping }
            if demand > 0 && live.count < step.maximumWorkers && t >= step.nextSpawnAt {
                // Enough workers for the open work, counting the capacity of those still starting.
                let inFlight = live.reduce(0) { $0 + $1.inFlight.count }
                let capacity = max(1, step.inFlightLimit)
                let wanted = min(step.maximumWorkers, max(1, (demand + inFlight + capacity - 1) / capacity))
                for _ in live.count..<max(live.count, wanted) where !spawnWorker(for: step, at: t) { break }
            }
            for worker in live where worker.phase == .ready { fill(worker, step: step, at: t) }
        }
    }

    /// Sends tasks to a ready worker up to its in-flight limit. A suspect runs alone.
    func fill(_ worker: WorkerState, step: StepState, at t: Double) {
        guard !worker.runningAlone else { return }
        if worker.inFlight.isEmpty, let suspect = step.suspects.popFirst() {
            worker.runningAlone = true
            send(suspect, to: worker, step: step, at: t)
            return
        }
        while worker.inFlight.count < step.inFlightLimit, let task = step.queue.popFirst() {
            send(task, to: worker, step: step, at: t)
        }
    }

    func send(_ task: QueuedTask, to worker: WorkerState, step: StepState, at t: Double) {
        guard let document = documents[task.document] else { return }
        let taskId = nextTaskId
        nextTaskId += 1
        var writer = JSONWriter(reservingCapacity: document.json.count + 512)
        let inputs = step.plan.inputs.map { (name: $0.name, output: document.outputs[$0.stepIndex] ?? Array("null".utf8), members: $0.members) }
        HostMessage.writeTask(into: &writer, id: String(taskId), document: document.json, inputs: inputs)
        writer.bytes.append(0x0A)
        if worker.inFlight.isEmpty { worker.lastProgress = t }
        worker.inFlight[taskId] = InFlightTask(task: task, sentAt: t, line: writer.bytes)
        document.status[step.plan.index] = .running
        if step.firstDispatch == nil { step.firstDispatch = t }
        worker.process.send(writer.bytes)
    }

    // MARK: - Worker events

    func handleWorker(_ id: Int, _ event: WorkerEvent) {
        guard let worker = workers[id] else { return }
        let step = steps[worker.step]
        switch event {
        case .started:
            break
        case .written(let bytes):
            worker.unwrittenBytes -= bytes
            corpusFeeders[worker.step]?.budget.release(bytes)
        case .message(let message, let line):
            guard worker.phase != .dead else { return }
            if step.plan.scope == .corpus {
                handleCorpusMessage(message, line: line, worker: worker, step: step)
            } else {
                handleMessage(message, line: line, worker: worker, step: step)
            }
        case .violation(let violation, let line):
            guard worker.phase != .dead else { return }
            if violation.kind == .unterminatedLine && step.executor.isRemote {
                // srun or ssh may have been cut off mid-line: the exit that follows says whose fault it was.
                worker.truncatedLine = line
                return
            }
            switch worker.phase {
            case .awaitingHello:
                let what = violation.kind == .notJSON ? "its first stdout line is not a protocol line" : "its first line is not a valid hello (\(violation.message))"
                startFailed(worker, step: step, StageStartError(stage: step.plan.stageName, message: "\(what): \(quotedLine(line)) (stdout is for JSON lines only; log to stderr)",
                                                              kind: .notHello, stderrTail: worker.process.stderrTail.text))
            case .configuring:
                startFailed(worker, step: step, StageStartError(stage: step.plan.stageName, message: "\(violation.message): \(quotedLine(line))",
                                                              kind: .protocolViolation, stderrTail: worker.process.stderrTail.text))
            default:
                fault(worker, step: step, .violation(violation, line: line, taskId: nil))
            }
        case .exited(let status):
            exited(worker, step: step, status: status)
        case .launchFailed(let message):
            startFailed(worker, step: step, StageStartError(stage: step.plan.stageName, message: message, kind: .launchFailed))
            remove(worker, from: step)
        }
    }

    func handleMessage(_ message: StageMessage, line: [UInt8], worker: WorkerState, step: StepState) {
        if case .log(let log) = message {
            let document = log.id.flatMap(Int.init).flatMap { worker.inFlight[$0] }.flatMap { documents[$0.task.document]?.id }
            console.stageLog(stage: step.plan.stageName, level: log.level.rawValue, message: log.message, document: document)
            return
        }
        switch (worker.phase, message) {
        case (.stopping, .hello), (.stopping, .ready):
            return  // a worker asked to stop before it got going
        case (.stopping, .error(let error)) where error.id == nil:
            return
        case (.awaitingHello, .hello(let hello)):
            if hello.name != step.plan.stageName {
                startFailed(worker, step: step, StageStartError(stage: step.plan.stageName,
                    message: "its hello names it \"\(hello.name)\", but its --describe said \"\(step.plan.stageName)\"", kind: .helloMismatch))
            } else if let version = StageProtocol.negotiate(stage: hello.protocols) {
                worker.phase = .configuring
                worker.process.send(HostMessage.configure(protocolVersion: version, step: step.plan.id, config: step.plan.step.config).line)
            } else {
                startFailed(worker, step: step, StageStartError(stage: step.plan.stageName,
                    message: "speaks protocol versions \(hello.protocols); this host speaks \(StageProtocol.supportedVersions) (no version in common)",
                    kind: .noCommonVersion))
            }
        case (.awaitingHello, _):
            startFailed(worker, step: step, StageStartError(stage: step.plan.stageName,
                message: "the first line must be a hello, got \(quotedLine(line))", kind: .notHello))
        case (.configuring, .ready):
            worker.phase = .ready
            worker.lastProgress = now()
            step.everReady = true
        case (.configuring, .error(let error)):
            startFailed(worker, step: step, StageStartError(stage: step.plan.stageName, message: "rejected the config: \(error.message)",
                                                          kind: .configRejected, field: error.field, stderrTail: worker.process.stderrTail.text))
        case (.configuring, _):
            startFailed(worker, step: step, StageStartError(stage: step.plan.stageName,
                message: "expected ready or error after configure, got \(quotedLine(line))", kind: .protocolViolation))
        case (.ready, .result(let id, let output)), (.stopping, .result(let id, let output)):
            guard let taskId = Int(id), let inFlight = worker.inFlight.removeValue(forKey: taskId) else {
                answeredUnknown(id, line: line, worker: worker, step: step)
                return
            }
            worker.remember(answered: taskId)
            succeeded(inFlight, output: output, worker: worker, step: step)
        case (.ready, .error(let error)), (.stopping, .error(let error)):
            guard let id = error.id else {
                fault(worker, step: step, .stageError(error.message))
                return
            }
            guard let taskId = Int(id), let inFlight = worker.inFlight.removeValue(forKey: taskId) else {
                answeredUnknown(id, line: line, worker: worker, step: step)
                return
            }
            worker.remember(answered: taskId)
            taskFailed(inFlight, error: error, worker: worker, step: step)
        default:
            let kind: String = switch message {
            case .hello: "hello"
            case .ready: "ready"
            case .result: "result"
            case .error: "error"
            case .log: "log"
            }
            fault(worker, step: step, .violation(ProtocolViolation(.unexpectedMessage, "unexpected \"\(kind)\" message now"), line: line, taskId: nil))
        }
    }

    /// A result or error for an id the worker does not have in flight.
    func answeredUnknown(_ id: String, line: [UInt8], worker: WorkerState, step: StepState) {
        if let taskId = Int(id), worker.answered.contains(taskId) {
            // The task was answered already: keep the first answer, report the stage, stop the worker.
            step.violations += 1
            recordFailure(step: step, documentId: "?", key: nil, kind: "protocol",
                          message: "stage \"\(step.plan.stageName)\" answered task \(id) twice; the first answer was kept and the worker stopped (offending line: \(quotedLine(line)))",
                          line: line, stderrTail: worker.process.stderrTail.text)
            fault(worker, step: step, .violation(ProtocolViolation(.duplicateAnswer, "answered task \(id) twice"), line: line, taskId: nil), countsAsFailure: false)
            return
        }
        fault(worker, step: step, .violation(ProtocolViolation(.unknownTaskID, "answered task id \"\(id)\", which it was never sent"), line: line, taskId: nil))
    }

    func succeeded(_ inFlight: InFlightTask, output: [UInt8], worker: WorkerState, step: StepState) {
        let t = now()
        // Service time: from when the stage could start on it (sent, or its previous answer) to now.
        let seconds = t - max(inFlight.sentAt, worker.lastProgress)
        worker.completed += 1
        worker.lastProgress = t
        if worker.inFlight.isEmpty { worker.runningAlone = false }
        step.consecutiveFaults = 0
        if let host = worker.host { step.hosts?.succeeded(host) }
        guard let document = documents[inFlight.task.document] else { return }
        let index = step.plan.index
        step.taskSeconds += max(0, t - inFlight.sentAt)
        step.computed += 1
        step.lastCompletion = t
        document.status[index] = .done
        if !step.consumers.isEmpty { document.outputs[index] = output }
        let skipped = SkipMarker.reason(in: output)
        if let skipped { step.notePassedOver(document.id, reason: skipped) }
        writer.enqueue(.result(key: document.keys[index], stage: step.plan.stageName, stepId: step.plan.id, documentId: document.id,
                               output: output, runId: runId, seconds: seconds, skipped: skipped))
        advance(document)
    }

    func taskFailed(_ inFlight: InFlightTask, error: StageError, worker: WorkerState, step: StepState) {
        let t = now()
        worker.lastProgress = t
        if worker.inFlight.isEmpty { worker.runningAlone = false }
        guard let document = documents[inFlight.task.document] else { return }
        var task = inFlight.task
        task.attempts += 1
        if error.retryable && task.attempts <= step.retries {
            task.notBefore = t + backoff(task.attempts)
            task.lastFault = error.message
            document.status[step.plan.index] = .queued
            step.delayed.append(task)
            return
        }
        failTask(document, step: step, kind: "error",
                 message: error.message + (error.retryable ? " (retryable; gave up after \(task.attempts) attempts)" : ""),
                 retryable: error.retryable, attempts: task.attempts, taskLine: inFlight.line, stderrTail: nil)
    }

    func failTask(_ document: DocumentState, step: StepState, kind: String, message: String, retryable: Bool = false, attempts: Int = 1,
                  exitStatus: String? = nil, line: [UInt8]? = nil, taskLine: [UInt8]?, stderrTail: String?) {
        let index = step.plan.index
        document.status[index] = .failed
        step.failed += 1
        step.lastCompletion = now()
        recordFailure(step: step, documentId: document.id, key: document.keys[index], kind: kind, message: message, retryable: retryable,
                      attempts: attempts, exitStatus: exitStatus, line: line, taskLine: taskLine, stderrTail: stderrTail)
        advance(document)
    }

    func backoff(_ attempt: Int) -> Double { min(10, 0.2 * pow(2, Double(attempt - 1))) }

    // MARK: - Timeouts and exits

    func checkTimeouts(_ worker: WorkerState, step: StepState, at t: Double) {
        switch worker.phase {
        case .awaitingHello, .configuring:
            let limit = worker.phase == .awaitingHello ? step.executor.helloTimeout : 60
            if t - worker.startedAt > limit {
                let waited = step.executor.isRemote ? " (through \(step.executor.kind.rawValue): \(worker.process.launch.display.prefix(200)))" : ""
                startFailed(worker, step: step, StageStartError(stage: step.plan.stageName,
                    message: worker.phase == .awaitingHello ? "said nothing within \(formatSeconds(limit)) of starting (a stage speaks first)\(waited)"
                        : "did not answer configure within 60 s",
                    kind: .timeout, stderrTail: worker.process.stderrTail.text))
            }
        case .ready:
            guard step.plan.scope == .document,
                  let (taskId, oldest) = worker.inFlight.min(by: { $0.value.sentAt < $1.value.sentAt }).map({ ($0.key, $0.value) }) else { return }
            if t - max(oldest.sentAt, worker.lastProgress) > step.timeout {
                fault(worker, step: step, .timeout(taskId: taskId))
            }
        case .stopping:
            if let sent = worker.shutdownSentAt, t - sent > options.shutdownGrace { worker.process.kill() }
        case .dead:
            break
        }
    }

    func exited(_ worker: WorkerState, step: StepState, status given: ExitStatus) {
        var status = given
        if worker.phase != .dead && worker.phase != .stopping && step.executor.isRemote {
            switch step.executor.classify(given, stderr: worker.process.stderrTail.lines) {
            case .lost(let reason):
                workerLost(worker, step: step, reason: reason)
                remove(worker, from: step)
                return
            case .stage(let stageStatus):
                status = stageStatus
            }
        }
        switch worker.phase {
        case .dead, .stopping:
            break
        case .awaitingHello:
            startFailed(worker, step: step, StageStartError(stage: step.plan.stageName, message: "exited before saying hello (\(status))",
                                                          kind: .exitedBeforeHello, stderrTail: worker.process.stderrTail.text))
        case .configuring:
            startFailed(worker, step: step, StageStartError(stage: step.plan.stageName, message: "exited during configure (\(status))",
                                                          kind: .exitedBeforeHello, stderrTail: worker.process.stderrTail.text))
        case .ready:
            if step.plan.scope == .corpus {
                corpusWorkerDied(worker, step: step, reason: "exited before answering (\(status))")
            } else {
                fault(worker, step: step, .crashed(status))
            }
        }
        worker.phase = .dead
        remove(worker, from: step)
    }
}
