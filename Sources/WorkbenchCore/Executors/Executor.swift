/// Where a step's workers run: as local processes, as Slurm job steps, or over ssh.
///
/// A worker is always a process on this machine whose stdin and stdout carry the protocol: the stage
/// itself (`local`), `srun -n1 … -- STAGE` (`slurm`) or `ssh -T HOST 'cd DIR && STAGE'` (`ssh`). The stage
/// never knows where it runs; the host keeps the cache, the corpus and the scheduling.
public enum ExecutorKind: String, Hashable, Sendable, CaseIterable {
    case local
    case slurm
    case ssh
}

/// Options of the `slurm` executor (each becomes an `srun` option).
public struct SlurmSettings: Hashable, Sendable {
    /// `--partition`.
    public var partition: String?
    /// `--cpus-per-task` (default 1, as srun's).
    public var cpusPerTask: Int?
    /// `--mem`, as Slurm writes it (`"4G"`, `"500M"`). Inside an allocation whose memory is a consumable
    /// resource, give it: a step without `--mem` may claim all of the job's memory on its node.
    public var memory: String?
    /// `--time`, as Slurm writes it (`"30"`, `"02:00:00"`, `"1-00:00:00"`).
    public var timeLimit: String?
    /// More srun options, passed as given before `--` (`["--account=lab", "--qos=short"]`).
    public var extraArguments: [String] = []
    /// `--overlap`: job steps share the allocation's CPUs. Set by the host when a pipeline's workers need more
    /// CPUs than the allocation has (otherwise later steps would wait for CPUs the earlier ones never free).
    public var overlap = false
    /// The srun program (a name looked up on PATH, or a path).
    public var srun = "srun"

    public init(partition: String? = nil, cpusPerTask: Int? = nil, memory: String? = nil, timeLimit: String? = nil,
                extraArguments: [String] = [], srun: String = "srun") {
        self.partition = partition
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.timeLimit = timeLimit
        self.extraArguments = extraArguments
        self.srun = srun
    }
}

/// Options of the `ssh` executor.
public struct SSHSettings: Hashable, Sendable {
    /// Hosts as ssh knows them (`node1`, `user@node1`, an alias from `~/.ssh/config`).
    public var hosts: [String]
    /// Workers of each step on each host; a step gets `hosts.count × workersPerHost` workers unless its
    /// `jobs` (or `--jobs`) says otherwise.
    public var workersPerHost: Int = 1
    /// More ssh options, passed before the host (`["-p", "2222", "-i", "~/.ssh/lab"]`).
    public var extraArguments: [String] = []
    /// The ssh program.
    public var ssh = "ssh"

    public init(hosts: [String], workersPerHost: Int = 1, extraArguments: [String] = [], ssh: String = "ssh") {
        self.hosts = hosts
        self.workersPerHost = workersPerHost
        self.extraArguments = extraArguments
        self.ssh = ssh
    }
}

/// An executor with its settings, as `executor` in workspace.json / pipeline.json or `--executor` gives it.
public struct ExecutorSpec: Hashable, Sendable, CustomStringConvertible {
    public enum Settings: Hashable, Sendable {
        case local
        case slurm(SlurmSettings)
        case ssh(SSHSettings)
    }

    public var settings: Settings
    /// Tasks in flight per worker for steps on this executor, unless the step or `--in-flight` says otherwise.
    public var inFlight: Int?
    /// Seconds a new worker may take to say hello (a Slurm step may wait in the queue first).
    public var startTimeout: Double?
    /// Variables set for the workers (on the remote side too: srun exports them, ssh sets them in the remote command).
    public var environment: [String: String]

    public init(_ settings: Settings, inFlight: Int? = nil, startTimeout: Double? = nil, environment: [String: String] = [:]) {
        self.settings = settings
        self.inFlight = inFlight
        self.startTimeout = startTimeout
        self.environment = environment
    }

    public static let local = ExecutorSpec(.local)

    public var kind: ExecutorKind {
        switch settings {
        case .local: .local
        case .slurm: .slurm
        case .ssh: .ssh
        }
    }

    /// Whether workers run somewhere else, through a transport that can fail on its own.
    public var isRemote: Bool { kind != .local }

    /// Tasks in flight per worker when nothing else says: remote transports need more to hide their
    /// latency (srun before Slurm 24.05 holds every line over 1 KB for ~44 ms; see docs/CLUSTER.md).
    public var defaultInFlight: Int? {
        if let inFlight { return inFlight }
        switch kind {
        case .local: return nil
        case .slurm: return 64
        case .ssh: return 32
        }
    }

    /// Seconds a worker may take from launch to hello.
    public var helloTimeout: Double {
        if let startTimeout { return startTimeout }
        switch kind {
        case .local, .ssh: return 60
        case .slurm: return 600
        }
    }

    /// Workers per step when neither the step nor `--jobs` says (nil: the host's default, the core count).
    /// ssh: hosts × workers per host. slurm inside an allocation (`SLURM_NTASKS` set): the allocation's tasks
    /// shared among the document steps, each worker a one-task step (at least one per step).
    public func defaultWorkers(documentSteps: Int, environment: [String: String]) -> Int? {
        switch settings {
        case .local: return nil
        case .ssh(let ssh): return ssh.hosts.count * ssh.workersPerHost
        case .slurm(let slurm):
            guard let cpus = Self.allocationCPUs(environment) else { return nil }
            return max(1, cpus / max(1, slurm.cpusPerTask ?? 1) / max(1, documentSteps))
        }
    }

    /// The CPUs of the Slurm allocation this process runs in (`SLURM_NTASKS` × `SLURM_CPUS_PER_TASK`), if any.
    public static func allocationCPUs(_ environment: [String: String]) -> Int? {
        guard environment["SLURM_JOB_ID"] != nil || environment["SLURM_JOBID"] != nil,
              let tasks = (environment["SLURM_NTASKS"] ?? environment["SLURM_NPROCS"]).flatMap(Int.init), tasks > 0 else { return nil }
        return tasks * max(1, environment["SLURM_CPUS_PER_TASK"].flatMap(Int.init) ?? 1)
    }

    /// CPUs one worker takes (Slurm's `--cpus-per-task`; 0 for executors that do not use the allocation).
    public var cpusPerWorker: Int {
        if case .slurm(let slurm) = settings { return slurm.cpusPerTask ?? 1 }
        return 0
    }

    /// The same executor with job steps sharing CPUs (`--overlap`); unchanged for others.
    public func overlapping() -> ExecutorSpec {
        guard case .slurm(var slurm) = settings else { return self }
        slurm.overlap = true
        var copy = self
        copy.settings = .slurm(slurm)
        return copy
    }

    public var description: String {
        switch settings {
        case .local: "local"
        case .slurm(let s): "slurm" + (s.partition.map { " (partition \($0))" } ?? "")
        case .ssh(let s): "ssh (\(s.hosts.joined(separator: ", ")), \(s.workersPerHost) per host)"
        }
    }
}

/// The program a worker is: argv, working directory and environment.
public struct LaunchCommand: Hashable, Sendable {
    /// argv; the first element is a path or a name looked up on PATH.
    public var arguments: [String]
    public var workingDirectory: String
    /// Added to the host's environment.
    public var environment: [String: String]

    public init(arguments: [String], workingDirectory: String, environment: [String: String]) {
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
    }

    /// The environment every stage gets (docs/PROTOCOL.md §1).
    public static func stageEnvironment(_ descriptor: StageDescriptor) -> [String: String] {
        ["PYTHONUNBUFFERED": "1", "WORKBENCH_STAGE": descriptor.name]
    }

    /// The stage itself, run here.
    public static func local(_ descriptor: StageDescriptor, arguments: [String] = []) -> LaunchCommand {
        LaunchCommand(arguments: descriptor.command + arguments, workingDirectory: descriptor.directory,
                      environment: stageEnvironment(descriptor))
    }

    /// The command line as a shell would show it.
    public var display: String { arguments.map(ShellQuoting.quoteIfNeeded).joined(separator: " ") }
}

/// How a worker ended, as its executor understands it.
public enum WorkerExit: Hashable, Sendable {
    /// The stage itself exited or crashed (with the stage's status, translated back from the transport's).
    case stage(ExitStatus)
    /// The transport lost the worker (srun or ssh killed, a node gone, a step cancelled): not the
    /// document's fault. The reason is for people.
    case lost(String)
}

extension ExecutorSpec {
    /// The command that starts one worker of `descriptor` (on `host`, for ssh).
    public func launchCommand(for descriptor: StageDescriptor, arguments: [String] = [], host: String? = nil, jobName: String? = nil) -> LaunchCommand {
        var local = LaunchCommand.local(descriptor, arguments: arguments)
        local.environment.merge(environment) { stage, _ in stage }
        switch settings {
        case .local:
            return local
        case .slurm(let slurm):
            return SlurmLauncher.command(for: local, settings: slurm, jobName: jobName ?? "wb-\(descriptor.name)")
        case .ssh(let ssh):
            return SSHLauncher.command(for: local, settings: ssh, host: host ?? ssh.hosts.first ?? "localhost")
        }
    }

    /// Tells a stage's own exit from the transport losing the worker.
    public func classify(_ status: ExitStatus, stderr: [String]) -> WorkerExit {
        switch kind {
        case .local: .stage(status)
        case .slurm: SlurmLauncher.classify(status, stderr: stderr)
        case .ssh: SSHLauncher.classify(status, stderr: stderr)
        }
    }

    /// The transport's own error lines in a stderr tail (`srun: error: …`), for failure reports.
    public func transportLines(in stderr: [String]) -> [String] {
        switch kind {
        case .local: []
        case .slurm: SlurmLauncher.errorLines(in: stderr)
        case .ssh: SSHLauncher.errorLines(in: stderr)
        }
    }
}
