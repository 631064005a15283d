import Foundation
import Testing
@testable import WorkbenchCore
import WorkbenchProtocol
import WorkbenchTestSupport

/// `executor` in workspace.json, pipeline.json and steps: parsing, located errors, which one a step uses.
@Suite("Executor configuration")
struct ExecutorConfigTests {
    func pipeline(_ text: String) throws -> Pipeline {
        try Pipeline.load(file: try JSONSourceFile(bytes: Array(text.utf8), displayName: "pipeline.json"), baseDirectory: "/")
    }

    func workspace(_ text: String) throws -> Workspace {
        try Workspace.load(file: try JSONSourceFile(bytes: Array(text.utf8), displayName: "workspace.json"), directory: Fixtures.repositoryRoot)
    }

    func errors(_ pipeline: Pipeline) -> String { pipeline.diagnostics.sortedByLocation().map(\.description).joined(separator: "\n") }

    @Test("A name or an object, globally and per step")
    func parses() throws {
        let p = try pipeline("""
            {"executor": {"type": "slurm", "partition": "short", "cpus_per_task": 2, "memory": "4G", "time_limit": "1-02:00:00",
                          "extra_args": ["--account=lab"], "in_flight": 32, "start_timeout": 120},
             "steps": [{"id": "a", "stage": "x"},
                       {"id": "b", "stage": "x", "executor": "local"},
                       {"id": "c", "stage": "x", "executor": {"type": "ssh", "hosts": ["ws1", "me@ws2"], "workers_per_host": 3}}]}
            """)
        #expect(p.diagnostics.isEmpty, "\(errors(p))")
        let global = try #require(p.executor)
        #expect(global.kind == .slurm)
        #expect(global.inFlight == 32)
        #expect(global.startTimeout == 120)
        #expect(global.settings == .slurm(SlurmSettings(partition: "short", cpusPerTask: 2, memory: "4G", timeLimit: "1-02:00:00",
                                                         extraArguments: ["--account=lab"])))
        #expect(p.steps[0].options.executor == nil)
        #expect(p.steps[1].options.executor == .local)
        #expect(p.steps[2].options.executor?.settings == .ssh(SSHSettings(hosts: ["ws1", "me@ws2"], workersPerHost: 3)))
        #expect(p.steps[2].options.executor?.defaultWorkers(documentSteps: 3, environment: [:]) == 6)
    }

    @Test("Environment variables and overlap")
    func environmentAndOverlap() throws {
        let p = try pipeline("""
            {"executor": {"type": "slurm", "overlap": true, "environment": {"OMP_NUM_THREADS": "1", "bad name": "x", "N": 2}},
             "steps": [{"stage": "x"}]}
            """)
        #expect(p.executor?.environment == ["OMP_NUM_THREADS": "1"])
        #expect(p.executor?.settings == .slurm({ var s = SlurmSettings(); s.overlap = true; return s }()))
        let text = errors(p)
        #expect(text.contains(#"executor.environment["bad name"]: "bad name" is not an environment variable name"#), "\(text)")
        #expect(text.contains("executor.environment.N: expected a string, found number"), "\(text)")
    }

    @Test("Misspelled executors and fields get a did-you-mean, at their line and column")
    func misspelled() throws {
        let p = try pipeline("""
            {"executor": "slrum",
             "steps": [{"id": "a", "stage": "x", "executor": {"type": "slurm", "partiton": "short", "memory": "lots"}},
                       {"id": "b", "stage": "x", "executor": {"type": "shh", "hosts": ["a"]}}]}
            """)
        #expect(errors(p) == """
            pipeline.json:1:14: error: executor: unknown executor "slrum"
              hint: did you mean "slurm"?
            pipeline.json:2:68: error: steps[0].executor.partiton: unknown field "partiton" in the slurm executor
              hint: did you mean "partition"?
            pipeline.json:2:99: error: steps[0].executor.memory: "lots" is not a Slurm memory size
              hint: a number with an optional unit: "500M", "4G"
            pipeline.json:3:59: error: steps[1].executor.type: unknown executor "shh"
              hint: did you mean "ssh"?
            """)
    }

    @Test("ssh needs hosts; host names and time limits are checked")
    func sshNeedsHosts() throws {
        let w = #expect(throws: ConfigurationError.self) {
            try workspace(#"{"corpus": "corpus", "executor": "ssh"}"#)
        }
        #expect(w?.description.contains("the ssh executor needs a list of hosts") == true)
        #expect(w?.description.contains(#"hint: write {"type": "ssh", "hosts": ["node1", "node2"], "workers_per_host": 2}"#) == true)
        let p = try pipeline("""
            {"steps": [{"stage": "x", "executor": {"type": "ssh", "hosts": ["-oProxyCommand=x", "ok"], "workers_per_host": 0}},
                       {"stage": "y", "executor": {"type": "slurm", "time_limit": "2 hours"}}]}
            """)
        let text = errors(p)
        #expect(text.contains(#"steps[0].executor.hosts[0]: "-oProxyCommand=x" is not a host name"#))
        #expect(text.contains("steps[0].executor.workers_per_host: must be at least 1, found 0"))
        #expect(text.contains(#"steps[1].executor.time_limit: "2 hours" is not a Slurm time limit"#))
    }

    @Test("workspace.json's executor is read", arguments: [
        (#""slurm""#, ExecutorKind.slurm), (#""local""#, .local), (#"{"type": "ssh", "hosts": "ws1"}"#, .ssh),
    ])
    func workspaceExecutor(json: String, kind: ExecutorKind) throws {
        let w = try workspace(#"{"corpus": "corpus", "executor": \#(json)}"#)
        #expect(w.executor?.kind == kind)
    }

    @Test("Slurm memory sizes and time limits as srun reads them")
    func slurmFormats() {
        #expect(["500", "500M", "4G", "1T", "64k"].allSatisfy { ExecutorSpec.isSlurmMemory($0) })
        #expect(!["", "G", "4 GB", "4GB", "-1"].contains { ExecutorSpec.isSlurmMemory($0) })
        #expect(["30", "30:00", "02:00:00", "1-0", "1-02:00", "1-02:00:00", "UNLIMITED"].allSatisfy { ExecutorSpec.isSlurmTime($0) })
        #expect(!["", "2h", "1:2:3:4", "-1", "a-02"].contains { ExecutorSpec.isSlurmTime($0) })
    }

    @Test("A step's executor wins; then --executor (with that kind's settings from the files); then pipeline, workspace, local")
    func resolution() throws {
        let slurm = ExecutorSpec(.slurm(SlurmSettings(partition: "short")))
        let ssh = ExecutorSpec(.ssh(SSHSettings(hosts: ["ws1"])))
        var step = PipelineStep(id: "a", stage: "x")
        #expect(try ExecutorResolution.executor(for: step, commandLine: nil, pipeline: nil, workspace: nil) == .local)
        #expect(try ExecutorResolution.executor(for: step, commandLine: nil, pipeline: nil, workspace: ssh) == ssh)
        #expect(try ExecutorResolution.executor(for: step, commandLine: nil, pipeline: slurm, workspace: ssh) == slurm)
        #expect(try ExecutorResolution.executor(for: step, commandLine: .ssh, pipeline: slurm, workspace: ssh) == ssh)
        #expect(try ExecutorResolution.executor(for: step, commandLine: .local, pipeline: slurm, workspace: ssh) == .local)
        #expect(try ExecutorResolution.executor(for: step, commandLine: .slurm, pipeline: nil, workspace: nil).kind == .slurm)
        #expect(throws: ConfigurationError.self) {
            try ExecutorResolution.executor(for: step, commandLine: .ssh, pipeline: slurm, workspace: nil)
        }
        step.options.executor = .local
        #expect(try ExecutorResolution.executor(for: step, commandLine: .slurm, pipeline: slurm, workspace: ssh) == .local)
    }

    @Test("Inside a Slurm allocation the steps share its tasks; remote executors keep more tasks in flight")
    func defaults() {
        let slurm = ExecutorSpec(.slurm(SlurmSettings()))
        #expect(slurm.defaultWorkers(documentSteps: 4, environment: [:]) == nil)
        #expect(slurm.defaultWorkers(documentSteps: 4, environment: ["SLURM_JOB_ID": "1", "SLURM_NTASKS": "16"]) == 4)
        #expect(slurm.defaultWorkers(documentSteps: 4, environment: ["SLURM_JOB_ID": "1", "SLURM_NTASKS": "2"]) == 1)
        #expect(ExecutorSpec(.slurm(SlurmSettings(cpusPerTask: 2))).defaultWorkers(documentSteps: 2, environment: ["SLURM_JOB_ID": "1", "SLURM_NTASKS": "8"]) == 2)
        #expect(slurm.defaultInFlight == 64)
        #expect(ExecutorSpec.local.defaultInFlight == nil)
        #expect(ExecutorSpec(.slurm(SlurmSettings()), inFlight: 8).defaultInFlight == 8)
        #expect(slurm.helloTimeout == 600)
    }
}
