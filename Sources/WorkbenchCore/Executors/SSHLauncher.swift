/// The `ssh` executor: a worker is `ssh -T HOST 'cd DIR && STAGE'`, the stage at the same path on the host.
///
/// The remote command runs the stage under `/bin/sh` (not `exec`), so a stage killed by a signal comes back
/// as status 128+n instead of ssh's own 255; a stage exiting 255 is reported as 254. Status 255 thus
/// always means ssh failed (connection refused, closed, timed out): the worker was lost.
enum SSHLauncher {
    /// Options placed after the user's (ssh takes the first value given for an option).
    static let defaultOptions = ["-o", "BatchMode=yes", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4",
                                 "-o", "ConnectTimeout=20", "-o", "LogLevel=ERROR"]

    static func command(for local: LaunchCommand, settings: SSHSettings, host: String) -> LaunchCommand {
        LaunchCommand(arguments: [settings.ssh, "-T"] + settings.extraArguments + defaultOptions + [host, remoteCommand(for: local)],
                      workingDirectory: local.workingDirectory, environment: local.environment)
    }

    /// The command line the remote login shell runs (whatever that shell is, it hands a POSIX script to /bin/sh).
    static func remoteCommand(for local: LaunchCommand) -> String {
        let environment = local.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(ShellQuoting.quote($0.value))" }
        let script = "cd \(ShellQuoting.quote(local.workingDirectory)) || exit 254; "
            + (environment + local.arguments.map(ShellQuoting.quote)).joined(separator: " ")
            + "; s=$?; [ $s -eq 255 ] && s=254; exit $s"
        return "exec /bin/sh -c \(ShellQuoting.quote(script))"
    }

    /// ssh's own messages in a stderr tail.
    static func errorLines(in stderr: [String]) -> [String] {
        stderr.filter { line in
            line.hasPrefix("ssh:") || line.hasPrefix("client_loop:") || line.contains("closed by remote host") || line.hasPrefix("Connection ")
                || line.contains("Timeout, server") || line.contains("Permission denied (") || line.contains("Host key verification failed")
                || line.hasPrefix("kex_exchange_identification") || line.hasPrefix("Broken pipe")
        }
    }

    static func classify(_ status: ExitStatus, stderr: [String]) -> WorkerExit {
        let lines = errorLines(in: stderr)
        let reasons = lines.isEmpty ? "" : ": " + lines.suffix(3).joined(separator: " | ")
        switch status {
        case .signaled:
            return .lost("ssh was \(status)\(reasons)")
        case .exited(255):
            return .lost("ssh failed (exit status 255)\(reasons)")
        case .exited(let code) where code > 128 && code < 160:
            return .stage(.signaled(code - 128))
        default:
            return .stage(status)
        }
    }
}
