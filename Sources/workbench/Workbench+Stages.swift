import ArgumentParser
import WorkbenchCore
import WorkbenchProtocol

extension Workbench {
    /// `workbench stages`: what is on the search path, and each stage's hello.
    struct Stages: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stages on the search path and what each says about itself.",
            discussion: "Searched: the workspace's \"stages\" folders, $WORKBENCH_STAGE_PATH, then the folder of the workbench executable.")

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Flag(help: "Print each stage's hello as JSON.")
        var json = false

        func run() async throws {
            let workspace = try? Workspace.load(directory: workspaceOptions.workspace)
            let registry = StageRegistry(searchPath: StageRegistry.searchPath(for: workspace))
            for problem in registry.problems { StandardError.print("warning: \(problem)") }
            if registry.names.isEmpty {
                StandardError.print("no stages found in: \(registry.searchPath.joined(separator: ", "))")
                throw ExitCode(1)
            }
            var failed = false
            for name in registry.names {
                let descriptor = registry[name]!
                do {
                    let hello = try await registry.hello(of: name)
                    if json {
                        print(JSONValue.object(hello.json).jsonString())
                        continue
                    }
                    var line = "\(hello.name) \(hello.version)  [\(hello.scope.rawValue)]"
                    if !hello.consumes.isEmpty { line += "  consumes: \(hello.consumes.joined(separator: ", "))" }
                    if let produces = hello.produces { line += "  produces: \(produces)" }
                    print(line)
                    if let summary = hello.summary { print("    \(summary)") }
                    if case .object(let schema)? = hello.configSchema, case .object(let properties)? = schema["properties"] {
                        for member in properties {
                            let type = member.value["type"]?.stringValue ?? "any"
                            let about = member.value["description"]?.stringValue.map { " — \($0)" } ?? ""
                            print("    config \(member.key): \(type)\(about)")
                        }
                    }
                    print("    \(descriptor.location)  protocols \(hello.protocols.map(String.init).joined(separator: ","))")
                } catch {
                    failed = true
                    print("\(name)  (cannot describe itself: \(error.message))")
                    print("    \(descriptor.location)")
                }
            }
            for shadowed in registry.shadowed { StandardError.print("note: \(shadowed.location) is hidden by an earlier stage named \"\(shadowed.name)\"") }
            if failed { throw ExitCode(1) }
        }
    }
}
