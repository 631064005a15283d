import WorkbenchProtocol

/// Reading `executor` (workspace.json, pipeline.json, a pipeline step) and deciding which one a step uses.
///
/// ```json
/// "executor": "slurm"
/// "executor": {"type": "slurm", "partition": "short", "cpus_per_task": 1, "memory": "2G", "time_limit": "02:00:00",
///              "extra_args": ["--account=lab"], "in_flight": 64}
/// "executor": {"type": "ssh", "hosts": ["ws1", "ws2"], "workers_per_host": 2, "extra_args": ["-p", "2222"],
///              "environment": {"OMP_NUM_THREADS": "1"}}
/// ```
extension ExecutorSpec {
    static let commonKeys = ["type", "in_flight", "start_timeout", "environment", "description"]
    static let slurmKeys = commonKeys + ["partition", "cpus_per_task", "memory", "time_limit", "extra_args", "overlap", "srun"]
    static let sshKeys = commonKeys + ["hosts", "workers_per_host", "extra_args", "ssh"]
    static let typeNames = ExecutorKind.allCases.map(\.rawValue)

    static let sshExample = #"{"type": "ssh", "hosts": ["node1", "node2"], "workers_per_host": 2}"#

    /// Parses an `executor` value, recording a located diagnostic for every problem.
    static func read(_ value: JSONValue, at path: JSONPath, reader: inout ConfigReader) -> ExecutorSpec? {
        switch value {
        case .string(let name):
            guard let kind = ExecutorKind(rawValue: name) else {
                reader.error("unknown executor \"\(name)\"", at: path, hint: Suggestion.hint(for: name, in: typeNames, kind: "executors"))
                return nil
            }
            switch kind {
            case .local: return .local
            case .slurm: return ExecutorSpec(.slurm(SlurmSettings()))
            case .ssh:
                reader.error("the ssh executor needs a list of hosts", at: path, hint: "write \(sshExample)")
                return nil
            }
        case .object(let object):
            guard let name = reader.string(object, "type", at: path, required: true, hint: "one of: \(typeNames.joined(separator: ", "))") else {
                return nil
            }
            guard let kind = ExecutorKind(rawValue: name) else {
                reader.error("unknown executor \"\(name)\"", at: path.appending("type"), hint: Suggestion.hint(for: name, in: typeNames, kind: "executors"))
                return nil
            }
            var spec: ExecutorSpec
            switch kind {
            case .local:
                reader.rejectUnknownKeys(object, at: path, allowed: commonKeys, what: "the local executor")
                spec = .local
            case .slurm:
                reader.rejectUnknownKeys(object, at: path, allowed: slurmKeys, what: "the slurm executor")
                var slurm = SlurmSettings()
                slurm.partition = nonEmpty(reader.string(object, "partition", at: path), "partition", at: path, reader: &reader)
                slurm.cpusPerTask = reader.int(object, "cpus_per_task", at: path, minimum: 1)
                slurm.memory = nonEmpty(reader.string(object, "memory", at: path), "memory", at: path, reader: &reader)
                if let memory = slurm.memory, !isSlurmMemory(memory) {
                    reader.error("\"\(memory)\" is not a Slurm memory size", at: path.appending("memory"), hint: "a number with an optional unit: \"500M\", \"4G\"")
                }
                slurm.timeLimit = nonEmpty(reader.string(object, "time_limit", at: path), "time_limit", at: path, reader: &reader)
                if let time = slurm.timeLimit, !isSlurmTime(time) {
                    reader.error("\"\(time)\" is not a Slurm time limit", at: path.appending("time_limit"),
                                 hint: "minutes, or \"HH:MM:SS\", or \"D-HH:MM:SS\" (as srun --time reads it)")
                }
                slurm.extraArguments = reader.strings(object, "extra_args", at: path) ?? []
                slurm.overlap = reader.bool(object, "overlap", at: path) ?? false
                if let srun = nonEmpty(reader.string(object, "srun", at: path), "srun", at: path, reader: &reader) { slurm.srun = srun }
                spec = ExecutorSpec(.slurm(slurm))
            case .ssh:
                reader.rejectUnknownKeys(object, at: path, allowed: sshKeys, what: "the ssh executor")
                let hosts = reader.strings(object, "hosts", at: path, acceptSingle: true)
                if hosts == nil && object["hosts"] == nil {
                    reader.error("missing required field \"hosts\"", at: path, hint: "write \(sshExample)")
                }
                for (i, host) in (hosts ?? []).enumerated() where host.isEmpty || host.hasPrefix("-") || host.contains(where: \.isWhitespace) {
                    reader.error("\"\(host)\" is not a host name", at: path.appending("hosts").appending(i),
                                 hint: "a host as ssh knows it: \"node1\", \"user@node1\" or an alias from ~/.ssh/config")
                }
                if let hosts, hosts.isEmpty { reader.error("the ssh executor needs at least one host", at: path.appending("hosts")) }
                var ssh = SSHSettings(hosts: hosts ?? [])
                ssh.workersPerHost = reader.int(object, "workers_per_host", at: path, minimum: 1) ?? 1
                ssh.extraArguments = reader.strings(object, "extra_args", at: path) ?? []
                if let program = nonEmpty(reader.string(object, "ssh", at: path), "ssh", at: path, reader: &reader) { ssh.ssh = program }
                spec = ExecutorSpec(.ssh(ssh))
            }
            spec.inFlight = reader.int(object, "in_flight", at: path, minimum: 1)
            spec.startTimeout = reader.number(object, "start_timeout", at: path, minimum: 1)
            if let given = object["environment"] {
                let envPath = path.appending("environment")
                if case .object(let variables) = given {
                    for member in variables.members {
                        guard case .string(let value) = member.value else {
                            reader.expect("a string", at: envPath.appending(member.key), found: member.value)
                            continue
                        }
                        if member.key.isEmpty || member.key.contains("=") || !member.key.allSatisfy({ $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                            reader.error("\"\(member.key)\" is not an environment variable name", at: envPath.appending(member.key), key: true)
                            continue
                        }
                        spec.environment[member.key] = value
                    }
                } else {
                    reader.expect("an object of NAME: value strings", at: envPath, found: given)
                }
            }
            return spec
        default:
            reader.expect("\"local\", \"slurm\" or an executor object", at: path, found: value, hint: "e.g. \"slurm\" or \(sshExample)")
            return nil
        }
    }

    private static func nonEmpty(_ value: String?, _ key: String, at path: JSONPath, reader: inout ConfigReader) -> String? {
        guard let value else { return nil }
        if value.isEmpty { reader.error("must not be empty", at: path.appending(key)); return nil }
        return value
    }

    /// `500`, `500M`, `4G`, `1T` (srun --mem).
    static func isSlurmMemory(_ text: String) -> Bool {
        var digits = Substring(text)
        if let last = digits.last, "KMGTkmgt".contains(last) { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// `MM`, `MM:SS`, `HH:MM:SS`, `D-HH`, `D-HH:MM`, `D-HH:MM:SS`, or `UNLIMITED`/`INFINITE` (srun --time).
    static func isSlurmTime(_ text: String) -> Bool {
        if ["unlimited", "infinite"].contains(text.lowercased()) { return true }
        var rest = Substring(text)
        if let dash = rest.firstIndex(of: "-") {
            let days = rest[..<dash]
            guard !days.isEmpty, days.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            rest = rest[rest.index(after: dash)...]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

/// Which executor each step runs on.
public enum ExecutorResolution {
    /// A step's executor: its own `executor`, else `--executor` (taking that kind's settings from pipeline.json
    /// or workspace.json when they name the same kind), else pipeline.json's, else workspace.json's, else local.
    /// - Throws: `ConfigurationError` when `--executor ssh` is given and no file names hosts.
    public static func executor(for step: PipelineStep, commandLine: ExecutorKind?, pipeline: ExecutorSpec?,
                                workspace: ExecutorSpec?) throws(ConfigurationError) -> ExecutorSpec {
        if let own = step.options.executor { return own }
        if let kind = commandLine {
            if let configured = [pipeline, workspace].compactMap({ $0 }).first(where: { $0.kind == kind }) { return configured }
            switch kind {
            case .local: return .local
            case .slurm: return ExecutorSpec(.slurm(SlurmSettings()))
            case .ssh:
                throw ConfigurationError([.error("--executor ssh: no hosts are configured",
                                                 hint: "add \"executor\": \(ExecutorSpec.sshExample) to workspace.json or pipeline.json")])
            }
        }
        return pipeline ?? workspace ?? .local
    }
}
