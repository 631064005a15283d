public import WorkbenchProtocol
import Foundation

/// Checks a pipeline against the stages it names and resolves it into a `RunPlan`, reporting every
/// problem at once: duplicate ids, unknown stages and inputs, cycles, unmet or ambiguous inputs,
/// scope mismatches, configs that break the stage's schema, and (with `probe`) configs the stage refuses.
public struct PipelineValidator: Sendable {
    public let registry: StageRegistry
    /// Start each stage and send it the config, as a run would.
    public var probe: Bool
    /// The workspace's topic file: given to every stage whose config schema has a `topic` field the
    /// step leaves empty (its content, not its path, becomes part of the config and the cache key).
    public var topic: JSONValue?

    public init(registry: StageRegistry, probe: Bool = true, topic: JSONValue? = nil) {
        self.registry = registry
        self.probe = probe
        self.topic = topic
    }

    /// - Throws: `ConfigurationError` with every error (and warning) found, sorted by position.
    public func plan(_ given: Pipeline) async throws(ConfigurationError) -> RunPlan {
        var pipeline = given
        var collector = DiagnosticCollector()
        collector.add(contentsOf: pipeline.diagnostics)
        let file = pipeline.file
        func location(_ path: JSONPath, key: Bool = false) -> SourceLocation? { file?.location(of: path, key: key) }
        func error(_ message: String, at path: JSONPath, key: Bool = false, hint: String? = nil) {
            collector.add(.error(message, at: location(path, key: key), field: path, hint: hint))
        }

        // 1. Ids.
        var firstIndex: [String: Int] = [:]
        for step in pipeline.steps {
            if let first = firstIndex[step.id] {
                error("duplicate step id \"\(step.id)\" (first used by steps[\(first)])", at: step.path.appending("id"),
                      hint: "step ids must be unique within a pipeline; give this step its own \"id\"")
            } else {
                firstIndex[step.id] = step.index
            }
        }

        // 2. Stages and their hellos (described in parallel).
        var hellos: [String: StageHello] = [:]
        let knownNames = Set(pipeline.steps.map(\.stage)).filter { registry[$0] != nil }
        let described: [(String, Result<StageHello, StageStartError>)] = await withTaskGroup(of: (String, Result<StageHello, StageStartError>).self) { group in
            for name in knownNames {
                group.addTask { await Self.describe(name, registry: registry) }
            }
            var all: [(String, Result<StageHello, StageStartError>)] = []
            for await item in group { all.append(item) }
            return all
        }
        var describeErrors: [String: StageStartError] = [:]
        for (name, result) in described {
            switch result {
            case .success(let hello): hellos[name] = hello
            case .failure(let failure): describeErrors[name] = failure
            }
        }
        for step in pipeline.steps {
            let path = step.path.appending("stage")
            if registry[step.stage] == nil {
                error("unknown stage \"\(step.stage)\"", at: path,
                      hint: Suggestion.hint(for: step.stage, in: registry.names, kind: "stages") ?? "no stages found; build them with `swift build`, or add a folder to \"stages\" in workspace.json")
            } else if let failure = describeErrors[step.stage] {
                error("stage \"\(step.stage)\" cannot describe itself: \(failure.message)", at: path,
                      hint: "`\((registry[step.stage]!.command + ["--describe"]).joined(separator: " "))` must print its hello line and exit")
            } else if let hello = hellos[step.stage], StageProtocol.negotiate(stage: hello.protocols) == nil {
                error("stage \"\(step.stage)\" speaks protocol versions \(hello.protocols); this host speaks \(StageProtocol.supportedVersions)",
                      at: path, hint: "update the stage (or its SDK) to protocol version \(StageProtocol.supportedVersions.max()!)")
            }
        }

        // 3. Inputs.
        let byId = Dictionary(pipeline.steps.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var bindings: [String: [InputBinding]] = [:]
        for step in pipeline.steps {
            guard let hello = hellos[step.stage] else { continue }
            var result: [InputBinding] = []
            if let given = step.inputs {
                var satisfied = Set<String>()
                var misspelled = false
                for (i, inputId) in given.enumerated() {
                    let path = step.path.appending("inputs").appending(i)
                    if inputId == step.id {
                        error("step \"\(step.id)\" lists itself as an input", at: path)
                        continue
                    }
                    guard let upstream = byId[inputId] else {
                        misspelled = true
                        error("unknown input step \"\(inputId)\"", at: path,
                              hint: Suggestion.hint(for: inputId, in: pipeline.steps.map(\.id).filter { $0 != step.id }, kind: "steps"))
                        continue
                    }
                    let upstreamHello = hellos[upstream.stage]
                    // The consumes entry it satisfies; an extra input is named after what it produces (`attribution`),
                    // or its step id when that name is taken.
                    var name = hello.consumes.first { Self.satisfies(upstream: upstream, hello: upstreamHello, consumed: $0) }
                        ?? Self.baseName(upstreamHello?.produces ?? upstream.stage)
                    if result.contains(where: { $0.name == name }) { name = inputId }
                    if let upstreamHello, let consumed = hello.consumes.first(where: { Self.baseName($0) == Self.baseName(upstreamHello.produces ?? upstreamHello.name) }),
                       let mismatch = Self.versionMismatch(consumed: consumed, produces: upstreamHello.produces) {
                        error(mismatch, at: path)
                    }
                    satisfied.insert(name)
                    result.append(InputBinding(name: name, stepId: inputId, stepIndex: upstream.index))
                }
                // An unknown input was most likely meant to satisfy what is missing: one error is enough.
                for consumed in hello.consumes where !satisfied.contains(consumed) && !misspelled {
                    let producers = pipeline.steps.filter { $0.id != step.id && Self.satisfies(upstream: $0, hello: hellos[$0.stage], consumed: consumed) }
                    error("stage \"\(hello.name)\" consumes \"\(consumed)\", but none of the step's inputs produces it",
                          at: step.path.appending("inputs"),
                          hint: producers.first.map { "add \"\($0.id)\" to \"inputs\"" } ?? "add a step that runs a stage producing \"\(consumed)\"")
                }
            } else {
                for consumed in hello.consumes {
                    let producers = pipeline.steps.filter { $0.id != step.id && Self.satisfies(upstream: $0, hello: hellos[$0.stage], consumed: consumed) }
                    if producers.count == 1 {
                        result.append(InputBinding(name: consumed, stepId: producers[0].id, stepIndex: producers[0].index))
                    } else if producers.isEmpty {
                        error("stage \"\(hello.name)\" consumes \"\(consumed)\", and no step produces it", at: step.path.appending("stage"),
                              hint: "add a step running the stage that produces \"\(consumed)\" (or give \"inputs\")")
                    } else {
                        error("stage \"\(hello.name)\" consumes \"\(consumed)\", which steps \(producers.map { "\"\($0.id)\"" }.joined(separator: " and ")) both produce",
                              at: step.path.appending("stage"), hint: "say which with \"inputs\": [\"\(producers[0].id)\"]")
                    }
                }
            }
            bindings[step.id] = result
        }

        // 4. Cycles and scopes.
        if let cycle = Self.findCycle(pipeline.steps, bindings: bindings) {
            let first = byId[cycle[0]]!
            error("steps form a cycle: \(cycle.joined(separator: " → "))", at: first.path.appending("inputs"),
                  hint: "a pipeline is a DAG; remove one of these inputs")
        }
        for step in pipeline.steps {
            guard let hello = hellos[step.stage] else { continue }
            for (i, binding) in (bindings[step.id] ?? []).enumerated() {
                guard let upstream = byId[binding.stepId], let upstreamHello = hellos[upstream.stage], upstreamHello.scope == .corpus else { continue }
                let path = step.inputs == nil ? step.path.appending("stage") : step.path.appending("inputs").appending(i)
                if hello.scope == .document {
                    error("document-scope step \"\(step.id)\" cannot read corpus-scope step \"\(upstream.id)\"", at: path,
                          hint: "a corpus step answers once, after every document; only corpus steps come after it")
                } else {
                    error("corpus-scope step \"\(step.id)\" reading corpus-scope step \"\(upstream.id)\" is not supported in protocol 1", at: path)
                }
            }
        }

        // 5. The workspace topic for stages that take one, then configs against the declared schema.
        if let topic {
            for (i, step) in pipeline.steps.enumerated() {
                guard case .object(var config) = step.config, config["topic"] == nil,
                      hellos[step.stage]?.configSchema?["properties"]?["topic"] != nil else { continue }
                config["topic"] = topic
                pipeline.steps[i].config = .object(config)
            }
        }
        for step in pipeline.steps {
            guard let hello = hellos[step.stage], let schema = hello.configSchema else { continue }
            for violation in ConfigSchema(schema).violations(of: step.config) {
                let path = step.path.appending("config") + violation.path
                error(violation.message, at: path, key: violation.isUnknownKey, hint: violation.hint)
            }
        }

        if collector.hasErrors { throw ConfigurationError(collector.diagnostics.sortedByLocation()) }

        // 6. Plan, in topological order.
        let order = Self.topologicalOrder(pipeline.steps, bindings: bindings)
        var plans: [StepPlan] = []
        var position: [String: Int] = [:]
        for (index, step) in order.enumerated() {
            position[step.id] = index
            let hello = hellos[step.stage]!
            let resolved = (bindings[step.id] ?? []).map {
                InputBinding(name: $0.name, stepId: $0.stepId, stepIndex: position[$0.stepId]!, members: hello.reads[$0.name])
            }
            plans.append(StepPlan(step: step, descriptor: registry[step.stage]!, hello: hello, index: index, inputs: resolved,
                                  fingerprint: registry.fingerprint(of: step.stage),
                                  protocolVersion: StageProtocol.negotiate(stage: hello.protocols)!))
        }

        // 7. Probe: start each stage with its config, as a run would.
        if probe {
            let rejections = await withTaskGroup(of: (StepPlan, StageStartError?).self) { group in
                for plan in plans {
                    group.addTask { (plan, await Self.probe(plan)) }
                }
                var all: [(StepPlan, StageStartError?)] = []
                for await item in group { all.append(item) }
                return all
            }
            for (plan, rejection) in rejections {
                guard let rejection else { continue }
                var path = plan.step.path.appending("config")
                var message = rejection.message
                if let field = rejection.field, let sub = JSONPath(parsing: field) {
                    path = path + sub
                    if message.hasPrefix("config.\(field):") { message = String(message.dropFirst("config.\(field):".count)).trimmingCharacters(in: " ") }
                } else if message.hasPrefix("config."), let colon = message.firstIndex(of: ":"),
                          let sub = JSONPath(parsing: String(message[message.index(message.startIndex, offsetBy: 7)..<colon])) {
                    path = path + sub
                    message = String(message[message.index(after: colon)...]).trimmingCharacters(in: " ")
                } else if message.hasPrefix("config:") {
                    message = String(message.dropFirst(7)).trimmingCharacters(in: " ")
                }
                let what = rejection.kind == .configRejected ? "stage \"\(plan.stageName)\" rejected the config: \(message)"
                    : "stage \"\(plan.stageName)\" failed to start: \(rejection.message)"
                error(what, at: rejection.kind == .configRejected ? path : plan.step.path.appending("stage"),
                      hint: rejection.stderrTail.flatMap { $0.isEmpty ? nil : "its stderr ends: " + ($0.split(separator: "\n").last.map(String.init) ?? "") })
            }
            if collector.hasErrors { throw ConfigurationError(collector.diagnostics.sortedByLocation()) }
        }
        return RunPlan(steps: plans, pipeline: pipeline, warnings: collector.diagnostics)
    }

    /// The stage's hello, or why there is none. (A plain function: a typed `do throws` inside the
    /// task-group closure lost the captured name in release builds with Swift 6.3.)
    static func describe(_ name: String, registry: StageRegistry) async -> (String, Result<StageHello, StageStartError>) {
        do {
            return (name, .success(try await registry.hello(of: name)))
        } catch {
            return (name, .failure(error))
        }
    }

    /// Starts the stage, configures it, shuts it down. Nil when it answered `ready`.
    static func probe(_ plan: StepPlan) async -> StageStartError? {
        let session = StageSession(descriptor: plan.descriptor)
        session.start()
        do {
            _ = try await session.awaitHello()
            try await session.configure(step: plan.id, config: plan.step.config, protocolVersion: plan.protocolVersion)
            await session.shutdown()
            return nil
        } catch {
            session.process.kill()
            while await session.next() != nil {}
            return error
        }
    }

    // MARK: - Helpers

    static func baseName(_ name: String) -> String { String(name.split(separator: "/").first ?? Substring(name)) }

    /// Whether `upstream` produces what a stage `consumed`: by stage name or by produced type.
    static func satisfies(upstream: PipelineStep, hello: StageHello?, consumed: String) -> Bool {
        let base = baseName(consumed)
        if upstream.stage == base || upstream.stage == consumed { return true }
        guard let produces = hello?.produces else { return false }
        return produces == consumed || baseName(produces) == base
    }

    static func versionMismatch(consumed: String, produces: String?) -> String? {
        guard consumed.contains("/"), let produces, produces.contains("/"), consumed != produces else { return nil }
        return "consumes \"\(consumed)\" but the input produces \"\(produces)\""
    }

    static func findCycle(_ steps: [PipelineStep], bindings: [String: [InputBinding]]) -> [String]? {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        func visit(_ id: String) -> [String]? {
            if state[id] == 2 { return nil }
            if state[id] == 1 {
                let start = stack.firstIndex(of: id)!
                return Array(stack[start...]) + [id]
            }
            state[id] = 1
            stack.append(id)
            for binding in bindings[id] ?? [] { if let cycle = visit(binding.stepId) { return cycle } }
            stack.removeLast()
            state[id] = 2
            return nil
        }
        for step in steps { if let cycle = visit(step.id) { return cycle.reversed() } }
        return nil
    }

    static func topologicalOrder(_ steps: [PipelineStep], bindings: [String: [InputBinding]]) -> [PipelineStep] {
        var done = Set<String>()
        var order: [PipelineStep] = []
        while order.count < steps.count {
            guard let next = steps.first(where: { !done.contains($0.id) && (bindings[$0.id] ?? []).allSatisfy { done.contains($0.stepId) } }) else { break }
            done.insert(next.id)
            order.append(next)
        }
        return order
    }

}
