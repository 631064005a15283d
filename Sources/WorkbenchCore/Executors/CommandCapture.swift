import Foundation
import Subprocess
#if canImport(Glibc)
import Glibc
#endif

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a short command to the end and keeps what it printed (preflight checks: `ssh host sh -c …`, `srun … sh -c …`).
enum CommandCapture {
    struct Outcome: Sendable {
        /// nil when it could not be started or was killed for taking too long.
        var status: ExitStatus?
        var stdout: String
        var stderr: String
        var timedOut = false
        var launchError: String?
    }

    /// Runs `arguments` (argv) with stdin closed; kills its process group after `timeout` seconds.
    static func run(_ arguments: [String], timeout: Double, environment: [String: String] = [:]) async -> Outcome {
        guard let program = arguments.first else { return Outcome(stdout: "", stderr: "", launchError: "empty command") }
        var options = PlatformOptions()
        options.processGroupID = 0
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        let timedOut = OnceFlag()
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(arguments.dropFirst())), environment: .inherit.updating(StageProcess.environmentKeys(environment)),
                platformOptions: options, input: .none, output: .sequence, error: .sequence
            ) { execution in
                let pid = execution.processIdentifier.value
                return await withTaskGroup(of: (Int, [UInt8]).self) { group in
                    group.addTask {
                        var bytes: [UInt8] = []
                        do { for try await chunk in execution.standardOutput { chunk.withUnsafeBytes { bytes.append(contentsOf: $0.prefix(1 << 20)) } } } catch {}
                        return (1, bytes)
                    }
                    group.addTask {
                        var bytes: [UInt8] = []
                        do { for try await chunk in execution.standardError { chunk.withUnsafeBytes { bytes.append(contentsOf: $0.prefix(1 << 20)) } } } catch {}
                        return (2, bytes)
                    }
                    let watchdog = Task {
                        try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                        guard !Task.isCancelled else { return }
                        timedOut.set()
                        _ = Glibc.kill(-pid, SIGKILL)
                        _ = Glibc.kill(pid, SIGKILL)
                    }
                    var out: [UInt8] = [], err: [UInt8] = []
                    for await (which, bytes) in group { if which == 1 { out = bytes } else { err = bytes } }
                    watchdog.cancel()
                    return (out, err)
                }
            }
            let (out, err) = result.closureResult
            let status: ExitStatus = switch result.terminationStatus {
            case .exited(let code): .exited(code)
            case .signaled(let signal): .signaled(signal)
            }
            let killed = timedOut.isSet
            return Outcome(status: killed ? nil : status, stdout: String(decoding: out, as: UTF8.self),
                           stderr: String(decoding: err, as: UTF8.self), timedOut: killed)
        } catch {
            let text = "\(error)"
            let reason = text.contains("No such file") || text.contains("ENOENT") || text.contains("executableNotFound") ? "not found" : text
            return Outcome(stdout: "", stderr: "", launchError: "cannot start \(program): \(reason)")
        }
    }
}
