import Foundation
public import WorkbenchProtocol

/// `workbench replay DOC STEP`: one task, exactly as a run would send it, in a fresh stage process,
/// with the stage's stderr shown as it comes. Nothing is written to the cache.
public struct TaskReplay: Sendable {
    /// How the replay ended.
    public enum Outcome: Sendable {
        case result(output: [UInt8], seconds: Double)
        case error(StageError, seconds: Double)
        case failed(String)
    }

    public let context: TaskContext

    public init(context: TaskContext) { self.context = context }

    /// The task line: the document and the upstream outputs read from the cache.
    /// - Throws: `CacheError` when an upstream result is not stored yet.
    public func taskLine() throws(CacheError) -> [UInt8] {
        var inputs: [(name: String, output: [UInt8], members: [String]?)] = []
        for input in context.step.inputs {
            let key = context.keys[input.stepIndex]
            guard let output = context.cache.output(for: key) else {
                throw CacheError("the input \"\(input.name)\" (step \(input.stepId)) for this document is not in the cache; run the pipeline first, or `workbench why \(context.document.id) \(input.stepId)`")
            }
            inputs.append((input.name, output, input.members))
        }
        var writer = JSONWriter()
        HostMessage.writeTask(into: &writer, id: "replay", document: context.documentJSON, inputs: inputs)
        writer.bytes.append(0x0A)
        return writer.bytes
    }

    /// Runs the task. `stderr` gets each line the stage writes there; `trace` each protocol line (when set).
    public func run(line: [UInt8], timeout: Double, stderr: @escaping @Sendable (String) -> Void,
                    trace: (@Sendable (String, [UInt8]) -> Void)? = nil) async -> Outcome {
        let step = context.step
        let session = StageSession(descriptor: step.descriptor, stderrLine: stderr)
        session.start()
        do {
            let hello = try await session.awaitHello()
            trace?("<", hello.line.dropLast().map { $0 })
            let configure = HostMessage.configure(protocolVersion: step.protocolVersion, step: step.id, config: step.step.config).line
            trace?(">", Array(configure.dropLast()))
            try await session.configure(step: step.id, config: step.step.config, protocolVersion: step.protocolVersion)
            trace?("<", Array(#"{"type":"ready"}"#.utf8))
        } catch {
            session.process.kill()
            while await session.next() != nil {}
            return .failed(error.description)
        }
        trace?(">", Array(line.dropLast()))
        let started = Date()
        session.process.send(line)
        session.arm(seconds: timeout)
        var outcome: Outcome = .failed("the stage ended without answering")
        loop: while let event = await session.next() {
            switch event {
            case .message(let message, let raw):
                trace?("<", raw)
                switch message {
                case .result(let id, let output) where id == "replay":
                    outcome = .result(output: output, seconds: Date().timeIntervalSince(started))
                    break loop
                case .error(let error) where error.id == "replay" || error.id == nil:
                    outcome = .error(error, seconds: Date().timeIntervalSince(started))
                    break loop
                case .log(let log):
                    stderr("log \(log.level.rawValue): \(log.message)")
                default:
                    outcome = .failed("protocol violation: unexpected line \(quotedLine(raw))")
                    break loop
                }
            case .violation(let violation, let raw):
                outcome = .failed("protocol violation: \(violation.message): \(quotedLine(raw))")
                break loop
            case .exited(let status):
                outcome = .failed(session.didTimeOut ? "no answer within \(formatSeconds(timeout)); the stage was killed" : "the stage exited without answering (\(status))")
                break loop
            case .launchFailed(let message):
                outcome = .failed(message)
                break loop
            default:
                continue
            }
        }
        session.disarm()
        await session.shutdown(grace: 3)
        return outcome
    }
}
