import Foundation
import Testing
@testable import WorkbenchCore
import WorkbenchTestSupport

/// How executors build worker commands, quote them, read srun's and ssh's stderr, and check remote paths.
@Suite("Executor commands", .timeLimit(.minutes(1)))
struct ExecutorCommandTests {
    static let stage = StageDescriptor(name: "quotes", kind: .manifest, command: ["python3", "/lab/it's here/quotes.py", "--fast"],
                                       directory: "/lab/it's here", files: ["/lab/it's here/quotes.py"])

    /// Runs `sh -c SCRIPT` here and returns its stdout.
    func shell(_ script: String) async -> String {
        await CommandCapture.run(["/bin/sh", "-c", script], timeout: 10).stdout
    }

    @Test("Quoting survives a shell: every byte comes back", arguments: [
        "plain", "two words", "it's", #"a "quoted" $HOME `x` \ back"#, "", "new\nline", "ünïcødé ✓", "--flag=1", "*?[]",
    ])
    func quotingRoundTrip(word: String) async {
        let echoed = await shell("printf '%s' \(ShellQuoting.quote(word))")
        #expect(echoed == word)
        #expect(await shell("printf '%s' \(ShellQuoting.quoteIfNeeded(word))") == word)
    }

    @Test("Words that need no quotes are shown as they are")
    func quoteIfNeeded() {
        #expect(ShellQuoting.commandLine(["srun", "--mem=4G", "/a/b.py", "two words", "it's"]) == #"srun --mem=4G /a/b.py 'two words' 'it'\''s'"#)
    }

    @Test("Local: the stage's own command, folder and environment")
    func local() {
        let launch = ExecutorSpec.local.launchCommand(for: Self.stage, arguments: ["--describe"])
        #expect(launch.arguments == ["python3", "/lab/it's here/quotes.py", "--fast", "--describe"])
        #expect(launch.workingDirectory == "/lab/it's here")
        #expect(launch.environment == ["PYTHONUNBUFFERED": "1", "WORKBENCH_STAGE": "quotes"])
    }

    @Test("Slurm: one task per step, --exact, no --unbuffered, the options in order, then -- and the stage")
    func slurm() {
        let spec = ExecutorSpec(.slurm(SlurmSettings(partition: "short", cpusPerTask: 2, memory: "4G", timeLimit: "02:00:00",
                                                     extraArguments: ["--account=lab"])))
        let launch = spec.launchCommand(for: Self.stage, jobName: "wb-quotes")
        #expect(launch.arguments == ["srun", "--ntasks=1", "--nodes=1", "--exact", "--quiet", "--export=ALL", "--job-name=wb-quotes",
                                     "--chdir=/lab/it's here", "--partition=short", "--cpus-per-task=2", "--mem=4G", "--time=02:00:00",
                                     "--account=lab", "--", "python3", "/lab/it's here/quotes.py", "--fast"])
        #expect(!launch.arguments.contains("--unbuffered"))
        #expect(launch.environment["WORKBENCH_STAGE"] == "quotes", "srun exports the environment to the task")
    }

    @Test("Inside an allocation: its CPUs are known, and steps can be made to share them (--overlap)")
    func allocation() {
        #expect(ExecutorSpec.allocationCPUs(["SLURM_JOB_ID": "7", "SLURM_NTASKS": "4", "SLURM_CPUS_PER_TASK": "2"]) == 8)
        #expect(ExecutorSpec.allocationCPUs(["SLURM_NTASKS": "4"]) == nil, "not inside a job")
        let shared = ExecutorSpec(.slurm(SlurmSettings(cpusPerTask: 2))).overlapping()
        #expect(shared.launchCommand(for: Self.stage).arguments.contains("--overlap"))
        #expect(shared.cpusPerWorker == 2)
        #expect(ExecutorSpec.local.overlapping() == .local)
        #expect(!ExecutorSpec(.slurm(SlurmSettings())).launchCommand(for: Self.stage).arguments.contains("--overlap"))
    }

    @Test("An executor's environment reaches the worker: in srun's environment (exported) and in the ssh remote command")
    func environment() async {
        let variables = ["OMP_NUM_THREADS": "1", "LAB_NOTE": "it's fine"]
        let slurm = ExecutorSpec(.slurm(SlurmSettings()), environment: variables).launchCommand(for: Self.stage)
        #expect(slurm.environment["OMP_NUM_THREADS"] == "1" && slurm.environment["WORKBENCH_STAGE"] == "quotes")
        let stage = StageDescriptor(name: "env", kind: .manifest, command: ["sh", "-c", #"printf '%s/%s' "$LAB_NOTE" "$WORKBENCH_STAGE""#],
                                    directory: "/", files: [])
        let ssh = ExecutorSpec(.ssh(SSHSettings(hosts: ["h"])), environment: variables).launchCommand(for: stage, host: "h")
        #expect(await shell(ssh.arguments.last!) == "it's fine/env")
    }

    @Test("ssh: -T, batch mode and keep-alives after the user's options, the host, one quoted remote command")
    func ssh() async {
        let spec = ExecutorSpec(.ssh(SSHSettings(hosts: ["ws1", "ws2"], extraArguments: ["-p", "2222"])))
        let launch = spec.launchCommand(for: Self.stage, host: "ws2")
        #expect(Array(launch.arguments.prefix(5)) == ["ssh", "-T", "-p", "2222", "-o"])
        #expect(launch.arguments.contains("BatchMode=yes"))
        #expect(launch.arguments.suffix(2).first == "ws2")
        let remote = launch.arguments.last!
        #expect(remote.hasPrefix("exec /bin/sh -c "))
        // What the remote shell runs: it goes to the folder and starts the stage with its environment.
        let script = SSHLauncher.remoteCommand(for: LaunchCommand(arguments: ["sh", "-c", #"printf '%s|%s|%s' "$WORKBENCH_STAGE" "$PYTHONUNBUFFERED" "$1""#, "x", "it's"],
                                                                  workingDirectory: "/", environment: ["WORKBENCH_STAGE": "quotes", "PYTHONUNBUFFERED": "1"]))
        #expect(await shell(script) == "quotes|1|it's")
    }

    @Test("ssh: a stage killed by a signal exits 128+n through the remote shell, never 255; 255 is ssh's own")
    func sshStatuses() async {
        let killed = SSHLauncher.remoteCommand(for: LaunchCommand(arguments: ["sh", "-c", "kill -SEGV $$"], workingDirectory: "/", environment: [:]))
        #expect(await CommandCapture.run(["/bin/sh", "-c", killed], timeout: 10).status == .exited(139))
        let exits255 = SSHLauncher.remoteCommand(for: LaunchCommand(arguments: ["sh", "-c", "exit 255"], workingDirectory: "/", environment: [:]))
        #expect(await CommandCapture.run(["/bin/sh", "-c", exits255], timeout: 10).status == .exited(254))

        let spec = ExecutorSpec(.ssh(SSHSettings(hosts: ["ws1"])))
        #expect(spec.classify(.exited(139), stderr: []) == .stage(.signaled(11)))
        #expect(spec.classify(.exited(3), stderr: ["Traceback …"]) == .stage(.exited(3)))
        guard case .lost(let reason) = spec.classify(.exited(255), stderr: ["loading…", "Connection to ws1 closed by remote host."]) else {
            Issue.record("exit 255 is a lost worker")
            return
        }
        #expect(reason.contains("Connection to ws1 closed by remote host."))
        guard case .lost = spec.classify(.signaled(9), stderr: []) else { Issue.record("a killed ssh is a lost worker"); return }
    }

    /// Lines as Debian's Slurm 22.05 prints them.
    @Test("srun: task exits are the stage's; cancelled steps, node failures and a killed srun are lost workers")
    func srunClassification() {
        let spec = ExecutorSpec(.slurm(SlurmSettings()))
        #expect(spec.classify(.exited(139), stderr: ["srun: error: vm: task 0: Segmentation fault"]) == .stage(.signaled(11)))
        #expect(spec.classify(.exited(3), stderr: ["boom", "srun: error: vm: task 0: Exited with exit code 3"]) == .stage(.exited(3)))
        #expect(spec.classify(.exited(0), stderr: []) == .stage(.exited(0)))
        #expect(spec.classify(.exited(137), stderr: ["slurmstepd: error: Detected 1 oom_kill event in StepId=7.0. Some of your processes may have been killed by the cgroup out-of-memory handler.",
                                                     "srun: error: vm: task 0: Out Of Memory"]) == .stage(.signaled(9)))
        let lost: [(WorkbenchCore.ExitStatus, [String])] = [
            (.signaled(9), []),
            (.exited(0), ["slurmstepd-vm: error: *** STEP 7.1 ON vm CANCELLED AT 2026-11-22T06:00:45 ***", "srun: error: vm: task 0: Killed"]),
            (.exited(1), ["srun: error: Node failure on vm", "srun: Job step aborted: Waiting up to 32 seconds for job step to finish."]),
            (.exited(1), ["srun: error: Unable to create step for job 12: Invalid partition name specified"]),
            (.exited(1), ["srun: error: eio_handle_mainloop: Abandoning IO 60 secs after job shutdown initiated"]),
        ]
        for (status, lines) in lost {
            guard case .lost(let reason) = spec.classify(status, stderr: lines) else {
                Issue.record("\(status) with \(lines) should be a lost worker")
                continue
            }
            #expect(!reason.isEmpty)
        }
        #expect(spec.transportLines(in: ["stage says hi", "srun: error: vm: task 0: Killed"]) == ["srun: error: vm: task 0: Killed"])
    }

    @Test("Preflight: the check script names what is missing, with the stages that need it")
    func preflightScript() async {
        let stage = StageDescriptor(name: "quotes", kind: .manifest, command: ["python3", "/nonexistent/wb/quotes.py"],
                                    directory: "/tmp", files: ["/nonexistent/wb/quotes.py", "/bin/sh"])
        let other = StageDescriptor(name: "words", kind: .executable, command: ["/nonexistent/wb/wb-words"], directory: "/nonexistent/wb", files: [])
        let needs = ExecutorPreflight.requirements(of: stage) + ExecutorPreflight.requirements(of: other)
            + [ExecutorPreflight.Requirement(kind: .program, path: "no-such-program-wb", stage: "words")]
        let output = await shell(ExecutorPreflight.script(for: needs))
        let missing = ExecutorPreflight.missing(in: output, requirements: needs)
        #expect(missing == [
            #"missing file /nonexistent/wb/quotes.py (stage "quotes")"#,
            #"missing folder /nonexistent/wb (stage "words")"#,
            #"missing or not executable: /nonexistent/wb/wb-words (stage "words")"#,
            #"program "no-such-program-wb" not found on PATH (stage "words")"#,
        ])
        #expect(ExecutorPreflight.missing(in: "", requirements: needs) == nil, "a check that did not finish is not a pass")
    }

    @Test("Hosts are used round-robin, the least loaded first; a host that lost a worker rests")
    func hostPool() {
        let pool = HostPool(hosts: ["a", "b", "c"])
        let first = (0..<6).compactMap { _ in pool.acquire(at: 0) }
        #expect(first == [0, 1, 2, 0, 1, 2])
        pool.release(1)
        #expect(pool.acquire(at: 0) == 1, "the host with the fewest workers")
        pool.release(2)
        pool.penalize(2, at: 10)
        #expect(pool.acquire(at: 10) != 2, "a host resting after a loss gets no new worker")
        pool.succeeded(2)
        #expect(pool.workers(on: 2) == 1)
    }
}
