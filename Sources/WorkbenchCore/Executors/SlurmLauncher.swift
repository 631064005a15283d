import Foundation

/// The `slurm` executor: a worker is one long-lived `srun -n1` job step whose stdio is the protocol channel.
///
/// Pitfalls of srun (measured on Debian's Slurm 22.05) that shape the command:
/// - stdin is broadcast to every task of a step, so a step has exactly one task (`-n1`);
/// - `--unbuffered` makes the task's stdout a terminal (stages flush per line anyway), so it is not used;
/// - srun writes its own `srun: error: …` lines to stderr: they are parsed to tell a lost worker from a crash;
/// - a single SIGINT to srun is ignored: a worker is stopped by closing its stdin (the stage exits, the step ends);
/// - before Slurm 24.05 srun's I/O forwarding holds every line over 1 KB for ~44 ms in each direction
///   (Nagle): the executor keeps many tasks in flight per worker so the pipe never waits on it.
enum SlurmLauncher {
    static func command(for local: LaunchCommand, settings: SlurmSettings, jobName: String) -> LaunchCommand {
        var arguments = [settings.srun, "--ntasks=1", "--nodes=1", "--exact", "--quiet", "--export=ALL",
                         "--job-name=\(jobName)", "--chdir=\(local.workingDirectory)"]
        if let partition = settings.partition { arguments.append("--partition=\(partition)") }
        if let cpus = settings.cpusPerTask { arguments.append("--cpus-per-task=\(cpus)") }
        if let memory = settings.memory { arguments.append("--mem=\(memory)") }
        if let time = settings.timeLimit { arguments.append("--time=\(time)") }
        if settings.overlap { arguments.append("--overlap") }
        arguments += settings.extraArguments
        arguments.append("--")
        arguments += local.arguments
        return LaunchCommand(arguments: arguments, workingDirectory: local.workingDirectory, environment: local.environment)
    }

    /// Lines srun or slurmstepd wrote about the step (not the stage's own stderr).
    static func errorLines(in stderr: [String]) -> [String] {
        stderr.filter { line in
            let t = line.drop { $0 == " " }
            return t.hasPrefix("srun:") || t.hasPrefix("slurmstepd") || t.hasPrefix("salloc:") || t.contains("*** STEP ") || t.contains("*** JOB ")
        }
    }

    /// Words in srun's lines that mean the step, its node or srun's connection went away.
    static let lostMarkers = [
        "cancelled", "node failure", "aborted", "timed out", "time limit", "connection", "unable to", "communication",
        "terminated", "preempt", "not responding", "kill task failed", "lost", "step creation", "invalid",
    ]

    /// What srun's exit status and error lines say about how the worker ended.
    static func classify(_ status: ExitStatus, stderr: [String]) -> WorkerExit {
        let lines = errorLines(in: stderr)
        let reasons = lines.isEmpty ? "" : ": " + lines.suffix(4).joined(separator: " | ")
        if case .signaled(let signal) = status {
            return .lost("srun was killed (\(ExitStatus.signaled(signal)))\(reasons)")
        }
        // "srun: error: NODE: task 0: Exited with exit code 3" / "… task 0: Segmentation fault": the stage's own end.
        let taskLines = lines.filter { $0.range(of: #"task \d+: "#, options: .regularExpression) != nil }
        let stepLines = lines.filter { line in !taskLines.contains(line) }
        var stageStatus = status
        if case .exited(let code) = status, code > 128, code < 160, taskLines.contains(where: { !$0.contains("Exited with exit code") }) {
            stageStatus = .signaled(code - 128)
        }
        // The out-of-memory killer acted on the stage's own use: its document's fault, not the transport's.
        if lines.contains(where: { $0.lowercased().contains("oom") }) { return .stage(stageStatus) }
        let lostLine = stepLines.first { line in
            let lower = line.lowercased()
            return lostMarkers.contains { lower.contains($0) }
        } ?? taskLines.first { $0.lowercased().contains("cancelled") }
        if let lostLine {
            return .lost("srun lost the step: \(lostLine)" + (lines.count > 1 ? " (\(lines.count) srun lines)" : ""))
        }
        if !taskLines.isEmpty { return .stage(stageStatus) }
        // srun failed with its own error and no word about the task: the transport, not the stage.
        if let line = stepLines.last { return .lost("srun failed: \(line)") }
        return .stage(status)
    }
}
