import Foundation

/// Why the remote workers of a run cannot start: a host not reachable, srun missing, stage files not
/// at the same path on the other side.
public struct ExecutorError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var hint: String?

    public init(problems: [String], hint: String? = nil) {
        self.problems = problems
        self.hint = hint
    }

    public var description: String {
        "error: " + problems.joined(separator: "\nerror: ") + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}

/// Before a run with remote workers: checks that each executor is reachable and that every stage it will
/// run is at the same path on the other side (a shared filesystem), and says plainly what is missing.
/// One `ssh HOST sh -c …` per host, one `srun -n1 … sh -c …` per Slurm configuration; nothing else runs remotely.
public enum ExecutorPreflight {
    /// What one check looks for: a folder, an executable, a file, or a program on PATH.
    struct Requirement: Hashable, Comparable {
        enum Kind: String, Comparable {
            case folder, executable, file, program
            static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
        }
        var kind: Kind
        var path: String
        var stage: String

        static func < (a: Requirement, b: Requirement) -> Bool { (a.path, a.kind, a.stage) < (b.path, b.kind, b.stage) }
    }

    static let doneMarker = "workbench-preflight-done"
    static let sharedFilesystemHint = "the stage executables and the files they read (their folder, resource bundles, scripts, the SDK) "
        + "must be at the same path on every node or host — build or copy them onto a shared filesystem; the corpus and "
        + "the cache stay with the host and need not be shared"

    /// What a stage needs on the other side.
    static func requirements(of descriptor: StageDescriptor) -> [Requirement] {
        var needs: [Requirement] = [Requirement(kind: .folder, path: descriptor.directory, stage: descriptor.name)]
        for (i, word) in descriptor.command.enumerated() {
            if i == 0 {
                needs.append(Requirement(kind: word.contains("/") ? .executable : .program, path: word, stage: descriptor.name))
            } else if word.hasPrefix("/") {
                needs.append(Requirement(kind: .file, path: word, stage: descriptor.name))
            }
        }
        for file in descriptor.files + descriptor.resourceBundles where file.hasPrefix("/") {
            needs.append(Requirement(kind: .file, path: file, stage: descriptor.name))
        }
        var seen = Set<String>()
        return needs.filter { seen.insert("\($0.kind)\t\($0.path)").inserted }
    }

    /// A POSIX sh script printing `kind<TAB>path` for each requirement not met, then the done marker.
    static func script(for requirements: [Requirement]) -> String {
        var lines: [String] = []
        for need in requirements {
            let q = ShellQuoting.quote(need.path)
            switch need.kind {
            case .folder: lines.append("[ -d \(q) ] || printf 'folder\\t%s\\n' \(q)")
            case .executable: lines.append("[ -x \(q) ] || printf 'executable\\t%s\\n' \(q)")
            case .file: lines.append("[ -e \(q) ] || printf 'file\\t%s\\n' \(q)")
            case .program: lines.append("command -v \(q) >/dev/null 2>&1 || printf 'program\\t%s\\n' \(q)")
            }
        }
        lines.append("echo \(doneMarker)")
        return lines.joined(separator: "\n")
    }

    /// Turns the script's output into messages ("missing: PATH (stage "x")"); nil when it did not finish.
    static func missing(in output: String, requirements: [Requirement]) -> [String]? {
        guard output.contains(doneMarker) else { return nil }
        var messages: [String] = []
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = Requirement.Kind(rawValue: parts[0]) else { continue }
            let stages = Set(requirements.filter { $0.path == parts[1] && $0.kind == kind }.map(\.stage)).sorted()
            let whose = stages.isEmpty ? "" : " (stage\(stages.count > 1 ? "s" : "") \(stages.map { "\"\($0)\"" }.joined(separator: ", ")))"
            switch kind {
            case .folder: messages.append("missing folder \(parts[1])\(whose)")
            case .executable: messages.append("missing or not executable: \(parts[1])\(whose)")
            case .file: messages.append("missing file \(parts[1])\(whose)")
            case .program: messages.append("program \"\(parts[1])\" not found on PATH\(whose)")
            }
        }
        return messages
    }

    /// Checks every remote executor of the run. `note` receives progress for slow checks.
    /// - Throws: `ExecutorError` listing every problem found.
    public static func check(_ uses: [(executor: ExecutorSpec, stage: StageDescriptor)], note: @escaping @Sendable (String) -> Void = { _ in })
        async throws(ExecutorError) {
        var byExecutor: [ExecutorSpec: [Requirement]] = [:]
        var order: [ExecutorSpec] = []
        for use in uses where use.executor.isRemote {
            if byExecutor[use.executor] == nil { order.append(use.executor) }
            byExecutor[use.executor, default: []] += requirements(of: use.stage)
        }
        guard !order.isEmpty else { return }
        var jobs: [(label: String, arguments: [String], timeout: Double, requirements: [Requirement], executor: ExecutorSpec)] = []
        for executor in order {
            let needs = Array(Set(byExecutor[executor]!)).sorted()
            let script = script(for: needs)
            switch executor.settings {
            case .local:
                break
            case .ssh(let ssh):
                for host in ssh.hosts {
                    let arguments = [ssh.ssh, "-T"] + ssh.extraArguments + SSHLauncher.defaultOptions
                        + [host, "exec /bin/sh -c \(ShellQuoting.quote(script))"]
                    jobs.append(("host \"\(host)\" (ssh)", arguments, 60, needs, executor))
                }
            case .slurm(let slurm):
                let local = LaunchCommand(arguments: ["/bin/sh", "-c", script], workingDirectory: "/", environment: [:])
                var arguments = SlurmLauncher.command(for: local, settings: slurm, jobName: "wb-check").arguments
                arguments.removeAll { $0 == "--export=ALL" }
                jobs.append(("Slurm" + (slurm.partition.map { " partition \"\($0)\"" } ?? ""), arguments, executor.helloTimeout, needs, executor))
            }
        }
        let labels = jobs.map(\.label).joined(separator: ", ")
        let reminder = Task {
            try? await Task.sleep(nanoseconds: 5_000_000_000)
            guard !Task.isCancelled else { return }
            note("checking that the stages are reachable on \(labels) (still waiting after 5 s)…")
        }
        let outcomes = await withTaskGroup(of: (Int, CommandCapture.Outcome).self) { group in
            for (i, job) in jobs.enumerated() {
                let (arguments, timeout) = (job.arguments, job.timeout)
                group.addTask { (i, await CommandCapture.run(arguments, timeout: timeout)) }
            }
            var all: [Int: CommandCapture.Outcome] = [:]
            for await (i, outcome) in group { all[i] = outcome }
            return all
        }
        reminder.cancel()

        var problems: [String] = []
        var filesMissing = false
        for (i, job) in jobs.enumerated() {
            let outcome = outcomes[i]!
            let stderr = outcome.stderr.split(separator: "\n").map(String.init)
            if let launchError = outcome.launchError {
                let program = job.arguments[0]
                problems.append(job.executor.kind == .slurm
                    ? "the slurm executor needs \(program): \(launchError) (run workbench on a login node or inside an allocation)"
                    : "the ssh executor needs \(program): \(launchError)")
                continue
            }
            if outcome.timedOut {
                problems.append("\(job.label): the check did not finish within \(Int(job.timeout)) s (`\(ShellQuoting.commandLine(Array(job.arguments.prefix(job.arguments.count - 1))))`)")
                continue
            }
            guard let messages = missing(in: outcome.stdout, requirements: job.requirements) else {
                let transport = job.executor.transportLines(in: stderr)
                let said = (transport.isEmpty ? stderr : transport).suffix(3).joined(separator: " | ")
                problems.append("\(job.label) cannot be reached: \(outcome.status.map(\.description) ?? "no status")"
                                + (said.isEmpty ? "" : ": \(said)"))
                continue
            }
            if !messages.isEmpty {
                filesMissing = true
                problems.append("the stages cannot run on \(job.label): " + messages.joined(separator: "; "))
            }
        }
        if !problems.isEmpty {
            throw ExecutorError(problems: problems, hint: filesMissing ? sharedFilesystemHint : nil)
        }
    }
}
