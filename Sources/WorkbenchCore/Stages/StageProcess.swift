public import WorkbenchProtocol
import Foundation
import Subprocess
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// How a worker process ended.
public enum ExitStatus: Hashable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    public var isSuccess: Bool { self == .exited(0) }

    public var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "killed by signal \(signal)\(Self.signalNames[signal].map { " (\($0))" } ?? "")"
        }
    }

    static let signalNames: [Int32: String] = [1: "SIGHUP", 2: "SIGINT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM", 4: "SIGILL", 8: "SIGFPE", 7: "SIGBUS"]
}

/// What a running stage process reports. Lines are decoded on the reader task, off the run loop.
public enum WorkerEvent: Sendable {
    case started(pid: Int32)
    case message(StageMessage, line: [UInt8])
    case violation(ProtocolViolation, line: [UInt8])
    /// Bytes handed to the pipe (the stage may not have read them yet).
    case written(bytes: Int)
    case exited(ExitStatus)
    case launchFailed(String)
}

/// One running stage executable with its three pipes. Thread-safe: send from anywhere, events arrive
/// on a callback. stdout is decoded line by line; stderr is drained at once into a bounded tail.
public final class StageProcess: Sendable {
    public let descriptor: StageDescriptor
    public let arguments: [String]
    /// What is started: the stage itself, or the executor's `srun …`/`ssh …` around it.
    public let launch: LaunchCommand
    public let stderrTail: StderrTail
    private let pending = Mutex<PendingOutput>(PendingOutput())
    private let wakeWriter: AsyncStream<Void>.Continuation
    private let wakeups: AsyncStream<Void>
    private let pid = Mutex<pid_t?>(nil)
    private let maximumLineBytes: Int

    struct PendingOutput {
        var bytes: [UInt8] = []
        var closed = false
    }

    /// - Parameter launch: the command to start instead of the stage's own (an executor's); it must
    ///   already include `arguments`.
    public init(descriptor: StageDescriptor, arguments: [String] = [], launch: LaunchCommand? = nil,
                maximumLineBytes: Int = LineFramer.defaultMaximumLineBytes, stderrLine: (@Sendable (String) -> Void)? = nil) {
        self.descriptor = descriptor
        self.arguments = arguments
        self.launch = launch ?? .local(descriptor, arguments: arguments)
        self.maximumLineBytes = maximumLineBytes
        self.stderrTail = StderrTail(onLine: stderrLine)
        (self.wakeups, self.wakeWriter) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// The process id while it runs.
    public var processID: Int32? { pid.withLock { $0 } }

    /// Starts the process; every event goes to `onEvent`, `.exited` or `.launchFailed` last.
    public func start(onEvent: @escaping @Sendable (WorkerEvent) -> Void) {
        Task.detached { [self] in await self.run(onEvent: onEvent) }
    }

    /// Queues bytes for the stage's stdin (coalesced into as few writes as possible).
    public func send(_ line: [UInt8]) {
        let wasEmpty = pending.withLock { state -> Bool in
            guard !state.closed else { return false }
            let empty = state.bytes.isEmpty
            state.bytes.append(contentsOf: line)
            return empty
        }
        if wasEmpty { wakeWriter.yield() }
    }

    /// Closes stdin once queued bytes are written (the stage sees end of input).
    public func closeInput() {
        pending.withLock { $0.closed = true }
        wakeWriter.yield()
    }

    /// Sends `signal` to the stage's process group (the stage and anything it started).
    public func signal(_ signal: Int32) {
        if let pid = pid.withLock({ $0 }) {
            _ = Glibc.kill(-pid, signal)
            _ = Glibc.kill(pid, signal)
        }
    }

    public func kill() { signal(SIGKILL) }

    private func run(onEvent: @escaping @Sendable (WorkerEvent) -> Void) async {
        guard let executable = launch.arguments.first else {
            onEvent(.launchFailed("stage \"\(descriptor.name)\" has an empty command"))
            return
        }
        var options = PlatformOptions()
        options.processGroupID = 0  // its own group, so a terminal's Ctrl-C reaches the host first
        let resolved: Executable = executable.contains("/") ? .path(FilePath(executable)) : .name(executable)
        let framerLimit = maximumLineBytes
        do {
            let outcome = try await Subprocess.run(
                resolved,
                arguments: Arguments(Array(launch.arguments.dropFirst())),
                environment: .inherit.updating(Self.environmentKeys(launch.environment)),
                workingDirectory: FilePath(launch.workingDirectory),
                platformOptions: options,
                input: .inputWriter,
                output: .sequence,
                error: .sequence
            ) { execution in
                self.pid.withLock { $0 = execution.processIdentifier.value }
                onEvent(.started(pid: execution.processIdentifier.value))
                let writer = execution.standardInputWriter
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await _ in self.wakeups {
                            let (bytes, closed) = self.pending.withLock { state -> ([UInt8], Bool) in
                                let taken = state.bytes
                                state.bytes = []
                                return (taken, state.closed)
                            }
                            if !bytes.isEmpty {
                                do { _ = try await writer.write(bytes) } catch { break }
                                onEvent(.written(bytes: bytes.count))
                            }
                            if closed { break }
                        }
                        try? await writer.finish()
                    }
                    group.addTask {
                        do {
                            for try await buffer in execution.standardError {
                                buffer.withUnsafeBytes { self.stderrTail.append(UnsafeRawBufferPointer($0)) }
                            }
                        } catch {}
                        self.stderrTail.finish()
                    }
                    var framer = LineFramer(maximumLineBytes: framerLimit)
                    do {
                        for try await buffer in execution.standardOutput {
                            buffer.withUnsafeBytes { framer.append(UnsafeRawBufferPointer($0)) }
                            while let frame = framer.next() { Self.deliver(frame, to: onEvent) }
                        }
                    } catch {}
                    if let rest = framer.finish() {
                        onEvent(.violation(ProtocolViolation(.unterminatedLine, "the last stdout line has no newline (the stage exited mid-line)"), line: rest))
                    }
                    // stdout is closed: the stage is gone or going. Stop the writer; wait for stderr to drain.
                    self.pending.withLock { $0.closed = true }
                    self.wakeWriter.yield()
                    self.wakeWriter.finish()
                    await group.waitForAll()
                }
            }
            pid.withLock { $0 = nil }
            switch outcome.terminationStatus {
            case .exited(let code): onEvent(.exited(.exited(code)))
            case .signaled(let signal): onEvent(.exited(.signaled(signal)))
            }
        } catch {
            pid.withLock { $0 = nil }
            onEvent(.launchFailed("cannot start \(launch.display): \(Self.describe(error))"))
        }
    }

    private static func deliver(_ frame: LineFramer.Frame, to onEvent: @Sendable (WorkerEvent) -> Void) {
        switch frame {
        case .line(let line):
            do {
                onEvent(.message(try StageMessage.decode(line), line: line))
            } catch {
                onEvent(.violation(error, line: line))
            }
        case .oversized(let count, let prefix):
            onEvent(.violation(ProtocolViolation(.oversizedLine, "a stdout line of \(count) bytes exceeds the limit of \(LineFramer.defaultMaximumLineBytes >> 20) MiB"), line: prefix))
        }
    }

    /// An environment update as swift-subprocess takes it.
    static func environmentKeys(_ values: [String: String]) -> [Environment.Key: String?] {
        var keyed: [Environment.Key: String?] = [:]
        for (key, value) in values { if let key = Environment.Key(rawValue: key) { keyed[key] = value } }
        return keyed
    }

    private static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("No such file") || text.contains("ENOENT") || text.contains("executableNotFound") { return "executable not found" }
        if text.contains("Permission denied") || text.contains("EACCES") { return "permission denied (is it executable?)" }
        return text
    }
}

/// The last lines a stage wrote to stderr (bounded), plus a running byte count.
public final class StderrTail: Sendable {
    private struct State {
        var lines: [String] = []
        var partial: [UInt8] = []
        var bytes = 0
        var droppedLines = 0
    }

    public static let maximumLines = 40
    public static let maximumLineBytes = 2048
    private let state = Mutex<State>(State())
    private let onLine: (@Sendable (String) -> Void)?

    init(onLine: (@Sendable (String) -> Void)?) { self.onLine = onLine }

    func append(_ chunk: UnsafeRawBufferPointer) {
        var completed: [String] = []
        state.withLock { s in
            s.bytes += chunk.count
            var start = 0
            let bytes = chunk.bindMemory(to: UInt8.self)
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                if s.partial.count < Self.maximumLineBytes {
                    s.partial.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<min(i, start + Self.maximumLineBytes - s.partial.count)]))
                }
                completed.append(String(decoding: s.partial, as: UTF8.self))
                s.partial.removeAll(keepingCapacity: true)
                start = i + 1
            }
            if start < bytes.count, s.partial.count < Self.maximumLineBytes {
                s.partial.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + Self.maximumLineBytes - s.partial.count)]))
            }
            s.lines.append(contentsOf: completed.suffix(Self.maximumLines))
            if s.lines.count > Self.maximumLines {
                s.droppedLines += s.lines.count - Self.maximumLines
                s.lines.removeFirst(s.lines.count - Self.maximumLines)
            }
        }
        if let onLine { for line in completed { onLine(line) } }
    }

    func finish() {
        let last: String? = state.withLock { s in
            guard !s.partial.isEmpty else { return nil }
            let line = String(decoding: s.partial, as: UTF8.self)
            s.lines.append(line)
            if s.lines.count > Self.maximumLines { s.lines.removeFirst() }
            s.partial.removeAll()
            return line
        }
        if let last, let onLine { onLine(last) }
    }

    /// The kept lines, oldest first.
    public var lines: [String] { state.withLock { $0.lines } }
    /// Total bytes written to stderr so far.
    public var byteCount: Int { state.withLock { $0.bytes } }

    /// The tail as one text block, noting how much came before it.
    public var text: String {
        state.withLock { s in
            var lines = s.lines
            if !s.partial.isEmpty { lines.append(String(decoding: s.partial, as: UTF8.self)) }
            let omitted = s.bytes - lines.reduce(0) { $0 + $1.utf8.count + 1 }
            let header = omitted > 0 ? "[\(omitted) earlier bytes of stderr not kept]\n" : ""
            return header + lines.joined(separator: "\n")
        }
    }
}
