import Foundation
import WorkbenchProtocol
import DequeModule

/// What went wrong with a worker after it was ready.
enum WorkerFault {
    case crashed(ExitStatus)
    case violation(ProtocolViolation, line: [UInt8], taskId: Int?)
    case timeout(taskId: Int)
    /// An `error` message without a task id: the stage gave up.
    case stageError(String)

    var kind: String {
        switch self {
        case .crashed: "crash"
        case .violation: "protocol"
        case .timeout: "timeout"
        case .stageError: "error"
        }
    }

    /// Deterministic faults are not retried once pinned on a document.
    var isDeterministic: Bool { if case .violation = self { true } else { false } }
}

extension RunLoop {
    /// A ready worker failed. It is killed; its tasks are retried. When one task was in flight (or the
    /// fault names it), that document is to blame; otherwise each task is retried alone, so that the next
    /// failure names its document. A document that keeps killing the stage is quarantined.
    func fault(_ worker: WorkerState, step: StepState, _ fault: WorkerFault, countsAsFailure: Bool = true) {
        guard worker.phase != .dead else { return }
        let t = now()
        worker.phase = .dead
        worker.killedForFault = true
        let stderrTail = worker.process.stderrTail.text
        worker.process.kill()
        step.consecutiveFaults += 1
        step.nextSpawnAt = t + min(5, 0.1 * Double(step.consecutiveFaults * step.consecutiveFaults))

        let tasks = worker.inFlight.sorted { $0.value.sentAt < $1.value.sentAt }
        worker.inFlight = [:]
        var culpritId: Int?
        switch fault {
        case .timeout(let id): culpritId = id
        case .violation(_, _, let id?): culpritId = id
        default: if tasks.count == 1 { culpritId = tasks[0].key }
        }

        for (taskId, inFlight) in tasks {
            guard let document = documents[inFlight.task.document] else { continue }
            var task = inFlight.task
            if taskId != culpritId {
                // Not known to be guilty: retry alone, without counting an attempt.
                task.suspect = true
                document.status[step.plan.index] = .queued
                step.suspects.append(task)
                continue
            }
            let description = describe(fault, step: step, document: document.id, taskId: taskId)
            if fault.isDeterministic || !countsAsFailure {
                failTask(document, step: step, kind: fault.kind, message: description, line: lineOf(fault), taskLine: inFlight.line, stderrTail: stderrTail)
                continue
            }
            task.attempts += 1
            task.lastFault = description
            if task.attempts <= step.retries {
                task.suspect = true
                task.notBefore = t + backoff(task.attempts)
                document.status[step.plan.index] = .queued
                step.delayed.append(task)
            } else {
                let kind = task.attempts > 1 ? "quarantined" : fault.kind
                let message = task.attempts > 1
                    ? "quarantined: document \"\(document.id)\" made stage \"\(step.plan.stageName)\" fail \(task.attempts) times; last: \(description)"
                    : description
                failTask(document, step: step, kind: kind, message: message, attempts: task.attempts,
                         exitStatus: exitStatus(fault), line: lineOf(fault), taskLine: inFlight.line, stderrTail: stderrTail)
            }
        }
        if culpritId == nil, case .violation(let violation, let line, _) = fault, tasks.isEmpty {
            // A stray line with nothing in flight: nobody to blame, but it is reported.
            step.violations += 1
            recordFailure(step: step, documentId: "?", key: nil, kind: "protocol",
                          message: "stage \"\(step.plan.stageName)\", stdout: \(violation.message): \(quotedLine(line))", line: line, stderrTail: stderrTail)
        }
        if culpritId == nil && !tasks.isEmpty {
            console.note("stage \"\(step.plan.stageName)\" worker failed with \(tasks.count) tasks in flight (\(describe(fault, step: step, document: nil, taskId: nil))); retrying them one at a time")
        }
        if step.consecutiveFaults >= options.abandonAfter {
            abandon(step, reason: "\(step.consecutiveFaults) worker failures in a row with no success; last: \(describe(fault, step: step, document: nil, taskId: nil))")
        }
    }

    func describe(_ fault: WorkerFault, step: StepState, document: String?, taskId: Int?) -> String {
        let whose = "stage \"\(step.plan.stageName)\"" + (document.map { ", document \"\($0)\"" } ?? "")
        switch fault {
        case .crashed(let status):
            return "\(whose): the stage crashed (\(status)) while working on it"
        case .violation(let violation, let line, _):
            return "\(whose), stdout line \(quotedLine(line)): \(violation.message)"
        case .timeout:
            return "\(whose): no answer within \(formatSeconds(step.timeout)) (the worker was killed)"
        case .stageError(let message):
            return "\(whose): the stage gave up: \(message)"
        }
    }

    func lineOf(_ fault: WorkerFault) -> [UInt8]? {
        if case .violation(_, let line, _) = fault { return line }
        return nil
    }

    func exitStatus(_ fault: WorkerFault) -> String? {
        if case .crashed(let status) = fault { return status.description }
        return nil
    }

    /// A worker could not start (no hello, wrong version, config refused...). If the step never had a
    /// ready worker this is deterministic and the whole step fails; otherwise it counts as a fault.
    func startFailed(_ worker: WorkerState, step: StepState, _ error: StageStartError) {
        guard worker.phase != .dead else { return }
        worker.phase = .dead
        worker.process.kill()
        let deterministic: Set<StageStartError.Kind> = [.notHello, .noCommonVersion, .helloMismatch, .configRejected, .launchFailed, .protocolViolation]
        if !step.everReady || deterministic.contains(error.kind) {
            abandon(step, reason: error.description, kind: "start")
        } else {
            step.consecutiveFaults += 1
            step.nextSpawnAt = now() + min(5, 0.2 * Double(step.consecutiveFaults))
            if step.consecutiveFaults >= options.abandonAfter { abandon(step, reason: error.description, kind: "start") }
        }
    }

    /// The step cannot go on: every task of it still open fails with `reason` (one failure row for the
    /// step, not one per document), and the documents move on.
    func abandon(_ step: StepState, reason: String, kind: String = "abandoned") {
        guard step.fatal == nil else { return }
        step.fatal = reason
        step.fatalKind = kind
        console.note("step \"\(step.plan.id)\" cannot run: \(reason)")
        recordFailure(step: step, documentId: "*", key: nil, kind: kind, message: reason)
        for id in step.workers {
            guard let worker = workers[id] else { continue }
            worker.phase = .dead
            worker.process.kill()
        }
        let open = step.queue + step.suspects + step.delayed
        step.queue.removeAll()
        step.suspects.removeAll()
        step.delayed.removeAll()
        var affected = open.map(\.document)
        for id in step.workers { if let worker = workers[id] { affected += worker.inFlight.values.map(\.task.document); worker.inFlight = [:] } }
        for ordinal in affected {
            guard let document = documents[ordinal] else { continue }
            document.status[step.plan.index] = .failed
            step.failed += 1
            advance(document)
        }
    }
}

func formatSeconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s) }
