import Foundation
import DequeModule
import WorkbenchProtocol

extension RunLoop {
    /// Losses of one task, alone on a worker, after which the document is blamed as for a crash.
    static let lossesBeforeBlame = 3

    /// The executor lost a worker (its srun or ssh was killed, its node or host went away, its step was
    /// cancelled). It is not the documents' fault: the tasks it had in flight go back to the front of the
    /// queue without counting an attempt, and run on the remaining workers (a replacement is started as
    /// for any dead worker). Answers the lost worker still sends are ignored, so nothing is stored twice.
    ///
    /// Guards: losses count toward abandoning the step (8 in a row with no success), an ssh host that
    /// loses a worker rests for a while, and a task in flight on three lost workers runs alone — lost
    /// again alone, it counts as a crash of its document, so a document that kills its node cannot loop.
    func workerLost(_ worker: WorkerState, step: StepState, reason: String) {
        guard worker.phase != .dead else { return }
        let t = now()
        let wasStarting = worker.phase == .awaitingHello || worker.phase == .configuring
        let wasAlone = worker.runningAlone
        worker.phase = .dead
        worker.process.kill()
        step.lostWorkers += 1
        step.lastLoss = reason
        step.consecutiveFaults += 1
        step.nextSpawnAt = t + min(5, 0.2 * Double(step.consecutiveFaults))
        let hostName = worker.host.flatMap { step.hosts?.hosts[$0] }
        if let host = worker.host { step.hosts?.penalize(host, at: t) }
        let where_ = hostName.map { " on \($0)" } ?? ""

        if step.plan.scope == .corpus {
            corpusWorkerLost(worker, step: step, reason: reason + where_)
            return
        }

        let tasks = worker.inFlight.sorted { $0.value.sentAt < $1.value.sentAt }
        worker.inFlight = [:]
        var requeued = 0
        for (_, inFlight) in tasks.reversed() {
            guard let document = documents[inFlight.task.document] else { continue }
            var task = inFlight.task
            task.losses += 1
            if wasAlone && task.losses >= Self.lossesBeforeBlame {
                // Alone, and its workers keep getting lost: treat it as the crash it probably is.
                task.attempts += 1
                let description = "stage \"\(step.plan.stageName)\", document \"\(document.id)\": its worker was lost \(task.losses) times (last: \(reason)\(where_))"
                if task.attempts <= step.retries {
                    task.notBefore = t + backoff(task.attempts)
                    task.lastFault = description
                    document.status[step.plan.index] = .queued
                    step.delayed.append(task)
                } else {
                    failTask(document, step: step, kind: "quarantined", message: "quarantined: \(description)", attempts: task.attempts,
                             taskLine: inFlight.line, stderrTail: worker.process.stderrTail.text)
                }
                continue
            }
            document.status[step.plan.index] = .queued
            if task.losses >= Self.lossesBeforeBlame || task.suspect {
                task.suspect = true
                step.suspects.prepend(task)
            } else {
                step.queue.prepend(task)
            }
            requeued += 1
        }
        step.requeuedTasks += requeued
        let what = wasStarting ? "a worker was lost while starting" : "a worker was lost"
        console.note("step \"\(step.plan.id)\": \(what)\(where_) (\(reason))" + (requeued > 0 ? "; its \(requeued) tasks in flight were re-queued" : ""))
        if step.consecutiveFaults >= options.abandonAfter {
            abandon(step, reason: "\(step.consecutiveFaults) workers lost in a row with no success; last: \(reason)\(where_)",
                    kind: step.everReady ? "abandoned" : "start")
        }
    }

    /// A corpus step's worker was lost: the step starts over on a new worker (twice at most), since its
    /// stage holds the whole corpus's state.
    func corpusWorkerLost(_ worker: WorkerState, step: StepState, reason: String) {
        let i = step.plan.index
        corpusFeeders[i]?.stop.set()
        corpusFeeders[i] = nil
        corpusEndSentAt[i] = nil
        guard step.corpusRestarts < 2, interruptedAt == nil, step.computed == 0, step.failed == 0 else {
            corpusWorkerDied(worker, step: step, reason: "lost its worker (\(reason))")
            return
        }
        step.corpusRestarts += 1
        console.note("step \"\(step.plan.id)\": its worker was lost (\(reason)); starting it again")
        spawnWorker(for: step, at: now())
    }

    /// One line per step that lost workers, for the run summary.
    var lostWorkerNotes: [String] {
        steps.filter { $0.lostWorkers > 0 }.map { step in
            "step \"\(step.plan.id)\": \(step.lostWorkers) worker\(step.lostWorkers == 1 ? "" : "s") lost by the \(step.executor.kind.rawValue) executor; "
                + "\(step.requeuedTasks) task\(step.requeuedTasks == 1 ? "" : "s") in flight re-queued (last: \(step.lastLoss ?? "?"))"
        }
    }
}
