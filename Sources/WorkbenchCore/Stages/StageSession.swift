public import WorkbenchProtocol
import Foundation
import Synchronization

/// A stage process driven step by step from async code: used for `--describe`, config probes and replay.
/// The run loop drives workers through callbacks instead.
/// Not thread-safe: one task drives a session.
public final class StageSession {
    public let process: StageProcess
    private let continuation: AsyncStream<WorkerEvent>.Continuation
    private var iterator: AsyncStream<WorkerEvent>.AsyncIterator
    private var watchdog: Task<Void, Never>?
    private let timedOut = OnceFlag()

    public init(descriptor: StageDescriptor, arguments: [String] = [], stderrLine: (@Sendable (String) -> Void)? = nil) {
        process = StageProcess(descriptor: descriptor, arguments: arguments, stderrLine: stderrLine)
        let (events, continuation) = AsyncStream.makeStream(of: WorkerEvent.self)
        self.continuation = continuation
        iterator = events.makeAsyncIterator()
    }

    public var name: String { process.descriptor.name }

    public func start() {
        let continuation = self.continuation
        process.start { event in
            continuation.yield(event)
            switch event {
            case .exited, .launchFailed: continuation.finish()
            default: break
            }
        }
    }

    /// The next event, or nil once the process is gone.
    public func next() async -> WorkerEvent? { await iterator.next() }

    /// Kills the process unless `disarm()` is called within `seconds`.
    public func arm(seconds: Double) {
        disarm()
        let process = self.process
        let flag = timedOut
        watchdog = Task {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            guard !Task.isCancelled else { return }
            flag.set()
            process.kill()
        }
    }

    public func disarm() {
        watchdog?.cancel()
        watchdog = nil
    }

    public var didTimeOut: Bool { timedOut.isSet }

    /// Waits for the hello; anything else first is an error naming what came instead.
    /// - Throws: `StageStartError`.
    public func awaitHello(timeout: Double = 30) async throws(StageStartError) -> StageHello {
        arm(seconds: timeout)
        defer { disarm() }
        while let event = await next() {
            switch event {
            case .started, .written:
                continue
            case .message(.hello(let hello), _):
                return hello
            case .message(_, let line):
                throw StageStartError(stage: name, message: "the first stdout line must be a hello, got \(quotedLine(line))", kind: .notHello)
            case .violation(let violation, let line):
                let what = violation.kind == .notJSON ? "the first stdout line is not a protocol line" : "the first stdout line is not a valid hello (\(violation.message))"
                throw StageStartError(stage: name, message: "\(what): \(quotedLine(line)) (stdout is for JSON lines only; log to stderr)", kind: .notHello,
                                      stderrTail: process.stderrTail.text)
            case .exited(let status):
                if didTimeOut { break }
                throw StageStartError(stage: name, message: "exited before saying hello (\(status))", kind: .exitedBeforeHello,
                                      stderrTail: process.stderrTail.text)
            case .launchFailed(let message):
                throw StageStartError(stage: name, message: message, kind: .launchFailed)
            }
        }
        throw StageStartError(stage: name, message: "said nothing within \(Int(timeout)) s of starting (a stage speaks first: print the hello line)",
                              kind: .timeout, stderrTail: process.stderrTail.text)
    }

    /// Sends `configure` and waits for `ready`.
    /// - Throws: `StageStartError` (`.configRejected` carries the stage's message and field).
    public func configure(step: String, config: JSONValue, protocolVersion: Int, timeout: Double = 60) async throws(StageStartError) {
        process.send(HostMessage.configure(protocolVersion: protocolVersion, step: step, config: config).line)
        arm(seconds: timeout)
        defer { disarm() }
        while let event = await next() {
            switch event {
            case .started, .written, .message(.log, _):
                continue
            case .message(.ready, _):
                return
            case .message(.error(let error), _):
                throw StageStartError(stage: name, message: error.message, kind: .configRejected, field: error.field,
                                      stderrTail: process.stderrTail.text)
            case .message(_, let line):
                throw StageStartError(stage: name, message: "expected ready or error after configure, got \(quotedLine(line))", kind: .protocolViolation)
            case .violation(let violation, let line):
                throw StageStartError(stage: name, message: "\(violation.message): \(quotedLine(line))", kind: .protocolViolation,
                                      stderrTail: process.stderrTail.text)
            case .exited(let status):
                if didTimeOut { break }
                throw StageStartError(stage: name, message: "exited during configure (\(status))", kind: .exitedBeforeHello,
                                      stderrTail: process.stderrTail.text)
            case .launchFailed(let message):
                throw StageStartError(stage: name, message: message, kind: .launchFailed)
            }
        }
        throw StageStartError(stage: name, message: "did not answer configure within \(Int(timeout)) s", kind: .timeout,
                              stderrTail: process.stderrTail.text)
    }

    /// Asks the stage to exit (shutdown, then close stdin), killing it after `grace` seconds.
    public func shutdown(grace: Double = 5) async {
        process.send(HostMessage.shutdown.line)
        process.closeInput()
        arm(seconds: grace)
        while await next() != nil {}
        disarm()
    }
}

/// `COMMAND --describe`: the stage prints its hello and exits.
public enum StageDescribe {
    /// - Throws: `StageStartError` when the stage does not describe itself.
    public static func describe(_ descriptor: StageDescriptor, timeout: Double = 30) async throws(StageStartError) -> StageHello {
        let session = StageSession(descriptor: descriptor, arguments: ["--describe"])
        session.start()
        do {
            let hello = try await session.awaitHello(timeout: timeout)
            session.process.closeInput()
            session.arm(seconds: 5)
            while await session.next() != nil {}
            session.disarm()
            guard hello.name == descriptor.name else {
                throw StageStartError(stage: descriptor.name,
                                      message: "its hello says its name is \"\(hello.name)\", but it was found as \"\(descriptor.name)\" (\(descriptor.location))",
                                      kind: .helloMismatch)
            }
            return hello
        } catch let error as StageStartError {
            session.process.kill()
            throw error
        } catch {
            session.process.kill()
            throw StageStartError(stage: descriptor.name, message: "\(error)", kind: .launchFailed)
        }
    }
}
