public import Foundation

/// Runs the built `workbench` (or any program) as a separate process, as a user would.
public final class CommandRunner: @unchecked Sendable {
    public let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()
    private var out = Data()
    private var err = Data()
    private let lock = NSLock()

    public init(_ executable: String, _ arguments: [String], directory: String? = nil) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.out.append(data) }
        }
        stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.err.append(data) }
        }
    }

    /// `workbench ARGS` in `directory`.
    public static func workbench(_ arguments: [String], in directory: String) -> CommandRunner {
        CommandRunner(BuiltProducts.executable(named: "workbench"), arguments, directory: directory)
    }

    public func start() throws { try process.run() }

    /// Waits for the exit (polling, so it works in async tests) and returns the status.
    public func wait(timeout: Double = 120) async -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try? await Task.sleep(nanoseconds: 20_000_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        stdout.fileHandleForReading.readabilityHandler = nil
        stderr.fileHandleForReading.readabilityHandler = nil
        lock.withLock {
            out.append(stdout.fileHandleForReading.readDataToEndOfFile())
            err.append(stderr.fileHandleForReading.readDataToEndOfFile())
        }
        return process.terminationStatus
    }

    /// Runs to the end and returns (status, stdout, stderr).
    public func run(timeout: Double = 120) async throws -> (status: Int32, stdout: String, stderr: String) {
        try start()
        let status = await wait(timeout: timeout)
        return (status, output, errorOutput)
    }

    public var output: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    public var errorOutput: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }
}

/// Process ids whose command line contains `text` (from /proc).
public func processes(matching text: String) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let command = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        return command.contains(text)
    }
}
